#!/usr/bin/env python3
"""Convert a Standard Ebooks source repository (a bare git mirror) into a folio manuscript.

    bench/se2folio.py GIT_DIR OUT_DIR [--image-width PX] [--grey-bits N] [--style FILE]
                      [--no-verify]

GIT_DIR is a Standard Ebooks repository (github.com/standardebooks/<slug>, bare or not);
files are read from its HEAD with `git show`, so nothing needs checking out. OUT_DIR gets
book.yaml and one Markdown file per file of the SE spine, in folio's manuscript form
(docs/manuscript.md): the SE semantics become fenced divs (letter, dateline, signature,
postscript, bridgehead, epigraph, attribution, poem), `xml:lang` becomes `[…]{lang=…}`,
endnotes become footnotes of the file that cites them, verse becomes line blocks, and
raster illustrations are re-encoded as grey PNGs and SVG illustrations copied as they are under
OUT_DIR/images.

The words must not change: after writing, the script reads every Markdown file back with
Pandoc and compares its words with the words of the SE XHTML it came from (SE's own
furniture — titles, imprint, colophon — apart); a difference stops it (exit 1). Pandoc is
an independent reader, so an escaping mistake here cannot hide behind folio's reader.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# SE spine files that are SE's own furniture (folio makes its title and copyright pages
# from book.yaml; the table of contents and list of illustrations from the headings).
SKIPPED = {"titlepage", "imprint", "colophon", "uncopyright", "halftitlepage", "toc", "loi",
           "endnotes"}

# SE section types → folio section roles (docs/manuscript.md); others are chapters.
ROLES = {"preface", "foreword", "introduction", "prologue", "dedication", "epigraph",
         "acknowledgments", "part", "epilogue", "conclusion", "afterword", "appendix",
         "bibliography", "glossary"}

FRONT = {"preface", "foreword", "introduction", "prologue", "dedication", "epigraph",
         "acknowledgments"}
BACK = {"afterword", "appendix", "bibliography", "glossary"}

SIGN = {"z3998:valediction", "z3998:signature", "z3998:sender"}

VERSE = {"z3998:verse", "z3998:poem", "z3998:song", "z3998:hymn"}


def local(el):
    return el.tag[len(XHTML):] if el.tag.startswith(XHTML) else el.tag


def types(el):
    return set((el.get(EPUB_TYPE) or "").split())


def classes(el):
    return set((el.get("class") or "").split())


def is_dateline(p):
    """SE marks a dateline on the paragraph, or on a span holding its date
    (“Gracechurch-street, Monday,<br/><span>August 2</span>.”)."""
    return any("se:letter.dateline" in types(e) for e in p.iter())


def lang_of(el):
    """An element's xml:lang. SE's "x-local" marks words of a language it could not name;
    a private-use tag tells a reader or a hyphenator nothing (and Ace rejects it): none."""
    lang = el.get(XML_LANG)
    return None if not lang or lang.startswith("x-") else lang


def collapse(s):
    # XHTML source indentation is not text; SE never relies on repeated spaces.
    return re.sub(r"[ \t\r\n]+", " ", s)


def plain_text(el):
    return collapse("".join(el.itertext())).strip()


# Characters that Markdown (cmark-gfm and Pandoc's markdown) would read as markup.
_ESCAPE = re.compile(r"([\\`*_\[\]<>|~^$])")


def escape(s):
    s = _ESCAPE.sub(r"\\\1", s)
    # An entity-like run ("&amp;" written out) would be decoded; "&c." is safe.
    return re.sub(r"&(?=#?[A-Za-z0-9]+;)", r"\\&", s)


def escape_line_starts(md):
    """Escape what would open a block at the start of a line of a paragraph."""
    out = []
    for line in md.split("\n"):
        stripped = line.lstrip(" ")
        lead = line[: len(line) - len(stripped)]
        m = re.match(r"(#{1,6}(?:\s|$)|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|>|:::|=+\s*$|-+\s*$)",
                     stripped)
        if m:
            k = re.match(r"\d+", stripped)
            if k:  # "1897." → "1897\." (escape the delimiter, not a digit)
                stripped = stripped[: k.end()] + "\\" + stripped[k.end():]
            else:
                stripped = "\\" + stripped
        out.append(lead + stripped)
    return "\n".join(out)


class Book:
    def __init__(self, git_dir, out_dir, image_width, grey_bits):
        self.grey_bits = grey_bits
        self.git_dir = git_dir
        self.out = out_dir
        self.image_width = image_width
        self.notes = {}        # "note-12" → <li> element of endnotes.xhtml
        self.toc = {}          # "chapter-1.xhtml#id" and "chapter-1.xhtml" → title markdown
        self.images = []       # (source path in repo, file name in OUT/images)
        self.warnings = []
        self.last_role = {}    # matter → the last section role given in it

    def show(self, path):
        r = subprocess.run(["git", "--git-dir", self.git_dir, "show", "HEAD:" + path],
                           capture_output=True)
        if r.returncode != 0:
            raise FileNotFoundError(path + ": " + r.stderr.decode().strip())
        return r.stdout

    def parse(self, path):
        return ET.fromstring(self.show(path))


class FileConverter:
    """One SE XHTML file → one Markdown file."""

    def __init__(self, book, name):
        self.book = book
        self.name = name            # "chapter-1.xhtml"
        self.note_order = []        # note ids in order of first reference
        self.lang = None
        self.in_note = False
        self.entries = 0            # diary entries kept as divs, for their ids
        self.verse_depth = 0        # > 0 inside a section typed as a poem
        self.matter = None          # "front", "body" or "back", from SE's <body epub:type>

    # ---------- inlines ----------
    def inlines(self, el, emph=False):
        """Markdown for el's content (its text and children), not for el itself."""
        out = [escape(collapse(el.text or ""))]
        for c in el:
            out.append(self.inline(c, emph))
            out.append(escape(collapse(c.tail or "")))
        return "".join(out)

    def wrap(self, open_, inner, close):
        # Emphasis markers must touch the text: move outer spaces outside them.
        if not inner.strip():
            return inner
        lead = inner[: len(inner) - len(inner.lstrip(" "))]
        trail = inner[len(inner.rstrip(" ")):]
        return lead + open_ + inner.strip(" ") + close + trail

    def with_lang(self, el, inner):
        lang = lang_of(el)
        if lang and inner.strip():
            return self.wrap("[", inner, "]{lang=" + lang + "}")
        return inner

    def inline(self, el, emph):
        tag = local(el)
        t = types(el)
        if tag == "br":
            return "\\\n"
        if tag == "a":
            if "noteref" in t:
                note = el.get("href", "").split("#")[-1]
                if note not in self.note_order:
                    self.note_order.append(note)
                return "[^" + note.replace("note-", "n") + "]"
            if "backlink" in t:
                return ""
            return self.inlines(el, emph)
        if tag in ("i", "em", "cite", "dfn", "var"):
            inner = self.with_lang(el, self.inlines(el, True))
            # Italic inside italic is set roman by SE; Markdown cannot nest that, so the
            # inner run stays part of the outer emphasis (the words are unchanged).
            return inner if emph else self.wrap("*", inner, "*")
        if tag in ("b", "strong"):
            # SE sets <b> and <strong> in small caps (core.css), never bold.
            inner = self.with_lang(el, self.inlines(el, emph))
            return self.wrap("[", inner, "]{.smallcaps}") if "[" not in inner else inner
        if tag == "span" and "small-caps" in classes(el):
            return self.wrap("[", self.inlines(el, emph), "]{.smallcaps}")
        if tag == "img":
            return escape(el.get("alt", ""))
        # span, abbr, sup, sub, q, time, small, …: the text, in its language.
        return self.with_lang(el, self.inlines(el, emph))

    def para_text(self, el):
        md = self.inlines(el).strip(" ")
        md = re.sub(r" *\\\n *", "\\\n", md)        # no spaces around a hard break
        md = re.sub(r"(\\\n)+$", "", md)            # a break ending the block is nothing
        return escape_line_starts(md)

    # ---------- blocks ----------
    def blocks(self, el, level):
        """Markdown blocks for el's children."""
        out = []
        children = list(el)
        i = 0
        while i < len(children):
            c = children[i]
            t = types(c)
            # A run of valediction/signature paragraphs is one signature block.
            if local(c) == "p" and t & {"z3998:valediction", "z3998:signature", "z3998:sender"}:
                run = []
                while i < len(children) and local(children[i]) == "p" and types(children[i]) & {
                        "z3998:valediction", "z3998:signature", "z3998:sender"}:
                    run.append(self.para_text(children[i]))
                    i += 1
                out.append(self.div("signature", run))
                continue
            out.extend(self.block(c, level))
            i += 1
        return [b for b in out if b.strip()]

    def div(self, cls, blocks):
        body = "\n\n".join(b for b in blocks if b.strip())
        if not body:
            return ""
        if self.in_note:
            # folio reads no fenced div inside a footnote (Pandoc does): the note keeps
            # the blocks, without the class.
            return body
        # Nested divs need a longer fence than the ones they hold (readability only).
        return "::: " + cls + "\n" + body + "\n:::"

    def heading(self, el, level, sec_id=None, role=None):
        title = None
        if sec_id is not None:
            title = self.book.toc.get(self.name + "#" + sec_id)
            if title is None and level == 1:
                title = self.book.toc.get(self.name)
        if title is None and el is not None:
            if local(el) == "hgroup":
                parts = [self.heading_text(h) for h in el if h.get("hidden") is None]
                title = ": ".join(p for p in parts if p)
            else:
                title = self.heading_text(el)
        if not title:
            title = (role or "Untitled").capitalize()
        attrs = []
        if role:
            attrs.append("epub:type=" + role)
        if level == 1 and self.lang:
            attrs.append("lang=" + self.lang)
        suffix = " {" + " ".join(attrs) + "}" if attrs else ""
        return "#" * min(level, 6) + " " + title + suffix

    def heading_text(self, h):
        # <h2><span>Letter</span> <span>I</span></h2>: the spans are words of one title.
        return collapse(self.inlines(h)).strip()

    def block(self, el, level):
        out = self.block_inner(el, level)
        lang = lang_of(el)
        if lang and out and local(el) not in ("section", "article"):
            m = re.match(r"::: ([a-z-]+)\n", out[0])
            if len(out) == 1 and m and not self.in_note:
                # An epigraph in German: the lang goes on its own div.
                return ["::: {." + m.group(1) + " lang=" + lang + "}\n" + out[0][m.end():]]
            # A paragraph or quotation in another language: a div carrying only the lang.
            return [self.div("{lang=" + lang + "}", out)]
        return out

    def block_inner(self, el, level):
        tag = local(el)
        t = types(el)
        if el.get("hidden") is not None:
            return []
        if tag == "br":
            return []  # a stray break between blocks (Middlemarch) separates nothing
        if tag in ("section", "article"):
            return self.section(el, level + 1)
        if tag == "header":
            return self.header(el, level)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "hgroup"):
            return [self.heading(el, level + 1, el.get("id"))]
        if tag == "p":
            text = self.para_text(el)
            if not text:
                return []
            if "se:bridgehead" in t or "bridgehead" in t:
                return [self.div("bridgehead", [text])]
            if is_dateline(el) or "dateline" in classes(el):
                return [self.div("dateline", [text])]
            if "z3998:postscript" in t:
                return [self.div("postscript", [text])]
            if "subtitle" in t:  # a line under a title: SE's subtitle, folio's bridgehead
                return [self.div("bridgehead", [text])]
            if "z3998:stage-direction" in t:
                return ["*" + text + "*"]
            return [text]
        if tag == "blockquote":
            if "epigraph" in t:
                inner = self.verse(el, level) if t & VERSE else self.container(el, level)
                return [self.div("epigraph", inner)]
            if "z3998:letter" in t:
                pre, inner = self.titled(el, level)
                return pre + [self.div("letter", inner)]
            if "z3998:postscript" in t:
                return [self.div("postscript", self.container(el, level))]
            if t & VERSE:
                return [self.div("poem", self.verse(el, level))]
            if t & {"z3998:diary", "z3998:diary-entry"}:
                pre, inner = self.titled(el, level)
                if "z3998:diary-entry" in t and any(
                        types(c) & ({"se:letter.dateline"} | SIGN) for c in el):
                    # An entry opened by a dateline (a newspaper cutting) or signed (Van
                    # Helsing's message): the entry stays a block, which the dateline opens
                    # and the signature closes.
                    # A div of no class (none of folio's designs fits an entry), named.
                    self.entries += 1
                    name = os.path.splitext(self.name)[0]
                    return pre + [self.div("{#" + f"{name}-entry-{self.entries}" + "}", inner)]
                return pre + inner  # SE sets diaries and their entries as running text
            inner = self.container(el, level)
            return ["\n".join("> " + l if l else ">" for l in "\n\n".join(inner).split("\n"))]
        if tag == "div":
            if t & VERSE:
                return [self.div("poem", self.verse(el, level))]
            return self.blocks(el, level)
        if tag == "footer":
            # A letter's (or preface's) footer: the sign-off, and the place and date
            # written under it, which SE leaves untyped.
            kids = list(el)
            signs = [k for k, h in enumerate(kids) if local(h) == "p" and types(h) & SIGN]
            last = signs[-1] if signs else -1
            out, run = [], []
            for k, h in enumerate(kids):
                if local(h) == "p" and (types(h) & SIGN or (not types(h) and k < last)):
                    run.append(self.para_text(h))  # "Your affectionate friend," too
                    continue
                if run:
                    out.append(self.div("signature", run))
                    run = []
                if local(h) == "p" and not types(h):
                    out.append(self.div("dateline", [self.para_text(h)]))
                else:
                    out.extend(self.block(h, level))
            if run:
                out.append(self.div("signature", run))
            return out
        if tag == "figure":
            return [self.figure(el)]
        if tag == "img":
            return [self.figure(el)]
        if tag == "cite":
            return [self.div("attribution", [self.para_text(el)])]
        if tag in ("ol", "ul"):
            return [self.listing(el, level)]
        if tag == "table":
            return self.table(el, level)
        if tag == "hr":
            return ["* * *"]
        if tag in ("aside", "nav"):
            return self.blocks(el, level)
        self.book.warnings.append(f"{self.name}: <{tag}> kept as its blocks")
        return self.blocks(el, level)

    @staticmethod
    def is_plain_para(md):
        return not md.startswith((":::", "|", ">", "#", "![", "- "))

    def titled(self, el, level):
        """A letter or diary whose <header> names it ("Letter, Dr. Seward to Hon. Arthur
        Holmwood."): that title is a bridgehead before the block, the rest of the header
        (dateline, salutation) opens the block."""
        pre, inner = [], []
        body = []
        for c in el:
            if local(c) == "header" and not body:
                kids = list(c)
                is_date = [local(h) == "p" and is_dateline(h) for h in kids]
                if any(is_date):
                    # "Hunsford, near Westerham, Kent," above "15th October": untyped lines
                    # next to the dateline are its place; together they are one dateline.
                    k = 0
                    while k < len(kids):
                        h = kids[k]
                        if local(h) == "p" and (is_date[k] or not types(h)):
                            lines = []
                            while k < len(kids) and local(kids[k]) == "p" and (
                                    is_date[k] or not types(kids[k])):
                                lines.append(self.para_text(kids[k]))
                                k += 1
                            inner.append(self.div("dateline", ["\\\n".join(lines)]))
                            continue
                        if (not inner and local(h) == "p" and "z3998:salutation" in types(h)
                                and any(is_date[k:])):
                            # "To Mrs. Saville, England." above the dateline: the letter's
                            # direction, a line over the letter as Dracula's "Letter, Dr.
                            # Seward to Hon. Arthur Holmwood." is; the dateline opens it.
                            pre.append(self.div("bridgehead", [self.para_text(h)]))
                        else:
                            inner.extend(self.block(h, level))
                        k += 1
                    continue
                for h in kids:
                    if local(h) == "p" and not types(h):
                        (inner if inner else pre).append(self.div("bridgehead",
                                                                  [self.para_text(h)]))
                    else:
                        inner.extend(self.block(h, level))
            else:
                body.append(c)
        return pre, inner + self.blocks_of(body, level)

    def blocks_of(self, children, level):
        tmp = ET.Element("div")
        tmp.extend(children)
        return self.blocks(tmp, level)

    def container(self, el, level):
        return self.blocks(el, level)

    def header(self, el, level):
        """A section's <header>: the heading was written already; the rest follows it."""
        out = []
        for c in el:
            if local(c) in ("h1", "h2", "h3", "h4", "h5", "h6", "hgroup"):
                continue
            out.extend(self.block(c, level))
        return out

    def section(self, el, level, role=None):
        sec_id = el.get("id")
        head = None
        for c in el:
            if local(c) in ("h1", "h2", "h3", "h4", "h5", "h6", "hgroup"):
                head = c
                break
            if local(c) == "header":
                head = next((h for h in c if local(h) in
                             ("h1", "h2", "h3", "h4", "h5", "h6", "hgroup")), None)
                break
        if head is None and level > 1 and self.name + "#" + str(sec_id) not in self.book.toc:
            # A nested section without a title (Endymion's inscription): its blocks, in a
            # div of its kind when it is a dedication or epigraph.
            inner = self.blocks(el, level)
            kind = next((k for k in ("dedication", "epigraph") if k in types(el)), None)
            return [self.div(kind, inner)] if kind else inner
        out = [self.heading(head, level, sec_id, role if level == 1 else None)]
        if head is not None and local(head) == "hgroup":
            # A subtitle the table of contents leaves out is still text of the book.
            title_words = words(re.sub(r"\{[^}]*\}$", "", out[0]))
            for c in list(head)[1:]:
                if c.get("hidden") is not None:
                    continue
                refs = [a for a in c.iter() if "noteref" in types(a)]
                bare = strip_marks(ET.fromstring(ET.tostring(c)))
                if is_sublist(words(plain_text(bare)), title_words):
                    # The title holds this line; a note on it goes on the heading.
                    marks = "".join(self.inline(a, False) for a in refs)
                    m = re.match(r"(.*?)( \{[^}]*\})?$", out[0])
                    out[0] = m.group(1) + marks + (m.group(2) or "")
                    continue
                out.extend(self.block(c, level) if types(c) & {"se:bridgehead", "bridgehead"}
                           else [self.div("bridgehead", [self.para_text(c)])])
        # A poem's parts (Isabella's numbered stanzas) are verse too, typed or not.
        own = bool(types(el) & VERSE)
        verse = own or (self.verse_depth > 0 and not types(el) & {"z3998:non-fiction",
                                                                    "preface", "dedication"})
        self.verse_depth += verse
        stanzas = []
        for c in el:
            if c is head:
                continue
            # A poem set as a section: each run of stanzas is one poem block.
            if verse and local(c) == "p" and not types(c) and (
                    own or (len(c) and all(local(x) in ("span", "br") for x in c))):
                lines = self.verse_lines(c)
                if lines:
                    stanza = "\n".join(lines)
                    lang = lang_of(c)
                    stanzas.append(self.div("{lang=" + lang + "}", [stanza]) if lang else stanza)
                continue
            if stanzas:
                out.append(self.div("poem", stanzas))
                stanzas = []
            out.extend(self.block(c, level))
        if stanzas:
            out.append(self.div("poem", stanzas))
        self.verse_depth -= verse
        lang = lang_of(el)
        if lang and len(out) > 1:
            # A section in another language (Keats's poem in Scots): its blocks, not its
            # title, in a div carrying the lang.
            out = [out[0], self.div("{lang=" + lang + "}", out[1:])]
        return out

    def verse(self, el, level):
        """A poem, song or verse quotation: each <p> a stanza as a line block."""
        out = []
        for c in el:
            tag = local(c)
            if tag == "p":
                lines = self.verse_lines(c)
                if lines:
                    stanza = "\n".join(lines)
                    lang = lang_of(c)
                    out.append(self.div("{lang=" + lang + "}", [stanza]) if lang else stanza)
            elif tag == "cite":
                out.append(self.div("attribution", [self.para_text(c)]))
            elif tag in ("blockquote", "div") and types(c) & VERSE:
                out.extend(self.verse(c, level))
            else:
                out.extend(self.block(c, level))
        return out

    def verse_lines(self, p):
        lines = []
        spans = [c for c in p if local(c) == "span"]
        if spans and all(local(c) in ("span", "br") for c in p):
            for s in spans:
                indent = 0
                for cls in classes(s):
                    m = re.fullmatch(r"i(\d+)", cls)
                    if m:
                        indent = int(m.group(1))
                text = self.inline_line(s)
                lines.append("| " + "  " * indent + text)
        else:
            for part in self.para_text(p).split("\\\n"):
                lines.append("| " + part.strip())
        return [l for l in lines if l.strip() != "|"]

    def inline_line(self, span):
        # A verse line's own language or emphasis is on the span itself.
        md = self.with_lang(span, self.inlines(span)).strip(" ")
        return md

    def figure(self, el):
        img = el if local(el) == "img" else next((i for i in el.iter() if local(i) == "img"), None)
        if img is None:
            return ""
        cap = next((c for c in el.iter() if local(c) == "figcaption"), None)
        alt = self.para_text(cap) if cap is not None else escape(collapse(img.get("alt", "")))
        src = os.path.basename(img.get("src", ""))
        # SVG stays SVG (folio draws it as vectors in print and keeps it in the EPUB).
        name = src if src.endswith(".svg") else os.path.splitext(src)[0] + ".png"
        self.book.images.append(("src/epub/images/" + src, name))
        return "![" + alt + "](images/" + name + ")"

    def listing(self, el, level):
        ordered = local(el) == "ol"
        items = []
        for n, li in enumerate((c for c in el if local(c) == "li"), 1):
            marker = f"{n}. " if ordered else "- "
            if any(local(c) in ("p", "blockquote", "ol", "ul", "div") for c in li):
                body = "\n\n".join(self.blocks(li, level))
            else:
                body = self.para_text(li)
            pad = " " * len(marker)
            lines = body.split("\n")
            items.append(marker + lines[0] + "".join("\n" + (pad + l if l else "")
                                                      for l in lines[1:]))
        return "\n\n".join(items)

    def table(self, el, level):
        """SE sets plays (and a few lists) as tables: a row is a paragraph, the speaker in
        small caps before the speech. Any other table (figures, accounts) becomes a pipe
        table."""
        if not any("z3998:persona" in types(c) for c in el.iter(XHTML + "td")):
            return [self.pipe_table(el)]
        out = []
        for tr in el.iter(XHTML + "tr"):
            cells = [c for c in tr if local(c) in ("td", "th")]
            persona = None
            rest = []
            for c in cells:
                if "z3998:persona" in types(c):
                    persona = collapse(self.inlines(c)).strip()
                else:
                    rest.append(c)
            paras = []
            for c in rest:
                if any(local(x) in ("p", "blockquote", "div") for x in c):
                    paras.extend(self.blocks(c, level))
                else:
                    text = self.para_text(c)
                    if text:
                        paras.append(text)
            if persona:
                if paras and not paras[0].startswith(("|", ":::", ">")):
                    paras[0] = "[" + persona + "]{.smallcaps} " + paras[0]
                else:
                    paras.insert(0, "[" + persona + "]{.smallcaps}")
            out.extend(paras)
        return out

    def pipe_table(self, el):
        """A GitHub pipe table. Pipe tables have one header row and no spans: a cell spanning
        columns or rows is written once, the cells it covers left empty; the header rows are
        joined column by column; a column of figures is set flush right. The caption follows
        as `Table: …`, as Pandoc reads it."""
        head_rows, body_rows = [], []
        for part in el:
            if local(part) in ("thead", "tbody", "tfoot"):
                rows = [tr for tr in part if local(tr) == "tr"]
                (head_rows if local(part) == "thead" else body_rows).extend(rows)
            elif local(part) == "tr":
                body_rows.append(part)

        def grid(rows):
            out, carried = [], {}  # column -> rows a rowspan still covers
            for tr in rows:
                row, col = [], 0
                for c in (c for c in tr if local(c) in ("td", "th")):
                    while carried.get(col, 0) > 0:
                        carried[col] -= 1
                        row.append("")
                        col += 1
                    text = " ".join(self.para_text(c).split("\\\n"))
                    text = collapse(text.replace("\n", " ")).strip().replace("|", "\\|")
                    span = int(c.get("colspan", "1"))
                    down = int(c.get("rowspan", "1")) - 1
                    for k in range(span):
                        row.append(text if k == 0 else "")
                        if down > 0:
                            carried[col + k] = down
                    col += span
                while carried.get(col, 0) > 0:
                    carried[col] -= 1
                    row.append("")
                    col += 1
                out.append(row)
            return out

        head, body = grid(head_rows), grid(body_rows)
        width = max((len(r) for r in head + body), default=1)
        for r in head + body:
            r.extend([""] * (width - len(r)))
        header = [" ".join(x for x in (r[k] for r in head) if x) for k in range(width)]
        figure = re.compile(r"^[£$]?[\d,.·]*[\d¼½¾⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞⅐⅑⅒]+[\d,.]*$")

        def rule(k):
            cells = [r[k] for r in body if r[k]]
            right = cells and sum(bool(figure.match(c)) for c in cells) >= 0.8 * len(cells)
            return "---:" if right else "---"
        lines = ["| " + " | ".join(header) + " |",
                 "|" + "|".join(rule(k) for k in range(width)) + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in body]
        caption = next((c for c in el if local(c) == "caption"), None)
        if caption is not None:
            lines += ["", "Table: " + self.para_text(caption).replace("\\\n", " ")]
        return "\n".join(lines)

    # ---------- notes ----------
    def note_definitions(self):
        out = []
        done = set()
        while len(done) < len(self.note_order):
            for note in list(self.note_order):
                if note in done:
                    continue
                done.add(note)
                li = self.book.notes.get(note)
                if li is None:
                    self.book.warnings.append(f"{self.name}: no endnote {note}")
                    continue
                self.in_note = True
                blocks = self.blocks(li, 6)
                self.in_note = False
                label = "[^" + note.replace("note-", "n") + "]: "
                body = blocks[0] if blocks else ""
                if not self.is_plain_para(body):
                    # A note opening with verse: the label alone on its line, the blocks
                    # indented under it (cmark-gfm and Pandoc both read that).
                    label, body = label.rstrip(), ""
                    blocks = [""] + blocks
                for k, b in enumerate(blocks[1:]):
                    sep = "\n" if k == 0 and not body else "\n\n"
                    body += sep + "\n".join("    " + l if l else "" for l in b.split("\n"))
                out.append(label + body)
        return out

    def convert(self, root):
        html_lang = root.get(XML_LANG)
        body = root.find(XHTML + "body")
        bt = types(body)
        self.matter = next((m for m in ("front", "body", "back") if m + "matter" in bt), None)
        blocks = []
        for c in body:
            tag = local(c)
            if tag in ("section", "article"):
                blocks.extend(self.top_section(c))
            else:
                blocks.extend(self.block(c, 0))
        blocks.extend(self.note_definitions())
        md = "\n\n".join(b for b in blocks if b.strip()) + "\n"
        return md, html_lang

    def top_section(self, sec):
        t = types(sec)
        role = next((r for r in (x.split(":")[-1] for x in t) if r in ROLES), None)
        matter = ("front" if role in FRONT else "back" if role in BACK else "body")
        if role and self.matter and matter != self.matter:
            # SE types "The Man and His Works" in The Prince's front matter a bibliography;
            # folio's roles decide the matter, so it takes the role before it (the
            # introduction it belongs to), or none.
            role = self.book.last_role.get(self.matter)
        if role:
            self.book.last_role[self.matter or matter] = role
        inner = [c for c in sec if local(c) in ("section", "article")]
        has_head = any(local(c) in ("h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "header")
                       for c in sec)
        # A part's file may hold its chapters as subsections: each becomes a level-1
        # section of its own (folio's sections are flat; the part is a section too).
        if role == "part" and inner:
            out = self.section_shallow(sec, role)
            for c in inner:
                out.extend(self.top_section(c))
            return out
        if not has_head and sec.get("id") is None:
            return self.blocks(sec, 0)
        return self.section(sec, 1, role)

    def section_shallow(self, sec, role):
        out = []
        rest = [c for c in sec if local(c) not in ("section", "article")]
        tmp = ET.Element(sec.tag, sec.attrib)
        tmp.extend(rest)
        return self.section(tmp, 1, role)


def is_sublist(a, b):
    return any(b[i:i + len(a)] == a for i in range(len(b) - len(a) + 1)) if a else True


def render_image(book, src, name, width):
    data = book.show(src)
    dest = os.path.join(book.out, "images", name)
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    if src.endswith(".svg"):
        with open(dest, "wb") as f:
            f.write(data)  # as SE wrote it
        return
    with open(dest, "wb") as f:
        f.write(grey_png(data, book.grey_bits))


def grey_png(data, bits=8):
    """Re-encode an 8-bit RGB(A) PNG as greyscale of 1, 2, 4 or 8 bits a pixel. SE's
    illustrations are black line art: 2 bits (black, two greys, white) keep their
    anti-aliasing at a quarter of 8-bit grey's size."""
    import struct
    import zlib
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return data
    pos, chunks = 8, []
    while pos < len(data):
        n = struct.unpack(">I", data[pos:pos + 4])[0]
        chunks.append((data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]))
        pos += 12 + n
    ihdr = chunks[0][1]
    w, h, depth, ctype = struct.unpack(">IIBB", ihdr[:10])
    if depth != 8 or ctype not in (2, 6) or ihdr[12] != 0:
        return data
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(b"".join(c for k, c in chunks if k == b"IDAT"))
    stride = w * bpp
    prev = bytearray(stride)
    rows = []
    p = 0
    for _ in range(h):
        f = raw[p]
        line = bytearray(raw[p + 1:p + 1 + stride])
        p += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        # Luma, quantised to `bits` bits and packed (filter type 0 for the row).
        levels = (1 << bits) - 1
        packed = bytearray(1)
        acc = n = 0
        for x in range(w):
            r, g, bl = line[x * bpp], line[x * bpp + 1], line[x * bpp + 2]
            v = ((r * 299 + g * 587 + bl * 114) // 1000 * levels + 127) // 255
            acc, n = (acc << bits) | v, n + bits
            if n == 8:
                packed.append(acc)
                acc = n = 0
        if n:
            packed.append(acc << (8 - n))
        rows.append(bytes(packed))

    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, bits, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


def words(text):
    text = unicodedata.normalize("NFC", text)
    # Words and punctuation, not spacing: U+2060 word joiners and the like are invisible.
    text = re.sub(r"[\u2060\u200b\u00ad]", "", text)
    return re.findall(r"\w+", text.lower())


def strip_marks(root):
    """Remove note references, backlinks and hidden elements, keeping the text after them."""
    for parent in list(root.iter()):
        prev = None
        for c in list(parent):
            if types(c) & {"noteref", "backlink"} or c.get("hidden") is not None:
                if c.tail:
                    if prev is not None:
                        prev.tail = (prev.tail or "") + c.tail
                    else:
                        parent.text = (parent.text or "") + c.tail
                parent.remove(c)
            else:
                prev = c
    return root


def xhtml_words(root, notes, without_headings=False):
    """The words SE's reader sees in a file, then those of the notes it cites, in order;
    without_headings leaves out h1–h6 and an hgroup's title lines (not its subtitles)."""
    if without_headings:
        for parent in list(root.iter()):
            for c in list(parent):
                if local(c) in ("h1", "h2", "h3", "h4", "h5", "h6") or (
                        local(parent) == "hgroup" and "title" in types(c)):
                    c.set("hidden", "hidden")  # strip_marks drops it, keeping its tail
    strip_marks(root)
    text = spaced_text(root.find(XHTML + "body"))
    for li in notes:
        text += " " + spaced_text(strip_marks(li))
    return words(text)


BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "blockquote", "section",
              "article", "td", "th", "tr", "br", "header", "footer", "figure", "hgroup", "cite",
              "figcaption", "img", "table", "ol", "ul", "hr"}


