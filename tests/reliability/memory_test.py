#!/usr/bin/env python3
"""Peak memory of `folio build` grows with the book, but by a bounded constant.

A 4 MB manuscript (the seed's preface, its paragraphs repeated into 32 chapters) is built
with both editions; the child's peak RSS must stay under 260 MB, which keeping the shaped
glyphs of every page for the whole build breaks (297 MB before each page's glyphs were freed
once drawn, 193 MB after). usage: memory_test.py FOLIO"""
import os
import resource
import subprocess
import sys
import tempfile
import unittest

FOLIO = os.path.abspath(sys.argv.pop(1))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SLOW = os.environ.get("FOLIO_SLOW_TESTS") == "1"  # sanitizers: memory is theirs to measure
MIB = 1024 * 1024


def write_book(folder, megabytes):
    with open(os.path.join(ROOT, "manuscript", "preface.md"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    body = [l for l in lines[1:] if l and not l.startswith(":::") and not l.startswith("#")]
    text = "\n\n".join(p for p in body if len(p) > 200)  # the paragraphs proper
    chapters = 32
    per_chapter = megabytes * MIB // chapters
    names = []
    for c in range(chapters):
        parts, size = [f"# Chapter {c + 1}\n"], 0
        while size < per_chapter:
            parts.append(text)
            size += len(text.encode())
        name = f"{c + 1:02}-chapter.md"
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write("\n\n".join(parts) + "\n")
        names.append(name)
    with open(os.path.join(folder, "book.yaml"), "w", encoding="utf-8") as f:
        f.write("title: A Long Book\nauthor: A. Writer\nlang: en-US\ndate: \"2020-01-01\"\n"
                "contents:\n" + "".join(f"  - {n}\n" for n in names))


class Memory(unittest.TestCase):
    @unittest.skipIf(SLOW, "a sanitizer build's memory is not folio's")
    def test_peak_rss_of_a_4_mb_book(self):
        with tempfile.TemporaryDirectory(prefix="folio-memory-") as d:
            book = os.path.join(d, "book")
            os.makedirs(book)
            write_book(book, 4)
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            # -j 2: each thread sets sections with font maps of its own; the bound is for two.
            r = subprocess.run([FOLIO, "build", "-q", "-j", "2", book, "-o",
                                os.path.join(d, "out")],
                               capture_output=True, text=True, timeout=600)
            self.assertEqual(r.returncode, 0, r.stderr[-2000:])
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB
            self.assertGreater(peak, before, "the build is the largest child so far")
            print(f"peak RSS of a 4 MB book: {peak / 1024:.0f} MB", flush=True)
            self.assertLess(peak / 1024, 260, "peak RSS in MB")


if __name__ == "__main__":
    unittest.main(verbosity=2)
