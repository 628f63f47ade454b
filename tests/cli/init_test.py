#!/usr/bin/env python3
"""`folio init`: the new manuscript reads, checks and builds cleanly; nothing is overwritten."""
import json
import os
import sys
import unittest

from common import ROOT, SHARED, listing, run, workdir

sys.path.insert(0, os.path.join(ROOT, "tests", "support"))
from harness import run_tool  # noqa: E402


class Init(unittest.TestCase):
    def test_new_book_dumps_and_checks_without_a_diagnostic(self):
        d = workdir(self)
        book = os.path.join(d, "my-first-novel")
        r = run("init", book)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(listing(book), ["01-chapter.md", "FORMAT.txt", "book.yaml", "preface.md"])
        dump = run("dump", book)
        self.assertEqual(dump.returncode, 0, dump.stderr)
        self.assertEqual(dump.stderr, "")
        model = json.loads(dump.stdout)
        self.assertEqual(model["metadata"]["title"], "My First Novel")
        check = run("check", book)
        self.assertEqual((check.returncode, check.stderr), (0, ""))
        check = run("check", "--format", "json", "--werror", book)
        self.assertEqual(check.returncode, 0, check.stderr)
        self.assertEqual(json.loads(check.stdout), [])

    def test_title_author_and_lang_options_are_kept_exactly(self):
        d = workdir(self)
        book = os.path.join(d, "b")
        title = 'Colon: "Quotes" \\ and # hash'
        r = run("init", book, "--title", title, "--author", "Ada Writer", "--lang", "fr-CA")
        self.assertEqual(r.returncode, 0, r.stderr)
        meta = json.loads(run("dump", book).stdout)["metadata"]
        self.assertEqual(meta["title"], title)
        self.assertEqual(meta["lang"], "fr-CA")
        self.assertEqual(meta["author"], ["Ada Writer"])

    def test_refuses_a_non_empty_folder_and_changes_nothing(self):
        d = workdir(self)
        book = os.path.join(d, "existing")
        os.mkdir(book)
        with open(os.path.join(book, "notes.md"), "w") as f:
            f.write("mine\n")
        r = run("init", book)
        self.assertEqual(r.returncode, 1)
        self.assertIn("already exists and is not empty", r.stderr)
        self.assertEqual(listing(book), ["notes.md"])
        with open(os.path.join(book, "notes.md")) as f:
            self.assertEqual(f.read(), "mine\n")

    def test_refuses_a_file_and_accepts_an_empty_folder(self):
        d = workdir(self)
        path = os.path.join(d, "a-file")
        open(path, "w").close()
        r = run("init", path)
        self.assertEqual(r.returncode, 1)
        self.assertIn("not a folder", r.stderr)
        empty = os.path.join(d, "empty")
        os.mkdir(empty)
        self.assertEqual(run("init", empty).returncode, 0)
        self.assertIn("book.yaml", os.listdir(empty))

    def test_bad_values_are_usage_errors_that_create_nothing(self):
        d = workdir(self)
        for args in (["--lang", "english please"], ["--title", ""], ["--author", "a\tb"]):
            book = os.path.join(d, "x")
            r = run("init", book, *args)
            self.assertEqual(r.returncode, 2, (args, r.stderr))
            self.assertFalse(os.path.exists(book), args)
        self.assertEqual(run("init").returncode, 2)  # DIR is required

    def test_quiet_prints_nothing(self):
        d = workdir(self)
        r = run("init", "-q", os.path.join(d, "q"))
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))

    def test_builds_a_valid_epub_and_pdf(self):
        d = workdir(self)
        book, out = os.path.join(d, "mybook"), os.path.join(d, "out")
        self.assertEqual(run("init", book).returncode, 0)
        r = run("build", book, "-o", out, timeout=300)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(os.listdir(out)), ["mybook.epub", "mybook.pdf"])
        # The validators are installed by scripts/test.sh; without them this part is skipped.
        checks = [("epubcheck.sh", "mybook.epub"), ("pdfcheck.sh", "mybook.pdf")]
        tools = [os.path.join(SHARED or "", "validate", t) for t, _ in checks]
        if not SHARED or not all(os.access(t, os.X_OK) for t in tools):
            self.skipTest("validators not found in FOLIO_SHARED/validate")
        for tool, (_, name) in zip(tools, checks):
            v = run_tool([tool, os.path.join(out, name)], timeout=600)
            self.assertEqual(v.returncode, 0, f"{tool}:\n{v.stdout}\n{v.stderr}")


if __name__ == "__main__":
    unittest.main()
