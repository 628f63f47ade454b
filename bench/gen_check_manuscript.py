#!/usr/bin/env python3
"""Writes a book-length manuscript (about 100,000 words, some 300 pages) for timing
`folio check`. Deterministic: same arguments, same bytes.

It holds what the checks walk: chapters in separate files with ids, epigraphs, curly
quotes (among them quotations running over several paragraphs), apostrophes, footnotes,
block quotes, emphasis, internal links, a figure, scene breaks, a code block and closing
datelines. With --flaws N it also plants N typographic mistakes per chapter (straight
quotes, double spaces, "--", "...") so that the reporting path is timed too.

usage: gen_check_manuscript.py OUTDIR [--words N] [--chapters K] [--flaws N] [--seed S]
"""
import argparse
import os
import random
import struct
import zlib

WORDS = (
    "the of and to in a that is was he for it with as his on be at by had not are but from "
    "or have an they which one you were her all she there would their we him been has when "
    "who will more no if out so said what up its about into than them can only other new "
    "some could time these two may then do first any my now such like our over man me even "
    "most made after also did many before must through back years where much your way well "
    "down should because each just those people how too little state good very make world "
    "still own see men work long get here between both life being under never day same "
    "another know while last might us great old year off come since against go came right "
    "used take three states himself few house use during without again place american around "
    "however home small found thought went say part once general high upon school every "
    "workers bureaucracy revolution property capital market struggle program history party "
    "committee socialism economy council strike miners railway factory winter harvest").split()
NAMES = ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Fyodor", "Galina", "Ivan", "Katya"]


def png():
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) +
            chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


class Writer:
    def __init__(self, rng, flaws):
        self.rng = rng
        self.flaws = flaws
        self.words = 0

    def sentence(self, n=None):
        rng = self.rng
        n = n or max(4, min(40, int(rng.gauss(17, 7))))
        ws = [rng.choice(WORDS) for _ in range(n)]
        if rng.random() < 0.3:
            ws[rng.randrange(n)] = rng.choice(NAMES) + "’s"
        if rng.random() < 0.15:
            k = rng.randrange(n)
            ws[k] = "*" + ws[k] + "*"
        if rng.random() < 0.2 and n > 6:
            k = rng.randrange(2, n - 2)
            ws[k] = ws[k] + "—" + ws[k + 1]
            del ws[k + 1]
        if rng.random() < 0.12:
            k = rng.randrange(n - 2)
            ws[k] = "‘" + ws[k]
            ws[k + 1] = ws[k + 1] + "’"
        self.words += len(ws)
        s = " ".join(ws)
        return s[0].upper() + s[1:] + rng.choice("....?!;")[0].replace(";", ".")

    def paragraph(self, words):
        out, n = [], 0
        while n < words:
            s = self.sentence()
            if self.rng.random() < 0.25:
                s = "“" + s + "” " + self.rng.choice(NAMES) + " said."
            out.append(s)
            n += len(s.split())
        return " ".join(out)


def chapter(w, number, chapters):
    rng = w.rng
    lines = [f"# Chapter {number} {{#ch{number} epub:type=chapter}}", ""]
    lines += ["::: epigraph", "“" + w.sentence(12) + "”", ":::", ""]
    notes = []
    for p in range(int(rng.gauss(30, 4))):
        if p and p % 9 == 0:
            lines += [f"## Part {p // 9} {{#ch{number}-p{p // 9}}}", ""]
        text = w.paragraph(max(30, int(rng.gauss(105, 30))))
        if rng.random() < 0.15:
            label = f"n{len(notes) + 1}"
            text += f"[^{label}]"
            notes.append(label)
        if rng.random() < 0.05 and number < chapters:
            text += f" See [the next chapter](#ch{number + 1})."
        if rng.random() < 0.05:
            text += f" Compare [the opening](#ch{number})."
        lines += [text, ""]
        r = rng.random()
        if r < 0.06:  # a quotation running over three paragraphs
            lines += ["“" + w.paragraph(40), "", "“" + w.paragraph(40), "",
                      "“" + w.paragraph(30) + "”", ""]
        elif r < 0.12:
            lines += ["> " + w.paragraph(50), ">", "> " + w.paragraph(30), ""]
        elif r < 0.14:
            lines += ["* * *", ""]
    if number == 1:
        lines += ["![A map of the railway](map.png)", "", "```", "code \"stays\" -- as is...",
                  "```", ""]
    for k in range(w.flaws):
        lines += [f"A \"flawed\" line {k}--with  two spaces...", ""]
    for label in notes:
        lines += [f"[^{label}]: " + w.sentence(20), ""]
    lines += ["::: dateline", f"Moscow\\", f"{1 + number % 28} March 1989", ":::", ""]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument("--chapters", type=int, default=30)
    ap.add_argument("--flaws", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1989)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    w = Writer(rng, args.flaws)
    os.makedirs(args.outdir, exist_ok=True)
    names = []
    number = 0
    while w.words < args.words or number < args.chapters:
        number += 1
        name = f"ch{number:02}.md"
        names.append(name)
        text = chapter(w, number, max(args.chapters, number + 1))
        with open(os.path.join(args.outdir, name), "w", encoding="utf-8") as f:
            f.write(text)
        if w.words >= args.words and number >= args.chapters:
            break
    # The last chapter's link to a next one would dangle; end the book there.
    with open(os.path.join(args.outdir, names[-1]), encoding="utf-8") as f:
        last = f.read().replace(f"(#ch{number + 1})", f"(#ch{number})")
    with open(os.path.join(args.outdir, names[-1]), "w", encoding="utf-8") as f:
        f.write(last)
    with open(os.path.join(args.outdir, "map.png"), "wb") as f:
        f.write(png())
    with open(os.path.join(args.outdir, "book.yaml"), "w", encoding="utf-8") as f:
        f.write("title: A Long Book\nauthor: A. Writer\nlang: en-GB\ndate: 1989-07-28\n"
                "identifier: urn:isbn:978-0-306-40615-7\ncontents:\n" +
                "".join(f"  - {n}\n" for n in names))
    size = sum(os.path.getsize(os.path.join(args.outdir, n)) for n in names)
    print(f"{args.outdir}: {len(names)} chapters, {w.words} words, {size} bytes")


if __name__ == "__main__":
    main()
