#!/usr/bin/env python3
"""The EPUB's print page list against the PDF built in the same run.

Usage: editions_test.py FOLIO MANUSCRIPT
         one `folio build`; then: every PDF page with text from the book's sections has a
         page-list entry (one per page, in order, labels as the PDF's page labels say);
         for every entry, the first words after the EPUB's marker are the first words of
         that PDF page's text layer (pdftotext -f N -l N, running head and folio aside);
         toc.ncx's pageList has the same entries as the nav's page-list;
         the package declares pageBreakSource, printPageNumbers and pageNavigation; the
         EPUB's table of contents names the sections the PDF's outline names; `folio build -v`
         says its editions check ran and passed over as many words as this script counts;
         and, independently of folio's check, the words of every PDF page's real text layer
         (pdftotext; running head and folio aside) are the EPUB's words from that page's
         marker to the next, followed by the footnotes referenced in between.
       editions_test.py FOLIO --no-page-list MANUSCRIPT
         `folio build --epub --no-page-list`: no markers, no page list, no pageBreakSource.
"""
import functools
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

XHTML = "{http://www.w3.org/1999/xhtml}"
OPS = "{http://www.idpf.org/2007/ops}"
OPF = "{http://www.idpf.org/2007/opf}"
NCX = "{http://www.daisy.org/z3986/2005/ncx/}"
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "pre",
          "figure", "figcaption", "aside", "section", "hr"}
LETTERS = 40  # how much of each page start is compared (letters and digits)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from harness import check, finish  # noqa: E402


def letters(text):
    """Letters and digits only, case-folded: line-end hyphens, spacing and the print
    edition's upper-cased headings do not count."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in text if c.isalnum())


def roman(n):
    out = ""
    for v, s in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                 (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out += s
            n -= v
    return out


def pdf_labels(pdf, pages):
    """Each physical page's label, from the PDF's /PageLabels (as qpdf reads them)."""
    data = json.loads(subprocess.run(["qpdf", "--json", "--json-key=pagelabels", str(pdf)],
                                     capture_output=True, text=True, check=True).stdout)
    ranges = sorted(data.get("pagelabels", []), key=lambda r: r["index"])
    labels = []
    for p in range(pages):
        r = [x for x in ranges if x["index"] <= p][-1]
        n = r["label"].get("/St", 1) + p - r["index"]
        style = r["label"].get("/S", "/D")
        labels.append(roman(n) if style == "/r" else roman(n).upper() if style == "/R" else str(n))
    return labels


# A book with tables is read in the content stream's order (pdftotext -raw): its default
# reading order takes a table's columns one after another, the EPUB has its rows.
RAW = []


@functools.lru_cache(maxsize=None)
def page_text(pdf, n):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *RAW, "-f", str(n), "-l", str(n), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def linearize(elem, out):
    """Document order as ("text", s), ("marker", id) and ("end", None) at each block's end."""
    if elem.text:
        out.append(("text", elem.text))
    for child in elem:
        name = child.tag.replace(XHTML, "")
        if child.get(f"{OPS}type") == "pagebreak":
            out.append(("marker", child.get("id")))
        else:
            linearize(child, out)
            if name in BLOCKS:
                out.append(("end", None))
        if child.tail:
            out.append(("text", child.tail))


def words_after_markers(z, files):
    """marker id → (file, the letters of its text up to the end of its block)."""
    after = {}
    for f in files:
        stream = []
        linearize(ET.fromstring(z.read(f)), stream)
        for i, (kind, value) in enumerate(stream):
            if kind != "marker":
                continue
            text = ""
            for k, v in stream[i + 1:]:
                if k == "text":
                    text += v
                elif k == "end" and letters(text):
                    break
            after[value] = (f, letters(text))
    return after


