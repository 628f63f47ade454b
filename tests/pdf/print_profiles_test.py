#!/usr/bin/env python3
"""The three print profiles (screen, kdp, ingramspark) built and read back.

No PDF/X validator is packaged, so the rules of PDF/X-1a:2001 (ISO 15930-1) and KDP's
"no bookmarks, annotations; transparency flattened" are checked here on qpdf's JSON of each
file: output intent, Info keys, no RGB colour space or RGB operator in any content stream or
image, no soft mask or opacity below 1, no transparency group, every font embedded, the boxes
on every page, PDF 1.3 without object or cross-reference streams. Then each profile's pages are
rendered in grey by pdftoppm and by Ghostscript and compared with the screen PDF's: the same
pages, the same ink, within a grey level's tolerance.
"""
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import zlib

FOLIO = os.path.abspath(sys.argv.pop(1))
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ENV = dict(os.environ, SOURCE_DATE_EPOCH="0")
# The seed, the figures fixture (a PNG, a grey JPEG, two SVGs) and two public-domain books.
MANUSCRIPTS = [os.path.join(ROOT, "manuscript"),
               os.path.join(ROOT, "tests", "manuscripts", "figures"),
               os.path.join(ROOT, "tests", "books", "alice-in-wonderland"),
               os.path.join(ROOT, "tests", "books", "the-prince")]
PROFILES = ["screen", "kdp", "ingramspark"]
RENDERED_PAGES = 24  # per book: the front matter, chapter openings, figures


def build(manuscript, out, printer, *extra):
    r = subprocess.run([FOLIO, "build", manuscript, "-o", out, "--pdf", "--for", printer, *extra],
                       capture_output=True, text=True, env=ENV)
    if r.returncode != 0:
        raise AssertionError(f"{manuscript} --for {printer}: {r.stdout}{r.stderr}")
    return [os.path.join(out, f) for f in os.listdir(out) if f.endswith(".pdf")][0]


def objects(pdf):
    """{'N G': value or {'stream': {'dict', 'data'}}} with stream data decoded (Flate)."""
    j = json.loads(subprocess.run(
        ["qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline",
         "--decode-level=generalized", pdf], capture_output=True, check=True).stdout)
    out = {}
    for key, v in j["qpdf"][1].items():
        if key.startswith("obj:"):
            out[key[4:].replace(" R", "")] = v
        elif key == "trailer":
            out["trailer"] = v
    return out


def ref(value):
    return value.replace(" R", "") if isinstance(value, str) and value.endswith(" R") else None


def deref(objs, value):
    while ref(value):
        o = objs[ref(value)]
        value = o.get("value", o)
    return value


def dict_of(o):
    return o["stream"]["dict"] if "stream" in o else o.get("value")


def png_grey(path):
    """A grey (or RGB, averaged) 8-bit PNG's pixels as one bytes object, and its size."""
    with open(path, "rb") as f:
        data = f.read()
    pos, idat = 8, b""
    while pos < len(data):
        n = int.from_bytes(data[pos:pos + 4], "big")
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, ch = int.from_bytes(body[:4], "big"), int.from_bytes(body[4:8], "big"), (3 if body[9] == 2 else 1)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    stride, raw, out, prev, i = w * ch, zlib.decompress(idat), bytearray(), bytearray(w * ch), 0
    for _ in range(h):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - ch] if x >= ch else 0
            b, c = prev[x], (prev[x - ch] if x >= ch else 0)
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out += bytes(sum(line[x:x + ch]) // ch for x in range(0, stride, ch)) if ch > 1 else line
        prev = line
    return (w, h), bytes(out)


def render(pdf, tool, tmp):
    """Each page (up to RENDERED_PAGES) in grey at 40 dpi: [((w, h), pixels)]."""
    stem = os.path.join(tmp, tool)
    if tool == "pdftoppm":
        subprocess.run(["pdftoppm", "-gray", "-r", "40", "-l", str(RENDERED_PAGES), "-png", pdf, stem],
                       check=True, capture_output=True)
    else:
        subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pnggray", "-r40",
                        f"-dLastPage={RENDERED_PAGES}", f"-sOutputFile={stem}-%03d.png", pdf],
                       check=True, capture_output=True)
    files = sorted(f for f in os.listdir(tmp) if f.startswith(tool) and f.endswith(".png"))
    pages = [png_grey(os.path.join(tmp, f)) for f in files]
    for f in files:
        os.remove(os.path.join(tmp, f))
    return pages


