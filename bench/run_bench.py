#!/usr/bin/env python3
"""Times folio against Pandoc (EPUB) and Pandoc + XeLaTeX (PDF) on one generated manuscript.

In one run: `folio check`, `folio build --epub`, `folio build --pdf` and the full `folio build`,
then `pandoc -o x.epub` and `pandoc --pdf-engine=xelatex -o x.pdf` (and WeasyPrint when it is
installed) on the same Markdown, several runs each. Every run goes through `/usr/bin/time -v`
for its peak resident set size (the largest process in the tree: for Pandoc + XeLaTeX that is
whichever of the two peaks higher). Prints medians, ratios against folio and peak memory, then
folio's scaling on the ×4 and ×16 manuscripts. Not part of the test suite: it takes minutes.

usage: run_bench.py FOLIO [--words N] [--runs N] [--slow-runs N] [--scales 1,4,16] [--big-runs N]
                          [--no-pandoc] [--work DIR] [--markdown-table]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run_once(cmd, cwd):
    """(wall seconds, CPU seconds, peak RSS in MiB, exit status) of one run of `cmd`."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as rep:
        start = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-v", "-o", rep.name] + cmd, cwd=cwd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
        report = rep.read()
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    # User + system time of the whole tree: steadier than wall time on a shared, loaded machine.
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", report))
    if p.returncode != 0:
        sys.stderr.write(p.stderr.decode(errors="replace")[-2000:])
    return wall, cpu, (int(m.group(1)) / 1024 if m else float("nan")), p.returncode


def measure(name, cmd, runs, cwd):
    walls, cpus, rss, status = [], [], [], 0
    for _ in range(runs):
        w, c, r, s = run_once(cmd, cwd)
        walls.append(w)
        cpus.append(c)
        rss.append(r)
        status = status or s
    row = {"name": name, "median": statistics.median(walls), "min": min(walls),
           "cpu": statistics.median(cpus),
           "rss": max(rss), "runs": runs, "status": status}
    print(f"  {name:34} median {row['median']:8.3f} s  fastest {row['min']:8.3f} s  cpu {row['cpu']:8.3f} s  "
          f"peak {row['rss']:7.1f} MiB  ({runs} runs{', FAILED' if status else ''})", flush=True)
    return row


def generate(folder, words, scale):
    subprocess.run([sys.executable, os.path.join(HERE, "generate_manuscript.py"), folder,
                    "--words", str(words), "--scale", str(scale)], check=True)


def chapters(folder):
    with open(os.path.join(folder, "book.yaml"), encoding="utf-8") as f:
        return re.findall(r"^  - (\S+)$", f.read(), re.M)


