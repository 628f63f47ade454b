#!/usr/bin/env python3
"""Sets the same manuscripts with folio and with pandoc + xelatex (EB Garamond 12, 11/13.6 pt,
6 x 9 in, 4.5 in measure), scores both with ../shared/typo/typometrics.py and prints the
figures side by side. See bench/typo_compare.sh for usage."""
import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.environ.get("FOLIO_SHARED", os.path.join(ROOT, "..", "shared"))
TYPO = os.path.join(SHARED, "typo")

# (label, JSON path, goal direction) — the figures the bar is about come first.
FIELDS = [
    ("pages", "pages"),
    ("measured lines", "lines.measured"),
    ("word gap mean (em)", "word_gap_em.mean"),
    ("dev. from natural (em)", "word_gap_em.dev_mean"),
    ("dev. from natural (rel)", "word_gap_em.dev_mean_rel"),
    ("lines > 1.5x natural", "word_gap_em.rel_natural.over_1_5"),
    ("TeX badness > 1000", "word_gap_em.tex_badness.over_1000"),
    ("overshrunk lines", "word_gap_em.tex_badness.overshrunk_lines"),
    ("gap p95 (em)", "word_gap_em.p95"),
    ("gap max (em)", "word_gap_em.max"),
    ("gap std (em)", "word_gap_em.std"),
    ("loose share", "word_gap_em.loose_share"),
    ("tight share", "word_gap_em.tight_share"),
    ("adjacent delta (em)", "word_gap_em.adjacent_delta_mean"),
    ("overfull lines", "overfull.count"),
    ("hyphens / 100 lines", "hyphens.per_100_lines"),
    ("longest hyphen ladder", "hyphens.max_ladder"),
    ("hyphen at page break", "hyphens.at_page_break"),
    ("widows", "widows.count"),
    ("orphans", "orphans.count"),
    ("runts share", "runts_share"),
    ("rivers / 1000 lines", "rivers.per_1000_lines"),
]


