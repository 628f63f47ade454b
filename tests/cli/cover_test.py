#!/usr/bin/env python3
"""Print production: `folio build --cover --for --paper` and `folio preview --cover`.
The wrap's sheet against the printers' spine formulas (pdfinfo), its boxes, the KDP interior
without bookmarks or links, the IngramSpark cover in PDF/X-1a CMYK, a JPEG front, the
refusals, and the proof PNG."""
import os
import re
import shutil
import struct
import subprocess
import unittest

from common import ROOT, run, workdir

SEED = os.path.join(ROOT, "manuscript")


def boxes(pdf):
    out = subprocess.run(["pdfinfo", "-box", pdf], capture_output=True, text=True, check=True).stdout
    info = {}
    for line in out.splitlines():
        key, _, value = line.partition(":")
        if key.endswith("Box") or key in ("Pages",):
            info[key] = [float(v) for v in value.split()] if key.endswith("Box") else int(value)
    return info


def pages_of(pdf):
    return boxes(pdf)["Pages"]


class Cover(unittest.TestCase):
    def setUp(self):
        self.out = workdir(self)
        self.env = dict(os.environ, SOURCE_DATE_EPOCH="0")

    def build(self, *args, book=SEED):
        return run("build", book, "-o", self.out, *args, timeout=300, env=self.env)

    def test_the_kdp_wrap_is_two_panels_a_spine_and_bleed(self):
        for paper, per_page in (("white", 0.002252), ("cream", 0.0025)):
            r = self.build("--pdf", "--cover", "--for", "kdp", "--paper", paper)
            self.assertEqual(r.returncode, 0, r.stderr)
            # The seed has fewer pages than KDP binds: said, and the cover is still drawn.
            self.assertIn("[cover-few-pages]", r.stderr)
            # Too thin for spine text: said too.
            self.assertIn("[cover-spine-text]", r.stderr)
            interior = os.path.join(self.out, "perestroika-versus-socialism.pdf")
            cover = os.path.join(self.out, "perestroika-versus-socialism-cover.pdf")
            n = pages_of(interior)
            b = boxes(cover)
            self.assertEqual(b["Pages"], 1)
            spine = n * per_page * 72
            trim = b["TrimBox"]
            self.assertAlmostEqual(trim[2] - trim[0], 2 * 6 * 72 + spine, places=1)
            self.assertAlmostEqual(trim[3] - trim[1], 9 * 72, places=1)
            bleed = b["BleedBox"]
            self.assertAlmostEqual(bleed[2] - bleed[0], 2 * 6 * 72 + spine + 2 * 9, places=1)
            self.assertEqual(subprocess.run(["qpdf", "--check", cover], capture_output=True).returncode, 0)

    def test_crop_marks_put_a_slug_around_the_sheet(self):
        r = self.build("--pdf", "--cover", "--crop-marks")
        self.assertEqual(r.returncode, 0, r.stderr)
        b = boxes(os.path.join(self.out, "perestroika-versus-socialism-cover.pdf"))
        self.assertAlmostEqual(b["MediaBox"][2] - b["BleedBox"][2], 24, places=1)

    def test_the_kdp_interior_has_no_bookmarks_or_links_and_screen_keeps_them(self):
        # A book with a contents page, whose entries are links.
        book = os.path.join(ROOT, "tests", "manuscripts", "chapters")

        def objects(printer):
            self.assertEqual(self.build("--pdf", "--for", printer, book=book).returncode, 0)
            pdf = [os.path.join(self.out, n) for n in os.listdir(self.out) if n.endswith(".pdf")][0]
            qdf = pdf + ".qdf"
            subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf], check=True)
            with open(qdf, "rb") as f:
                text = f.read()
            return text.count(b"/Outlines"), text.count(b"/Annots"), text.count(b"/UseOutlines")
        self.assertTrue(all(c > 0 for c in objects("screen")))
        self.assertEqual(objects("kdp"), (0, 0, 0))

    def test_the_cover_is_the_same_bytes_twice(self):
        self.assertEqual(self.build("--pdf", "--cover").returncode, 0)
        cover = os.path.join(self.out, "perestroika-versus-socialism-cover.pdf")
        with open(cover, "rb") as f:
            first = f.read()
        self.assertEqual(self.build("--pdf", "--cover").returncode, 0)
        with open(cover, "rb") as f:
            self.assertEqual(first, f.read())

    def test_refusals(self):
        r = self.build("--epub", "--cover")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--cover needs the print edition", r.stderr)
        self.assertEqual(self.build("--for", "lulu").returncode, 2)
        self.assertEqual(os.listdir(self.out), [])

    def test_a_jpeg_cover_image_is_placed_as_its_own_bytes(self):
        book = os.path.join(workdir(self), "book")
        shutil.copytree(SEED, book)
        # A real JPEG: the interior's first page drawn by poppler.
        self.assertEqual(self.build("--pdf").returncode, 0)
        subprocess.run(["pdftoppm", "-jpeg", "-r", "10", "-f", "1", "-l", "1", "-singlefile",
                        os.path.join(self.out, "perestroika-versus-socialism.pdf"),
                        os.path.join(book, "cover")], check=True)
        yaml = os.path.join(book, "book.yaml")
        with open(yaml, encoding="utf-8") as f:
            plain = f.read()
        with open(yaml, "w", encoding="utf-8") as f:
            f.write(plain + "cover-image: cover.jpg\n")
        r = self.build("--pdf", "--cover", book=book)
        self.assertEqual(r.returncode, 0, r.stderr)
        cover = os.path.join(self.out, "perestroika-versus-socialism-cover.pdf")
        images = subprocess.run(["pdfimages", "-list", cover], capture_output=True, text=True,
                                check=True).stdout
        self.assertRegex(images, r"\n +1 +0 +image +\d+ +\d+ +\w+ +\d +8 +jpeg")  # its own bytes

    def test_ingramspark_cover_is_pdfx1a_in_cmyk(self):
        r = self.build("--pdf", "--cover", "--for", "ingramspark")
        self.assertEqual(r.returncode, 0, r.stderr)
        cover = os.path.join(self.out, "perestroika-versus-socialism-cover.pdf")
        with open(cover, "rb") as f:
            self.assertEqual(f.read(8), b"%PDF-1.3")
        qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", cover, "-"],
                             capture_output=True, check=True).stdout
        self.assertTrue(b"/S /GTS_PDFX" in qdf and b"(PDF/X-1:2001)" in qdf)
        self.assertFalse(b"/DeviceRGB" in qdf or b" rg\n" in qdf or b"/SMask" in qdf)
        self.assertTrue(b" k\n" in qdf, "no CMYK fill")
        # Neutral ink (the back's text) on the K plate alone, never four-colour.
        self.assertTrue(re.search(rb"\n0 0 0 [0-9.]+ k\n", qdf), "no K-only ink")

    def test_preview_cover_writes_a_proof_png(self):
        png = os.path.join(self.out, "proof.png")
        r = run("preview", SEED, "--cover", "--for", "kdp", "--paper", "cream", "--dpi", "36",
                "-o", png, timeout=300, env=self.env)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(png, "rb") as f:
            head = f.read(24)
        self.assertEqual(head[:8], b"\x89PNG\r\n\x1a\n")
        w, h = struct.unpack(">II", head[16:24])
        self.assertAlmostEqual(h, round((9 + 0.25) * 36), delta=1)
        self.assertGreater(w, 2 * 6 * 36)


if __name__ == "__main__":
    unittest.main()