class PrintProfiles(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.pdfs = {}
        for m in MANUSCRIPTS:
            for p in PROFILES:
                cls.pdfs[(m, p)] = build(m, os.path.join(cls.tmp.name, os.path.basename(m), p), p)
            # With bleed: the BleedBox 9 pt past the trim on the outside, top and bottom.
            cls.pdfs[(m, "ingramspark-bleed")] = build(
                m, os.path.join(cls.tmp.name, os.path.basename(m), "bleed"), "ingramspark", "--bleed")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def check_pdfx1a(self, pdf):
        with open(pdf, "rb") as f:
            raw = f.read()
        self.assertTrue(raw.startswith(b"%PDF-1.3"), raw[:9])
        self.assertNotIn(b"/ObjStm", raw)
        self.assertNotIn(b"/XRef", raw)
        self.assertRegex(raw[-2000:], rb"\nxref\n|startxref")
        objs = objects(pdf)
        trailer = objs["trailer"]["value"]
        self.assertIn("/ID", trailer)
        info = deref(objs, trailer["/Info"])
        self.assertEqual(info["/GTS_PDFXVersion"], "u:PDF/X-1:2001")
        self.assertEqual(info["/GTS_PDFXConformance"], "u:PDF/X-1a:2001")
        self.assertEqual(info["/Trapped"], "/False")
        for k in ("/Title", "/CreationDate", "/ModDate"):
            self.assertGreater(len(info.get(k, "")), 2, k)
        root = deref(objs, trailer["/Root"])
        intents = deref(objs, root["/OutputIntents"])
        self.assertEqual(len(intents), 1)
        oi = deref(objs, intents[0])
        self.assertEqual(oi["/S"], "/GTS_PDFX")
        self.assertTrue(oi["/OutputConditionIdentifier"].startswith("u:"))
        icc = objs[ref(oi["/DestOutputProfile"])]["stream"]
        self.assertEqual(icc["dict"]["/N"], 4)
        profile = base64.b64decode(icc["data"])
        self.assertEqual(profile[36:40], b"acsp")
        self.assertEqual(profile[12:16], b"prtr")  # an output profile
        for k in ("/StructTreeRoot", "/Outlines", "/Metadata", "/MarkInfo"):
            self.assertNotIn(k, root)
        pages = 0
        for key, o in objs.items():
            d = dict_of(o)
            if not isinstance(d, dict):
                continue
            if d.get("/Type") == "/Page":
                pages += 1
                self.check_boxes(d, pdfx=True)
                self.assertNotIn("/Annots", d)
            self.check_flat(d, key)
            cs = d.get("/ColorSpace")
            self.assertNotIn(cs, ("/DeviceRGB", "/CalRGB"), key)
            if isinstance(cs, list):
                self.assertNotIn(cs[0], ("/ICCBased", "/CalRGB", "/Lab"), key)
            if d.get("/Subtype") == "/Image" and not d.get("/ImageMask"):
                self.assertIn(cs, ("/DeviceGray", "/DeviceCMYK"), key)
            if d.get("/Type") == "/FontDescriptor":
                self.assertTrue(any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")),
                                f"font not embedded: {d.get('/FontName')}")
            if "stream" in o and not d.get("/Subtype") and not d.get("/Type") and "/N" not in d:
                content = base64.b64decode(o["stream"].get("data", ""))
                # No RGB operator, no RGB colour space, in a page's (or form's) content.
                self.assertIsNone(re.search(rb"(^|\s)(rg|RG)(\s|$)", content), key)
                self.assertNotIn(b"/DeviceRGB", content, key)
        self.assertGreater(pages, 0)
        return pages

    def check_flat(self, d, key):
        self.assertFalse("/SMask" in d and d["/SMask"] != "/None", f"soft mask in {key}")
        for a in ("/CA", "/ca"):
            if a in d:
                self.assertGreaterEqual(d[a], 1, f"{a} in {key}")
        if isinstance(d.get("/Group"), dict):
            self.assertNotEqual(d["/Group"].get("/S"), "/Transparency", key)

    def check_boxes(self, page, pdfx):
        media, trim, bleed = page["/MediaBox"], page["/TrimBox"], page["/BleedBox"]

        def within(inner, outer):
            return (inner[0] >= outer[0] - 0.01 and inner[1] >= outer[1] - 0.01
                    and inner[2] <= outer[2] + 0.01 and inner[3] <= outer[3] + 0.01)
        self.assertTrue(within(bleed, media), (bleed, media))
        self.assertTrue(within(trim, bleed), (trim, bleed))
        if pdfx:  # ISO 15930-1: a TrimBox or an ArtBox, not both
            self.assertNotIn("/ArtBox", page)
        elif "/ArtBox" in page:
            self.assertTrue(within(page["/ArtBox"], trim))

    def test_ingramspark_is_pdfx1a(self):
        for m in MANUSCRIPTS:
            with self.subTest(manuscript=os.path.basename(m)):
                self.check_pdfx1a(self.pdfs[(m, "ingramspark")])

    def test_ingramspark_with_bleed_declares_it(self):
        m = MANUSCRIPTS[0]
        self.check_pdfx1a(self.pdfs[(m, "ingramspark-bleed")])
        objs = objects(self.pdfs[(m, "ingramspark-bleed")])
        page = next(dict_of(o) for o in objs.values()
                    if isinstance(dict_of(o), dict) and dict_of(o).get("/Type") == "/Page")
        trim, bleed = page["/TrimBox"], page["/BleedBox"]
        self.assertAlmostEqual(trim[1] - bleed[1], 9, places=1)  # 0.125 in below the trim
        self.assertAlmostEqual(bleed[3] - trim[3], 9, places=1)  # and above it

    def test_kdp_has_no_outline_links_or_transparency(self):
        for m in MANUSCRIPTS:
            with self.subTest(manuscript=os.path.basename(m)):
                objs = objects(self.pdfs[(m, "kdp")])
                root = deref(objs, objs["trailer"]["value"]["/Root"])
                self.assertNotIn("/Outlines", root)
                for key, o in objs.items():
                    d = dict_of(o)
                    if not isinstance(d, dict):
                        continue
                    self.check_flat(d, key)
                    self.assertNotEqual(d.get("/Subtype"), "/Link", key)
                    if d.get("/Type") == "/Page":
                        self.check_boxes(d, pdfx=False)
                        self.assertNotIn("/Annots", d)
                    if d.get("/Type") == "/FontDescriptor":
                        self.assertTrue(any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")))

    def test_screen_keeps_cairos_transparency_group(self):
        # The contrast that shows the checks above can fail: the screen PDF is not flat.
        raw = subprocess.run(["qpdf", "--qdf", "--object-streams=disable",
                              self.pdfs[(MANUSCRIPTS[0], "screen")], "-"], capture_output=True).stdout
        self.assertTrue(b"/S /Transparency" in raw, "the screen PDF has no transparency group")
        self.assertTrue(re.search(rb"\s0 0 0 rg\s", raw), "the screen PDF has no RGB black")

    def test_profiles_render_as_the_screen_pdf(self):
        # Grey renders: text, rules and pictures where the screen PDF has them. The grey
        # conversion differs from a renderer's own RGB-to-grey by at most a few levels; a
        # missing or moved glyph, rule or picture changes hundreds of pixels.
        for m in MANUSCRIPTS:
            for tool in ("pdftoppm", "gs"):
                with tempfile.TemporaryDirectory() as tmp:
                    screen = render(self.pdfs[(m, "screen")], tool, tmp)
                    self.assertGreater(len(screen), 0)
                    for p in ("kdp", "ingramspark"):
                        other = render(self.pdfs[(m, p)], tool, tmp)
                        self.assertEqual(len(other), len(screen), (m, p, tool))
                        for n, ((size_a, a), (size_b, b)) in enumerate(zip(screen, other), 1):
                            with self.subTest(manuscript=os.path.basename(m), profile=p, tool=tool, page=n):
                                self.assertEqual(size_a, size_b)
                                off = sum(1 for x, y in zip(a, b) if abs(x - y) > 6)
                                self.assertLessEqual(off, len(a) // 2000, f"{off} pixels differ")

    def test_print_key_precedence(self):
        # --for first, then book.yaml's print:, then the style's, then the screen PDF.
        with tempfile.TemporaryDirectory() as tmp:
            book = os.path.join(tmp, "book")
            shutil.copytree(MANUSCRIPTS[0], book)
            yaml = os.path.join(book, "book.yaml")
            with open(yaml, encoding="utf-8") as f:
                plain = [l for l in f.read().splitlines() if not l.startswith("style:")]

            def write_yaml(extra):
                with open(yaml, "w", encoding="utf-8") as f:
                    f.write("\n".join(plain + extra) + "\n")

            def head(*extra):
                out = os.path.join(tmp, "out")
                shutil.rmtree(out, ignore_errors=True)
                r = subprocess.run([FOLIO, "build", book, "-o", out, "--pdf", *extra],
                                   capture_output=True, text=True, env=ENV)
                self.assertEqual(r.returncode, 0, r.stderr)
                pdf = [os.path.join(out, f) for f in os.listdir(out) if f.endswith(".pdf")][0]
                with open(pdf, "rb") as f:
                    raw = f.read()
                j = subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", pdf],
                                   capture_output=True, text=True, check=True).stdout
                return raw[:8], '"/Outlines"' in j

            write_yaml(["print:", "  for: ingramspark", "  paper: cream"])
            self.assertEqual(head()[0], b"%PDF-1.3")
            self.assertEqual(head("--for", "screen"), (b"%PDF-1.7", True))
            os.mkdir(os.path.join(book, "styles"))
            with open(os.path.join(book, "styles", "mine.yaml"), "w", encoding="utf-8") as f:
                f.write("print:\n  for: kdp\n")
            write_yaml(["style: mine"])
            self.assertEqual(head(), (b"%PDF-1.7", False))  # KDP's: no outline
            write_yaml(["style: mine", "print: {for: ingramspark}"])
            self.assertEqual(head()[0], b"%PDF-1.3")  # book.yaml before the style
            with open(os.path.join(book, "styles", "mine.yaml"), "w", encoding="utf-8") as f:
                f.write("print:\n  for: kdpp\n")
            r = subprocess.run([FOLIO, "build", book, "-o", os.path.join(tmp, "bad"), "--pdf"],
                               capture_output=True, text=True, env=ENV)
            self.assertEqual(r.returncode, 1)
            self.assertIn("mine.yaml:2:8: error:", r.stderr)


if __name__ == "__main__":
    unittest.main()
