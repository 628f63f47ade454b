#!/usr/bin/env python3
"""`cmake --install`: folio, its styles, the man page and the completion land in the usual
places, and the installed folio works from any folder, finding its styles beside itself."""
import os
import shutil
import subprocess
import unittest

from common import BUILD_DIR, FOLIO, run, workdir


class Install(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        import tempfile
        cls.tmp = tempfile.TemporaryDirectory(prefix="folio-install-")
        cls.prefix = os.path.join(cls.tmp.name, "prefix")
        r = subprocess.run(["cmake", "--install", BUILD_DIR, "--prefix", cls.prefix],
                           capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stdout + r.stderr
        cls.folio = os.path.join(cls.prefix, "bin", "folio")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_files_are_in_the_usual_places(self):
        for rel in ("bin/folio", "share/folio/styles/classic.yaml", "share/man/man1/folio.1",
                    "share/bash-completion/completions/folio"):
            self.assertTrue(os.path.isfile(os.path.join(self.prefix, rel)), rel)
        self.assertTrue(os.access(self.folio, os.X_OK))
        if shutil.which("man"):
            r = subprocess.run(["man", "-M", os.path.join(self.prefix, "share", "man"), "folio"],
                               capture_output=True, text=True, timeout=60,
                               env={**os.environ, "MANPAGER": "cat", "PAGER": "cat"})
            self.assertIn("folio preview", r.stdout)

    def test_init_and_build_from_another_folder_with_folio_on_the_path(self):
        d = workdir(self)
        env = {**os.environ, "PATH": os.path.join(self.prefix, "bin") + os.pathsep + os.environ["PATH"]}
        r = subprocess.run(["folio", "init", "mybook"], cwd=d, env=env, capture_output=True,
                           text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = subprocess.run(["folio", "build", "mybook"], cwd=d, env=env, capture_output=True,
                           text=True, timeout=300)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(os.listdir(os.path.join(d, "out"))), ["mybook.epub", "mybook.pdf"])

    def test_the_installed_styles_are_the_ones_found(self):
        # A style that exists only in the installed share/folio/styles: the installed folio
        # must find it, the uninstalled one (which looks in the source tree) must not.
        styles = os.path.join(self.prefix, "share", "folio", "styles")
        shutil.copy(os.path.join(styles, "classic.yaml"), os.path.join(styles, "installed-only.yaml"))
        self.addCleanup(os.remove, os.path.join(styles, "installed-only.yaml"))
        d = workdir(self)
        book = os.path.join(d, "book")
        self.assertEqual(run("init", "-q", book).returncode, 0)
        with open(os.path.join(book, "book.yaml"), encoding="utf-8") as f:
            yaml = f.read().replace("\nstyle: classic\n", "\nstyle: installed-only\n")
        with open(os.path.join(book, "book.yaml"), "w", encoding="utf-8") as f:
            f.write(yaml)
        installed = run("build", book, "-o", os.path.join(d, "a"), "--pdf", folio=self.folio,
                        timeout=300)
        self.assertEqual(installed.returncode, 0, installed.stderr)
        uninstalled = run("build", book, "-o", os.path.join(d, "b"), "--pdf", timeout=300)
        self.assertNotEqual(uninstalled.returncode, 0)
        self.assertIn("installed-only", uninstalled.stderr)


if __name__ == "__main__":
    unittest.main()
