#!/usr/bin/env python3
"""The command-line contract: exit statuses, help, version, bad input, nothing written on error."""
import json
import re
import os
import subprocess
import sys
import tempfile
import unittest

FOLIO = os.path.abspath(sys.argv.pop(1))
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(HERE, "support"))
from harness import listing  # noqa: E402


def run(*args, cwd=ROOT):
    return subprocess.run([FOLIO, *args], cwd=cwd, capture_output=True, text=True, timeout=120)




class Usage(unittest.TestCase):
    def test_version(self):
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout, r"^folio \d+\.\d+\.\d+")

    def test_help_on_every_command(self):
        for cmd in ([], ["build"], ["check"], ["dump"]):
            r = run(*cmd, "--help")
            self.assertEqual(r.returncode, 0, cmd)
            self.assertIn("Usage", r.stdout)

    def test_usage_errors_exit_2(self):
        self.assertEqual(run().returncode, 2)
        self.assertEqual(run("frobnicate").returncode, 2)
        self.assertEqual(run("build", "--no-such-flag").returncode, 2)
        self.assertEqual(run("check", "--format", "xml").returncode, 2)


class BadInput(unittest.TestCase):
    def test_missing_folder(self):
        r = run("dump", "does/not/exist")
        self.assertEqual(r.returncode, 1)
        self.assertIn("does/not/exist: error: no such manuscript folder", r.stderr)

    def test_each_bad_manuscript_gives_one_diagnostic_and_writes_nothing(self):
        with open(os.path.join(HERE, "bad", "expected.txt"), encoding="utf-8") as f:
            cases = [l.rstrip("\n").split(": ", 1) for l in f if l.strip() and not l.startswith("#")]
        self.assertGreaterEqual(len(cases), 5)
        for name, expected in cases:
            with self.subTest(name=name), tempfile.TemporaryDirectory() as out:
                before = listing(os.path.join(HERE, "bad", name))
                for cmd in (["dump"], ["check"], ["build", "-o", out]):
                    r = run(*cmd, os.path.join("tests", "bad", name))
                    self.assertEqual(r.returncode, 1, (cmd, r.stderr))
                    lines = [l for l in r.stderr.splitlines() if ": error:" in l or ": warning:" in l]
                    self.assertEqual(lines, [expected], cmd)
                    self.assertNotIn("internal error", r.stderr)
                self.assertEqual(listing(out), [])
                self.assertEqual(listing(os.path.join(HERE, "bad", name)), before)


class Dump(unittest.TestCase):
    def test_dump_is_json_with_sources(self):
        r = run("dump", "manuscript")
        self.assertEqual(r.returncode, 0, r.stderr)
        doc = json.loads(r.stdout)
        self.assertEqual(doc["metadata"]["title"], "Perestroika versus Socialism")
        self.assertEqual(doc["metadata"]["author"], ["David North"])
        section = doc["sections"][0]
        self.assertEqual((section["role"], section["matter"]), ("preface", "front"))
        for block in section["blocks"]:
            self.assertEqual(block["source"]["file"], "preface.md")
            self.assertGreater(block["source"]["line"], 0)

    def test_default_folder_is_manuscript(self):
        self.assertEqual(run("dump").stdout, run("dump", "manuscript").stdout)

    def test_layout_lists_pages_and_lines(self):
        r = run("dump", "--layout", "manuscript")
        self.assertEqual(r.returncode, 0, r.stderr)
        pages = re.findall(r"(?m)^page (\d+) \[(\w+)\] (recto|verso)", r.stdout)
        self.assertEqual([int(p[0]) for p in pages], list(range(1, len(pages) + 1)))
        self.assertIn(("5", "v", "recto"), pages)
        lines = re.findall(r'(?m)^ +\d+ y=[\d.]+ x=[\d.]+ r=-?[\d.]+ b=\d+ [a-z-]+.* "(.*)"$',
                           r.stdout)
        self.assertGreater(len(lines), 100)
        self.assertIn("This book consists of a", lines)
        # Another style sets other pages; a style that is not there is the manuscript's error.
        other = run("dump", "--layout", "--style", "libertine", "manuscript")
        self.assertEqual(other.returncode, 0, other.stderr)
        self.assertNotEqual(other.stdout, r.stdout)
        self.assertEqual(run("dump", "--layout", "--style", "nosuch", "manuscript").returncode, 1)
        self.assertEqual(run("dump", "--style", "libertine", "manuscript").returncode, 2)


