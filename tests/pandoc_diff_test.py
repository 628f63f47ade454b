#!/usr/bin/env python3
"""Differential test: folio reads each manuscript as Pandoc does.

For every manuscript under tests/manuscripts/ and manuscript/, the sequence of block kinds
(with nesting depth) and their plain text from `pandoc -f markdown-smart -t json` must equal
the one from `folio dump`. Deliberate differences are normalised below, each named:

  D1  A level-1 heading opens a folio *section* (role, matter); Pandoc keeps a Header block.
      Both sides are flattened to ("heading1", text).
  D2  Footnotes: Pandoc nests a Note's blocks inside the paragraph's inlines; folio keeps
      notes as footnote blocks of their section (so writers can place them). Note text is
      left out of the paragraph text on both sides, and the note bodies are compared as a
      separate sequence in order of first reference.
  D3  A paragraph holding only an image: Pandoc 2.17 gives Para [Image "fig:"]; folio gives a
      figure block whose caption is the alt text. Compared as ("figure", caption).
  D4  Pandoc's Plain (tight list items) and Para are both folio paragraphs.
  D5  Code blocks: cmark keeps the final newline, Pandoc drops it; trailing newlines ignored.
  D6  Pandoc Divs with the classes dateline / epigraph are folio's dateline / epigraph blocks;
      a dateline's paragraphs are its lines (joined with "\\n").
  D7  Heading attributes ({#id .class key=val}) are markup on both sides, not text.
  D8  Tables: compared as ("table", caption, column alignments, each row's cells' text); a
      cell's blocks (Pandoc's Plain) are its inlines in folio.
"""
import glob
import json
import os
import subprocess
import sys
import unittest

FOLIO = os.path.abspath(sys.argv.pop(1))
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def manuscripts():
    dirs = sorted(glob.glob(os.path.join(ROOT, "tests", "manuscripts", "*", "")))
    return dirs + [os.path.join(ROOT, "manuscript", "")]


# ---- Pandoc side ----

def p_text(inlines, notes):
    out = []
    for i in inlines:
        t, c = i["t"], i.get("c")
        if t == "Str":
            out.append(c)
        elif t in ("Space", "SoftBreak"):
            out.append(" ")
        elif t == "LineBreak":
            out.append("\n")
        elif t == "Code":
            out.append(c[1])
        elif t in ("Emph", "Strong", "SmallCaps", "Underline", "Strikeout", "Superscript",
                   "Subscript"):
            out.append(p_text(c, notes))
        elif t in ("Span",):
            out.append(p_text(c[1], notes))
        elif t in ("Link",):
            out.append(p_text(c[1], notes))
        elif t == "Image":
            pass
        elif t == "Quoted":
            q = "“”" if c[0]["t"] == "DoubleQuote" else "‘’"
            out.append(q[0] + p_text(c[1], notes) + q[1])
        elif t == "Note":  # D2
            notes.append(c)
        elif t == "RawInline":
            out.append(c[1])
        else:
            raise AssertionError("unhandled pandoc inline " + t)
    return "".join(out)


def p_blocks(blocks, depth, out, notes):
    for b in blocks:
        t, c = b["t"], b.get("c")
        if t in ("Para", "Plain"):  # D4
            if len(c) == 1 and c[0]["t"] == "Image":  # D3
                out.append(("figure", depth, p_text(c[0]["c"][1], notes)))
            else:
                out.append(("paragraph", depth, p_text(c, notes)))
        elif t == "Header":
            kind = "heading1" if c[0] == 1 else "heading%d" % c[0]  # D1
            out.append((kind, depth, p_text(c[2], notes)))
        elif t == "BlockQuote":
            out.append(("block_quote", depth, ""))
            p_blocks(c, depth + 1, out, notes)
        elif t == "HorizontalRule":
            out.append(("scene_break", depth, ""))
        elif t in ("BulletList", "OrderedList"):
            items = c if t == "BulletList" else c[1]
            out.append(("list", depth, ""))
            for item in items:
                out.append(("list_item", depth + 1, ""))
                p_blocks(item, depth + 2, out, notes)
        elif t == "LineBlock":
            out.append(("line_block", depth, "\n".join(p_text(l, notes) for l in c)))
        elif t == "CodeBlock":
            out.append(("code_block", depth, c[1].rstrip("\n")))  # D5
        elif t == "Div":
            classes = c[0][1]
            if "dateline" in classes:  # D6
                lines = [p_text(p["c"], notes) for p in c[1] if p["t"] in ("Para", "Plain")]
                out.append(("dateline", depth, "\n".join(lines)))
            else:
                out.append(("epigraph" if "epigraph" in classes else "div", depth, ""))
                p_blocks(c[1], depth + 1, out, notes)
        elif t == "Table":  # D8
            caption = "".join(p_text(x["c"], notes) for x in c[1][1])
            aligns = [spec[0]["t"].removeprefix("Align").lower() for spec in c[2]]
            rows = c[3][1] + [r for body in c[4] for r in body[2] + body[3]]
            cells = ["|".join("".join(p_text(x["c"], notes) for x in cell[4]) for cell in row[1])
                     for row in rows]
            out.append(("table", depth, "\n".join([caption, ",".join(aligns)] + cells)))
        else:
            raise AssertionError("unhandled pandoc block " + t)


