"""What the python test scripts share: a tally of checks, validator runs, folder listings.

A script adds this folder to sys.path (it is not a package) and imports what it needs:

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
    from harness import check, finish, run_validator
"""
import os
import subprocess
import sys

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


def run_validator(script, book, want):
    """Runs a validator from shared/validate on `book`: its last line must be `want` and it
    must exit 0. On failure the end of its output is printed."""
    r = subprocess.run(["bash", str(script), str(book)], capture_output=True, text=True)
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