def load_make_pdfs():
    spec = importlib.util.spec_from_file_location("make_pdfs", os.path.join(TYPO, "calib", "make_pdfs.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def get(d, path):
    for k in path.split("."):
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def fmt(v):
    if v is None:
        return "-"
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, float):
        return "%.3f" % v
    return str(v)


def run(cmd, cwd=None, env=None):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
    if p.returncode != 0:
        raise SystemExit("failed: %s\n%s%s" % (" ".join(cmd), p.stdout[-2000:], p.stderr[-2000:]))
    return p.stdout


def first_arabic_page(pdf):
    labels = json.loads(run(["qpdf", "--json", "--json-key=pagelabels", pdf]))["pagelabels"]
    for l in labels:
        if l["label"].get("/S") == "/D":
            return l["index"] + 1
    return 1


def metrics(pdf, first_page):
    out = run([sys.executable, os.path.join(TYPO, "typometrics.py"), pdf, "--json",
               "--pages", "%d-100000" % first_page])
    return json.loads(out)


def check(pdf, first_page):
    p = subprocess.run([sys.executable, os.path.join(TYPO, "typometrics.py"), pdf, "--check",
                        os.path.join(TYPO, "goals.json"), "--pages", "%d-100000" % first_page],
                       capture_output=True, text=True)
    fails = [l.strip() for l in p.stdout.splitlines() if l.strip().startswith("FAIL must")]
    return fails


def openings(pdf):
    """The pages the PDF's outline points at (a section's first page)."""
    try:
        js = json.loads(run(["qpdf", "--json", "--json-key=outlines", pdf]))
    except Exception:
        return set()
    found = set()

    def walk(items):
        for o in items:
            if o.get("destpageposfrom1"):
                found.add(o["destpageposfrom1"])
            walk(o.get("kids", []))
    walk(js.get("outlines", []))
    return found


def spreads(pdf):
    """../shared/typo/spreads.py's short pages and uneven spreads, as it counts them, and again
    without the pages before a section's opening (its heading test misses a chapter opening
    that shows only a number, whose last page may stop anywhere)."""
    out = run([sys.executable, os.path.join(TYPO, "spreads.py"), pdf, "--json"])
    r = json.loads(out)
    ends = {p - 1 for p in openings(pdf)}
    short = [p for p in r["short"] if p not in ends]
    uneven = [p for p in r["uneven"] if p not in ends and p + 1 not in ends]
    return {"short": len(r["short"]), "uneven": len(r["uneven"]), "spreads": r["spreads"],
            "short_in_sections": len(short), "uneven_in_sections": len(uneven),
            "short_pages": short, "uneven_pages": uneven}


def folio_pdf(folio, md_files, work, style_path, title):
    ms = os.path.join(work, "manuscript")
    os.makedirs(ms, exist_ok=True)
    names = []
    for i, text in enumerate(md_files):
        name = "part%02d.md" % (i + 1)
        with open(os.path.join(ms, name), "w", encoding="utf-8") as f:
            f.write(text)
        names.append(name)
    with open(os.path.join(ms, "book.yaml"), "w", encoding="utf-8") as f:
        f.write("title: %s\nauthor: David North\nlang: en-US\ndate: \"1989-07-28\"\n" % title)
        f.write("contents:\n")
        for n in names:
            f.write("  - %s\n" % n)
    out = os.path.join(work, "folio-out")
    t0 = time.time()
    # The style by --style: a path in book.yaml must stay inside the manuscript folder.
    run([folio, "build", ms, "-o", out, "--pdf", "--quiet", "--style", style_path])
    elapsed = time.time() - t0
    pdf = [os.path.join(out, f) for f in os.listdir(out) if f.endswith(".pdf")][0]
    return pdf, elapsed


def xelatex_pdf(mp, md_files, work):
    tex_dir = os.path.join(work, "tex")
    os.makedirs(tex_dir, exist_ok=True)
    md = os.path.join(tex_dir, "book.md")
    with open(md, "w", encoding="utf-8") as f:
        f.write("\n\n".join(md_files))
    body = run(["pandoc", "book.md", "-f", "markdown", "-t", "latex", "--top-level-division=chapter"],
               cwd=tex_dir)
    # A real book's language spans: pandoc writes \foreignlanguage, which the preamble loads
    # no language for: they are set as the book's own (folio sets a language it has no
    # dictionary for unhyphenated).
    body = "\\def\\foreignlanguage#1#2{#2}\n" + body
    src = mp.LATEX_PRE % dict(mp.GEOM, extra=mp.TEX_VARIANTS["tex-kp"], body=body)
    with open(os.path.join(tex_dir, "book.tex"), "w", encoding="utf-8") as f:
        f.write(src)
    t0 = time.time()
    for _ in range(2):
        subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", "book.tex"],
                       cwd=tex_dir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = (time.time() - t0) / 2
    pdf = os.path.join(tex_dir, "book.pdf")
    if not os.path.exists(pdf):
        raise SystemExit("xelatex failed: see %s/book.log" % tex_dir)
    return pdf, elapsed


def long_manuscript(mp, chapters):
    """The seed preface, sentence-rotated per chapter (as the calibration copies are), each
    chapter with a footnote: a multi-chapter book of about 12 pages a chapter... of text."""
    seed = open(os.path.join(ROOT, "manuscript", "preface.md"), encoding="utf-8").read()
    seed = seed.replace("# Preface {epub:type=preface}", "# Preface")
    parts = []
    for k in range(chapters):
        text = mp.make_copy(seed, k + 1)
        lines = text.split("\n", 1)
        text = "# Chapter %d\n%s" % (k + 1, lines[1])
        blocks = text.split("\n\n")
        for i, b in enumerate(blocks):
            if i > 0 and not b.startswith((">", ":::", "#")):
                blocks[i] = b + "[^c%d]" % (k + 1)
                break
        text = "\n\n".join(blocks)
        text += ("\n\n[^c%d]: A note to chapter %d, set at the foot of the page where its "
                 "reference falls, in the smaller size of the notes.\n" % (k + 1, k + 1))
        parts.append(text)
    return parts


def book_chapters(folder):
    """A folio manuscript folder's Markdown files, in its book.yaml's `contents:` order."""
    names, inside = [], False
    for line in open(os.path.join(folder, "book.yaml"), encoding="utf-8"):
        if line.startswith("contents:"):
            inside = True
        elif inside and line.startswith("  - "):
            names.append(line[4:].strip().strip('"'))
        elif inside and line.strip() and not line.startswith(" "):
            break
    return [open(os.path.join(folder, n), encoding="utf-8").read() for n in names]


def the_bar(m, x):
    """Issue 21's bar on folio's figures `m`: page make-up, and every 'must' goal but rivers."""
    musts = [f for f in m["must_fails"] if "rivers" not in f]
    return [
        ("every 'must' goal (rivers aside)%s" % "".join("; " + f.split()[2] for f in musts),
         not musts),
        ("0 overfull", get(m, "overfull.count") == 0),
        ("0 widows, 0 orphans", get(m, "widows.count") == 0 and get(m, "orphans.count") == 0),
        ("no word split across pages", get(m, "hyphens.at_page_break") == 0),
        ("hyphen ladder <= 2", get(m, "hyphens.max_ladder") <= 2),
        ("word gap max <= 0.65 em", get(m, "word_gap_em.max") <= 0.65),
        ("0 short pages (a section's last aside)", m["spreads"]["short_in_sections"] == 0),
        ("0 uneven spreads", m["spreads"]["uneven_in_sections"] == 0),
    ]


def compare(name, folio, mp, md_files, style_path, work):
    fpdf, ftime = folio_pdf(folio, md_files, os.path.join(work, name), style_path,
                            "Perestroika versus Socialism")
    xpdf, xtime = xelatex_pdf(mp, md_files, os.path.join(work, name))
    ff = first_arabic_page(fpdf)
    fm, xm = metrics(fpdf, ff), metrics(xpdf, 2)
    print("\n== %s (folio from page %d; xelatex from page 2, after its title page)" % (name, ff))
    print("%-26s %12s %12s" % ("", "folio", "xelatex"))
    for label, path in FIELDS:
        print("%-26s %12s %12s" % (label, fmt(get(fm, path)), fmt(get(xm, path))))
    fs, xs = spreads(fpdf), spreads(xpdf)
    for label, key in (("short pages", "short"), ("uneven spreads", "uneven"),
                       ("short, sections' ends out", "short_in_sections"),
                       ("uneven, sections' ends out", "uneven_in_sections"),
                       ("spreads", "spreads")):
        print("%-26s %12s %12s" % (label, fs[key], xs[key]))
    fm["spreads"], xm["spreads"] = fs, xs
    print("%-26s %12s %12s" % ("wall time (s)", "%.2f" % ftime, "%.2f" % xtime))
    fails = check(fpdf, ff)
    print("folio 'must' goals failed: %d%s" % (len(fails), "".join("\n  " + f for f in fails)))
    fm["must_fails"] = fails
    return fm, xm, fpdf, xpdf


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--folio", default=os.path.join(ROOT, "build", "folio"))
    ap.add_argument("--chapters", type=int, default=12)
    ap.add_argument("--keep", help="keep the PDFs in this folder")
    ap.add_argument("--novel", action="append", default=[], metavar="DIR",
                    help="also a manuscript folder (a real book: tests/books/dracula), its "
                         "Markdown set by both in classic's geometry; repeatable")
    a = ap.parse_args()
    for tool in ("pandoc", "xelatex", "qpdf", "mutool"):
        if not shutil.which(tool):
            raise SystemExit("%s is needed (apt-get install pandoc texlive-xetex "
                             "texlive-latex-recommended qpdf mupdf-tools)" % tool)
    mp = load_make_pdfs()
    work = a.keep or tempfile.mkdtemp(prefix="folio-typo-")
    style = os.path.join(HERE, "calibration-style.yaml")
    calib = open(os.path.join(TYPO, "calib", "manuscript.md"), encoding="utf-8").read()
    fm, xm, _, _ = compare("calibration", a.folio, mp, [calib], style, work)
    classic = os.path.join(ROOT, "styles", "classic.yaml")
    lm, lx, _, _ = compare("long (%d chapters)" % a.chapters, a.folio, mp,
                           long_manuscript(mp, a.chapters), classic, work)
    # The line breaker's bar (an earlier issue's): as good as XeLaTeX on the long manuscript.
    bars = [("the long manuscript", [
        ("dev. from natural <= xelatex", get(lm, "word_gap_em.dev_mean") <= get(lx, "word_gap_em.dev_mean")),
        ("lines > 1.5x <= xelatex", get(lm, "word_gap_em.rel_natural.over_1_5") <= get(lx, "word_gap_em.rel_natural.over_1_5")),
    ] + the_bar(lm, lx))]
    for folder in a.novel:
        name = os.path.basename(os.path.normpath(folder))
        nm, nx, _, _ = compare(name, a.folio, mp, book_chapters(folder), classic, work)
        bars.append((name, the_bar(nm, nx)))
    bar = []
    for name, checks in bars:
        print("\n== the bar on %s" % name)
        for label, ok in checks:
            print("%-4s %s" % ("ok" if ok else "FAIL", label))
        bar += checks
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print("\nPDFs kept in " + work)
    return 0 if all(ok for _, ok in bar) else 1


if __name__ == "__main__":
    sys.exit(main())