def spaced_text(el):
    """The text of el, with a space wherever a block (or a line) ends: inline elements
    join their neighbours ("17<sup>s</sup>" is one word)."""
    out = []

    def walk(e):
        block = local(e) in BLOCK_TAGS
        if block:
            out.append(" ")
        if local(e) == "img":
            out.append(e.get("alt", ""))
        out.append(e.text or "")
        # A table's caption is written after it (`Table: …`, as Pandoc reads it).
        kids = list(e)
        if local(e) == "table":
            kids.sort(key=lambda c: local(c) == "caption")
        for c in kids:
            walk(c)
            out.append(c.tail or "")
        if block:
            out.append(" ")
    walk(el)
    return "".join(out)


def md_words(path):
    r = subprocess.run(["pandoc", "-f", "markdown-smart", "-t", "plain", "--wrap=none", path],
                       capture_output=True, check=True)
    text = r.stdout.decode()
    text = re.sub(r"\[\d+\]", " ", text)  # Pandoc's plain writer numbers notes: [1]
    text = re.sub(r"(?m)^\s*\d+\.  ", " ", text)  # and ordered lists: "1.  " (SE's are CSS)
    return words(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("git_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--image-width", type=int, default=480,
                    help="width in pixels of rendered illustrations (default 480)")
    ap.add_argument("--grey-bits", type=int, choices=(1, 2, 4, 8), default=2,
                    help="grey levels of illustrations, as bits a pixel (default 2)")
    ap.add_argument("--style", metavar="FILE",
                    help="a style file to copy into OUT_DIR/styles/ and name in book.yaml")
    ap.add_argument("--no-verify", action="store_true", help="skip the Pandoc word check")
    args = ap.parse_args()

    book = Book(args.git_dir, args.out_dir, args.image_width, args.grey_bits)
    opf = book.show("src/epub/content.opf").decode()
    ns = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
    pkg = ET.fromstring(opf)
    meta = pkg.find("opf:metadata", ns)

    def dc(name, id_=None):
        for e in meta.findall("dc:" + name, ns):
            if id_ is None or e.get("id") == id_:
                return collapse(e.text or "").strip()
        return None

    title = dc("title", "title") or dc("title")
    subtitle = dc("title", "subtitle")
    authors = [collapse(e.text).strip() for e in meta.findall("dc:creator", ns)]
    lang = dc("language")
    description = dc("description")
    manifest = {i.get("id"): i.get("href") for i in pkg.find("opf:manifest", ns)}
    spine = [manifest[r.get("idref")] for r in pkg.find("opf:spine", ns)]

    # Titles from the table of contents, as SE shows them.
    toc = ET.fromstring(book.show("src/epub/toc.xhtml"))
    for a in toc.iter(XHTML + "a"):
        href = a.get("href", "")
        if href.startswith("text/"):
            fc = FileConverter(book, "")
            book.toc.setdefault(href[5:], collapse(fc.inlines(a)).strip())

    try:
        notes = book.parse("src/epub/text/endnotes.xhtml")
        for li in notes.iter(XHTML + "li"):
            if li.get("id"):
                book.notes[li.get("id")] = li
    except FileNotFoundError:
        pass

    # The year of the text, from SE's colophon ("… was published in 1897").
    date = None
    try:
        colophon = plain_text(book.parse("src/epub/text/colophon.xhtml"))
        # A translation's text dates from the translation; a work published over years
        # ("between 1871 and 1872") from its last year.
        for pattern in (r"translated from [^.]*? in (1[0-9]{3})\b",
                        r"published between 1[0-9]{3} and (1[0-9]{3})\b",
                        r"(?:published|written)[^.]*?\b(1[0-9]{3})\b"):
            m = re.search(pattern, colophon)
            if m:
                date = m.group(1)
                break
    except FileNotFoundError:
        pass

    if os.path.isdir(args.out_dir):
        for n in os.listdir(args.out_dir):
            p = os.path.join(args.out_dir, n)
            shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
    os.makedirs(args.out_dir, exist_ok=True)

    files = []
    bad = 0
    for href in spine:
        base = os.path.basename(href)
        stem = os.path.splitext(base)[0]
        if stem in SKIPPED or not href.startswith("text/"):
            continue
        root = book.parse("src/epub/" + href)
        fc = FileConverter(book, base)
        html_lang = root.get(XML_LANG)
        if html_lang and lang and html_lang != lang:
            fc.lang = html_lang
        md, _ = fc.convert(root)
        name = stem + ".md"
        path = os.path.join(args.out_dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(md)
        files.append(name)
        if not args.no_verify:
            # Section titles come from the table of contents, which may word them
            # differently ("I: The Title" for a heading and its title line): headings are
            # compared apart from the text, which must match word for word.
            body_md = re.sub(r"(?m)^#+ .*$",
                             lambda m: " ".join(re.findall(r"\[\^n\d+\]", m.group(0))), md)
            with tempfile.NamedTemporaryFile("w", suffix=".md", encoding="utf-8",
                                             delete=False) as tmp:
                tmp.write(body_md)
            try:
                b = md_words(tmp.name)
            finally:
                os.unlink(tmp.name)
            a = xhtml_words(book.parse("src/epub/" + href),
                            [book.notes[n] for n in fc.note_order if n in book.notes],
                            without_headings=True)
            if a != b:
                bad += 1
                i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]),
                         min(len(a), len(b)))
                print(f"{name}: words differ at word {i}: source {a[max(0, i-5):i+5]} "
                      f"vs markdown {b[max(0, i-5):i+5]}", file=sys.stderr)

    for src, png in book.images:
        render_image(book, src, png, args.image_width)

    def q(s):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    slug = os.path.basename(os.path.normpath(args.git_dir.rstrip("/").removesuffix("/repo")))
    with open(os.path.join(args.out_dir, "book.yaml"), "w", encoding="utf-8") as f:
        f.write(f"# Converted by bench/se2folio.py from the Standard Ebooks source "
                f"({slug.replace('+', '/')}).\n")
        f.write(f"title: {q(title)}\n")
        if subtitle:
            f.write(f"subtitle: {q(subtitle)}\n")
        f.write("author: " + (q(authors[0]) if len(authors) == 1 else
                              "[" + ", ".join(q(a) for a in authors) + "]") + "\n")
        f.write(f"lang: {lang}\n")
        if date:
            f.write(f'date: "{date}"\n')
        f.write("publisher: Standard Ebooks (source); converted for folio's test corpus\n")
        f.write(q_rights())
        if args.style:
            name = os.path.splitext(os.path.basename(args.style))[0]
            os.makedirs(os.path.join(args.out_dir, "styles"), exist_ok=True)
            shutil.copyfile(args.style, os.path.join(args.out_dir, "styles", name + ".yaml"))
            f.write(f"style: {name}\n")
        if description:
            f.write(f"description: {q(description)}\n")
        f.write("contents:\n")
        for n in files:
            f.write(f"  - {n}\n")
    for w in book.warnings:
        print("note:", w, file=sys.stderr)
    print(f"{args.out_dir}: {len(files)} files, {len(book.images)} images"
          + (f", {bad} files with different words" if bad else ""))
    return 1 if bad else 0


def q_rights():
    return ('rights: "Public domain in the United States. Standard Ebooks dedicates its '
            'edition to the public domain under CC0 1.0; so does this conversion."\n')


if __name__ == "__main__":
    sys.exit(main())
