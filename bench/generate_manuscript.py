#!/usr/bin/env python3
"""Writes a large, realistic, deterministic folio manuscript for benchmarks.

The prose comes from a word-bigram chain trained on the seed text (so word lengths,
punctuation and hyphenation behave like real English); the structure is a novel's:
chapters with epigraphs, paragraphs of natural lengths, block quotes, scene breaks,
footnotes and closing datelines. Same arguments, same bytes.

usage: generate_manuscript.py OUTDIR [--words N] [--scale K] [--seed S]
"""
import argparse
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SEED_TEXT = os.path.join(HERE, "..", "..", "shared", "seeds", "000_df8b8d4e6fc9b71d.txt")
QUOTES = "“”‘’\""


def train(path):
    with open(path, encoding="utf-8") as f:
        text = " ".join(f.read().split("\n")[2:])
    words = [w.strip(QUOTES) for w in text.split()]
    words = [w for w in words if w and not w.startswith("pseudo-")]
    chain = {}
    for a, b in zip(words, words[1:]):
        chain.setdefault(a, []).append(b)
    starts = [w for w in words if w[:1].isupper()]
    return chain, starts


def sentence(rng, chain, starts, n):
    w = rng.choice(starts)
    out = [w]
    while len(out) < n:
        nxt = chain.get(w)
        w = rng.choice(nxt) if nxt else rng.choice(starts)
        out.append(w)
    s = " ".join(out).rstrip(",;:—")
    s = re.sub(r"[.?!]+$", "", s)
    return s[0].upper() + s[1:] + rng.choice(".....?!")


def paragraph(rng, chain, starts, words):
    out, n = [], 0
    while n < words:
        k = max(4, min(45, int(rng.gauss(18, 8))))
        out.append(sentence(rng, chain, starts, k))
        n += k
    return " ".join(out), n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--words", type=int, default=150_000)
    ap.add_argument("--scale", type=int, default=1, help="multiply --words (×4, ×16 for scaling)")
    ap.add_argument("--seed", type=int, default=1989)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    chain, starts = train(SEED_TEXT)
    target = a.words * a.scale
    os.makedirs(a.outdir, exist_ok=True)
    files, total, chapter = [], 0, 0
    while total < target:
        chapter += 1
        name = "%04d-chapter.md" % chapter
        files.append(name)
        lines = ["# Chapter %d" % chapter, ""]
        if rng.random() < 0.3:
            text, n = paragraph(rng, chain, starts, rng.randint(12, 30))
            lines += ["::: epigraph", text, "", "::: attribution", "A. Writer", ":::", ":::", ""]
            total += n
        chapter_words = rng.randint(3500, 6500)
        written, notes = 0, []
        while written < chapter_words and total < target:
            r = rng.random()
            if r < 0.04 and written > 500:
                lines += ["* * *", ""]
            elif r < 0.10:
                paras = rng.randint(1, 3)
                for i in range(paras):
                    text, n = paragraph(rng, chain, starts, rng.randint(30, 90))
                    closing = "”" if i == paras - 1 else ""
                    lines += ["> “" + text + closing]
                    if i < paras - 1:
                        lines += [">"]
                    written += n
                lines += [""]
            else:
                n_words = max(15, min(320, int(rng.lognormvariate(4.3, 0.6))))
                text, n = paragraph(rng, chain, starts, n_words)
                if rng.random() < 0.12:
                    label = "n%d" % (len(notes) + 1)
                    cut = text.find(". ")
                    cut = cut if cut > 0 else len(text) - 1
                    text = text[:cut + 1] + "[^%s]" % label + text[cut + 1:]
                    note, m = paragraph(rng, chain, starts, rng.randint(10, 50))
                    notes.append((label, note))
                    written += m
                lines += [text, ""]
                written += n
        if rng.random() < 0.25:
            lines += ["::: dateline", "Detroit, Michigan\\", "July %d, 1989" % rng.randint(1, 31),
                      ":::", ""]
        for label, note in notes:
            lines += ["[^%s]: %s" % (label, note), ""]
        total += written
        with open(os.path.join(a.outdir, name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
    with open(os.path.join(a.outdir, "book.yaml"), "w", encoding="utf-8") as f:
        f.write("title: A Generated Novel\nauthor: Bench Mark\nlang: en-US\n"
                "date: \"2026-01-01\"\ncontents:\n" + "".join("  - %s\n" % n for n in files))
    print("%s: %d words in %d chapters" % (a.outdir, total, chapter))


if __name__ == "__main__":
    main()
