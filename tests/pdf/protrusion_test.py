#!/usr/bin/env python3
"""Optical margin alignment as printed: on body pages of The Prince (tests/books), rendered by
pdftoppm, the right edge of ink of a full justified line is flush with the measure when the
line ends in a letter and hangs past it when the line ends in a period, comma or hyphen; with
`protrusion: none` the same kinds of line all end inside the measure. The words and their order
(pdftotext) are the same both ways.

Usage: protrusion_test.py FOLIO"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DPI = 288  # 4 pixels a point
BOOK = "tests/books/the-prince"
PAGES = range(12, 26)  # body pages full of justified text (and notes)
INK = 128  # a pixel darker than this is ink
failures = []


def check(what, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + what + ("" if ok else ": " + detail))
    if not ok:
        failures.append(what)


def build(folio, out, style=None, seed=False):
    book = os.path.join(ROOT, "manuscript" if seed else BOOK)
    cmd = [folio, "build", "--pdf", book, "-o", out]
    if style:
        cmd += ["--style", style]
    r = subprocess.run(cmd, capture_output=True, text=True,
                       env=dict(os.environ, SOURCE_DATE_EPOCH="0"), timeout=120)
    assert r.returncode == 0, r.stderr
    return [os.path.join(out, f) for f in os.listdir(out) if f.endswith(".pdf")][0]


def read_pgm(path):
    data = open(path, "rb").read()
    m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    w, h = int(m.group(1)), int(m.group(2))
    return w, h, data[m.end():]


def lines_of(pdf, page):
    """(text, xMin, yMin, xMax, yMax) in points for each text line pdftotext finds on `page`."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml).replace(' xmlns="http://www.w3.org/1999/xhtml"', "")
    out = []
    for line in ET.fromstring(xml).iter("line"):
        words = [w.text or "" for w in line.iter("word")]
        box = [float(line.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
        out.append((" ".join(words), *box))
    return out


def ink_right(pixels, w, y0, y1, x_limit):
    """The rightmost ink column (in points) between y0 and y1 (points), left of x_limit."""
    best = -1
    for y in range(int(y0 * DPI / 72), min(int(y1 * DPI / 72) + 1, len(pixels) // w)):
        row = pixels[y * w:(y + 1) * w]
        for x in range(min(w, int(x_limit * DPI / 72)) - 1, best, -1):
            if row[x] < INK:
                best = x
                break
    return (best + 1) * 72 / DPI


def edges(pdf, tmp):
    """Per full line of the body pages: (last character, ink right edge − measure's edge)."""
    found = []
    for page in PAGES:
        stem = os.path.join(tmp, "p%d" % page)
        subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-f", str(page), "-l", str(page),
                        "-singlefile", pdf, stem], check=True)
        w, h, pixels = read_pgm(stem + ".pgm")
        lines = [l for l in lines_of(pdf, page) if l[2] > 60 and len(l[0]) > 20]  # no head
        if not lines:
            continue
        # The measure's right edge: where most full lines' advances end (those ending in a
        # letter end exactly there).
        ends = sorted(round(l[3], 1) for l in lines if l[0][-1].isalpha())
        right = ends[len(ends) // 2]
        left = min(l[1] for l in lines)
        for i, (text, x0, y0, x1, y1) in enumerate(lines):
            # A full line: the paragraph goes on below it, unindented (a paragraph's last line
            # is set ragged, a heading centred: neither hangs).
            if i + 1 == len(lines) or x1 < right - 3:
                continue
            below = lines[i + 1]
            if below[1] > left + 2 or not 5 < below[2] - y0 < 20:
                continue
            found.append((text[-1], ink_right(pixels, w, y0, y1, right + 8) - right,
                          x1 - right, text))
    return found


def main():
    folio = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        hung = build(folio, os.path.join(tmp, "hung"))
        classic = open(os.path.join(ROOT, "styles", "classic.yaml"), encoding="utf-8").read()
        flush_style = re.sub(r"(?m)^  protrusion:.*\n(    .*\n)+", "  protrusion: none\n", classic)
        check("the flush style turns protrusion off", "protrusion: none" in flush_style)
        style_path = os.path.join(tmp, "flush.yaml")
        open(style_path, "w", encoding="utf-8").write(flush_style.replace("name: classic",
                                                                          "name: flush"))
        flush = build(folio, os.path.join(tmp, "flush"), style_path)

        # The text layer differs only where lines break (a soft hyphen and a line end, or a
        # space). Pages may break elsewhere (the page builder weighs other lines), so the text
        # is read through the structure tree, where running heads and folios are artifacts.
        def text(pdf):
            t = subprocess.run(["pdfinfo", "-struct-text", pdf], capture_output=True,
                               text=True).stdout
            t = "".join(re.findall(r'(?m)^\s*"(.*)"$', t))  # the text, not the element names
            return re.sub(r"\s", "", t.replace("\u00ad", ""))
        seed_hung = build(folio, os.path.join(tmp, "seed-hung"), seed=True)
        seed_flush = build(folio, os.path.join(tmp, "seed-flush"), style_path, seed=True)
        check("the seed's text is the same with and without protrusion but for line breaks",
              text(seed_hung) == text(seed_flush) and len(text(seed_hung)) > 5000)

        for name, pdf, hangs in (("protrusion", hung, True), ("protrusion: none", flush, False)):
            lines = edges(pdf, tmp)
            # (Not f: its hook reaches past its advance.)
            letters = [e for e in lines if e[0].isalpha() and e[0] != "f"]
            points = [e for e in lines if e[0] in ".,-\u2010\u00ad"]  # \u00ad: a line-end hyphen
            check("%s: enough full lines measured (%d ending in a letter, %d in . , -)" %
                  (name, len(letters), len(points)), len(letters) >= 100 and len(points) >= 20)
            # A letter's ink ends at the measure, less its right side bearing (< 0.8 pt here).
            # (A few do not: a raised note mark, an italic letter leaning out.)
            bad = [e for e in letters if not -0.8 <= e[1] <= 0.3]
            check("%s: lines ending in a letter end their ink at the measure (%d of %d not)" %
                  (name, len(bad), len(letters)), len(bad) <= 0.05 * len(letters),
                  "; ".join("%r %+.2f pt" % (e[3][-30:], e[1]) for e in bad[:5]))
            if hangs:
                # A period hangs 0.7, a comma 0.5, a hyphen 0.5 of its advance: its ink passes
                # the measure's edge, and its advance ends that far past it.
                bad = [e for e in points if not e[1] >= 0.4]
                check("%s: punctuation's ink hangs past the measure (min %+.2f pt)" %
                      (name, min(e[1] for e in points)), not bad,
                      "; ".join("%r %+.2f pt" % (e[3][-30:], e[1]) for e in bad[:5]))
                bad = [e for e in points if not 0.8 <= e[2] <= 3]
                check("%s: punctuation's advance ends past the measure" % name, not bad,
                      "; ".join("%r %+.2f pt" % (e[3][-30:], e[2]) for e in bad[:5]))
            else:
                bad = [e for e in points if not e[1] <= 0]
                check("%s: punctuation ends inside the measure (a dent)" % name, not bad,
                      "; ".join("%r %+.2f pt" % (e[3][-30:], e[1]) for e in bad[:5]))
            letter_mean = sum(e[1] for e in letters) / len(letters)
            point_mean = sum(e[1] for e in points) / len(points)
            print("     %s: ink edge past the measure, mean: letters %+.2f pt, . , - %+.2f pt" %
                  (name, letter_mean, point_mean))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
