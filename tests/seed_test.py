#!/usr/bin/env python3
"""The shipped manuscript is the seed text, its words unchanged, its structure marked up."""
import json
import os
import re
import subprocess
import sys
import unittest

FOLIO = os.path.abspath(sys.argv.pop(1))
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("FOLIO_SHARED", os.path.join(os.path.dirname(ROOT), "shared"))
SEED = os.path.join(SHARED, "seeds", "000_df8b8d4e6fc9b71d.txt")


def plain(inlines):
    out = []
    for i in inlines:
        if i["type"] in ("text", "code"):
            out.append(i["text"])
        elif i["type"] == "line_break":
            out.append("\n")
        elif "inlines" in i:
            out.append(plain(i["inlines"]))
    return "".join(out)


def block_text(block):
    if "inlines" in block:
        return [plain(block["inlines"])]
    return [t for b in block.get("blocks", []) for t in block_text(b)]


class Seed(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        r = subprocess.run([FOLIO, "dump", "manuscript"], cwd=ROOT, capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        cls.doc = json.loads(r.stdout)

    def test_words_equal_the_seed(self):
        with open(SEED, encoding="utf-8") as f:
            seed_lines = f.read().split("\n")
        # Line 1 is the author, line 2 "Title: Subtitle"; they live in book.yaml.
        meta = self.doc["metadata"]
        self.assertEqual(seed_lines[0], meta["author"][0])
        self.assertEqual(seed_lines[1], meta["title"] + ": " + meta["subtitle"])
        seed_words = " ".join(seed_lines[2:]).split()
        section = self.doc["sections"][0]
        texts = [plain(section["heading"]["inlines"])]
        for b in section["blocks"]:
            texts += block_text(b)
        model_words = " ".join(texts).split()
        self.assertEqual(model_words[0], "Preface")  # the heading is markup, not seed text
        self.assertEqual(model_words[1:], seed_words)

    def test_structure(self):
        sections = self.doc["sections"]
        self.assertEqual(len(sections), 1)
        preface = sections[0]
        self.assertEqual((preface["role"], preface["matter"]), ("preface", "front"))
        self.assertEqual(plain(preface["heading"]["inlines"]), "Preface")
        quotes = [b for b in preface["blocks"] if b["type"] == "block_quote"]
        self.assertEqual([len(q["blocks"]) for q in quotes], [2, 3, 3])
        for q in quotes:
            for p in q["blocks"]:
                self.assertEqual(p["type"], "paragraph")
                self.assertTrue(plain(p["inlines"]).startswith("“"))
        # No paragraph outside a block quote opens with a quotation mark.
        for b in preface["blocks"]:
            if b["type"] == "paragraph":
                self.assertFalse(plain(b["inlines"]).startswith("“"))
        last = preface["blocks"][-1]
        self.assertEqual(last["type"], "dateline")
        self.assertEqual(plain(last["inlines"]).split("\n"), ["Detroit, Michigan", "July 28, 1989"])

    def test_metadata(self):
        meta = self.doc["metadata"]
        self.assertEqual(meta["title"], "Perestroika versus Socialism")
        self.assertEqual(meta["subtitle"], "Stalinism and the Restoration of Capitalism in the USSR")
        self.assertEqual(meta["author"], ["David North"])
        self.assertEqual(meta["lang"], "en-US")


if __name__ == "__main__":
    unittest.main(verbosity=2)
