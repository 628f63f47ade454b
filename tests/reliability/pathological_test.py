#!/usr/bin/env python3
"""Hostile manuscripts, generated at test time: each gets a clear error at file:line:col and a
non-zero exit, or a result, within a bounded time, and nothing reaches the output folder.

Bound: BOUND_S seconds per `folio build` (FOLIO_SLOW_TESTS=1, set for sanitizer builds, allows
SLOW_BOUND_S). The measured times are far below (see docs/reliability.md). Runs of text with no
break opportunity must also be set, in bounded memory: RSS_BOUND_MB peak resident set, under an
address-space limit of AS_LIMIT (not under sanitizers, whose shadow memory is reserved up front).
usage: pathological_test.py FOLIO"""
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
import unittest

FOLIO = os.path.abspath(sys.argv.pop(1))
BOUND_S = 20
SLOW_BOUND_S = 120
SLOW = os.environ.get("FOLIO_SLOW_TESTS") == "1"
BOUND = SLOW_BOUND_S if SLOW else BOUND_S
RSS_BOUND_MB = 1024
AS_LIMIT = 4 << 30
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

    def build_measured(self):
        """Runs `folio build` under an address-space limit; returns (exit status, stderr,
        seconds, peak RSS in MB) of that one process (os.wait4)."""
        def limit():
            if not SLOW:
                resource.setrlimit(resource.RLIMIT_AS, (AS_LIMIT, AS_LIMIT))
        with tempfile.TemporaryFile() as err:
            start = time.monotonic()
            p = subprocess.Popen([FOLIO, "build", "-o", self.out, self.book],
                                 stdout=subprocess.DEVNULL, stderr=err, preexec_fn=limit)
            timer = threading.Timer(BOUND + 30, p.kill)
            timer.start()
            _, status, usage = os.wait4(p.pid, 0)
            timer.cancel()
            p.returncode = os.waitstatus_to_exitcode(status)
            took = time.monotonic() - start
            err.seek(0)
            stderr = err.read().decode("utf-8", "replace")
        rss_mb = usage.ru_maxrss / 1024
        self.assertLess(took, BOUND, f"folio build took {took:.1f} s (bound {BOUND} s)")
        self.assertNotIn("internal error", stderr)
        self.assertNotIn("Sanitizer", stderr)
        return p.returncode, stderr, took, rss_mb

    def expect_set(self, what):
        """The build succeeds, writes both editions, sets no line wider than the measure,
        in bounded time and memory."""
        status, err, took, rss_mb = self.build_measured()
        self.assertEqual(status, 0, err[-2000:])
        self.assertEqual(sorted(os.listdir(self.out)), ["hostile.epub", "hostile.pdf"])
        self.assertNotIn("pdf-overfull-line", err)
        if not SLOW:
            self.assertLess(rss_mb, RSS_BOUND_MB, f"peak RSS {rss_mb:.0f} MB")
        print(f"  {self._testMethodName}: {what} set in {took:.2f} s, {rss_mb:.0f} MB",
              file=sys.stderr)

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

    def test_300000_one_word_paragraphs(self):
        # Each block costs the pipeline kilobytes and cmark's tree more: 300,000 one-word
        # paragraphs (2 MB) took 1.3 GB to build before the block limit.
        self.write("a.md", b"# One\n\n" + b"Word.\n\n" * 300_000)
        err = self.expect_error("block-limit", r"a\.md:500001:1")
        self.assertIn("250000 blocks", err)

    def test_manuscript_past_the_total_size(self):
        # Two 20 MiB chapters: each under the file limit, together past the book's 32 MiB.
        chapter = (b"A sentence of prose that goes on. " * 30 + b"\n\n") * 20_000
        self.write("a.md", b"# One\n\n" + chapter)
        self.write("b.md", b"# Two\n\n" + chapter)
        err = self.expect_error("manuscript-too-large", r"b\.md")
        self.assertIn("more than 32 MiB", err)

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

    # Runs with no break opportunity: before, each emergency break reshaped the run from its
    # start (an 8,000-letter word took 2.6 GB, 100,000 letters ran out of memory), and a
    # heading was set again in full for the running head of each of its pages.
    @staticmethod
    def letters(n, seed=1):
        rnd = random.Random(seed)
        return "".join(rnd.choice("etaoinshrdlucmfwypvbgkqjxz") for _ in range(n))

    def test_100000_letter_word(self):
        self.write("a.md", f"# Run\n\nBefore the run {self.letters(100_000)} after it.\n".encode())
        self.expect_set("a 100,000-letter word")

    def test_1200_words_joined_by_no_break_spaces(self):
        rnd = random.Random(2)
        words = "\u00a0".join(self.letters(rnd.randint(2, 9), i) for i in range(1200))
        self.write("a.md", f"# Run\n\n{words}\n".encode())
        self.expect_set("1,200 words joined by no-break spaces")

    def test_50000_character_url_and_code_span(self):
        self.write("a.md", (f"# Run\n\nSee <https://example.com/{self.letters(50_000)}> and "
                            f"`{self.letters(50_000, 3)}`.\n").encode())
        self.expect_set("a 50,000-character URL and a code span")

    def test_20000_letter_small_caps_heading_and_note(self):
        self.write("a.md", (f"# {self.letters(20_000, 4)}\n\n"
                            f"Small [{self.letters(20_000, 5)}]{{.smallcaps}} caps.[^1]\n\n"
                            f"## {self.letters(20_000, 6)}\n\nText.\n\n"
                            f"[^1]: {self.letters(20_000, 7)}\n").encode())
        self.expect_set("20,000-letter chapter title, small caps, section title and note")

    def test_30000_emphases_and_5000_notes_in_one_paragraph(self):
        # Each span was walked for every character (coverage), cluster (superscript rise) and
        # hyphenated fragment (its key, and Pango's attribute iterator from the paragraph's
        # start): 40,000 emphases took 63 s of CPU, 5,000 notes 2 s.
        words = " ".join(f"*{self.letters(3, i)}*{self.letters(6, -i)}" for i in range(30_000))
        refs = " ".join(f"{self.letters(7, i)}[^{i}]" for i in range(5_000))
        defs = "".join(f"[^{i}]: Note {i}.\n" for i in range(5_000))
        self.write("a.md", f"# Spans\n\n{words}\n\n{refs}\n\n{defs}".encode())
        self.expect_set("30,000 emphases and 5,000 notes in one paragraph each")

    def test_run_of_word_joiners_and_cyrillic(self):
        # Characters the simple itemizer leaves to Pango, whose itemizer counted every
        # fragment's characters from the paragraph's start; and zero-width word joiners, each
        # an emergency break that added nothing: 210,000 characters ran past 120 s.
        joined = ("a" + "\u2060" * 20) * 6_000
        cyrillic = "".join(chr(0x430 + i % 32) for i in range(60_000))
        self.write("a.md", f"# Run\n\nBefore {joined} after.\n\nСлово {cyrillic} конец.\n".encode())
        self.expect_set("126,000 characters with word joiners and a 60,000-letter Cyrillic word")


if __name__ == "__main__":
    unittest.main(verbosity=2)
