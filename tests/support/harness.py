"""What the python test scripts share: a tally of checks, validator runs, folder listings.

A script adds this folder to sys.path (it is not a package) and imports what it needs:

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
    from harness import check, finish, run_validator
"""
import os
import re
import subprocess
import sys
from pathlib import Path

failures = []


def check(cond, what):
    """Records a failed check (the script goes on, to report every failure at once)."""
    if not cond:
        failures.append(what)
        print(f"FAIL: {what}")
    return cond


def finish():
    """Exits 1 when any check failed, after saying how many; else prints "ok"."""
    if failures:
        print(f"{len(failures)} check(s) failed")
        sys.exit(1)
    print("ok")


# What bash prints when a process it ran died of a signal. pdfcheck.sh runs pdfcpu as
# WebAssembly under node, and node 20's V8 dies now and then while growing that memory
# (SIGTRAP "Fatal error ... unreachable code" in MarkCompactCollector, or SIGSEGV): on a
# 975-page PDF 5 runs in 40 died. That is the validator crashing, not a verdict on the PDF.
VALIDATOR_CRASH = re.compile(r"\b(Trace/breakpoint trap|Segmentation fault|Aborted)\b")


def run_tool(cmd, tries=3, **kwargs):
    """subprocess.run(cmd, capture_output=True, text=True, **kwargs), run again (up to
    `tries` runs in all) while it fails with a validator crash in its output. Each retry is
    printed; a failure of any other kind is returned at once, so no verdict is hidden."""
    for attempt in range(1, tries + 1):
        r = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
        crash = r.returncode != 0 and VALIDATOR_CRASH.search(r.stdout + r.stderr)
        if not crash or attempt == tries:
            return r
        print(f"  {Path(cmd[-1]).name}: a validator process crashed ({crash.group(1)}); "
              f"run {attempt + 1} of at most {tries}")
    return r


def run_validator(script, book, want):
    """Runs a validator from shared/validate on `book`: its last line must be `want` and it
    must exit 0. On failure the end of its output is printed."""
    r = run_tool(["bash", str(script), str(book)])
    lines = [line for line in (r.stdout + r.stderr).splitlines() if line.strip()]
    last = lines[-1] if lines else "(no output)"
    print(f"{script.name}: {last}")
    if not check(last == want and r.returncode == 0,
                 f"{script.name} on {book.name}: '{last}' (rc {r.returncode}), want '{want}'"):
        print("\n".join(lines[-40:]))


def listing(path):
    """Every file below `path`, as sorted paths relative to it."""
    out = []
    for base, _dirs, files in os.walk(path):
        out += [os.path.relpath(os.path.join(base, f), path) for f in files]
    return sorted(out)