def main():
    args = sys.argv[1:]
    folio = args.pop(0)
    no_list = args[0] == "--no-page-list"
    if no_list:
        args.pop(0)
    manuscript = Path(args[0])
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [folio, "build", str(manuscript), "-o", tmp, "-v"]
        if no_list:
            cmd += ["--epub", "--no-page-list"]
        r = subprocess.run(cmd, capture_output=True, text=True, env=env)
        if not check(r.returncode == 0, f"folio build exits 0 (got {r.returncode})"):
            print(r.stderr)
            return
        epub = next(Path(tmp).glob("*.epub"))
        with zipfile.ZipFile(epub) as z:
            nav = ET.fromstring(z.read("EPUB/nav.xhtml"))
            opf = z.read("EPUB/package.opf").decode()
            page_lists = [n for n in nav.iter(f"{XHTML}nav") if n.get(f"{OPS}type") == "page-list"]
            content = sorted(n for n in z.namelist() if n.startswith("EPUB/text/"))
            markers = words_after_markers(z, content)
            ncx = ET.fromstring(z.read("EPUB/toc.ncx"))
            ncx_pages = [("".join(t.find(f"{NCX}navLabel").itertext()).strip(),
                          t.find(f"{NCX}content").get("src")) for t in ncx.iter(f"{NCX}pageTarget")]
            if no_list:
                check(not ncx_pages, "--no-page-list: no pageList in toc.ncx")
                check(not page_lists, "--no-page-list: no page-list nav")
                check(not markers, "--no-page-list: no pagebreak markers")
                check("dc:source" not in opf, "--no-page-list: no page source")
                return
            if not check(len(page_lists) == 1, "nav.xhtml has one page-list nav"):
                return
            entries = [(a.text, a.get("href")) for a in page_lists[0].iter(f"{XHTML}a")]
            check(ncx_pages == entries, "toc.ncx's pageList has the nav page-list's entries")
        check(re.search(r'<dc:source id="page-source">[^<]+</dc:source>', opf) and
              '<meta refines="#page-source" property="source-of">pagination</meta>' in opf,
              "package declares the page source (dc:source, source-of pagination)")
        for feature in ("printPageNumbers", "pageNavigation"):
            check(f">{feature}<" in opf, f"package declares accessibilityFeature {feature}")
        check(len(entries) == len(markers), f"{len(entries)} page-list entries for {len(markers)} markers")

        pdf = next(Path(tmp).glob("*.pdf"))
        pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
            ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout).group(1))
        labels = pdf_labels(pdf, pages)
        physical = {label: i + 1 for i, label in enumerate(labels)}
        meta = ET.fromstring(z_read(epub, "EPUB/package.opf"))
        furniture = {letters(e.text or "") for e in meta.iter()
                     if e.tag in ("{http://purl.org/dc/elements/1.1/}title",
                                  "{http://purl.org/dc/elements/1.1/}creator")}
        furniture |= {letters(a.text or "") for a in nav.iter(f"{XHTML}a")}
        # A table's header, set again (as an artifact) on each page the table runs on to.
        with zipfile.ZipFile(epub) as z:
            for name in content:
                for thead in ET.fromstring(z.read(name)).iter(f"{XHTML}thead"):
                    RAW[:] = ["-raw"]
                    furniture.add(letters("".join(thead.itertext())))

        listed = []
        for label, href in entries:
            file, _, fragment = href.partition("#")
            ok = check(label in physical, f"page-list label {label} is a PDF page label")
            ok = check(fragment in markers and markers[fragment][0] == "EPUB/" + file,
                       f"page {label}: {href} leads to a pagebreak marker") and ok
            if not ok:
                continue
            n = physical[label]
            listed.append(n)
            epub_start = markers[fragment][1][:LETTERS]
            lines = [ln for ln in page_text(pdf, n).splitlines() if letters(ln)]
            # The running head and the folio come first in the text layer: set them aside,
            # but never a line the EPUB's text itself starts with (a chapter's title).
            while lines and (letters(lines[0]) in furniture | {letters(label)} or
                             letters(lines[0]).removeprefix(letters(label)) in furniture or
                             letters(lines[0]).removesuffix(letters(label)) in furniture) \
                    and not epub_start.startswith(letters(lines[0])):
                lines.pop(0)
            pdf_start = letters(" ".join(lines))[:len(epub_start)]
            check(epub_start and pdf_start == epub_start,
                  f"page {label} (PDF page {n}): EPUB starts '{epub_start}', PDF '{pdf_start}'")
        check(listed == sorted(set(listed)), f"page list in page order, once each: {listed}")
        # Every page from the first listed one on that carries text is listed; before it
        # come only the pages made from the metadata (half-title, title, copyright, contents).
        if listed:
            for n in range(listed[0], pages + 1):
                if any(letters(ln) and letters(ln) != letters(labels[n - 1])
                       for ln in page_text(pdf, n).splitlines()):
                    check(n in listed, f"PDF page {n} ({labels[n - 1]}) has text and a page-list entry")
            first_file = entries[0][1].partition("#")[0]
            check(first_file == content_sections(content)[0],
                  f"the first page-list entry is in the first section ({first_file})")
        # The EPUB's table of contents names the sections the PDF's outline names.
        outline = json.loads(subprocess.run(["qpdf", "--json", "--json-key=outlines", str(pdf)],
                                            capture_output=True, text=True, check=True).stdout)
        toc = next(n for n in nav.iter(f"{XHTML}nav") if n.get(f"{OPS}type") == "toc")
        # The contents page's own entry, in the book's language in both editions ("Inhalt").
        heading = "".join(toc.find(f"{XHTML}h1").itertext())
        pdf_titles = [o["title"] for o in outline.get("outlines", []) if o["title"] != heading]
        epub_titles = ["".join(li.find(f"{XHTML}a").itertext())
                       for li in toc.find(f"{XHTML}ol").findall(f"{XHTML}li")]
        if len(epub_titles) >= 2:  # the PDF has a contents page from two titled sections on
            check(any(o["title"] == heading for o in outline.get("outlines", [])),
                  f"the PDF outline names its contents page as the EPUB does ({heading})")
        check(pdf_titles == epub_titles, f"PDF outline {pdf_titles} = EPUB contents {epub_titles}")
        check_text_layer(epub, pdf, labels, furniture, r.stderr)
        print(f"{manuscript.name}: {len(entries)} pages listed of {pages}")


