#!/usr/bin/env python3
"""`folio import` of Word documents: the checked-in fixtures made by Pandoc and LibreOffice
from folio's manuscripts (tests/import/docx/README.md), and hand-made edge cases (nested
tables, tracked changes, comments, a two-paragraph footnote, a picture without alt text,
sections opened by a page break, scene breaks, datelines and signatures). Each imports and
builds with no error. Usage: docx_test.py FOLIO"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from docx_fixtures import p, picture, r, table, write_docx  # noqa: E402
from epub_fixtures import PNG  # noqa: E402

FOLIO = os.path.abspath(sys.argv.pop(1))
# A bound against hangs, not a speed target (bench/ measures speed): sanitizer builds
# (FOLIO_SLOW_TESTS=1) run several times slower.
HANG = 300 if os.environ.get("FOLIO_SLOW_TESTS") == "1" else 60
HERE = os.path.dirname(os.path.abspath(__file__))


def run(*args, timeout=300):
    return subprocess.run([FOLIO, *args], capture_output=True, text=True, timeout=timeout)


class Case(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="folio-docx-")
        self.addCleanup(shutil.rmtree, self.dir)

    def import_and_build(self, docx):
        book = os.path.join(self.dir, "book")
        r = run("import", docx, "-o", book)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        b = run("build", book, "-o", os.path.join(self.dir, "out"))
        self.assertEqual(b.returncode, 0, b.stderr)
        self.assertEqual(len(os.listdir(os.path.join(self.dir, "out"))), 2)
        return book, r

    def text(self, book):
        out = ""
        for f in sorted(glob.glob(os.path.join(book, "*.md"))):
            if not f.endswith("import-report.md"):
                with open(f, encoding="utf-8") as text:
                    out += text.read()
        return out


class Fixtures(Case):
    def test_every_checked_in_fixture_imports_and_builds(self):
        fixtures = sorted(glob.glob(os.path.join(HERE, "docx", "*.docx")))
        self.assertGreaterEqual(len(fixtures), 5)
        for docx in fixtures:
            with self.subTest(docx=os.path.basename(docx)):
                book, _ = self.import_and_build(docx)
                words = self.text(book)
                self.assertIn("# ", words)
                shutil.rmtree(book)
                shutil.rmtree(os.path.join(self.dir, "out"))

    def test_pandoc_seed_keeps_its_structure(self):
        book, _ = self.import_and_build(os.path.join(HERE, "docx", "seed-pandoc.docx"))
        yaml = open(os.path.join(book, "book.yaml"), encoding="utf-8").read()
        for line in ['title: "Perestroika versus Socialism"', 'author: "David North"',
                     'date: "1989-07-28"']:
            self.assertIn(line, yaml)
        md = self.text(book)
        self.assertIn("# Preface {epub:type=preface}", md)
        # Pandoc sets block quotes in the Block Text style: each comes back a block quote.
        original = open(os.path.join(os.path.dirname(os.path.dirname(HERE)), "manuscript",
                                     "preface.md"), encoding="utf-8").read()
        self.assertEqual(md.count("\n> “"), original.count("\n> “"))


    def test_libreoffice_letters_keep_their_layout_as_structure(self):
        book, _ = self.import_and_build(os.path.join(HERE, "docx", "letters-libreoffice.docx"))
        md = self.text(book)
        for expected in ["# Preface {epub:type=preface}", "::: dateline\nLondon, 1 May 1897\n:::",
                         "# Chapter One\n\n::: dateline\nWhitby, 24 July\n:::", "*faded*",
                         "**abbey**", "[Les Misérables]{lang=fr-FR}", "\n> “The sea is the sea,”",
                         "\n* * *\n", "::: signature\nYour loving\\\nMina\n:::",
                         "# Afterword {epub:type=afterword}"]:
            self.assertIn(expected, md)
        self.assertNotIn("Letters from the Coast", md)  # the title line is book.yaml's title


class EdgeCases(Case):
    def test_the_hand_made_cases(self):
        body = "".join([
            p("Letters from the Coast", style="Title"),
            p("Preface", style="Heading1"),
            p(runs=r("A preface with a ") + r("two-paragraph", "<w:i/>") + r(" note.")
              + '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'),
            p("London, 1 May 1897", jc="right"),
            p("Chapter One", jc="center", page_break=True),
            p("Whitby, 24 July", jc="right"),
            p(runs=r("Text with ") + r("small caps", "<w:smallCaps/>") + r(", ")
              + r("bold", "<w:b/>") + r(" and ") + r("Gesundheit", '<w:rStyle w:val="German"/>')
              + r(" and E=mc") + r("2", '<w:vertAlign w:val="superscript"/>') + r(".")),
            p(runs=r("Kept ") + '<w:ins w:id="5" w:author="Editor"><w:r><w:t xml:space="preserve">inserted </w:t></w:r></w:ins>'
              + '<w:del w:id="6" w:author="Editor"><w:r><w:delText>deleted </w:delText></w:r></w:del>'
              + '<w:commentRangeStart w:id="0"/>' + r("text.") + '<w:commentRangeEnd w:id="0"/>'
              + '<w:r><w:commentReference w:id="0"/></w:r>'),
            p("* * *", jc="center"),
            p("A quotation, set as Quote.", style="Quote"),
            p("An indented quotation.", ind="720"),
            p(""), p(""),
            p("After an empty run."),
            p(runs='<w:hyperlink r:id="rLink">' + r("a link") + "</w:hyperlink>"),
            p(runs=picture("rImg", None)),
            p(runs=picture("rImg", "A harbour")),
            table([["Year", "Wheat"], ["1816", table([["nested", "cell"]])]]),
            p("Your loving", jc="right"),
            p("Mina", jc="right"),
            p("Acknowledgements", style="Heading1"),
            p("Thanks.")])
        docx = os.path.join(self.dir, "edge.docx")
        write_docx(docx, body, footnotes={1: ["The first paragraph of the note.", "Its second paragraph."]},
                   images={"rImg": PNG})
        book, r_ = self.import_and_build(docx)
        md = self.text(book)
        for expected in [
                "# Preface {epub:type=preface}", "*two-paragraph*",
                "[^n1]: The first paragraph of the note.\n\n    Its second paragraph.",
                "::: dateline\nLondon, 1 May 1897\n:::", "# Chapter One",
                "::: dateline\nWhitby, 24 July\n:::", "[small caps]{.smallcaps}", "**bold**",
                "[Gesundheit]{lang=de-DE}", "E=mc2.", "Kept inserted text.", "* * *",
                "> *A quotation, set as Quote.*\n>\n> An indented quotation.",
                "\n* * *\n\nAfter an empty run.", "[a link](https://example.org)",
                "![](images/rImg.png)", "![A harbour](images/rImg.png)", "| Year | Wheat |",
                "| 1816 | nested cell |", "::: signature\nYour loving\\\nMina\n:::",
                "# Acknowledgements {epub:type=acknowledgments}"]:
            self.assertIn(expected, md)
        self.assertNotIn("deleted", md)
        self.assertEqual(r_.stderr.count("[import-tracked-change]"), 2, r_.stderr)
        self.assertEqual(r_.stderr.count("[import-comment]"), 1, r_.stderr)
        report = open(os.path.join(book, "import-report.md"), encoding="utf-8").read()
        self.assertRegex(report, r"word/document.xml table after paragraph \d+`: a table inside a table cell")
        self.assertRegex(report, r"word/document.xml paragraph \d+ \(style Normal\), word/media/rImg.png`: "
                                 r"a picture without alternative text")
        self.assertIn("a picture without alternative text", report)
        self.assertIn("superscript text '2'", report)
        yaml = open(os.path.join(book, "book.yaml"), encoding="utf-8").read()
        self.assertIn('title: "A Word Book"', yaml)  # the core property wins over the Title line


class BadInput(Case):
    def test_100000_paragraphs_import_in_bounded_time(self):
        body = p("One", style="Heading1") + "".join(p("A short paragraph of words.") for _ in range(100000))
        docx = os.path.join(self.dir, "long.docx")
        write_docx(docx, body)
        start = time.monotonic()
        r = run("import", docx, "-o", os.path.join(self.dir, "book"), "-q")
        self.assertLess(time.monotonic() - start, HANG)
        with open(os.path.join(self.dir, "book", "01-one.md"), encoding="utf-8") as f:
            self.assertEqual(f.read().count("A short paragraph of words."), 100000, r.stderr)

    def test_a_100_mb_picture_is_left_out_not_read(self):
        body = p("One", style="Heading1") + p(runs=picture("rBig", "Huge")) + p("Text.")
        docx = os.path.join(self.dir, "huge.docx")
        write_docx(docx, body, media_rels=["rBig"])
        with zipfile.ZipFile(docx, "a") as z:
            with z.open(zipfile.ZipInfo("word/media/rBig.png"), "w", force_zip64=True) as f:
                chunk = os.urandom(1 << 20)
                for _ in range(100):
                    f.write(chunk)
        r = run("import", docx, "-o", os.path.join(self.dir, "book"))
        self.assertIn("[import-image]", r.stderr)
        self.assertNotIn("images", os.listdir(os.path.join(self.dir, "book")))

    def test_a_docx_without_its_document_part_is_refused(self):
        docx = os.path.join(self.dir, "empty.docx")
        with zipfile.ZipFile(docx, "w") as z:
            z.writestr("word/styles.xml", "<w:styles/>")
        r = run("import", docx, "-o", os.path.join(self.dir, "book"))
        self.assertEqual(r.returncode, 1)
        self.assertIn("[import-format]", r.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "book")))


if __name__ == "__main__":
    unittest.main()
