#!/usr/bin/env python3
"""Times `folio check` on a generated book-length manuscript (gen_check_manuscript.py).

Prints the fastest and the median wall and CPU time of several runs of the whole command,
for the clean book and for one with planted typographic flaws, next to the time folio
takes on a one-paragraph book (process start-up, which the checks do not control). For
reading and checking alone, without start-up, run the in-process folio_check_bench
(bench/check_bench.cpp; `ninja folio_check_bench`) on a folder this script's generator
wrote.

usage: check_bench.py FOLIO [--runs N] [--words N]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CODE = b'"code"'  # one per diagnostic in the JSON output


def timed(folio, folder, runs):
    """Wall and CPU (user + system) seconds of each run; CPU is steadier on a busy machine."""
    walls, cpus = [], []
    for _ in range(runs):
        start = time.perf_counter()
        p = subprocess.Popen([folio, "check", "--format", "json", folder],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        out = p.stdout.read()
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        walls.append(time.perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
    return walls, cpus, out, p.returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folio")
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--words", type=int, default=100_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tiny = os.path.join(tmp, "tiny")
        os.makedirs(tiny)
        with open(os.path.join(tiny, "book.yaml"), "w") as f:
            f.write("title: T\nauthor: A\nlang: en\n")
        with open(os.path.join(tiny, "a.md"), "w") as f:
            f.write("# A\n\nOne paragraph.\n")
        books = [("tiny (start-up)", tiny, 0)]
        for name, flaws in (("clean", 0), ("flawed", 20)):
            folder = os.path.join(tmp, name)
            subprocess.run([sys.executable, os.path.join(HERE, "gen_check_manuscript.py"), folder,
                            "--words", str(args.words), "--flaws", str(flaws)], check=True)
            books.append((name, folder, flaws))
        for name, folder, _ in books:
            walls, cpus, out, status = timed(args.folio, folder, args.runs)
            ms = lambda xs, f: f(xs) * 1000
            print(f"{name:16} wall fastest {ms(walls, min):6.1f} ms  median "
                  f"{ms(walls, statistics.median):6.1f} ms | cpu fastest {ms(cpus, min):6.1f} ms  "
                  f"median {ms(cpus, statistics.median):6.1f} ms | {out.count(CODE)} "
                  f"diagnostics, exit {status}")


if __name__ == "__main__":
    main()
