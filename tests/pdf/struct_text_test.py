#!/usr/bin/env python3
"""The structure tree holds all the text the pages show: a screen reader, or anything that
reads a tagged PDF by its structure (pdfinfo -struct-text), gets every word pdftotext sees.

Usage:
  struct_text_test.py FOLIO [BOOK_DIR…]   build each book (default: the seed, every
                                           tests/manuscripts/* and tests/books/*) and compare
  struct_text_test.py --pdf PDF…           compare PDFs already built

The page text is pdftotext's (-raw: in content order, as the structure tree has it) after
the /Artifact content (running heads, folios) is cut out of the page streams; what was cut
must be folios or text the structure tree holds anyway. Both texts are compared in NFKC (a
ligature may read as its presentation form, U+FB01 for fi), and
without their spaces, invisible characters (soft hyphens, word joiners) and hyphens (the
structure tree joins lines where the page text breaks them, and pdftotext joins a word
hyphenated at a line's end): every character the pages show must be in the structure text as
often, and every line of the page text must occur in it.

Known to fail: tests/manuscripts/fractions and tests/books/wealth-of-nations. A fraction built
as numerator, slash and denominator is one cluster of several glyphs, which Cairo writes as
/ActualText (so that the text layer reads ⅓, docs/styles.md); poppler ends the element's text
there.
"""
import collections
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "support"))
from harness import check, finish  # noqa: E402

# Spaces of any kind, and characters with no ink that either text may keep or drop.
INVISIBLE = re.compile("[\\s\u00ad\u200b\u200c\u200d\u2060\ufeff-]+")
# A folio at either end of a line (pdftotext puts a running head and its folio on one line).
FOLIO_AT_ENDS = re.compile(r"^(?:\d{1,4}|[ivxlcdm]{1,8})(?:\s+|$)|(?:\s+|^)(?:\d{1,4}|[ivxlcdm]{1,8})$"
                           r"|(?<=[^\d\s])\d{1,4}$")
MARK = re.compile(rb"(?m)^(?:/Artifact BMC|.*\bBDC|.*\bBMC|EMC)$")


def cut_artifacts(qdf):
    """`qdf` (qpdf --qdf, one operator a line) without its /Artifact BMC … EMC sequences,
    marked content nested in them (a ligature's /ActualText span) included."""
    out, at, depth, start = [], 0, 0, None
    for m in MARK.finditer(qdf):
        line = m.group(0)
        if start is None:
            if line == b"/Artifact BMC":
                out.append(qdf[at:m.start()])
                start, depth = m.start(), 1
            continue
        depth += -1 if line == b"EMC" else 1
        if depth == 0:
            at, start = m.end() + 1, None
    out.append(qdf[at:])
    return b"".join(out)


def squeeze(text):
    return INVISIBLE.sub("", unicodedata.normalize("NFKC", text))


def pdftotext(pdf):
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def page_text(pdf, tmp):
    """pdftotext's text of the pages' content, artifacts left out, and of each page the lines
    the artifacts held."""
    qdf = Path(tmp) / "qdf.pdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(pdf), str(qdf)], check=True)
    qdf.write_bytes(cut_artifacts(qdf.read_bytes()))
    cut = Path(tmp) / "cut.pdf"
    # fix-qdf mends the stream lengths and offsets that cutting the artifacts changed.
    cut.write_bytes(subprocess.run(["fix-qdf", str(qdf)], capture_output=True,
                                   check=True).stdout)
    text = pdftotext(cut)
    full_pages, cut_pages = pdftotext(pdf).split("\f"), text.split("\f")
    check(len(full_pages) == len(cut_pages), f"{pdf.name}: cutting the artifacts lost pages")

    def lines(page):
        return collections.Counter(line.strip() for line in page.splitlines() if line.strip())
    cut_away = [lines(full) - lines(kept) for full, kept in zip(full_pages, cut_pages)]
    return text, cut_away


def struct_text(pdf):
    out = subprocess.run(["pdfinfo", "-struct-text", str(pdf)], capture_output=True, text=True,
                         check=True).stdout
    # Each element's text is a quoted line under its name: keep the quoted parts.
    return "\n".join(m.group(1) for m in re.finditer(r'^\s*"(.*)"\s*$', out, re.M))


def compare(pdf):
    with tempfile.TemporaryDirectory(prefix="folio-struct-") as tmp:
        shown, cut_away = page_text(pdf, tmp)
    tagged = squeeze(struct_text(pdf))
    # What the artifacts held must be furniture: a folio, or text the structure tree has
    # anyway (a running head's title, a table's header row repeated on its next page). Text
    # wrongly marked as an artifact (Cairo 1.16 marks no text of an element that has child
    # elements) must not pass unseen.
    for n, lines in enumerate(cut_away, 1):
        unexplained = [line for line in lines
                       if squeeze(FOLIO_AT_ENDS.sub("", line.strip())) not in tagged]
        if not check(not unexplained,
                     f"{pdf.name} page {n}: marked as artifacts: {unexplained[:6]}"):
            break
    missing_chars = collections.Counter(squeeze(shown)) - collections.Counter(tagged)
    missing_lines = [line.strip() for line in shown.splitlines()
                     if squeeze(line) and squeeze(line) not in tagged]
    print(f"  {pdf.name}: {len(squeeze(shown))} characters shown, {len(tagged)} tagged")
    check(not missing_chars and not missing_lines,
          f"{pdf.name}: shown but not in the structure tree: "
          f"characters {dict(missing_chars.most_common(12))}, "
          f"{len(missing_lines)} line(s) {missing_lines[:8]}")


def books():
    dirs = [ROOT / "manuscript"]
    dirs += sorted(p.parent for p in (ROOT / "tests" / "manuscripts").glob("*/book.yaml"))
    dirs += sorted(p.parent for p in (ROOT / "tests" / "books").glob("*/book.yaml"))
    return dirs


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    if sys.argv[1] == "--pdf":
        for pdf in sys.argv[2:]:
            compare(Path(pdf))
        finish()
        return
    folio = sys.argv[1]
    dirs = [Path(d).resolve() for d in sys.argv[2:]] or books()
    for book in dirs:
        with tempfile.TemporaryDirectory(prefix="folio-struct-") as tmp:
            r = subprocess.run([folio, "build", "--pdf", str(book), "-o", tmp],
                               capture_output=True, text=True, timeout=1800)
            pdfs = sorted(Path(tmp).glob("*.pdf"))
            if not check(r.returncode == 0 and len(pdfs) == 1,
                         f"{book.name}: folio build exits {r.returncode}, "
                         f"PDFs {[p.name for p in pdfs]}: {r.stderr[-600:]}"):
                continue
            compare(pdfs[0])
    finish()


if __name__ == "__main__":
    main()
