#!/usr/bin/env python3
"""A failed or interrupted build keeps the earlier output and leaves no temporary file.

The disk filling up and a slow disk are simulated by an LD_PRELOAD shim (write_fault_shim.c)
that acts only on writes to folio's "*.tmp-*" files, so folio itself carries no test hook.
usage: fault_test.py FOLIO SHIM"""
import os
import resource
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


def no_core_files():
    # SIGQUIT and SIGXCPU dump core by default: none in the source tree.
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


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

    def assert_earlier_outputs(self, why):
        self.assertEqual(snapshot(self.out), self.earlier, why)

    def test_disk_full(self):
        # The EPUB and the PDF are written on two threads, in either order, under temporary
        # names, and renamed into place only once both are complete: whichever one the disk
        # fills up in, both stay the earlier files.
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
                self.assertEqual(now, self.earlier, "a failed build renames nothing into place")

    def test_a_failing_pdf_keeps_the_earlier_epub(self):
        # The EPUB is written fine; the PDF stage fails (its file finds the disk full). The
        # build exits 1, so it writes nothing: the EPUB is not replaced either.
        for match in (".pdf.tmp-", ".epub.tmp-"):
            with self.subTest(failing=match):
                self.restore_earlier()
                r = self.build(shim_env(FOLIO_TEST_ENOSPC_AFTER=0, FOLIO_TEST_ENOSPC_MATCH=match))
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertIn("No space left on device", r.stderr)
                self.assert_earlier_outputs("neither output replaced, no temporary file")

    def test_a_file_size_limit_fails_the_build_cleanly(self):
        # RLIMIT_FSIZE: a write past it raises SIGXFSZ, whose default action kills the process
        # and leaves the temporary file. folio ignores the signal and reports EFBIG.
        def limit():
            resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000))
        r = subprocess.run([FOLIO, "build", "-o", self.out, self.book], capture_output=True,
                           text=True, timeout=BOUND, preexec_fn=limit,
                           env=dict(os.environ, SOURCE_DATE_EPOCH="1700000000"))
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("File too large", r.stderr)
        self.assert_earlier_outputs("earlier outputs, no temporary file")

    def test_a_thread_that_cannot_start_is_done_by_the_others(self):
        # pthread_create fails with EAGAIN after N threads (a process limit, RLIMIT_NPROC):
        # every place folio starts a thread must fall back to fewer threads or to its own.
        for started in (0, 1, 2, 3, 5, 8):
            with self.subTest(threads_allowed=started):
                self.restore_earlier()
                r = subprocess.run([FOLIO, "build", "-j", "4", "-o", self.out, self.book],
                                   env=shim_env(FOLIO_TEST_THREADS=started), capture_output=True,
                                   text=True, timeout=BOUND)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(snapshot(self.out), self.revised, "the same bytes as ever")

    def start_slow_build(self, *args, delay_ms=5000):
        """A build whose writes to temporary files crawl; returns once one exists."""
        p = subprocess.Popen([FOLIO, *args, "-o", self.out, self.book],
                             env=shim_env(FOLIO_TEST_WRITE_DELAY_MS=delay_ms),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             preexec_fn=no_core_files)
        self.addCleanup(lambda: p.poll() is None and (p.kill(), p.wait()))
        deadline = time.monotonic() + BOUND
        while time.monotonic() < deadline and p.poll() is None:
            if any(".tmp-" in n for n in os.listdir(self.out)):
                break
            time.sleep(0.02)
        self.assertTrue(any(".tmp-" in n for n in os.listdir(self.out)),
                        "the build reached its temporary file")
        return p

    def test_temporaries_a_killed_build_left_are_swept_by_the_next(self):
        p = self.start_slow_build("build")
        p.kill()  # SIGKILL: no handler runs, the temporary file stays
        p.communicate(timeout=BOUND)
        left = sorted(n for n in os.listdir(self.out) if ".tmp-" in n)
        self.assertTrue(left, "SIGKILL leaves a temporary file")
        # Files that are not folio's temporaries of these outputs are never touched.
        foreign = ["notes.txt.tmp-abcdef", "perestroika-versus-socialism.pdf.tmp-abc",
                   "perestroika-versus-socialism.pdf.tmp-abcdefg", "other.pdf.tmp-Xy12Zq"]
        for name in foreign:
            with open(os.path.join(self.out, name), "w") as f:
                f.write("keep me")
        r = self.build(dict(os.environ, SOURCE_DATE_EPOCH="1700000000"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(os.listdir(self.out)), sorted(list(self.revised) + foreign))
        for name in self.revised:
            with open(os.path.join(self.out, name), "rb") as f:
                self.assertEqual(f.read(), self.revised[name])

    def test_a_live_build_keeps_its_temporaries(self):
        # A second build while the first is writing must not sweep the first one's files.
        # (Each of its writes takes 6 s, so it cannot finish while the second one runs.)
        p = self.start_slow_build("build", delay_ms=6000)
        live = sorted(n for n in os.listdir(self.out) if ".tmp-" in n)
        r = self.build(dict(os.environ, SOURCE_DATE_EPOCH="1700000000"))
        self.assertEqual(r.returncode, 0, r.stderr)
        still = [n for n in live if os.path.exists(os.path.join(self.out, n))]
        self.assertEqual(still, live, "the live build's temporary files were kept")
        _, err = p.communicate(timeout=BOUND)
        self.assertEqual(p.returncode, 0, err.decode(errors="replace"))
        self.assertEqual(snapshot(self.out), self.revised)

    def test_watch_abandons_a_long_build_on_ctrl_c(self):
        # Each write to a temporary file takes 10 s: Ctrl-C must not wait for it.
        p = self.start_slow_build("watch", delay_ms=10000)
        start = time.monotonic()
        p.send_signal(signal.SIGINT)
        _, err = p.communicate(timeout=BOUND)
        took = time.monotonic() - start
        self.assertEqual(p.returncode, 0, err.decode(errors="replace"))
        self.assertLess(took, 3, "Ctrl-C stops the watch without waiting for the build")
        self.assertIn("abandoned", err.decode())
        self.assert_earlier_outputs("earlier outputs, no temporary file")

    def test_signal_while_writing_removes_the_temporary_file(self):
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1,
                    signal.SIGUSR2, signal.SIGALRM, signal.SIGXCPU):
            with self.subTest(signal=sig.name):
                # Each write to the temporary file first waits, so the signal lands mid-write.
                p = self.start_slow_build("build")
                p.send_signal(sig)
                _, err = p.communicate(timeout=BOUND)
                self.assertEqual(p.returncode, -sig, err.decode(errors="replace"))
                self.assertEqual(snapshot(self.out), self.earlier, "earlier output, no temporary")


if __name__ == "__main__":
    unittest.main(verbosity=2)
