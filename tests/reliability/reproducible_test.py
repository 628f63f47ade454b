#!/usr/bin/env python3
"""Reproducible builds: the same manuscript gives byte-identical EPUB and PDF whatever the
folder it sits in, the time of the build, the locale and the time zone.

Two manuscripts (the seed and tests/manuscripts/chapters), each built four times from copies at
different paths: with SOURCE_DATE_EPOCH set (twice), and unset with the files' times equal
(twice), under LC_ALL=C.UTF-8/TZ=UTC and under a German locale (decimal comma; generated with
localedef when the system has none)/TZ=Pacific/Kiritimati (UTC+14).
usage: reproducible_test.py FOLIO"""
import io
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

FOLIO = os.path.abspath(sys.argv.pop(1))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MANUSCRIPTS = {"seed": os.path.join(ROOT, "manuscript"),
               "chapters": os.path.join(ROOT, "tests", "manuscripts", "chapters")}
FILE_TIME = 1_600_000_000  # every source file's mtime in the unset-SOURCE_DATE_EPOCH builds


def other_locale(workdir):
    """Environment entries selecting a locale unlike C: decimal comma, other collation."""
    for name in ("de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "en_US.UTF-8"):
        if subprocess.run(["locale"], env={"LC_ALL": name}, capture_output=True,
                          text=True).stderr == "":
            return {"LC_ALL": name}
    locpath = os.path.join(workdir, "locales")
    os.makedirs(locpath)
    r = subprocess.run(["localedef", "-i", "de_DE", "-f", "UTF-8",
                        os.path.join(locpath, "de_DE.UTF-8")], capture_output=True, text=True)
    if r.returncode not in (0, 1):  # 1: warnings only
        return None
    return {"LC_ALL": "de_DE.UTF-8", "LOCPATH": locpath}


class Reproducible(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="folio-repro-")
        cls.german = other_locale(cls.tmp.name)
        print(f"second locale: {cls.german}", file=sys.stderr)
        if cls.german is None:
            print("note: no second locale could be made; only C.UTF-8 is used", file=sys.stderr)
            cls.german = {"LC_ALL": "C.UTF-8"}
        else:  # the locale really differs, or the test would prove nothing about it
            probe = subprocess.run(["locale", "decimal_point"], capture_output=True, text=True,
                                   env=dict(os.environ, **cls.german))
            assert probe.stdout.strip() == ",", (cls.german, probe.stdout, probe.stderr)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def build(self, manuscript, where, env_extra, same_mtimes):
        book = os.path.join(self.tmp.name, where, "book")
        out = os.path.join(self.tmp.name, where, "out")
        shutil.copytree(MANUSCRIPTS[manuscript], book)
        if same_mtimes:
            for name in os.listdir(book):
                os.utime(os.path.join(book, name), (FILE_TIME, FILE_TIME))
        env = {k: v for k, v in os.environ.items()
               if k not in ("SOURCE_DATE_EPOCH", "LANG", "LANGUAGE") and not k.startswith("LC_")}
        env.update(env_extra)
        r = subprocess.run([FOLIO, "build", "-o", out, book], env=env, capture_output=True,
                           text=True, timeout=600)
        self.assertEqual(r.returncode, 0, r.stderr)
        outputs = sorted(os.listdir(out))
        self.assertEqual([os.path.splitext(n)[1] for n in outputs], [".epub", ".pdf"])
        return {os.path.splitext(n)[1]: open(os.path.join(out, n), "rb").read() for n in outputs}

    def check_identical(self, manuscript, epoch):
        tag = "set" if epoch else "unset"
        plain = {"LC_ALL": "C.UTF-8", "TZ": "UTC"}
        other = dict(self.german, TZ="Pacific/Kiritimati")
        if epoch:
            plain["SOURCE_DATE_EPOCH"] = other["SOURCE_DATE_EPOCH"] = epoch
        a = self.build(manuscript, f"{manuscript}-{tag}-a", plain, same_mtimes=not epoch)
        b = self.build(manuscript, f"elsewhere/deeper/{manuscript}-{tag}-b", other,
                       same_mtimes=not epoch)
        for ext in (".epub", ".pdf"):
            self.assertEqual(a[ext], b[ext], f"{manuscript} {ext}, SOURCE_DATE_EPOCH {tag}")
        return a

    def test_seed_with_source_date_epoch(self):
        a = self.check_identical("seed", "1700000000")
        with zipfile.ZipFile(io.BytesIO(a[".epub"])) as z:
            opf = next(z.read(n) for n in z.namelist() if n.endswith(".opf"))
        self.assertIn(b"2023-11-14T22:13:20Z", opf, "dcterms:modified is the epoch's")

    def test_seed_with_equal_file_times(self):
        self.check_identical("seed", None)

    def test_chapters_with_source_date_epoch(self):
        self.check_identical("chapters", "86400")

    def test_chapters_with_equal_file_times(self):
        self.check_identical("chapters", None)


if __name__ == "__main__":
    unittest.main(verbosity=2)
