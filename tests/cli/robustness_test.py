#!/usr/bin/env python3
"""Commands that write never write into the manuscript or over a source, and `-j` is bounded.
(Faults while writing: tests/reliability/fault_test.py; the watcher: watch_test.py.)"""
import hashlib
import os
import shutil
import subprocess
import unittest

from common import FOLIO, listing, run, workdir


def digest(folder):
    out = {}
    for rel in listing(folder):
        with open(os.path.join(folder, rel), "rb") as f:
            out[rel] = hashlib.sha256(f.read()).hexdigest()
    return out


class Robustness(unittest.TestCase):
    def setUp(self):
        self.dir = workdir(self)
        self.book = os.path.join(self.dir, "book")
        self.assertEqual(run("init", "-q", self.book).returncode, 0)
        self.sources = digest(self.book)

    def test_jobs_are_bounded(self):
        for jobs in ("100000", "257", "4294967296"):
            r = run("build", self.book, "-o", os.path.join(self.dir, "out"), "-j", jobs)
            self.assertEqual(r.returncode, 2, (jobs, r.stderr))
            self.assertIn("--jobs", r.stderr)
            self.assertNotIn("internal error", r.stderr)
        self.assertIn("at most 256", run("build", "-j", "100000").stderr)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "out")))

    @unittest.skipUnless(os.geteuid() == 0 and shutil.which("setpriv") and shutil.which("prlimit"),
                         "needs root to run folio as another user under a process limit")
    def test_a_process_limit_is_an_error_or_fewer_threads_never_an_abort(self):
        # RLIMIT_NPROC does not bind root, so folio runs as nobody. Pango's own helper threads
        # aborted the process through GLib (SIGTRAP, 133) under any limit below about 8 + 2 per
        # job; folio now asks first: too few for -j N sets the book on one thread, too few for
        # one is an error (exit 2).
        os.chmod(self.dir, 0o777)
        for root, dirs, files in os.walk(self.dir):
            for name in dirs + files:
                os.chmod(os.path.join(root, name), 0o777)
        def build_as_nobody(out, *limit):
            return subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                                   "prlimit", *limit, FOLIO, "build", "-j", "4", self.book,
                                   "-o", out], capture_output=True, text=True)
        # nobody must reach the binary and the styles it was built with (a checkout under a
        # private home folder is out of its reach): without a limit, the build must work.
        free = build_as_nobody(os.path.join(self.dir, "free"))
        if free.returncode != 0:
            self.skipTest("nobody cannot build from this checkout: " + free.stderr[-300:])
        for nproc, status in ((3, 2), (7, 0), (12, 0)):
            out = os.path.join(self.dir, "out%d" % nproc)
            r = build_as_nobody(out, "--nproc=%d" % nproc)
            self.assertEqual(r.returncode, status, (nproc, r.stderr[-2000:]))
            self.assertNotIn("GLib-ERROR", r.stderr)
            if status == 2:
                self.assertIn("process limit", r.stderr)
                self.assertFalse(os.path.exists(out) and os.listdir(out))
            else:
                self.assertIn("on one", r.stderr)
                self.assertEqual(sorted(f[-4:] for f in os.listdir(out)), [".pdf", "epub"])

    def test_preview_never_writes_into_the_manuscript(self):
        link = os.path.join(self.dir, "link")
        os.symlink(self.book, link)
        for target in (os.path.join(self.book, "preface.md"),       # a chapter
                       os.path.join(self.book, "book.yaml"),
                       os.path.join(self.book, "proof.png"),        # a new file, still inside
                       os.path.join(link, "01-chapter.md"),         # through a link
                       os.path.join(self.book, "sub", "x.png")):
            with self.subTest(output=target):
                r = run("preview", self.book, "-o", target, timeout=300)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn("inside the manuscript folder", r.stderr)
                self.assertEqual(digest(self.book), self.sources, "the manuscript is untouched")

    def test_preview_replaces_only_a_png(self):
        notes = os.path.join(self.dir, "notes.md")
        with open(notes, "w", encoding="utf-8") as f:
            f.write("# My notes\n")
        r = run("preview", self.book, "-o", notes, timeout=300)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("not a PNG", r.stderr)
        with open(notes, encoding="utf-8") as f:
            self.assertEqual(f.read(), "# My notes\n")
        png = os.path.join(self.dir, "sheet.png")
        for _ in range(2):  # a new PNG, then the PNG it wrote replaced
            r = run("preview", self.book, "-o", png, "--pages", "1", timeout=300)
            self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(os.listdir(self.dir)), ["book", "notes.md", "sheet.png"])

    def test_build_never_writes_into_the_manuscript(self):
        link = os.path.join(self.dir, "link")
        os.symlink(self.book, link)
        for out in (os.path.join(self.book, "out"), os.path.join(link, "out"), self.book):
            with self.subTest(output=out):
                r = run("build", self.book, "-o", out, "--epub", timeout=300)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn("inside the manuscript folder", r.stderr)
                self.assertEqual(digest(self.book), self.sources)


if __name__ == "__main__":
    unittest.main(verbosity=2)
