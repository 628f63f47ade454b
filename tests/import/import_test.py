#!/usr/bin/env python3
"""`folio import`: Standard Ebooks' semantics and EPUB 2, an unpacked folder, the report, and
bad input (not a zip, truncated, a zip bomb, `..` and absolute entries, billion laughs, a
100 MB image, 100,000 paragraphs, an existing folder, SIGTERM or SIGINT while writing): a
clear error or a bounded import, nothing written outside -o DIR, no half-written folder.
Usage: import_test.py FOLIO"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from epub_fixtures import PNG, opf, simple_book, write_epub, xhtml  # noqa: E402

FOLIO = os.path.abspath(sys.argv.pop(1))
# A bound against hangs, not a speed target (bench/ measures speed): sanitizer builds
# (FOLIO_SLOW_TESTS=1) run several times slower.
HANG = 300 if os.environ.get("FOLIO_SLOW_TESTS") == "1" else 60

SE_CHAPTER = """
<section id="part-1" epub:type="part">
<section id="chapter-5" epub:type="chapter">
<hgroup><h2 epub:type="ordinal z3998:roman">V</h2><p epub:type="title">Letters</p></hgroup>
<blockquote epub:type="epigraph"><p>Books are the carriers of civilization.</p>
<cite>Barbara Tuchman</cite></blockquote>
<p epub:type="bridgehead">Letter from Miss Mina Murray to Miss Lucy Westenra.</p>
<article epub:type="z3998:letter">
<header><p class="dateline"><i>9 May.</i></p></header>
<p epub:type="z3998:salutation">My dearest Lucy⁠—</p>
<p>Forgive my long delay in writing.<a href="endnotes.xhtml#note-1" id="noteref-1" epub:type="noteref">1</a> She said <i xml:lang="fr">au revoir</i> and <span class="small-caps">Mr. Holmwood</span> agreed.</p>
<footer><p epub:type="z3998:valediction">Your loving</p><p epub:type="z3998:signature">Mina.</p></footer>
</article>
<hr/>
<blockquote epub:type="z3998:poem"><p><span>Can death be sleep, when life is but a dream,</span><br/><span class="i1">And scenes of bliss pass as a phantom by?</span></p>
<p><span>How strange it is that man on earth should roam,</span></p></blockquote>
<figure><img src="../images/map.png" alt="A map of Whitby"/><figcaption>The harbour at Whitby.</figcaption></figure>
<table><thead><tr><th>Year</th><th>Wheat</th></tr></thead><tbody><tr><td>1816</td><td>78</td></tr></tbody></table>
<dl><dt>A term</dt><dd>its meaning</dd></dl>
</section>
</section>"""

ENDNOTES = """<section id="endnotes" epub:type="endnotes"><h2>Endnotes</h2><ol>
<li id="note-1" epub:type="endnote"><p>A note with <i>emphasis</i>. <a href="chapter-1.xhtml#noteref-1" epub:type="backlink">↩</a></p>
<p>Its second paragraph.</p></li></ol></section>"""




def run(*args, cwd=None, timeout=120):
    return subprocess.run([FOLIO, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)


def listing(path):
    out = []
    for base, _dirs, files in os.walk(path):
        out += [os.path.relpath(os.path.join(base, f), path) for f in files]
    return sorted(out)


class Case(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="folio-import-")
        self.addCleanup(shutil.rmtree, self.dir)

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def refused(self, epub, code):
        """The import fails with `code`, and writes nothing at all beside the input."""
        before = listing(self.dir)
        r = run("import", epub, "-o", self.path("out"))
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(f"[{code}]", r.stderr)
        self.assertEqual(listing(self.dir), before, "an import that failed wrote something")
        return r


class StandardEbooksSemantics(Case):
    def test_letters_verse_notes_and_the_rest_map_and_build(self):
        entries = {
            "OEBPS/content.opf": opf([("c1", "text/chapter-1.xhtml"), ("en", "text/endnotes.xhtml")],
                                     extra_meta="<dc:subject>Fiction</dc:subject>",
                                     extra_items='<item id="map" href="images/map.png" media-type="image/png"/>'),
            "OEBPS/text/chapter-1.xhtml": xhtml(SE_CHAPTER),
            "OEBPS/text/endnotes.xhtml": xhtml(ENDNOTES),
            "OEBPS/images/map.png": PNG,
        }
        epub = self.path("se.epub")
        write_epub(epub, entries)
        r = run("import", epub, "-o", self.path("book"))
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        md = open(self.path("book", "chapter-1.md"), encoding="utf-8").read()
        for expected in ["# V: Letters {#chapter-5}", "::: epigraph", "::: attribution\nBarbara Tuchman",
                         "::: bridgehead", "::: letter", "::: dateline\n*9 May.*\n:::",
                         "::: signature\nYour loving\\\nMina.\n:::", "[^n1]", "[*au revoir*]{lang=fr}",
                         "[Mr. Holmwood]{.smallcaps}", "* * *", "::: poem",
                         "| Can death be sleep, when life is but a dream,",
                         "|   And scenes of bliss pass as a phantom by?",
                         "![The harbour at Whitby.](images/map.png)", "| Year | Wheat |",
                         "[^n1]: A note with *emphasis*.\n\n    Its second paragraph."]:
            self.assertIn(expected, md)
        self.assertEqual(sorted(os.listdir(self.path("book"))),
                         ["book.yaml", "chapter-1.md", "images", "import-report.md"])
        report = open(self.path("book", "import-report.md"), encoding="utf-8").read()
        # The unmapped <dl> is named with its file, line, column and element path.
        self.assertRegex(report, r"OEBPS/text/chapter-1\.xhtml:\d+:\d+ html/body/section/section/dl")
        self.assertIn("epub:type=endnotes → notes set beside their references", report)
        self.assertIn("[import-unmapped]", r.stderr)
        yaml = open(self.path("book", "book.yaml"), encoding="utf-8").read()
        for expected in ['title: "A Test Book"', 'author: "Ada Writer"', 'lang: "en-GB"',
                         '  - "Fiction"', '  - "chapter-1.md"']:
            self.assertIn(expected, yaml)
        b = run("build", self.path("book"), "-o", self.path("out"))
        self.assertEqual(b.returncode, 0, b.stderr)
        self.assertEqual(sorted(os.listdir(self.path("out"))), ["a-test-book.epub", "a-test-book.pdf"])

    def test_header_epigraph_and_an_author_of_several_roles(self):
        # SE's chapters (The Souls of Black Folk): the verse epigraph stands in the <header>
        # after the hgroup; SE's author carries several marc:relators roles, aut among them.
        chapter = """<article id="c8" epub:type="z3998:essay"><header>