class Build(unittest.TestCase):
    def test_output_folder_inside_manuscript_is_refused(self):
        with tempfile.TemporaryDirectory() as tmp:
            book = os.path.join(tmp, "book")
            os.makedirs(book)
            with open(os.path.join(book, "book.yaml"), "w") as f:
                f.write("title: T\nauthor: A\nlang: en\n")
            with open(os.path.join(book, "a.md"), "w") as f:
                f.write("# A\n\nText.\n")
            r = run("build", book, "-o", os.path.join(book, "out"))
            self.assertEqual(r.returncode, 2)
            self.assertIn("inside the manuscript folder", r.stderr)
            self.assertEqual(listing(book), ["a.md", "book.yaml"])

    def test_long_line_is_shown_as_a_window_without_bidi_controls(self):
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, "book.yaml"), "w") as f:
                f.write("title: T\nauthor: A\nlang: en\ncontents: [a.md]\n")
            with open(os.path.join(tmp, "a.md"), "w") as f:
                f.write("# A\n\n" + "word " * 5000 + "x\u202ey " + "word " * 5000 + "\n")
            r = run("check", tmp)
            self.assertEqual(r.returncode, 1, r.stderr)
            lines = r.stderr.splitlines()
            self.assertIn("a.md:3:25002: error:", lines[0])
            shown, caret = lines[1], lines[2]
            # A window of the 50 KB line, cut on both sides, the control shown as U+FFFD
            # (printed raw it would reorder the terminal's line) with the caret under it.
            self.assertLess(len(shown), 300)
            self.assertTrue(shown.startswith("  \u2026") and shown.endswith("\u2026"), shown)
            self.assertNotIn("\u202e", r.stderr)
            self.assertEqual(caret.index("^"), shown.index("\ufffd"))

    def test_epub_only_writes_only_the_epub(self):
        with tempfile.TemporaryDirectory() as out:
            r = run("build", "manuscript", "-o", out, "--epub")
            files = listing(out)
            if r.returncode == 0:
                self.assertEqual(files, ["perestroika-versus-socialism.epub"])
            else:  # a writer not yet built must say so, and write nothing
                self.assertIn("not implemented", r.stderr)
                self.assertEqual(files, [])

    def test_epub_alone_writes_nothing_when_the_checks_stop_it(self):
        # With --epub the checks, the print edition's typesetting (for the page list) and the
        # EPUB writer run side by side: what the checks find must still stop the build before
        # anything is written, with the diagnostics `folio check` gives, on one thread or many.
        for book, extra in (("tests/checks/footnote-undefined", []),
                            ("tests/checks/ascii-dash", ["--werror"])):
            expected = [l for l in run("check", book).stderr.splitlines()
                        if ": error:" in l or ": warning:" in l]
            self.assertTrue(expected, book)
            for flags in (["--epub"], ["--epub", "-j", "1"], ["--epub", "--no-page-list"]):
                with self.subTest(book=book, flags=flags), tempfile.TemporaryDirectory() as tmp:
                    # Into a folder that exists (nothing may appear in it) and one that does
                    # not (it may not be made).
                    for out in (tmp, os.path.join(tmp, "new")):
                        r = run("build", book, "-o", out, *flags, *extra)
                        self.assertEqual(r.returncode, 1, r.stderr)
                        lines = [l for l in r.stderr.splitlines()
                                 if ": error:" in l or ": warning:" in l]
                        self.assertEqual(lines, expected)
                    self.assertEqual(listing(tmp), [])

    def test_pdf_only_writes_only_the_pdf(self):
        with tempfile.TemporaryDirectory() as out:
            r = run("build", "manuscript", "-o", out, "--pdf")
            files = listing(out)
            if r.returncode == 0:
                self.assertEqual(files, ["perestroika-versus-socialism.pdf"])
            else:
                self.assertIn("not implemented", r.stderr)
                self.assertEqual(files, [])

    def test_jobs_never_change_the_outputs(self):
        # -j 1 runs everything on one thread (checks, sections, cover, writers, post-pass);
        # more jobs run them side by side: the bytes must not depend on it.
        env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
        outputs = {}
        for jobs in ("1", "3", "0"):
            with tempfile.TemporaryDirectory() as out:
                r = subprocess.run([FOLIO, "build", "tests/editions/fixtures/long", "-o", out,
                                    "-j", jobs], cwd=ROOT, capture_output=True, text=True,
                                   timeout=120, env=env)
                self.assertEqual(r.returncode, 0, r.stderr)
                outputs[jobs] = {f: open(os.path.join(out, f), "rb").read() for f in listing(out)}
        self.assertEqual(sorted(outputs["1"]), ["a-longer-ledger.epub", "a-longer-ledger.pdf"])
        self.assertEqual(outputs["1"], outputs["3"])
        self.assertEqual(outputs["1"], outputs["0"])
        self.assertEqual(run("build", "-j", "x").returncode, 2)

    def test_epub_alone_equals_the_full_builds_epub(self):
        # --epub typesets only lines and pages for its page list (no glyph runs): the page
        # starts, and so the EPUB, must be those of the full build.
        env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
        epubs = []
        for flags in (["--epub"], []):
            with tempfile.TemporaryDirectory() as out:
                r = subprocess.run([FOLIO, "build", "tests/editions/fixtures/long", "-o", out,
                                    *flags], cwd=ROOT, capture_output=True, text=True,
                                   timeout=120, env=env)
                self.assertEqual(r.returncode, 0, r.stderr)
                epubs.append(open(os.path.join(out, "a-longer-ledger.epub"), "rb").read())
        self.assertEqual(epubs[0], epubs[1])


if __name__ == "__main__":
    unittest.main(verbosity=2)
