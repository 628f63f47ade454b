#!/usr/bin/env python3
"""The layout goldens: `folio dump --layout` of the seed manuscript and three fixture manuscripts
against tests/layout/<name>.layout. A golden that is missing or differs fails, with a diff.

Usage: layout_golden_test.py FOLIO
Regenerate every golden after a deliberate layout change (then review the diff in git):
    FOLIO_UPDATE_GOLDENS=1 ctest --test-dir build -R layout_goldens
"""
import difflib
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
# name -> manuscript folder (relative to the repository)
BOOKS = {
    "seed": "manuscript",
    "constructs": "tests/manuscripts/constructs",  # notes, verse, lists, block quotes
    "figures": "tests/manuscripts/figures",  # placed, floated and full-page figures
    "nested": "tests/manuscripts/nested",  # blocks inside quotes and notes
}


def dump(folio, folder):
    env = dict(os.environ, SOURCE_DATE_EPOCH="0")
    run = subprocess.run([folio, "dump", "--layout", os.path.join(ROOT, folder)],
                         capture_output=True, text=True, env=env, timeout=120)
    if run.returncode != 0:
        sys.exit("folio dump --layout %s failed (%d):\n%s" % (folder, run.returncode, run.stderr))
    return run.stdout


def main():
    folio = sys.argv[1]
    update = os.environ.get("FOLIO_UPDATE_GOLDENS") == "1"
    failures = 0
    for name, folder in BOOKS.items():
        got = dump(folio, folder)
        golden = os.path.join(HERE, name + ".layout")
        if not got.startswith("page 1 ") or "\n    1 y=" not in got:
            print("FAIL %s: the dump holds no page with a line:\n%s" % (name, got[:400]))
            failures += 1
            continue
        if update:
            with open(golden, "w", encoding="utf-8") as f:
                f.write(got)
            print("wrote " + golden)
            continue
        if not os.path.exists(golden):
            print("FAIL %s: %s is missing; run FOLIO_UPDATE_GOLDENS=1 ctest -R layout_goldens "
                  "and review it" % (name, golden))
            failures += 1
            continue
        with open(golden, encoding="utf-8") as f:
            want = f.read()
        if got != want:
            diff = list(difflib.unified_diff(want.splitlines(), got.splitlines(),
                                             name + ".layout (golden)", name + " (now)",
                                             lineterm="", n=1))
            print("FAIL %s: the layout differs from %s (%d diff lines; first 60):" %
                  (name, golden, len(diff)))
            print("\n".join(diff[:60]))
            failures += 1
        else:
            print("ok %s (%d lines)" % (name, got.count("\n")))
    if failures:
        print("%d layout golden(s) failed. If the change is meant, regenerate with "
              "FOLIO_UPDATE_GOLDENS=1 ctest --test-dir build -R layout_goldens" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
