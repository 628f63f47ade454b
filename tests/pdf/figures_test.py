#!/usr/bin/env python3
"""Figures in both editions: tests/manuscripts/figures built and read back.

The PDF: pictures placed at the size folio's rule gives (rendered ink measured), the JPEG
embedded as its own bytes, the SVGs as vectors, Figure elements with /Alt, the float (the
text after the lighthouse fills its page, the picture opens the next), the full-page map
alone on a page without running head or folio; qpdf, the print-PDF check and EPUBCheck
clean. Bad pictures (tests/bad/expected-build.txt): one positioned error, nothing written.
"""
import os
import re
import subprocess
import sys
import tempfile
import time
import unittest
import zlib

FOLIO = os.path.abspath(sys.argv.pop(1))
SHARED = sys.argv.pop(1) if len(sys.argv) > 1 else ""
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURE = os.path.join(ROOT, "tests", "manuscripts", "figures")
sys.path.insert(0, os.path.join(ROOT, "tests", "support"))
from harness import run_tool  # noqa: E402
ENV = dict(os.environ, SOURCE_DATE_EPOCH="0")


def page_text(pdf, page):
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), pdf, "-"],
                          capture_output=True, text=True, check=True).stdout


def gray_rows(png_path):
    """A pdftoppm PNG's rows as grey levels (filters undone; RGB averaged)."""
    data = open(png_path, "rb").read()
    pos, idat = 8, b""
    while pos < len(data):
        n = int.from_bytes(data[pos:pos + 4], "big")
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height = int.from_bytes(body[:4], "big"), int.from_bytes(body[4:8], "big")
            channels = 3 if body[9] == 2 else 1
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    stride = width * channels
    raw, rows, prev, i = zlib.decompress(idat), [], bytearray(stride), 0
    for _ in range(height):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            k = x - channels
            a, b, c = (line[k] if k >= 0 else 0), prev[x], (prev[k] if k >= 0 else 0)
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(sum(line[x:x + channels]) // channels for x in range(0, stride, channels)))
        prev = line
    return rows


class Figures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = cls.tmp.name
        r = subprocess.run([FOLIO, "build", FIXTURE, "-o", cls.out], capture_output=True, text=True, env=ENV)
        cls.build = r
        cls.pdf = os.path.join(cls.out, "a-coast-in-pictures.pdf")
        cls.epub = os.path.join(cls.out, "a-coast-in-pictures.epub")
        cls.qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", cls.pdf, "-"],
                                 capture_output=True).stdout if r.returncode == 0 else b""

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def pages(self):
        n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", self.pdf], capture_output=True,
                                                            text=True).stdout).group(1))
        return [page_text(self.pdf, p) for p in range(1, n + 1)]

    def test_builds_clean_and_check_is_clean(self):
        self.assertEqual(self.build.returncode, 0, self.build.stderr)
        self.assertNotIn("warning", self.build.stderr)
        r = subprocess.run([FOLIO, "check", FIXTURE], capture_output=True, text=True, env=ENV)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("warning", r.stderr)

    def test_pdf_is_valid_and_tags_figures_with_alt(self):
        r = subprocess.run(["qpdf", "--check", self.pdf], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        alts = re.findall(rb"/Alt \((.*?)\)\s", self.qdf)
        self.assertEqual(len(alts), 4, alts)
        self.assertTrue(alts[0].startswith(b"The harbour at dusk"))
        self.assertEqual(self.qdf.count(b"/S /Figure"), 4)
        self.assertEqual(self.qdf.count(b"/S /Caption"), 4)
        if SHARED:
            r = run_tool(["bash", os.path.join(SHARED, "validate", "pdfcheck.sh"), self.pdf])
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            self.assertIn("pdfcheck: PASS (0 failed; 0 warnings)", r.stdout)

    def test_jpeg_embedded_unchanged_and_svg_as_vectors(self):
        # Two raster images (the PNG and the JPEG); the SVGs are paths, not images.
        self.assertEqual(len(re.findall(rb"/Subtype /Image", self.qdf)), 2)
        jpeg = open(os.path.join(FIXTURE, "images", "lighthouse.jpg"), "rb").read()
        self.assertIn(b"/DCTDecode", self.qdf)
        self.assertIn(jpeg, self.qdf)  # the file's own bytes, not re-encoded

    def test_float_and_full_page(self):
        pages = self.pages()
        lighthouse = next(i for i, t in enumerate(pages) if "banded white and dark" in t)
        before = pages[lighthouse - 1]
        # The picture did not fit after "…hums like a struck bell": the following paragraph
        # filled that page, and the figure opens the next one, above the text's last paragraph.
        self.assertIn("struck bell", before)
        self.assertIn("Visitors are not encouraged", before)
        lines = [l.strip() for l in pages[lighthouse].splitlines() if l.strip()]
        caption_at = next(k for k, l in enumerate(lines) if "lighthouse on its rock" in l)
        self.assertLess(caption_at, next(k for k, l in enumerate(lines) if l.startswith("What they remember")))
        # The map: alone on its page (its caption only; no running head, no folio), after the
        # page that the text following it filled.
        full = next(i for i, t in enumerate(pages) if "The coast road from the harbour to the moor" in t)
        words = " ".join(pages[full].split())
        self.assertTrue(words.startswith("N The coast road") or words.startswith("The coast road"), words)
        self.assertNotIn("A Coast in Pictures", pages[full])
        self.assertIn("There are shorter ways", pages[full - 1])
        self.assertIn("they tell you is true", pages[full - 1])

    def test_picture_set_at_its_natural_size(self):
        # harbour.png: 1200 px at 300 ppi = 4 in; rendered at 50 dpi that is 200 px of ink.
        pages = self.pages()
        page = next(i for i, t in enumerate(pages) if "The harbour at dusk" in t) + 1
        with tempfile.TemporaryDirectory() as d:
            subprocess.run(["pdftoppm", "-r", "50", "-gray", "-png", "-f", str(page), "-l", str(page),
                            self.pdf, os.path.join(d, "p")], check=True)
            rows = gray_rows(os.path.join(d, os.listdir(d)[0]))
        # The longest unbroken run of ink in a row: the picture's (text has word spaces).
        widest = 0
        for row in rows:
            run = 0
            for v in row:
                run = run + 1 if v < 245 else 0
                widest = max(widest, run)
        self.assertAlmostEqual(widest, 200, delta=3)

    def test_epub_keeps_svg_and_validates(self):
        listing = subprocess.run(["unzip", "-l", self.epub], capture_output=True, text=True).stdout
        self.assertEqual(len(re.findall(r"EPUB/images/\d+-\w+\.svg", listing)), 2, listing)
        opf = subprocess.run(["unzip", "-p", self.epub, "EPUB/package.opf"], capture_output=True,
                             text=True).stdout
        self.assertEqual(opf.count('media-type="image/svg+xml"'), 2)
        if SHARED:
            r = subprocess.run(["bash", os.path.join(SHARED, "validate", "epubcheck.sh"), self.epub],
                               capture_output=True, text=True)
            self.assertIn("0 errors, 0 warnings", r.stdout, r.stdout + r.stderr)

    def test_reproducible(self):
        with tempfile.TemporaryDirectory() as again:
            subprocess.run([FOLIO, "build", FIXTURE, "-o", again], capture_output=True, env=ENV, check=True)
            for name in ("a-coast-in-pictures.pdf", "a-coast-in-pictures.epub"):
                self.assertEqual(open(os.path.join(again, name), "rb").read(),
                                 open(os.path.join(self.out, name), "rb").read(), name)


class CaptionNotesAndInlinePictures(unittest.TestCase):
    """A note cited from a figure's caption is set at the foot of the figure's page, as the
    EPUB has it (the editions check would stop the build otherwise); a picture inside a
    paragraph, which print does not set, is said (pdf-inline-image), not dropped silently."""

    def test_caption_note_is_printed_and_inline_picture_is_said(self):
        with tempfile.TemporaryDirectory() as book, tempfile.TemporaryDirectory() as out:
            os.mkdir(os.path.join(book, "images"))
            for name in ("harbour.png", "map.svg"):
                with open(os.path.join(FIXTURE, "images", name), "rb") as src, \
                        open(os.path.join(book, "images", name), "wb") as dst:
                    dst.write(src.read())
            with open(os.path.join(book, "book.yaml"), "w", encoding="utf-8") as f:
                f.write("title: F\nauthor: A\nlang: en\ncontents:\n  - a.md\n")
            with open(os.path.join(book, "a.md"), "w", encoding="utf-8") as f:
                f.write("# One\n\nBefore the figure.\n\n"
                        "![The harbour at dawn.[^h]](images/harbour.png)\n\n"
                        "A paragraph with ![a tiny map](images/map.svg) inside it.\n\n"
                        "[^h]: The painter is unknown.\n")
            r = subprocess.run([FOLIO, "build", book, "-o", out], capture_output=True, text=True,
                               env=ENV)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("a.md:7:18: warning:", r.stderr)
            self.assertIn("[pdf-inline-image]", r.stderr)
            text = subprocess.run(["pdftotext", os.path.join(out, "f.pdf"), "-"],
                                  capture_output=True, text=True, check=True).stdout
            # On the figure's page, at its foot: after the caption and the text that follows.
            page = next(p for p in text.split("\f") if "The harbour at dawn." in p)
            self.assertIn("The painter is unknown.", page)
            self.assertLess(page.index("The harbour at dawn."), page.index("The painter is unknown."))


class BadPictures(unittest.TestCase):
    def test_each_gives_one_positioned_error_and_writes_nothing(self):
        with open(os.path.join(ROOT, "tests", "bad", "expected-build.txt"), encoding="utf-8") as f:
            cases = [l.rstrip("\n").split(": ", 1) for l in f if l.strip() and not l.startswith("#")]
        self.assertGreaterEqual(len(cases), 2)
        for name, expected in cases:
            with self.subTest(name=name), tempfile.TemporaryDirectory() as out:
                for cmd in (["check"], ["build", "-o", out]):
                    start = time.monotonic()
                    r = subprocess.run([FOLIO, *cmd, os.path.join(ROOT, "tests", "bad", name)],
                                       capture_output=True, text=True, env=ENV, cwd=ROOT)
                    self.assertLess(time.monotonic() - start, 30)
                    self.assertEqual(r.returncode, 1, r.stderr)
                    lines = [l for l in r.stderr.splitlines() if ": error:" in l or ": warning:" in l]
                    self.assertEqual(lines, [expected], cmd)
                self.assertEqual(os.listdir(out), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