# ---- the whole text layer against the EPUB, page by page ------------------------------------

INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark",
          "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"}
FURNITURE_TYPES = {"cover", "titlepage", "halftitlepage", "imprint", "copyright-page", "toc",
                   "landmarks", "page-list", "loi", "lot"}
FURNITURE_ROLES = {"doc-cover", "doc-toc", "doc-pagelist"}


def word_spans(text):
    """(start, word) for each run of letters, marks and digits; soft hyphens and zero-width
    characters are dropped inside a word; case-folded, NFKC."""
    out, start, word = [], None, ""
    for i, c in enumerate(text + " "):
        if c in INVISIBLE:
            continue
        if c.isalnum() or unicodedata.category(c).startswith("M"):
            if start is None:
                start = i
            word += c
        elif start is not None:
            out.append((start, unicodedata.normalize("NFKC", word.casefold())))
            start, word = None, ""
    return out


class EpubStream:
    """The EPUB's running text as one string (block edges as newlines), with the offsets of
    page markers and note references, and each footnote's words by id."""

    def __init__(self):
        self.text, self.markers, self.refs, self.notes = [], [], [], {}
        self.size = 0

    def put(self, s):
        self.text.append(s)
        self.size += len(s)

    def walk(self, elem, note=None):
        put = (lambda s: note.append(s)) if note is not None else self.put
        if elem.text:
            put(elem.text)
        for child in elem:
            name = child.tag.replace(XHTML, "")
            types = set((child.get(f"{OPS}type") or "").split())
            role = child.get("role") or ""
            if "pagebreak" in types:
                if note is None:
                    self.markers.append((self.size, child.get("aria-label")))
            elif types & FURNITURE_TYPES or role in FURNITURE_ROLES:
                put("\n")
            elif note is None and (types & {"footnote", "endnote"} or role == "doc-footnote"):
                parts = []
                self.walk(child, parts)
                self.notes[child.get("id")] = [w for _, w in word_spans("".join(parts))]
            elif name in ("br", "img"):
                put("\n")
            elif name in INLINE:
                if "noteref" in types and note is None:
                    self.refs.append((self.size, child.get("href").partition("#")[2]))
                self.walk(child, note)
            else:
                put("\n")
                if name == "ol":
                    n = int(child.get("start", "1"))
                    for li in child:
                        first = next(iter(li), None)
                        put("\n")
                        if first is not None and first.tag == f"{XHTML}p":
                            put(f"{n}\n")
                        self.walk(li, note)
                        put("\n")
                        n += 1
                else:
                    self.walk(child, note)
                put("\n")
            if child.tail:
                put(child.tail)


def spine_documents(z):
    opf = ET.fromstring(z.read("EPUB/package.opf"))
    hrefs = {i.get("id"): i.get("href") for i in opf.iter(f"{OPF}item")}
    return ["EPUB/" + hrefs[r.get("idref")] for r in opf.iter(f"{OPF}itemref")]


