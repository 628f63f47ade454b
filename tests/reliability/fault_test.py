#!/usr/bin/env python3
"""A failed or interrupted build keeps the earlier output and leaves no temporary file.

The disk filling up and a slow disk are simulated by an LD_PRELOAD shim (write_fault_shim.c)
that acts only on writes to folio's "*.tmp-*" files, so folio itself carries no test hook.
usage: fault_test.py FOLIO SHIM"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

FOLIO = os.path.abspath(sys.argv.pop(1))
SHIM = os.path.abspath(sys.argv.pop(1))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = os.path.join(ROOT, "manuscript")
BOUND = 300 if os.environ.get("FOLIO_SLOW_TESTS") == "1" else 60  # seconds per build


def shim_env(**settings):
    env = dict(os.environ, LD_PRELOAD=SHIM, SOURCE_DATE_EPOCH="1700000000")
    # A sanitizer runtime wants to be first in the library list; the shim is harmless to it.
    env["ASAN_OPTIONS"] = (env.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0").lstrip(":")
    env.update({k: str(v) for k, v in settings.items()})
    return env


def snapshot(folder):
    files = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as f:
            files[name] = f.read()
    return files


class Faults(unittest.TestCase):
    def setUp(self):
        d = tempfile.TemporaryDirectory(prefix="folio-faults-")
        self.addCleanup(d.cleanup)
        self.book = os.path.join(d.name, "book")
        self.out = os.path.join(d.name, "out")
        shutil.copytree(SEED, self.book)
        self.earlier = self.clean_build(self.out)
        self.assertEqual(sorted(self.earlier), ["perestroika-versus-socialism.epub",
                                                "perestroika-versus-socialism.pdf"])
        # The next build writes different bytes: the earlier output is worth keeping.
        path = os.path.join(self.book, "preface.md")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertIn(" the ", text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(" the ", " the very ", 1))
        self.revised = self.clean_build(os.path.join(d.name, "revised"))
        for name in self.earlier:
            self.assertNotEqual(self.revised[name], self.earlier[name])

    def clean_build(self, out):
        r = self.build(dict(os.environ, SOURCE_DATE_EPOCH="1700000000"), out)
        self.assertEqual(r.returncode, 0, r.stderr)
        return snapshot(out)

    def build(self, env, out=None):
        return subprocess.run([FOLIO, "build", "-o", out or self.out, self.book], env=env,
                              capture_output=True, text=True, timeout=BOUND)

    def restore_earlier(self):
        for name, data in self.earlier.items():
            with open(os.path.join(self.out, name), "wb") as f:
                f.write(data)

    def test_disk_full(self):
        # The EPUB and the PDF are written on two threads, in either order: with room for one
        # (the PDF is ~40 KB, the EPUB ~150 KB) that one may be complete; the other must be
        # the earlier file. With no room, both are the earlier files.
        for room in (0, 1, 65536):
            with self.subTest(bytes_before_full=room):
                self.restore_earlier()
                r = self.build(shim_env(FOLIO_TEST_ENOSPC_AFTER=room))
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertRegex(r.stderr, r"perestroika-versus-socialism\.(epub|pdf).*"
                                           r"No space left on device")
                self.assertNotIn("Sanitizer", r.stderr)
                now = snapshot(self.out)
                self.assertEqual(sorted(now), sorted(self.earlier), "no temporary file left")
                kept = [n for n in now if now[n] == self.earlier[n]]
                for name in now:
                    self.assertIn(now[name], (self.earlier[name], self.revised[name]), name)
                self.assertTrue(kept, "the output that failed is the earlier file")
                if room <= 1:
                    self.assertEqual(len(kept), 2, "no room: both are the earlier files")

    def test_signal_while_writing_removes_the_temporary_file(self):
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            with self.subTest(signal=sig.name):
                # Each write to the temporary file first waits, so the signal lands mid-write.
                p = subprocess.Popen([FOLIO, "build", "-o", self.out, self.book],
                                     env=shim_env(FOLIO_TEST_WRITE_DELAY_MS=5000),
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                deadline = time.monotonic() + BOUND
                while time.monotonic() < deadline and p.poll() is None:
                    if any(".tmp-" in n for n in os.listdir(self.out)):
                        break
                    time.sleep(0.02)
                self.assertTrue(any(".tmp-" in n for n in os.listdir(self.out)),
                                "the build reached its temporary file")
                p.send_signal(sig)
                _, err = p.communicate(timeout=BOUND)
                self.assertEqual(p.returncode, -sig, err.decode(errors="replace"))
                self.assertEqual(snapshot(self.out), self.earlier, "earlier output, no temporary")


if __name__ == "__main__":
    unittest.main(verbosity=2)
