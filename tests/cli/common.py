"""Shared by the tests in tests/cli: the folio binary, temporary folders, subprocess runs."""
import os
import subprocess
import sys
import tempfile

# argv: FOLIO [BUILD_DIR [SHARED_DIR]] (popped, so unittest sees only its own arguments)
FOLIO = os.path.abspath(sys.argv.pop(1))
BUILD_DIR = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else None
SHARED = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else None
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(*args, cwd=None, env=None, timeout=120, folio=None):
    return subprocess.run([folio or FOLIO, *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


def workdir(test):
    """A temporary folder removed when `test` ends."""
    d = tempfile.TemporaryDirectory(prefix="folio-cli-")
    test.addCleanup(d.cleanup)
    return d.name


def listing(path):
    out = []
    for base, _dirs, files in os.walk(path):
        out += [os.path.relpath(os.path.join(base, f), path) for f in files]
    return sorted(out)