<hgroup><h2 epub:type="z3998:ordinal z3998:roman">VIII</h2><p epub:type="title">Of the Quest</p></hgroup>
<blockquote epub:type="epigraph z3998:verse"><p><span>But the Brute said in his breast,</span><br/>
<span>The riches shall be dust of dust,</span></p><cite>William Vaughn Moody</cite></blockquote>
</header><figure id="illustration-8"><img src="../images/map.png" alt="Notation"/>
<figcaption>Two lines of notation.</figcaption></figure>
<p>Have you ever seen a cotton-field?</p></article>"""
        meta = ('<dc:creator id="du-bois">W. E. B. Du Bois</dc:creator>'
                '<meta property="role" refines="#du-bois" scheme="marc:relators">aut</meta>'
                '<meta property="role" refines="#du-bois" scheme="marc:relators">wpr</meta>')
        epub = self.path("souls.epub")
        write_epub(epub, {"OEBPS/content.opf": opf([("c1", "text/c8.xhtml")], extra_meta=meta),
                          "OEBPS/text/c8.xhtml": xhtml(chapter), "OEBPS/images/map.png": PNG})
        r = run("import", epub, "-o", self.path("book"))
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        md = open(self.path("book", "c8.md"), encoding="utf-8").read()
        self.assertIn("# VIII: Of the Quest {#c8}\n\n::: epigraph\n| But the Brute said in his breast,\n"
                      "| The riches shall be dust of dust,\n", md)
        self.assertIn("::: attribution\nWilliam Vaughn Moody\n:::", md)
        self.assertLess(md.index(":::\n:::"), md.index("Have you ever seen"))
        # A figure's id is carried by a div around it: `![…](…){#id}` would read as text.
        self.assertIn("::: {#illustration-8}\n![Two lines of notation.](images/", md)
        b = run("build", self.path("book"), "-o", self.path("out"))
        self.assertEqual(b.returncode, 0, b.stderr)
        self.assertNotIn("pdf-inline-image", b.stderr)
        yaml = open(self.path("book", "book.yaml"), encoding="utf-8").read()
        self.assertIn('"W. E. B. Du Bois"', yaml)

    def test_an_unpacked_folder_imports_like_the_zip(self):
        folder = self.path("unpacked")
        for name, data in simple_book("<section epub:type=\"chapter\"><h2>One</h2><p>Text.</p></section>").items():
            os.makedirs(os.path.dirname(os.path.join(folder, name)), exist_ok=True)
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                f.write(data)
        r = run("import", folder, cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(open(self.path("unpacked-manuscript", "chapter-1.md"), encoding="utf-8").read(),
                         "# One\n\nText.\n")

    def test_epub2_without_sections(self):
        entries = simple_book("<h1>Chapter One</h1><p>First.</p><h1>Chapter Two</h1><p>Second.</p>",
                              version="2.0")
        epub = self.path("old.epub")
        write_epub(epub, entries)
        r = run("import", epub, "-o", self.path("book"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(open(self.path("book", "chapter-1.md"), encoding="utf-8").read(),
                         "# Chapter One\n\nFirst.\n\n# Chapter Two\n\nSecond.\n")
        self.assertIn("EPUB 2.0", open(self.path("book", "import-report.md"), encoding="utf-8").read())

    def test_markdown_syntax_in_the_text_stays_text(self):
        body = ("<section><h2>One</h2><p>1. not a list * nor _emphasis_ [link](x) &lt;b&gt; #tag</p>"
                "<p>- neither</p><p>::: nor a div</p></section>")
        epub = self.path("syntax.epub")
        write_epub(epub, simple_book(body))
        r = run("import", epub, "-o", self.path("book"))
        self.assertEqual(r.returncode, 0, r.stderr)
        d = run("dump", self.path("book"))
        self.assertIn('"text": "1. not a list * nor _emphasis_ [link](x) <b> #tag"', d.stdout)
        self.assertIn('"text": "- neither"', d.stdout)
        self.assertIn('"text": "::: nor a div"', d.stdout)


class BadInput(Case):
    def test_not_a_zip(self):
        bad = self.path("text.epub")
        with open(bad, "w") as f:
            f.write("just text\n")
        self.refused(bad, "import-unreadable")

    def test_missing_file(self):
        self.refused(self.path("none.epub"), "import-unreadable")

    def test_truncated(self):
        epub = self.path("book.epub")
        write_epub(epub, simple_book("<section><h2>One</h2><p>" + "words " * 5000 + "</p></section>"))
        data = open(epub, "rb").read()
        with open(epub, "wb") as f:
            f.write(data[: len(data) // 2])
        self.refused(epub, "import-unreadable")

    def test_neither_epub_nor_docx(self):
        z = self.path("other.zip")
        with zipfile.ZipFile(z, "w") as f:
            f.writestr("readme.txt", "hello")
        self.refused(z, "import-format")

    def test_a_stopped_import_leaves_no_temporary_folder(self):
        # A book of many files, so that writing them takes a while: the signal is sent once
        # the temporary folder beside the output is there, while the files go into it.
        chapters = 3000
        entries = {"OEBPS/content.opf": opf(
            [(f"c{n}", f"text/chapter-{n}.xhtml") for n in range(chapters)],
            extra_items="".join(f'<item id="i{n}" href="images/p{n}.png" media-type="image/png"/>'
                                for n in range(chapters)))}
        for n in range(chapters):
            entries[f"OEBPS/text/chapter-{n}.xhtml"] = xhtml(
                f'<section epub:type="chapter"><h2>Chapter {n}</h2><p>Words.</p>'
                f'<figure><img src="../images/p{n}.png" alt="A picture"/></figure></section>')
            entries[f"OEBPS/images/p{n}.png"] = PNG
        epub = self.path("big.epub")
        write_epub(epub, entries)
        for sig in (signal.SIGTERM, signal.SIGINT):
            with self.subTest(signal=sig.name):
                out = self.path("out-" + sig.name)
                proc = subprocess.Popen([FOLIO, "import", epub, "-o", out], stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
                temporary = f".{os.path.basename(out)}.import-"
                deadline = time.monotonic() + HANG
                seen = False
                while proc.poll() is None and time.monotonic() < deadline:
                    if any(f.startswith(temporary) for f in os.listdir(self.dir)):
                        seen = True
                        proc.send_signal(sig)
                        break
                    time.sleep(0.001)
                _out, err = proc.communicate(timeout=HANG)
                self.assertTrue(seen, f"the import ended before its temporary folder was seen "
                                      f"(exit {proc.returncode}): {err[-500:]}")
                left = [f for f in os.listdir(self.dir) if f.startswith(temporary)]
                self.assertEqual(left, [], "the temporary folder was left behind")
                self.assertFalse(os.path.exists(out), "a half-written folder was left")
                # Ended by the signal, as a shell expects, after saying why.
                self.assertEqual(proc.returncode, -sig, err[-500:])
                self.assertIn("import stopped", err)

    def test_zip_bomb_is_refused_unexpanded(self):
        entries = simple_book("<section><h2>One</h2><p>Text.</p></section>")
        # 80 MB of spaces: about 80 KB deflated, a ratio of a thousand, past the 64 MB an
        # entry may have; libzip's own header says so, and nothing is expanded.
        entries["OEBPS/text/chapter-1.xhtml"] = entries["OEBPS/text/chapter-1.xhtml"] + " " * (80 << 20)
        epub = self.path("bomb.epub")
        write_epub(epub, entries)
        self.assertLess(os.path.getsize(epub), 1 << 20)
        start = time.monotonic()
        r = self.refused(epub, "import-too-large")
        self.assertLess(time.monotonic() - start, HANG)

    def test_dot_dot_and_absolute_entries(self):
        for name in ["../evil.xhtml", "OEBPS/../../evil.xhtml", "/tmp/evil.xhtml"]:
            entries = simple_book("<section><h2>One</h2><p>Text.</p></section>")
            entries[name] = "evil"
            epub = self.path("unsafe.epub")
            write_epub(epub, entries)
            self.refused(epub, "import-unsafe")
            self.assertFalse(os.path.exists(os.path.join(os.path.dirname(self.dir), "evil.xhtml")))
            os.remove(epub)

    def test_a_link_out_of_the_package_is_not_followed(self):
        body = '<section><h2>One</h2><figure><img src="../../../../etc/passwd" alt="x"/></figure></section>'
        epub = self.path("link.epub")
        write_epub(epub, simple_book(body))
        r = run("import", epub, "-o", self.path("book"))
        self.assertEqual(listing(self.path("book")), ["book.yaml", "chapter-1.md", "import-report.md"])

    def test_billion_laughs_is_not_expanded(self):
        dtd = ('<!DOCTYPE html [<!ENTITY lol "lol">'
               + "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1 if i > 1 else 0)).replace("&lol0;", "&lol;") * 10}">'
                         for i in range(1, 10)) + "]>")
        entries = simple_book("")
        entries["OEBPS/text/chapter-1.xhtml"] = xhtml("<section><h2>One</h2><p>&lol9;</p></section>",
                                                      doctype=dtd)
        epub = self.path("laughs.epub")
        write_epub(epub, entries)
        start = time.monotonic()
        r = run("import", epub, "-o", self.path("book"), timeout=30)
        self.assertLess(time.monotonic() - start, HANG)
        self.assertTrue(os.path.isdir(self.path("book")), r.stderr)
        md = open(self.path("book", "chapter-1.md"), encoding="utf-8").read()
        self.assertIn("lol9;", md)   # the reference stays as written, never expanded
        self.assertLess(len(md), 1000)

    def test_malformed_xml_is_positioned_and_leaves_nothing(self):
        entries = simple_book("")
        entries["OEBPS/text/chapter-1.xhtml"] = xhtml("<section><h2>One</h2>\n<p>Unclosed</section>")
        epub = self.path("bad.epub")
        write_epub(epub, entries)
        r = self.refused(epub, "import-xml")
        self.assertRegex(r.stderr, r"OEBPS/text/chapter-1\.xhtml:\d+:\d+: error")

    def test_a_100_mb_image_is_left_out_not_read(self):
        body = '<section><h2>One</h2><figure><img src="../images/huge.png" alt="Huge"/></figure><p>Text.</p></section>'
        entries = simple_book(body)
        epub = self.path("huge.epub")
        write_epub(epub, entries)
        with zipfile.ZipFile(epub, "a") as z:
            with z.open(zipfile.ZipInfo("OEBPS/images/huge.png"), "w", force_zip64=True) as f:
                chunk = os.urandom(1 << 20)
                for _ in range(100):
                    f.write(chunk)
        start = time.monotonic()
        r = run("import", epub, "-o", self.path("book"))
        self.assertLess(time.monotonic() - start, HANG)
        self.assertIn("[import-image]", r.stderr)
        self.assertIn("64 MB", r.stderr)
        self.assertNotIn("images", os.listdir(self.path("book")))

    def test_100000_paragraphs_import_in_bounded_time(self):
        body = "<section><h2>One</h2>" + "<p>A short paragraph of words.</p>\n" * 100000 + "</section>"
        epub = self.path("long.epub")
        write_epub(epub, simple_book(body))
        start = time.monotonic()
        r = run("import", epub, "-o", self.path("book"), "-q", timeout=120)
        self.assertLess(time.monotonic() - start, HANG)
        self.assertTrue(os.path.isdir(self.path("book")), r.stderr)
        md = open(self.path("book", "chapter-1.md"), encoding="utf-8").read()
        self.assertEqual(md.count("A short paragraph of words."), 100000)

    def test_an_existing_folder_is_refused_and_kept(self):
        epub = self.path("book.epub")
        write_epub(epub, simple_book("<section><h2>One</h2><p>Text.</p></section>"))
        os.makedirs(self.path("out"))
        with open(self.path("out", "mine.md"), "w") as f:
            f.write("mine")
        r = run("import", epub, "-o", self.path("out"))
        self.assertEqual(r.returncode, 1)
        self.assertIn("[import-output-exists]", r.stderr)
        self.assertEqual(os.listdir(self.path("out")), ["mine.md"])
        # An empty folder is fine: it is replaced by the finished one.
        os.makedirs(self.path("empty"))
        r = run("import", epub, "-o", self.path("empty"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("chapter-1.md", os.listdir(self.path("empty")))

    def test_a_folder_that_cannot_be_made_is_an_error_and_leaves_nothing(self):
        epub = self.path("book.epub")
        write_epub(epub, simple_book("<section><h2>One</h2><p>Text.</p></section>"))
        with open(self.path("plain-file"), "w") as f:
            f.write("not a folder")
        before = listing(self.dir)
        # The output's parent is a file: no folder can be made beside or in it.
        r = run("import", epub, "-o", self.path("plain-file", "book"))
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("[import-write]", r.stderr)
        self.assertEqual(listing(self.dir), before)


if __name__ == "__main__":
    unittest.main()
