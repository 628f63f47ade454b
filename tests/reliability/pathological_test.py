#!/usr/bin/env python3
"""Hostile manuscripts, generated at test time: each gets a clear error at file:line:col and a
non-zero exit, or a result, within a bounded time, and nothing reaches the output folder.

Bound: BOUND_S seconds per `folio build` (FOLIO_SLOW_TESTS=1, set for sanitizer builds, allows
SLOW_BOUND_S). The measured times are far below (see docs/reliability.md).
usage: pathological_test.py FOLIO"""
import os
import re
import subprocess
import sys
import tempfile
import time
import unittest

FOLIO = os.path.abspath(sys.argv.pop(1))
BOUND_S = 20
SLOW_BOUND_S = 120
BOUND = SLOW_BOUND_S if os.environ.get("FOLIO_SLOW_TESTS") == "1" else BOUND_S
YAML = "title: Hostile\nauthor: H. Ostile\nlang: en\n"
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from harness import listing  # noqa: E402


class Pathological(unittest.TestCase):
    def setUp(self):
        d = tempfile.TemporaryDirectory(prefix="folio-hostile-")
        self.addCleanup(d.cleanup)
        self.book = os.path.join(d.name, "book")
        self.out = os.path.join(d.name, "out")
        os.mkdir(self.book)
        with open(os.path.join(self.book, "book.yaml"), "w", encoding="utf-8") as f:
            f.write(YAML)

    def write(self, name, data):
        with open(os.path.join(self.book, name), "wb") as f:
            f.write(data)

    def build(self):
        """Runs `folio build`; returns (exit status, stderr, seconds)."""
        start = time.monotonic()
        r = subprocess.run([FOLIO, "build", "-o", self.out, self.book], capture_output=True,
                           text=True, errors="replace", timeout=BOUND + 30)
        took = time.monotonic() - start
        self.assertLess(took, BOUND, f"folio build took {took:.1f} s (bound {BOUND} s)")
        self.assertNotIn("internal error", r.stderr)
        self.assertNotIn("Sanitizer", r.stderr)
        return r.returncode, r.stderr, took

    def expect_error(self, code, where):
        """The build fails with an error `code` at `where` (a file:line:col regex)."""
        status, err, took = self.build()
        self.assertEqual(status, 1, err)
        self.assertRegex(err, rf"{where}: error: .*\[{code}\]")
        self.assertLess(len(err.splitlines()), 30, "a bounded number of diagnostics")
        self.assertEqual(listing(self.out) if os.path.isdir(self.out) else [], [])
        print(f"  {self._testMethodName}: {code} in {took:.2f} s", file=sys.stderr)
        return err

    def test_100000_nested_block_quotes(self):
        self.write("a.md", b"Before.\n\n" + b">" * 100_000 + b" deep\n")
        self.expect_error("nesting-limit", r"a\.md:3:\d+")

    def test_100000_nested_lists_and_quotes(self):
        self.write("a.md", b"Before.\n\n" + b"- > " * 50_000 + b"x\n")
        self.expect_error("nesting-limit", r"a\.md:3:\d+")

    def test_10_mb_single_paragraph(self):
        self.write("a.md", b"Start.\n\n" + b"word " * (2 * 1024 * 1024) + b"\n")
        self.expect_error("paragraph-limit", r"a\.md:3:1")

    def test_a_million_footnotes(self):
        refs = b"".join(b"x[^%d] " % i for i in range(1_000_000))
        defs = b"".join(b"[^%d]: n\n" % i for i in range(1_000_000))
        self.write("a.md", b"# Notes\n\n" + refs + b"\n\n" + defs)
        self.expect_error("footnote-limit", r"a\.md:\d+:\d+")

    def test_1_gb_sparse_file(self):
        with open(os.path.join(self.book, "a.md"), "wb") as f:
            f.truncate(1 << 30)  # sparse: no disk used, but stat says 1 GiB
        err = self.expect_error("file-unreadable", r"a\.md")
        self.assertIn("larger than the 64 MiB", err)

    def test_combining_mark_flood(self):
        self.write("a.md", ("Fine é.\n\nZalgo: e" + "\u0301\u0316\u0336" * 40_000 + "\n").encode())
        err = self.expect_error("combining-flood", r"a\.md:3:9")
        self.assertIn("byte offset 18", err)

    def test_bidi_controls_everywhere(self):
        controls = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        text = "".join(f"line {i} \u0000{chr(c)}x\n".replace("\u0000", "") for i, c in enumerate(controls))
        self.write("a.md", text.encode())
        err = self.expect_error("bidi-control", r"a\.md:1:8")
        for i, c in enumerate(controls):
            self.assertRegex(err, rf"a\.md:{i + 1}:8: error: .*U\+{c:04X}.*byte offset \d+")

    def test_bidi_control_by_character_reference(self):
        self.write("a.md", b"Safe.\n\nAlso &#x202E;safe.\n")
        self.expect_error("escaped-character", r"a\.md:3:1")

    def test_bad_bytes_with_their_offsets(self):
        cases = {b"ab\xc0\xafcd": ("invalid-utf8", "byte offset 8"),  # overlong '/'
                 b"ab\xed\xa0\x80cd": ("invalid-utf8", "byte offset 8"),  # a surrogate
                 b"ab\xffcd": ("invalid-utf8", "byte offset 8"),
                 b"ab\x00cd": ("control-character", "U+0000 at byte offset 8"),
                 b"ab\x1bcd": ("control-character", "U+001B at byte offset 8"),
                 b"ab\xef\xbf\xbecd": ("control-character", "U+FFFE at byte offset 8")}
        for data, (code, message) in cases.items():
            with self.subTest(data=data):
                self.write("a.md", b"Line.\n" + data + b"\n")
                err = self.expect_error(code, r"a\.md:2:3")
                self.assertIn(message, err)


if __name__ == "__main__":
    unittest.main(verbosity=2)
