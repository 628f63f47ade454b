#!/usr/bin/env python3
"""Progress and verbosity: a status line on a terminal only; --quiet and --verbose."""
import os
import pty
import subprocess
import unittest

from common import FOLIO, run, workdir


def run_on_terminal(*args, timeout=300):
    """Runs folio with stderr on a pseudo-terminal; returns (status, what the terminal got)."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([FOLIO, *args], stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    got = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed its end
            break
        if not chunk:
            break
        got += chunk
    os.close(leader)
    return proc.wait(timeout=timeout), got.decode("utf-8", "replace")


class Progress(unittest.TestCase):
    def setUp(self):
        d = workdir(self)
        self.book, self.out = os.path.join(d, "book"), os.path.join(d, "out")
        self.assertEqual(run("init", "-q", self.book).returncode, 0)

    def test_a_terminal_sees_the_stages_and_then_a_clean_line(self):
        status, text = run_on_terminal("build", self.book, "-o", self.out, "--epub")
        self.assertEqual(status, 0, text)
        self.assertIn("\r\x1b[Kfolio: reading…", text)
        self.assertIn("folio: writing the EPUB…", text)
        # The line is erased before the ordinary output, which starts at column 0.
        self.assertIn("\r\x1b[Kwrote ", text)

    def test_a_pipe_gets_no_control_characters(self):
        r = run("build", self.book, "-o", self.out, "--epub")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("\r", r.stderr)
        self.assertNotIn("\x1b", r.stderr)
        self.assertEqual(r.stderr, f"wrote {self.out}/book.epub\n")

    def test_quiet_on_a_terminal_shows_nothing_but_diagnostics(self):
        status, text = run_on_terminal("build", "--quiet", self.book, "-o", self.out, "--epub")
        self.assertEqual((status, text), (0, ""))
        with open(os.path.join(self.book, "01-chapter.md"), "a", encoding="utf-8") as f:
            f.write('\nA "straight" quote.\n')
        r = run("-q", "build", self.book, "-o", self.out, "--epub")
        self.assertEqual(r.returncode, 0)
        self.assertIn("[straight-quote]", r.stderr)  # warnings still reach the author
        self.assertNotIn("wrote", r.stderr)

    def test_verbose_adds_timings(self):
        r = run("build", self.book, "-o", self.out, "--epub", "--verbose")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stderr, r"wrote .*book\.epub in \d+\.\d\d s\n")

    def test_quiet_and_verbose_together_are_a_usage_error(self):
        self.assertEqual(run("-q", "-v", "build", self.book).returncode, 2)


if __name__ == "__main__":
    unittest.main()