def check_text_layer(epub, pdf, labels, furniture, build_log):
    stream = EpubStream()
    with zipfile.ZipFile(epub) as z:
        for name in spine_documents(z):
            body = ET.fromstring(z.read(name)).find(f"{XHTML}body")
            stream.put("\n")
            stream.walk(body)
    text = "".join(stream.text)
    spans = word_spans(text)
    starts = [s for s, _ in spans]
    words = [w for _, w in spans]

    # folio's own check ran, passed, and counted the same words.
    m = re.search(r"editions: (\d+) words, (\d+) note words, .*: (.*)", build_log)
    if check(m, "folio build -v reports its editions check"):
        check(m.group(3) == "the EPUB and the PDF agree", f"folio's check passed: {m.group(0)}")
        check(int(m.group(1)) == len(words),
              f"folio's check compared {m.group(1)} words; this script counts {len(words)}")
        note_count = sum(len(v) for v in stream.notes.values())
        check(int(m.group(2)) == note_count,
              f"folio's check compared {m.group(2)} note words; this script counts {note_count}")

    # Each page's expected words: its marker to the next, then its notes in reference order.
    import bisect
    marks = stream.markers
    check(marks and bisect.bisect_left(starts, marks[0][0]) == 0,
          "no EPUB text before the first page marker (furniture aside)")
    physical = {label: i + 1 for i, label in enumerate(labels)}
    expected = {}  # physical page -> (its words, its notes' words in reference order)
    for k, (offset, label) in enumerate(marks):
        end = marks[k + 1][0] if k + 1 < len(marks) else len(text) + 1
        page_words = words[bisect.bisect_left(starts, offset):bisect.bisect_left(starts, end)]
        seen = []
        for at, note_id in stream.refs:
            if offset <= at < end and note_id not in seen:
                seen.append(note_id)
        expected[physical.get(label)] = (page_words, [stream.notes.get(i, []) for i in seen])
    first = physical.get(marks[0][1]) if marks else len(labels) + 1
    compared = 0
    # A note too long for its page's foot continues at the next page's, above that page's own
    # notes: a page's notes may end inside its last note (or inside the part carried to it,
    # when it cites none), and what is left opens the next page's notes.
    carried = []
    for n in range(first or 1, len(labels) + 1):
        body, notes = expected.get(n, ([], []))
        parts = ([carried] if carried else []) + notes
        want = body + [w for part in parts for w in part]
        least = len(want) - len(parts[-1]) + 1 if parts else len(want)
        raw = page_text(pdf, n).replace("\u00ad\n", "").replace("\u00ad\r\n", "")
        lines = [ln for ln in raw.splitlines() if ln.strip()]
        label = labels[n - 1]

        def is_furniture(line):
            t = letters(line)
            return t in furniture | {letters(label)} or t.removeprefix(letters(label)) in furniture \
                or t.removesuffix(letters(label)) in furniture

        options = []
        for top in range(0, 4):
            for bottom in range(0, 2):
                if top + bottom > len(lines):
                    continue
                cut = lines[:top] + (lines[len(lines) - bottom:] if bottom else [])
                if all(is_furniture(ln) for ln in cut):
                    got = [w for _, w in word_spans("\n".join(lines[top:len(lines) - bottom]))]
                    options.append(got)
        ok = want in options
        split = [got for got in options if least <= len(got) < len(want) and got == want[:len(got)]]
        if not ok and split:
            ok = True
            carried = want[len(split[0]):]
        elif ok:
            carried = []
        if not ok:
            carried = []
            got = options[-1] if options else []
            i = next((i for i, (a, b) in enumerate(zip(want, got)) if a != b), min(len(want), len(got)))
            check(False, f"PDF page {n} ({label}): text layer differs from the EPUB at word {i + 1}: "
                         f"EPUB {want[max(0, i - 3):i + 3]}, PDF {got[max(0, i - 3):i + 3]}")
        compared += len(want) - len(carried)
    check(not carried, f"the end of a split note is on no page: {carried[:6]}")
    check(compared >= len(words), f"every EPUB word checked on its page ({compared} of {len(words)})")


def content_sections(files):
    """The sections' content documents ("001-preface.xhtml"), in reading order."""
    return [f.removeprefix("EPUB/") for f in files if re.match(r"EPUB/text/\d{3}-", f)]


def z_read(epub, name):
    with zipfile.ZipFile(epub) as z:
        return z.read(name)


if __name__ == "__main__":
    main()
    finish()
