#!/usr/bin/env python3
"""Lists, code and line blocks inside block quotes and notes, as rendered (tests/manuscripts/
nested, classic), against the same blocks at the top level: list marks inset by the frame's
indent at its size (16.5 pt in the body, 15 in a 10 pt quote, 13.5 in a 9 pt note), nested
lists one more step, ordered lists keep their start; code and verse have half a line of the
quote's or note's own leading around them (4.5 lines from the list before to the verse after;
a note's spaces were whole body lines); a paragraph after verse opens flush, as at the top.
Word boxes from pdftotext -bbox. Usage: nested_test.py FOLIO"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BOOK = os.path.join(ROOT, "tests", "manuscripts", "nested")
BODY, QUOTE, NOTE = 11.0, 10.0, 9.0  # classic's sizes
failures = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok or not detail else ": " + detail))
    if not ok:
        failures.append(name)
    return ok


def near(a, b, tol=0.3):
    return abs(a - b) <= tol


def lines(pdf, page):
    """Text lines of a page as (text, x of the first word, yMin of the first word)."""
    html = subprocess.run(["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), pdf,
                           "-"], capture_output=True, text=True, check=True).stdout
    out = []
    for m in re.finditer(r"<line[^>]*>(.*?)</line>", html, re.S):
        words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>',
                           m.group(1))
        if words:
            out.append((" ".join(w[2] for w in words), float(words[0][0]), float(words[0][1])))
    return out


def find(ls, start):
    hits = [l for l in ls if l[0].startswith(start)]
    if not check("a line starts with %r" % start, len(hits) >= 1):
        return ("", 0.0, 0.0)
    return hits[0]


def main():
    folio = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, SOURCE_DATE_EPOCH="0")
        r = subprocess.run([folio, "build", BOOK, "-o", tmp], capture_output=True, text=True,
                           env=env)
        check("builds in both editions, the editions agree", r.returncode == 0
              and "editions-" not in r.stderr, r.stderr)
        pdf = os.path.join(tmp, "blocks-within-blocks.pdf")
        pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
            ["pdfinfo", pdf], capture_output=True, text=True).stdout).group(1))
        by_page = [lines(pdf, p) for p in range(1, pages + 1)]

        def page_with(text):
            return next(ls for ls in by_page if any(l[0].startswith(text) for l in ls))

        top = page_with("The same blocks")
        quote = page_with("The quoted letter runs:")
        note = page_with("3. The note opens")
        frames = [("top", top, "The same blocks", BODY, "an unordered", "a nested", "3. an",
                   "and its second", "A line block at"),
                  ("quote", quote, "The quoted letter", QUOTE, "an unordered", "a nested",
                   "3. an", "and its second", "A line block in a quote"),
                  ("note", note, "3. The note", NOTE, "an unordered", "a nested", "1. an",
                   "the next", "A line block in a note")]
        for name, ls, opening, size, item, nested, ordered, before, verse in frames:
            left = find(ls, opening)[1]
            bullet = find(ls, "• " + item)
            inner = find(ls, "• " + nested)
            step = 16.5 * size / BODY
            check("%s: list mark inset %.1f pt" % (name, step), near(bullet[1] - left, step),
                  "%.2f" % (bullet[1] - left))
            check("%s: nested list one step further" % name, near(inner[1] - bullet[1], step),
                  "%.2f" % (inner[1] - bullet[1]))
            check("%s: ordered list numbered from its start" % name,
                  find(ls, ordered)[1] == bullet[1])
            # Leading from two list lines; verse after code after the list: 4.5 lines.
            leading = find(ls, "• a second")[2] - find(ls, "• an unordered")[2]
            gap = find(ls, verse)[2] - find(ls, "2. " + before)[2]
            if name == "top":
                check("top: 4.5 lines or more, on the body's grid",
                      gap >= 4.5 * leading - 0.3 and near(gap / leading, round(gap / leading),
                                                           0.02), "%.2f / %.2f" % (gap, leading))
            else:
                check("%s: 4.5 lines of its own leading from list to verse" % name,
                      near(gap, 4.5 * leading), "%.2f vs 4.5 x %.2f" % (gap, leading))
        closing = find(quote, "The quote ends")
        check("quote: the paragraph after the verse opens flush",
              near(closing[1], find(quote, "The quoted letter")[1]))
        check("note: the paragraph after the verse opens flush",
              near(find(note, "And a closing")[1], find(note, "3. The note")[1]))
    print("%d failure(s)" % len(failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
