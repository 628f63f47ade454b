#!/usr/bin/env python3
"""Fractions and borrowed characters in the print edition (tests/manuscripts/fractions,
classic + body.fallback-families): the fractions EB Garamond 12 lacks are drawn from its own
figures (ink above and below the middle of each one's word box: numerator and denominator),
the text layer reads them as written, the lenders are embedded and noted once each; without
fallback-families the borrowed characters stay pdf-missing-glyphs errors (the fractions do
not); an unknown fallback family is an error at its place in the style.
Usage: fractions_test.py FOLIO"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from pdf_output_test import read_png_gray  # noqa: E402
sys.path.insert(0, os.path.join(HERE, "..", "support"))
from harness import run_tool  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.environ.get("FOLIO_SHARED", os.path.join(ROOT, "..", "shared"))
BOOK = os.path.join(ROOT, "tests", "manuscripts", "fractions")
BUILT = "⅓⅘⅙⅛⅑⅒↉⅔⅝⅜⅞"  # EB Garamond 12 has none of these
OWN = "½¼¾⅐"  # ... and has these
DPI = 288
INK = 128

failures = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok or not detail else ": " + detail))
    if not ok:
        failures.append(name)
    return ok


def build(book, out, *args):
    env = dict(os.environ, SOURCE_DATE_EPOCH="0")
    return subprocess.run([os.environ["FOLIO"], "build", book, "-o", out, *args],
                          capture_output=True, text=True, env=env)


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def words_with_boxes(pdf, page):
    html = run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"])
    return [(m.group(5), *map(float, m.group(1, 2, 3, 4))) for m in re.finditer(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        html)]


def ink_rows(png, box):
    """Dark pixels in the box (points) above and below its vertical middle."""
    w, h, px = read_png_gray(png)
    s = DPI / 72.0
    x0, y0, x1, y1 = (int(v * s) for v in box)
    mid = (y0 + y1) // 2
    top = sum(1 for y in range(y0, mid) for x in range(x0, x1) if px[y * w + x] < INK)
    low = sum(1 for y in range(mid, y1) for x in range(x0, x1) if px[y * w + x] < INK)
    return top, low


def main():
    os.environ["FOLIO"] = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out")
        r = build(BOOK, out)
        check("the fractions book builds in both editions", r.returncode == 0, r.stderr)
        check("no pdf-missing-glyphs", "pdf-missing-glyphs" not in r.stderr, r.stderr)
        check("no editions mismatch", "editions-" not in r.stderr, r.stderr)
        notes = [l for l in r.stderr.splitlines() if "pdf-fallback-glyphs" in l]
        check("one note per lender", len(notes) == 2, "\n".join(notes))
        check("Libertine lends the planets",
              any("'Linux Libertine O'" in l and "☿ (U+263F), ♃ (U+2643)" in l and "✠" not in l
                  for l in notes),
              "\n".join(notes))
        check("DejaVu Sans lends the cross",
              any("'DejaVu Sans'" in l and "✠ (U+2720)" in l for l in notes), "\n".join(notes))
        check("no fraction is borrowed", not any(c in "".join(notes) for c in BUILT + OWN))
        pdfs = [f for f in os.listdir(out) if f.endswith(".pdf")]
        if not pdfs:
            return
        pdf = os.path.join(out, pdfs[0])
        pdfcheck = os.path.join(SHARED, "validate", "pdfcheck.sh")
        pc = run_tool(["bash", pdfcheck, "--require", "tagged,title,lang", pdf])
        last = pc.stdout.strip().splitlines()[-1] if pc.stdout.strip() else pc.stderr
        check("pdfcheck.sh PASS", pc.returncode == 0, last)
        fonts = run(["pdffonts", pdf])
        check("DejaVu Sans embedded", "DejaVuSans" in fonts, fonts)
        check("Linux Libertine embedded", "LinLibertine" in fonts, fonts)
        check("every font embedded", all(l.split()[-5] == "yes" for l in fonts.splitlines()[2:]),
              fonts)
        text = run(["pdftotext", pdf, "-"])
        for c in BUILT + OWN:
            check("the text layer has %s" % c, c in text)
        check("the mixed number reads 2⅓", "2⅓" in text)
        check("no fraction slash in the text layer", "\u2044" not in text)
        # The fractions' word boxes on the page that has them: a built fraction is drawn
        # (not dropped as a missing glyph), its numerator above the middle and denominator
        # below, like the face's own ½.
        page = next(p for p in range(1, 20) if "⅘" in run(["pdftotext", "-f", str(p), "-l",
                                                             str(p), pdf, "-"]))
        subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-f", str(page), "-l", str(page),
                        "-png", pdf, os.path.join(tmp, "p")], check=True)
        png = next(os.path.join(tmp, f) for f in os.listdir(tmp) if f.startswith("p"))
        boxes = {w.strip(",.;"): b for (w, *b) in words_with_boxes(pdf, page)
                 if len(w.strip(",.;")) == 1}
        for c in "⅓⅘⅙⅛⅑⅒↉½":
            if not check("a word box for %s" % c, c in boxes, " ".join(boxes)):
                continue
            top, low = ink_rows(png, boxes[c])
            check("%s has ink above and below its middle (%d, %d px)" % (c, top, low),
                  top > 20 and low > 20)

        # Without fallback families: the borrowed characters are errors, the fractions not.
        bare = os.path.join(tmp, "bare")
        shutil.copytree(BOOK, bare)
        with open(os.path.join(bare, "book.yaml")) as f:
            yaml = f.read()
        with open(os.path.join(bare, "book.yaml"), "w") as f:
            f.write(yaml.replace("style: styles/lenders.yaml\n", ""))
        r = build(bare, os.path.join(tmp, "bare-out"), "--pdf")
        check("without fallback-families the build fails", r.returncode == 1, r.stderr)
        check("the cross is pdf-missing-glyphs", "pdf-missing-glyphs" in r.stderr
              and "U+2720" in r.stderr, r.stderr)
        check("no fraction is missing", not any(c in r.stderr for c in BUILT), r.stderr)

        # A fallback family fontconfig cannot find: an error at its place in the style.
        with open(os.path.join(bare, "book.yaml"), "w") as f:
            f.write(yaml)
        style = os.path.join(bare, "styles", "lenders.yaml")
        with open(style) as f:
            lines = f.read().replace("[Linux Libertine O, DejaVu Sans]",
                                     "[Linux Libertine O, No Such Face]")
        with open(style, "w") as f:
            f.write(lines)
        line = 1 + next(k for k, l in enumerate(lines.splitlines()) if "fallback-families" in l)
        column = 1 + lines.splitlines()[line - 1].index("No Such Face")
        r = build(bare, os.path.join(tmp, "bad-out"), "--pdf")
        check("an unknown fallback family fails the build", r.returncode == 1, r.stderr)
        check("reported at the style's line and column",
              re.search(r"lenders\.yaml:%d:%d: error: .*No Such Face.*\[pdf-font-missing\]"
                        % (line, column), r.stderr) is not None, r.stderr)
    print("%d failure(s)" % len(failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