def pandoc_commands(folder, out):
    """Pandoc reading the same chapters; --file-scope because each chapter numbers its notes."""
    meta = ["--metadata", "title=A Generated Novel", "--metadata", "author=Bench Mark",
            "--metadata", "lang=en-US", "--file-scope", "-f", "markdown"]
    files = chapters(folder)
    cmds = [("pandoc → EPUB", ["pandoc"] + meta + ["-o", os.path.join(out, "p.epub")] + files)]
    if shutil.which("xelatex"):
        cmds.append(("pandoc + xelatex → PDF",
                     ["pandoc"] + meta + ["--pdf-engine=xelatex", "-V", "mainfont=EB Garamond",
                                          "-V", "geometry:paperwidth=6in,paperheight=9in",
                                          "-o", os.path.join(out, "p.pdf")] + files))
    if shutil.which("weasyprint"):
        cmds.append(("pandoc + weasyprint → PDF",
                     ["pandoc"] + meta + ["--pdf-engine=weasyprint",
                                          "-o", os.path.join(out, "w.pdf")] + files))
    return cmds


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folio", help="path to a Release build's folio binary")
    ap.add_argument("--words", type=int, default=150_000)
    ap.add_argument("--runs", type=int, default=5, help="runs of each folio command")
    ap.add_argument("--slow-runs", type=int, default=3, help="runs of each Pandoc command")
    ap.add_argument("--scales", default="1,4,16", help="folio scaling runs (full build)")
    ap.add_argument("--big-runs", type=int, default=2, help="runs of the ×16 full build")
    ap.add_argument("--no-pandoc", action="store_true")
    ap.add_argument("--no-folio", action="store_true", help="time Pandoc only")
    ap.add_argument("--work", help="keep manuscripts and outputs here (default: a temp folder)")
    args = ap.parse_args()
    folio = os.path.abspath(args.folio)
    work = args.work or tempfile.mkdtemp(prefix="folio-bench-")
    os.makedirs(work, exist_ok=True)
    book = os.path.join(work, "x1")
    out = os.path.join(work, "out")
    os.makedirs(out, exist_ok=True)
    if not os.path.exists(os.path.join(book, "book.yaml")):
        generate(book, args.words, 1)

    print(f"manuscript: {book} ({args.words} words)")
    # The machine's load says how far wall times can be trusted. folio uses every core (-j), so
    # on an idle machine wall time is the figure; on a loaded one it is mostly waiting.
    print("load average at start: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    rows = {}
    folio_commands = [("folio check", [folio, "check", book]),
                      ("folio build --epub", [folio, "build", "--epub", book, "-o", out]),
                      ("folio build --epub --no-page-list",
                       [folio, "build", "--epub", "--no-page-list", book, "-o", out]),
                      ("folio build --pdf", [folio, "build", "--pdf", book, "-o", out]),
                      ("folio build (check+EPUB+PDF)", [folio, "build", book, "-o", out]),
                      # The same work on one thread: what the threads buy (and its CPU cost).
                      ("folio build -j 1", [folio, "build", "-j", "1", book, "-o", out])]
    for name, cmd in [] if args.no_folio else folio_commands:
        rows[name] = measure(name, cmd, args.runs, work)
    if not args.no_pandoc:
        for name, cmd in pandoc_commands(book, out):
            rows[name] = measure(name, cmd, args.slow_runs, book)

    print("\n| command | median wall (s) | median CPU (s) | peak RSS (MiB) | ratio (wall; CPU) |")
    print("|---|---:|---:|---:|---|")
    pairs = {"pandoc → EPUB": ["folio build --epub", "folio build --epub --no-page-list"],
             "pandoc + xelatex → PDF": ["folio build --pdf"],
             "pandoc + weasyprint → PDF": ["folio build --pdf"]}
    for name, r in rows.items():
        ratio = "; ".join(
            f"{r['median'] / rows[f]['median']:.1f}×, {r['cpu'] / rows[f]['cpu']:.1f}× "
            f"the time of {f}" for f in pairs.get(name, []) if f in rows)
        print(f"| {name} | {r['median']:.3f} | {r['cpu']:.3f} | {r['rss']:.0f} | {ratio} |")

    scales = [int(s) for s in args.scales.split(",") if s and not args.no_folio]
    if scales:
        print("\nfolio scaling (full build):")
        table = []
        for k in scales:
            folder = book if k == 1 else os.path.join(work, f"x{k}")
            if not os.path.exists(os.path.join(folder, "book.yaml")):
                generate(folder, args.words, k)
            r = rows["folio build (check+EPUB+PDF)"] if k == 1 else measure(
                f"folio build ×{k}", [folio, "build", folder, "-o", out],
                args.runs if k < 16 else args.big_runs, work)
            table.append((k, r))
        base = table[0][1]
        print("| scale | words | median wall (s) | median CPU (s) | × CPU of first | "
              "peak RSS (MiB) | × memory |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for k, r in table:
            print(f"| ×{k} | {args.words * k} | {r['median']:.3f} | {r['cpu']:.3f} | "
                  f"{r['cpu'] / base['cpu']:.1f} | {r['rss']:.0f} | "
                  f"{r['rss'] / base['rss']:.1f} |")
    print("load average at end: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
