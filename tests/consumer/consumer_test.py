#!/usr/bin/env python3
"""The installed library, as another project uses it (fmt's find-package-test): `cmake
--install` into a fresh prefix, a tiny project (tests/consumer) configured against it with
find_package(folio), built, and run on a small manuscript; its EPUBs and PDFs must be sound,
and the step-by-step API must make the same bytes as the scheduled build().

Usage: consumer_test.py BUILD_DIR CXX_COMPILER [EXTRA_FLAGS]"""
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
BUILD_DIR, CXX = sys.argv[1], sys.argv[2]
FLAGS = sys.argv[3] if len(sys.argv) > 3 else ""
MANUSCRIPT = os.path.join(SOURCE, "tests", "manuscripts", "chapters")


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)
    if r.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} exited {r.returncode}:\n{r.stdout}\n{r.stderr}")
    return r


class Consumer(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="folio-consumer-")
        prefix = os.path.join(cls.tmp.name, "prefix")
        run(["cmake", "--install", BUILD_DIR, "--prefix", prefix])
        build = os.path.join(cls.tmp.name, "build")
        configure = ["cmake", "-S", HERE, "-B", build, "-DCMAKE_BUILD_TYPE=Release",
                     f"-DCMAKE_PREFIX_PATH={prefix}", f"-DCMAKE_CXX_COMPILER={CXX}"]
        if FLAGS:
            configure += [f"-DCMAKE_CXX_FLAGS={FLAGS}", f"-DCMAKE_EXE_LINKER_FLAGS={FLAGS}"]
        if shutil.which("ninja"):
            configure += ["-G", "Ninja"]
        run(configure)
        run(["cmake", "--build", build])
        cls.out = os.path.join(cls.tmp.name, "out")
        # Nothing of the build tree may help it: no data folder from the environment, and the
        # program lives outside the prefix (it finds the styles through folio_DATA_DIR).
        env = {k: v for k, v in os.environ.items() if k != "FOLIO_DATA_DIR"}
        env["SOURCE_DATE_EPOCH"] = "0"
        cls.result = run([os.path.join(build, "folio_consumer"), MANUSCRIPT, cls.out], env=env)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def outputs(self, kind):
        folder = os.path.join(self.out, kind)
        return sorted(os.path.join(folder, n) for n in os.listdir(folder))

    def test_the_installed_prefix_holds_the_library(self):
        prefix = os.path.join(self.tmp.name, "prefix")
        for rel in ("include/folio/folio.hpp", "share/folio/styles/classic.yaml"):
            self.assertTrue(os.path.isfile(os.path.join(prefix, rel)), rel)
        libdirs = [d for d in os.listdir(prefix) if d.startswith("lib")]
        self.assertTrue(any(os.path.isfile(os.path.join(prefix, d, "cmake", "folio",
                                                        "folioConfig.cmake")) for d in libdirs))

    def test_it_writes_an_epub_and_a_pdf_both_ways(self):
        for kind in ("steps", "build"):
            names = [os.path.basename(p) for p in self.outputs(kind)]
            self.assertEqual([os.path.splitext(n)[1] for n in names], [".epub", ".pdf"], kind)

    def test_the_epubs_are_sound_zips(self):
        for kind in ("steps", "build"):
            epub = self.outputs(kind)[0]
            with zipfile.ZipFile(epub) as z:
                self.assertIsNone(z.testzip())
                self.assertEqual(z.namelist()[0], "mimetype")
                self.assertEqual(z.read("mimetype"), b"application/epub+zip")
                self.assertTrue(any(n.endswith(".xhtml") for n in z.namelist()))

    def test_the_pdfs_have_pages(self):
        for kind in ("steps", "build"):
            pdf = self.outputs(kind)[1]
            if shutil.which("pdfinfo"):
                info = run(["pdfinfo", pdf]).stdout
                pages = [l for l in info.splitlines() if l.startswith("Pages:")]
                self.assertTrue(pages and int(pages[0].split()[1]) > 0, info)
            else:
                with open(pdf, "rb") as f:
                    self.assertEqual(f.read(5), b"%PDF-")

    def test_the_build_makes_what_the_installed_command_makes(self):
        # The command's outputs are the ones the suite validates (EPUBCheck, Ace, pdfcheck):
        # the library, linked by another project, must write the same editions.
        prefix = os.path.join(self.tmp.name, "prefix")
        cli_out = os.path.join(self.tmp.name, "cli")
        env = {k: v for k, v in os.environ.items() if k != "FOLIO_DATA_DIR"}
        env["SOURCE_DATE_EPOCH"] = "0"
        run([os.path.join(prefix, "bin", "folio"), "-q", "build", MANUSCRIPT, "-o", cli_out],
            env=env)
        cli = sorted(os.path.join(cli_out, n) for n in os.listdir(cli_out))
        self.assertEqual([os.path.basename(p) for p in cli],
                         [os.path.basename(p) for p in self.outputs("build")])
        (cli_epub, cli_pdf), (api_epub, api_pdf) = cli, self.outputs("build")
        self.assertTrue(filecmp.cmp(cli_epub, api_epub, shallow=False), "the EPUBs differ")
        # A program that calls api::prepare_process() as `folio` does gets the same bytes.
        run(["qpdf", "--check", api_pdf])
        self.assertTrue(filecmp.cmp(cli_pdf, api_pdf, shallow=False), "the PDFs differ")

    def test_the_contact_sheet_is_a_png_of_the_pages_asked_for(self):
        png = os.path.join(self.out, "sheet.png")
        with open(png, "rb") as f:
            head = f.read(24)
        self.assertEqual(head[:8], b"\x89PNG\r\n\x1a\n")
        width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
        # Pages 1-4 as spreads (1 alone on the right, 2-3, 4 alone on the left): a row of two
        # spreads and a second row, each page 36 dpi wide.
        self.assertGreater(width, height / 2)
        self.assertIn("sheet: pages 1-4 of", self.result.stdout)

    def test_the_steps_make_the_same_bytes_as_the_build(self):
        for a, b in zip(self.outputs("steps"), self.outputs("build")):
            self.assertTrue(filecmp.cmp(a, b, shallow=False), f"{a} differs from {b}")


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
