#!/usr/bin/env python3
"""`folio preview`: a PNG contact sheet of spreads, its size following pages and --dpi.
(What the pages hold is checked by src/cli/contact_sheet_test.cpp, pixel by pixel.)"""
import os
import struct
import unittest

from common import run, workdir


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", "not a PNG"
    return struct.unpack(">II", head[16:24])


class Preview(unittest.TestCase):
    def setUp(self):
        d = workdir(self)
        self.book = os.path.join(d, "book")
        self.png = os.path.join(d, "sheet.png")
        self.assertEqual(run("init", "-q", self.book).returncode, 0)

    def preview(self, *args):
        return run("preview", self.book, "-o", self.png, *args, timeout=300)

    def test_bad_page_ranges_are_usage_errors(self):
        for pages in ("0", "8-1", "x", "1-"):
            r = run("preview", self.book, "--pages", pages, "-o", self.png)
            self.assertEqual(r.returncode, 2, pages)
            self.assertIn("--pages", r.stderr)
        self.assertEqual(run("preview", self.book, "--dpi", "5000").returncode, 2)

    def test_a_manuscript_with_errors_is_not_previewed(self):
        with open(os.path.join(self.book, "01-chapter.md"), "a", encoding="utf-8") as f:
            f.write("\n::: dateline\nunterminated\n")
        r = run("preview", self.book, "-o", self.png)
        self.assertEqual(r.returncode, 1)
        self.assertIn("[unterminated-div]", r.stderr)
        self.assertFalse(os.path.exists(self.png))

    def test_the_sheet_holds_the_chosen_spreads_at_the_chosen_resolution(self):
        r = self.preview("--pages", "2-3")
        self.assertEqual(r.returncode, 0, r.stderr)
        width, height = png_size(self.png)
        # Pages 2 and 3 face each other: one spread of two 6 × 9 in pages at 72 dpi,
        # with a 16 px margin around and an 18 px band for the page labels.
        self.assertEqual((width, height), (16 + 2 * 432 + 16, 16 + 648 + 18 + 16))
        r = self.preview("--pages", "2-3", "--dpi", "144")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(png_size(self.png), (16 + 2 * 864 + 16, 16 + 1296 + 18 + 16))

    def test_a_range_past_the_end_stops_at_the_last_page(self):
        r = self.preview("--pages", "1-1000")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stderr, r"pages 1–(\d+) of \1")
        r = run("preview", self.book, "--pages", "1000", "-o", self.png)
        self.assertEqual(r.returncode, 2)
        self.assertIn("the book has", r.stderr)


if __name__ == "__main__":
    unittest.main()
