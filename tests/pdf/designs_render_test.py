#!/usr/bin/env python3
"""Block designs in the rendered PDF (tests/pdf/designs, classic): the dedication page's ink
centred on its recto 30% down with no folio; the signature's lines flush right, the
salutation and postscript flush left, the bridgehead centred (word boxes from pdftotext
-bbox). Usage: designs_render_test.py FOLIO"""
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from pdf_output_test import read_png_gray  # noqa: E402

BOOK = os.path.join(HERE, "designs")
DPI = 72  # a pixel is a point
INK = 128
# classic: 6 x 9 in; a recto's text block from 57.6 pt (inside) to 432 - 50.4 pt (outside),
# 57.6 pt from the top to 64.8 pt from the bottom.
LEFT, RIGHT, TOP, BOTTOM = 57.6, 381.6, 57.6, 648 - 64.8

failures = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok or not detail else ": " + detail))
    if not ok:
        failures.append(name)


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit("command failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), p.stderr))
    return p.stdout


def page_text(pdf, p):
    return run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"])


def lines_bbox(pdf, p):
    """Each text line of page p as (text, xmin, xmax, ymin), from pdftotext -bbox-layout."""
    html = run(["pdftotext", "-bbox-layout", "-f", str(p), "-l", str(p), pdf, "-"])
    out = []
    for m in re.finditer(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>(.*?)</line>',
                         html, re.S):
        words = re.findall(r">([^<]*)</word>", m.group(4))
        out.append((" ".join(words), float(m.group(1)), float(m.group(3)), float(m.group(2))))
    return out


def main():
    folio = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, SOURCE_DATE_EPOCH="617587200")
        p = subprocess.run([folio, "build", BOOK, "-o", tmp, "--pdf", "--quiet"],
                           capture_output=True, text=True, env=env)
        check("build exits 0", p.returncode == 0, p.stderr)
        pdf = os.path.join(tmp, [f for f in os.listdir(tmp) if f.endswith(".pdf")][0])
        pages = int(re.search(r"Pages:\s+(\d+)", run(["pdfinfo", pdf]))[1])
        ded = [n for n in range(1, pages + 1) if "Hommy-Beg" in page_text(pdf, n)]
        check("the dedication is on one page", len(ded) == 1, str(ded))
        if ded:
            n = ded[0]
            check("the dedication page is a recto", n % 2 == 1, "page %d" % n)
            prefix = os.path.join(tmp, "ded")
            run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "-f", str(n), "-l", str(n),
                 "-singlefile", pdf, prefix])
            w, h, px = read_png_gray(prefix + ".png")
            ink = [(i % w, i // w) for i, v in enumerate(px) if v < INK]
            check("the dedication page holds ink", len(ink) > 200, str(len(ink)))
            if ink:
                xs = [x for x, _ in ink]
                ys = [y for _, y in ink]
                centre = (min(xs) + max(xs)) / 2
                check("its ink is centred on the text block (%.1f)" % centre,
                      abs(centre - (LEFT + RIGHT) / 2) < 3)
                # The heading's top, 30% down the text block (less its cap height).
                sink = TOP + 0.3 * (BOTTOM - TOP)
                check("its ink starts 30%% down (%d px, sink %.0f)" % (min(ys), sink),
                      sink - 12 <= min(ys) <= sink + 14)
                check("no folio or running head (no ink below the text block)",
                      max(ys) < BOTTOM and min(ys) > TOP, "%d..%d" % (min(ys), max(ys)))
        letter = [n for n in range(1, pages + 1) if "Your loving" in page_text(pdf, n)]
        check("the letter is on one page", len(letter) == 1, str(letter))
        if letter:
            lines = {t: (x0, x1) for t, x0, x1, _ in lines_bbox(pdf, letter[0])}
            recto = letter[0] % 2 == 1
            left, right = (LEFT, RIGHT) if recto else (432 - RIGHT, 432 - LEFT)
            for text in ("Your loving", "Mina."):
                x0, x1 = lines.get(text, (0, 0))
                check("signature line '%s' flush right (%.1f)" % (text, x1), abs(x1 - right) < 1)
            for text in ("My dearest Lucy,", "P.S. Tell me all the news when you write."):
                x0, x1 = lines.get(text, (0, 0))
                check("'%s' flush left (%.1f)" % (text, x0), abs(x0 - left) < 1)
            bh = "Letter from Miss Mina Murray to Miss Lucy Westenra."
            x0, x1 = lines.get(bh, (0, 0))
            check("the bridgehead centred (%.1f)" % ((x0 + x1) / 2),
                  abs((x0 + x1) / 2 - (left + right) / 2) < 1)
    print("%d failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