def pandoc_view(folder, files):
    args = ["pandoc", "-f", "markdown-smart", "-t", "json",
            "--metadata-file", os.path.join(folder, "book.yaml")]
    # Each file on its own, as folio reads them (footnote labels are per file).
    blocks, notes_out = [], []
    for f in files:
        r = subprocess.run(args + [os.path.join(folder, f)], capture_output=True, text=True,
                           check=True)
        notes = []
        p_blocks(json.loads(r.stdout)["blocks"], 0, blocks, notes)
        for n in notes:
            p_blocks(n, 0, notes_out, [])
    return blocks, notes_out


# ---- folio side ----

def f_text(inlines):
    out = []
    for i in inlines:
        t = i["type"]
        if t in ("text", "code"):
            out.append(i["text"])
        elif t == "line_break":
            out.append("\n")
        elif t in ("note_ref", "image"):
            pass
        else:
            out.append(f_text(i.get("inlines", [])))
    return "".join(out)


def f_blocks(blocks, depth, out):
    for b in blocks:
        t = b["type"]
        if t == "heading":
            out.append(("heading%d" % b["level"], depth, f_text(b["inlines"])))
        elif t in ("paragraph", "figure"):
            out.append((t, depth, f_text(b["inlines"])))
        elif t in ("dateline", "line_block"):
            out.append((t, depth, f_text(b["inlines"])))
        elif t == "code_block":
            out.append((t, depth, b["text"].rstrip("\n")))
        elif t == "scene_break":
            out.append((t, depth, ""))
        elif t == "table":  # D8
            rows = [b["header"]] + b["rows"]
            cells = ["|".join(f_text(cell["inlines"]) for cell in row["cells"]) for row in rows]
            out.append((t, depth, "\n".join([f_text(b["inlines"]), ",".join(b["alignments"])]
                                            + cells)))
        elif t in ("list", "list_item", "block_quote", "epigraph", "div", "footnote"):
            out.append((t, depth, ""))
            f_blocks(b["blocks"], depth + 1, out)
        else:
            raise AssertionError("unhandled folio block " + t)


def folio_view(folder):
    r = subprocess.run([FOLIO, "dump", folder], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    blocks, notes = [], []
    for s in doc["sections"]:
        if "heading" in s:
            f_blocks([s["heading"]], 0, blocks)
        f_blocks(s["blocks"], 0, blocks)
        for n in s["footnotes"]:
            f_blocks(n["blocks"], 0, notes)
    files = doc["metadata"].get("contents") or sorted(
        f for f in os.listdir(folder) if f.endswith(".md"))
    return blocks, notes, files


class PandocDifferential(unittest.TestCase):
    def test_manuscripts_read_as_pandoc_reads_them(self):
        folders = manuscripts()
        self.assertGreaterEqual(len(folders), 3)
        for folder in folders:
            with self.subTest(manuscript=os.path.relpath(folder, ROOT)):
                f_blocks_, f_notes, files = folio_view(folder)
                p_blocks_, p_notes = pandoc_view(folder, files)
                self.assertGreater(len(f_blocks_), 0)
                self.assertEqual(f_blocks_, p_blocks_)
                self.assertEqual(f_notes, p_notes)


if __name__ == "__main__":
    unittest.main(verbosity=2)
