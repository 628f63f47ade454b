#!/usr/bin/env python3
"""Style tests: the seed built in both shipped styles, and how a style is chosen.

Usage: style_build_test.py FOLIO SHARED_DIR COMMAND
  builds    classic vs libertine: PDF page size (pdfinfo), embedded fonts (pdffonts),
            qpdf --check, the EPUB CSS; --style over book.yaml's style:; a style by path;
            the KDP inside-margin warning with its numbers; a bad style file: exit 1 with
            file:line:col
  validate  the libertine EPUB through EPUBCheck and Ace
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "manuscript"

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print(f"FAIL: {what}")
    return cond


def folio_build(folio, manuscript, out, *extra, expect_rc=0):
    env = dict(os.environ)
    env["SOURCE_DATE_EPOCH"] = "617587200"
    r = subprocess.run([folio, "build", str(manuscript), "-o", str(out), *extra],
                       capture_output=True, text=True, env=env)
    if r.returncode != expect_rc:
        print(r.stdout + r.stderr)
    check(r.returncode == expect_rc,
          f"folio build {' '.join(extra)} exits {expect_rc} (got {r.returncode})")
    return r


def only(out, suffix):
    found = sorted(Path(out).glob("*" + suffix))
    return found[0] if len(found) == 1 else None


def page_size(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    return (float(m.group(1)), float(m.group(2))) if m else None


def fonts(pdf):
    """(name, embedded) for each font pdffonts lists."""
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True,
                           text=True).stdout.splitlines()[2:]
    rows = []
    for line in lines:
        cols = line.split()
        # name type [encoding words...] emb sub uni object ID: emb is 5th from the end.
        rows.append((cols[0], cols[-5] == "yes"))
    return rows


def css_of(epub):
    with zipfile.ZipFile(epub) as z:
        names = [n for n in z.namelist() if n.endswith(".css")]
        return "".join(z.read(n).decode() for n in names)


def check_pdf(pdf, size, family_tag, label):
    if not check(pdf is not None, f"{label}: a PDF was written"):
        return
    check(page_size(pdf) == size, f"{label}: page size {size} (pdfinfo says {page_size(pdf)})")
    rows = fonts(pdf)
    check(rows and all(emb for _, emb in rows), f"{label}: every font embedded ({rows})")
    body = [n for n, _ in rows if family_tag in n]
    check(body, f"{label}: a {family_tag} font in the PDF ({[n for n, _ in rows]})")
    q = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
    check(q.returncode == 0, f"{label}: qpdf --check passes ({q.stdout[-200:]})")


def cmd_builds(folio):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # The seed's book.yaml says `style: classic`.
        folio_build(folio, SEED, tmp / "classic")
        check_pdf(only(tmp / "classic", ".pdf"), (432.0, 648.0), "EBGaramond", "classic")
        # --style wins over book.yaml.
        folio_build(folio, SEED, tmp / "libertine", "--style", "libertine")
        lib_pdf = only(tmp / "libertine", ".pdf")
        check_pdf(lib_pdf, (396.0, 612.0), "LinLibertine", "libertine")
        if lib_pdf:
            names = [n for n, _ in fonts(lib_pdf)]
            check(not any("Garamond" in n for n in names),
                  f"libertine: no EB Garamond in the PDF ({names})")

        classic_epub, lib_epub = only(tmp / "classic", ".epub"), only(tmp / "libertine", ".epub")
        if check(classic_epub and lib_epub, "both EPUBs written"):
            a, b = css_of(classic_epub), css_of(lib_epub)
            check('font-family: "EB Garamond 12", serif' in a, "classic CSS names EB Garamond 12")
            check('font-family: "Linux Libertine O", serif' in b,
                  "libertine CSS names Linux Libertine O")
            check("strong { font-weight: normal; font-style: italic; }" in a,
                  "classic CSS: strong is italic")
            check("strong { font-weight: bold; }" in b, "libertine CSS: strong is real bold")
            check("h1 { text-align: center;" in a and "h1 { text-align: left;" in b,
                  "chapter titles centred in classic, flush left in libertine")
            check("a { color: inherit; }" in b and "a { color: inherit; }" not in a,
                  "libertine's extra-css reaches its EPUB only")
            check(not re.search(r"\d(pt|px|in|mm)\b", b.split("/* From the style")[1]),
                  "the style's CSS uses relative units only")

        # book.yaml's style: is used when there is no --style; a path works there too.
        copy = tmp / "book"
        shutil.copytree(SEED, copy)
        yaml = (copy / "book.yaml").read_text()
        (copy / "book.yaml").write_text(yaml.replace("style: classic", "style: libertine"))
        folio_build(folio, copy, tmp / "from-yaml", "--pdf")
        pdf = only(tmp / "from-yaml", ".pdf")
        check(pdf and page_size(pdf) == (396.0, 612.0), "book.yaml's style: libertine is used")
        folio_build(folio, copy, tmp / "cli-wins", "--pdf", "--style", "classic")
        pdf = only(tmp / "cli-wins", ".pdf")
        check(pdf and page_size(pdf) == (432.0, 648.0), "--style classic wins over book.yaml")

        # A style file of the user's own, by path, with a 0.3 in inside margin: KDP warning.
        narrow = tmp / "narrow.yaml"
        narrow.write_text("name: narrow\npage:\n  trim: 5x8\n  inside: 0.3in\n")
        r = folio_build(folio, SEED, tmp / "narrow", "--pdf", "--style", str(narrow))
        pdf = only(tmp / "narrow", ".pdf")
        check(pdf and page_size(pdf) == (360.0, 576.0), "a style by path: 5x8 trim is 360x576")
        pages = None
        if pdf:
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
            pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        want = (f"the inside margin is 0.3 in, below KDP's 0.375 in minimum for a "
                f"{pages}-page book")
        check(want in r.stderr and "printer-margin" in r.stderr and str(narrow) in r.stderr,
              f"KDP warning with the numbers ({want!r} in {r.stderr!r})")
        r = folio_build(folio, SEED, tmp / "quiet", "--pdf")
        check("printer-margin" not in r.stderr, "classic's margins pass KDP's rules")

        # A bad style: unknown key and a negative size, each with file:line:col; exit 1.
        bad = tmp / "bad.yaml"
        bad.write_text("name: bad\npage:\n  trim: 6x9\n  colour: red\nbody:\n  size: -3pt\n")
        r = folio_build(folio, SEED, tmp / "bad", "--pdf", "--style", str(bad), expect_rc=1)
        check(f"{bad}:4:3" in r.stderr and "unknown key 'colour'" in r.stderr,
              f"unknown key reported at {bad}:4:3 ({r.stderr!r})")
        check(f"{bad}:6:9" in r.stderr, f"negative size reported at {bad}:6:9 ({r.stderr!r})")
        check(not (tmp / "bad").exists() or only(tmp / "bad", ".pdf") is None,
              "no PDF from a bad style")
        r = folio_build(folio, SEED, tmp / "missing", "--pdf", "--style", "nosuch", expect_rc=1)
        check("no style named 'nosuch'" in r.stderr, f"a missing style is named ({r.stderr!r})")


def run_validator(script, epub, want):
    r = subprocess.run(["bash", str(script), str(epub)], capture_output=True, text=True)
    last = (r.stdout.strip().splitlines() or [""])[-1]
    check(want in last, f"{script.name} {epub.name}: {want!r} (got {last!r})")


def cmd_validate(folio, shared):
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        folio_build(folio, SEED, out, "--epub", "--style", "libertine")
        epub = only(out, ".epub")
        if check(epub is not None, "libertine EPUB written"):
            run_validator(shared / "validate" / "epubcheck.sh", epub, "0 errors, 0 warnings")
            run_validator(shared / "validate" / "ace.sh", epub,
                          "0 critical, 0 serious, 0 moderate, 0 minor")


def main():
    folio, shared, command = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    if command == "builds":
        cmd_builds(folio)
    elif command == "validate":
        cmd_validate(folio, shared)
    else:
        sys.exit(f"unknown command {command}")
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
