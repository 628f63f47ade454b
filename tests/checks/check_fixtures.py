#!/usr/bin/env python3
"""`folio check` on every fixture folder here: the exact diagnostics, in order; then --fix.

Each fixture is a small manuscript with an expected.txt listing, one per line and in the
order folio prints them, `file:line:column: severity: code`; an args.txt, options for
`folio check` (`--for ingramspark`). The driver runs
`folio check --format json` and requires exactly that list (so a check must fire at the
right place and nowhere else), the matching text report and exit status, and, for a
fixture with a fixed/ folder, that `folio check --fix` on a copy turns each source into
fixed/'s version and changes nothing else.
"""
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest

FOLIO = os.path.abspath(sys.argv.pop(1))
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
# The codes whose fixes --fix applies (docs/checks.md marks them "fixed by --fix").
AUTO_FIX = {"straight-quote", "straight-apostrophe", "ascii-dash", "ascii-ellipsis",
            "double-space", "space-before-punctuation", "byte-order-mark"}


def fixtures():
    return sorted(d for d in os.listdir(HERE) if os.path.isfile(os.path.join(HERE, d, "expected.txt")))


def expected_of(name):
    out = []
    with open(os.path.join(HERE, name, "expected.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            m = re.fullmatch(r"(.+):(\d+):(\d+): (error|warning|note): ([a-z0-9-]+)", line)
            assert m, f"{name}/expected.txt: bad line {line!r}"
            out.append((m[1], int(m[2]), int(m[3]), m[4], m[5]))
    return out


def run(*args):
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run([FOLIO, *args], capture_output=True, text=True, timeout=60, env=env)


def fixture_args(folder):
    """A fixture's args.txt: options for `folio check` (e.g. `--for ingramspark`), or none."""
    path = os.path.join(folder, "args.txt")
    if not os.path.isfile(path):
        return []
    with open(path, encoding="utf-8") as f:
        return f.read().split()


def check_json(folder):
    r = run("check", "--format", "json", *fixture_args(folder), folder)
    return r, json.loads(r.stdout) if r.stdout.strip() else []


def new_book(tmp, chapters):
    """A manuscript folder in `tmp`: a minimal book.yaml and `chapters` (name -> text)."""
    book = os.path.join(tmp, "b")
    os.mkdir(book)
    chapters = {"book.yaml": "title: T\nauthor: A\nlang: en\n", **chapters}
    for name, text in chapters.items():
        with open(os.path.join(book, name), "w", encoding="utf-8") as f:
            f.write(text)
    return book


def snapshot(folder):
    files = {}
    for base, _dirs, names in os.walk(folder):
        for n in names:
            p = os.path.join(base, n)
            with open(p, "rb") as f:
                files[os.path.relpath(p, folder)] = (f.read(), stat.S_IMODE(os.stat(p).st_mode))
    return files


class Fixtures(unittest.TestCase):
    def test_fixture_count(self):
        self.assertGreaterEqual(len(fixtures()), 40)

    def test_exact_diagnostics(self):
        for name in fixtures():
            with self.subTest(fixture=name):
                expected = expected_of(name)
                r, diags = check_json(os.path.join(HERE, name))
                got = [(d["file"], d["line"], d["column"], d["severity"], d["code"]) for d in diags]
                self.assertEqual(got, expected, r.stderr)
                wants_error = any(e[3] == "error" for e in expected)
                self.assertEqual(r.returncode, 1 if wants_error else 0, r.stderr)
                for d in diags:
                    self.assertEqual(set(d), {"file", "line", "column", "end_line", "end_column",
                                              "severity", "code", "message", "fix"})
                    self.assertTrue(d["message"])
                    self.assertGreaterEqual((d["end_line"], d["end_column"]), (d["line"], d["column"]))
                    if d["code"] in AUTO_FIX and d["code"] != "byte-order-mark":
                        self.assertIsNotNone(d["fix"], d)

    def test_text_report(self):
        for name in fixtures():
            with self.subTest(fixture=name):
                expected = expected_of(name)
                r = run("check", *fixture_args(os.path.join(HERE, name)), os.path.join(HERE, name))
                heads = [l for l in r.stderr.splitlines() if re.search(r": (error|warning|note): ", l)]
                self.assertEqual(len(heads), len(expected), r.stderr)
                for head, (file, line, col, sev, code) in zip(heads, expected):
                    where = file if line == 0 else f"{file}:{line}:{col}"
                    self.assertTrue(head.startswith(f"{where}: {sev}: "), head)
                    self.assertTrue(head.endswith(f" [{code}]"), head)
                    self.assertNotIn("\033[", head)  # not a terminal: no colour
                errors = sum(e[3] == "error" for e in expected)
                warnings = sum(e[3] == "warning" for e in expected)
                if expected:
                    parts = ([f"{errors} error{'' if errors == 1 else 's'}"] if errors else []) + \
                            ([f"{warnings} warning{'' if warnings == 1 else 's'}"] if warnings else [])
                    self.assertEqual(r.stderr.splitlines()[-1], ", ".join(parts))
                else:
                    self.assertEqual(r.stderr, "")

    def test_werror(self):
        r = run("check", "--werror", os.path.join(HERE, "double-space"))
        self.assertEqual(r.returncode, 1)
        self.assertEqual(run("check", os.path.join(HERE, "double-space")).returncode, 0)
        self.assertEqual(run("check", "--werror", os.path.join(HERE, "clean")).returncode, 0)

    def test_build_writes_nothing_on_errors_or_with_werror_on_warnings(self):
        for name, args in (("dateline-empty", []), ("double-space", ["--werror"])):
            with self.subTest(fixture=name), tempfile.TemporaryDirectory() as out:
                r = run("build", os.path.join(HERE, name), "-o", os.path.join(out, "o"), *args)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertIn(f"[{expected_of(name)[0][4]}]", r.stderr)
                self.assertEqual(os.listdir(out), [])

    def test_fix_changes_only_the_fixed_characters(self):
        fixed_any = 0
        for name in fixtures():
            golden = os.path.join(HERE, name, "fixed")
            if not os.path.isdir(golden):
                continue
            fixed_any += 1
            with self.subTest(fixture=name), tempfile.TemporaryDirectory() as tmp:
                book = os.path.join(tmp, name)
                shutil.copytree(os.path.join(HERE, name), book)
                os.chmod(os.path.join(book, "a.md"), 0o640)
                before = snapshot(book)
                r = run("check", "--fix", book)
                self.assertIn("fixed ", r.stderr)
                after = snapshot(book)
                self.assertEqual(sorted(after), sorted(before))  # no temporary left behind
                for rel, (data, mode) in before.items():
                    want = data
                    if os.path.dirname(rel) == "" and os.path.exists(os.path.join(golden, rel)):
                        with open(os.path.join(golden, rel), "rb") as f:
                            want = f.read()
                    self.assertEqual(after[rel][0], want, rel)
                    self.assertEqual(after[rel][1], mode, rel)
                _, left = check_json(book)
                self.assertEqual([d for d in left if d["code"] in AUTO_FIX], [])
                # A second --fix has nothing left to do.
                self.assertNotIn("fixed ", run("check", "--fix", book).stderr)
        self.assertGreaterEqual(fixed_any, 5)

    def test_fix_writes_nothing_when_reading_fails(self):
        with tempfile.TemporaryDirectory() as tmp:
            book = os.path.join(tmp, "b")
            shutil.copytree(os.path.join(HERE, "control-character"), book)
            with open(os.path.join(book, "a.md"), "a", encoding="utf-8") as f:
                f.write('\n"straight"\n')
            before = snapshot(book)
            self.assertEqual(run("check", "--fix", book).returncode, 1)
            self.assertEqual(snapshot(book), before)

    def test_style_is_checked_as_build_reads_it(self):
        # A style file with a bad value: check must stop where build stops, at the same place.
        with tempfile.TemporaryDirectory() as tmp:
            book = os.path.join(tmp, "b")
            shutil.copytree(os.path.join(HERE, "clean"), book)
            os.remove(os.path.join(book, "expected.txt"))
            with open(os.path.join(book, "book.yaml"), "a", encoding="utf-8") as f:
                f.write("style: house.yaml\n")
            with open(os.path.join(book, "house.yaml"), "w", encoding="utf-8") as f:
                f.write("page:\n  width: banana\n")
            r, diags = check_json(book)
            self.assertEqual(r.returncode, 1)
            got = [(os.path.basename(d["file"]), d["line"], d["column"], d["code"]) for d in diags]
            self.assertEqual(got, [("house.yaml", 2, 10, "style-invalid")])
            b = run("build", book, "-o", os.path.join(tmp, "out"))
            self.assertEqual(b.returncode, 1)
            self.assertIn("house.yaml:2:10: error: ", b.stderr)

    def test_repeated_diagnostics_are_capped(self):
        # 1,500 of one warning in one file: text shows 20 and a note, JSON lists 1,000 and a
        # note; the counts and the exit status still count them all.
        with tempfile.TemporaryDirectory() as tmp:
            book = new_book(tmp, {"a.md": "# One\n\n" + "".join(f"Word  word {i}.\n\n"
                                                                for i in range(1500))})
            r = run("check", book)
            self.assertEqual(r.returncode, 0)
            heads = [l for l in r.stderr.splitlines() if "[double-space]" in l]
            self.assertEqual(len(heads), 21, r.stderr[-500:])
            self.assertEqual(heads[-1], "a.md: note: 1480 more like this in this file are not shown "
                                        "[double-space]")
            self.assertEqual(r.stderr.splitlines()[-1], "1500 warnings")
            self.assertEqual(run("check", "--werror", book).returncode, 1)
            r, diags = check_json(book)
            self.assertEqual(len(diags), 1001)
            self.assertEqual((diags[-1]["severity"], diags[-1]["code"], diags[-1]["line"]),
                             ("note", "double-space", 0))
            self.assertIn("500 more", diags[-1]["message"])

    def test_file_names_are_escaped(self):
        # A file name with a newline must not forge a diagnostic line; one that is not UTF-8
        # must not break the JSON.
        forged = "x.md\nforged.md:1:1: error: forged [forged]\n.md"
        with tempfile.TemporaryDirectory() as tmp:
            book = os.path.join(tmp, "b")
            shutil.copytree(os.path.join(HERE, "clean"), book)
            os.remove(os.path.join(book, "expected.txt"))
            with open(os.path.join(book, "book.yaml"), "a", encoding="utf-8") as f:
                f.write("contents: [a.md]\n")
            for name in (forged.encode(), b"\xff\x1b[31m.md", "\u202ebad.md".encode()):
                with open(os.path.join(os.fsencode(book), name), "w") as f:
                    f.write("# X\n")
            env = dict(os.environ, NO_COLOR="1")
            r = subprocess.run([FOLIO, "check", book], capture_output=True, timeout=60, env=env)
            err = r.stderr.decode("utf-8")  # valid UTF-8
            self.assertNotIn("\nforged.md:1:1", err)
            self.assertNotIn("\x1b", err)
            self.assertNotIn("\u202e", err)
            self.assertIn("x.md\\nforged.md:1:1: error: forged [forged]\\n.md: warning: ", err)
            self.assertIn("\\xFF\\x1B[31m.md: warning: ", err)
            self.assertIn("\\u202Ebad.md: warning: ", err)
            r = subprocess.run([FOLIO, "check", "--format", "json", book], capture_output=True,
                               timeout=60, env=env)
            diags = json.loads(r.stdout.decode("utf-8"))  # strict: fails on invalid UTF-8
            files = sorted(d["file"] for d in diags)
            self.assertEqual(files, sorted([forged, "\ufffd\x1b[31m.md", "\u202ebad.md"]))

    def test_image_file_size_is_checked_before_reading(self):
        # A sparse 1 GiB "PNG": refused on its size at once, never read.
        with tempfile.TemporaryDirectory() as tmp:
            book = os.path.join(tmp, "b")
            shutil.copytree(os.path.join(HERE, "image-damaged"), book)
            with open(os.path.join(book, "huge.png"), "r+b") as f:
                f.truncate(1 << 30)
            r, diags = check_json(book)
            got = [(d["line"], d["code"]) for d in diags if "huge.png" in d["message"]]
            self.assertEqual(got, [(9, "image-too-large")])
            self.assertIn("1024 MiB", [d for d in diags if d["line"] == 9][0]["message"])

    def test_book_images_are_bounded_together(self):
        # Five 60 MiB images (sparse PNG signatures: each under the 64 MiB a file may have)
        # pass the book's 256 MiB at the fifth; check never reads more than that.
        with tempfile.TemporaryDirectory() as tmp:
            book = os.path.join(tmp, "b")
            shutil.copytree(os.path.join(HERE, "clean"), book)
            os.remove(os.path.join(book, "expected.txt"))
            with open(os.path.join(book, "a.md"), "a", encoding="utf-8") as f:
                for n in range(5):
                    f.write(f"\n![Picture {n}](p{n}.png)\n")
                    with open(os.path.join(book, f"p{n}.png"), "wb") as img:
                        img.write(b"\x89PNG\r\n\x1a\n")
                        img.truncate(60 << 20)
            r, diags = check_json(book)
            self.assertEqual(r.returncode, 1)
            too_large = [d for d in diags if d["code"] == "image-too-large"]
            self.assertEqual(len(too_large), 1, diags)
            self.assertIn("'p4.png'", too_large[0]["message"])
            self.assertIn("256 MiB", too_large[0]["message"])

    def test_manuscript_size_is_bounded(self):
        # Five 7 MiB files (sparse: nothing is written) are 35 MiB together: the fifth is
        # refused at once, before anything is parsed.
        with tempfile.TemporaryDirectory() as tmp:
            book = new_book(tmp, {})
            for n in "abcde":
                with open(os.path.join(book, n + ".md"), "wb") as f:
                    f.truncate(7 << 20)
            r, diags = check_json(book)
            self.assertEqual(r.returncode, 1)
            got = [(d["file"], d["line"], d["code"]) for d in diags if d["code"] == "manuscript-too-large"]
            self.assertEqual(got, [("e.md", 0, "manuscript-too-large")])

    def test_block_count_is_bounded(self):
        # 250,000 block starts are read; the next one, across files, is an error at its line.
        with tempfile.TemporaryDirectory() as tmp:
            book = new_book(tmp, {"a.md": "# A\n\n" + "- item\n" * 199_999,
                                  "b.md": "# B\n\n" + "Para.\n\n" * 60_000})
            r, diags = check_json(book)
            self.assertEqual(r.returncode, 1)
            got = [(d["file"], d["line"], d["code"]) for d in diags if d["code"] == "block-limit"]
            # a.md: 200,000 starts; b.md's heading is the 200,001st, its 49,999th paragraph
            # (line 2 * 49,999 + 1) the 250,000th and the next one is past the limit.
            self.assertEqual(got, [("b.md", 100001, "block-limit")])

    def test_epub_fonts_are_checked_as_build_embeds_them(self):
        # A style that embeds its fonts, and the manuscript's fonts/ holding a Libertine whose
        # licence (OS/2 fsType 0x0002) forbids embedding: build's EPUB writer refuses it, so
        # check must too.
        libertine = "/usr/share/fonts/opentype/linux-libertine/LinLibertine_R.otf"
        if not os.path.exists(libertine):
            self.skipTest("install fonts-linuxlibertine")
        with tempfile.TemporaryDirectory() as tmp:
            book = os.path.join(tmp, "b")
            shutil.copytree(os.path.join(HERE, "clean"), book)
            os.remove(os.path.join(book, "expected.txt"))
            os.mkdir(os.path.join(book, "fonts"))
            font = os.path.join(book, "fonts", "Restricted.otf")
            shutil.copyfile(libertine, font)
            with open(font, "r+b") as f:
                head = f.read(12)
                for i in range(int.from_bytes(head[4:6], "big")):
                    f.seek(12 + 16 * i)
                    rec = f.read(16)
                    if rec[:4] == b"OS/2":
                        f.seek(int.from_bytes(rec[8:12], "big") + 8)
                        f.write(b"\x00\x02")
            with open(os.path.join(book, "house.yaml"), "w", encoding="utf-8") as f:
                f.write("body:\n  family: Linux Libertine O\n  strong: italic\n"
                        "epub:\n  embed-fonts: true\n")
            with open(os.path.join(book, "book.yaml"), "a", encoding="utf-8") as f:
                f.write("style: house.yaml\n")
            b = run("build", book, "-o", os.path.join(tmp, "out"))
            self.assertEqual(b.returncode, 1, b.stderr)
            self.assertIn("[epub-font-restricted]", b.stderr)
            r, diags = check_json(book)
            self.assertEqual(r.returncode, 1, r.stderr)
            self.assertIn("epub-font-restricted", [d["code"] for d in diags])

    def test_seed_manuscript_is_clean(self):
        r = run("check", os.path.join(ROOT, "manuscript"))
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        _, diags = check_json(os.path.join(ROOT, "manuscript"))
        self.assertEqual(diags, [])

    def test_every_code_documented_and_exercised(self):
        with open(os.path.join(ROOT, "docs", "checks.md"), encoding="utf-8") as f:
            entries = dict(re.findall(r"^### `([a-z0-9-]+)`\n(.*?)(?=^##)", f.read() + "##",
                                      re.M | re.S))
        documented = set(entries)
        exercised = {e[4] for name in fixtures() for e in expected_of(name)}
        with open(os.path.join(ROOT, "tests", "bad", "expected.txt"), encoding="utf-8") as f:
            exercised |= set(re.findall(r"\[([a-z0-9-]+)\]$", f.read(), re.M))
        exercised.add("no-manuscript")  # a missing folder: tests/cli_test.py
        exercised.add("manuscript-too-large")  # test_manuscript_size_is_bounded
        exercised.add("block-limit")  # test_block_count_is_bounded
        self.assertEqual(exercised - documented, set(), "undocumented codes")
        # The codes of the build (the style, the typesetter, the writers) have no check
        # fixture: their entry names the tests that report them, or says it has none.
        def tested_elsewhere(code):
            entry = entries[code]
            named = re.findall(r"`((?:src|tests)/[^`]+)`", entry)
            return "No test yet." in entry or any(
                os.path.isfile(os.path.join(ROOT, p))
                and code in open(os.path.join(ROOT, p), encoding="utf-8").read()
                for p in named)
        untested = {c for c in documented - exercised if not tested_elsewhere(c)}
        self.assertEqual(untested, set(), "documented codes without a fixture or a test")


if __name__ == "__main__":
    unittest.main(verbosity=1)
