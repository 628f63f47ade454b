#!/usr/bin/env python3
"""The real-book corpus: every book in tests/books builds clean and passes the validators.

Usage:
  books_test.py FOLIO SHARED_DIR check              folio check on every book: no error, and
                                                     no warning but the accepted ones
  books_test.py FOLIO SHARED_DIR build BOOK_DIR      folio build: exit 0, no error, no warning
                                                     but the accepted ones; EPUBCheck, Ace and
                                                     pdfcheck clean on the outputs
  books_test.py FOLIO SHARED_DIR report [BOOK_DIR…]  print each book's diagnostics by code
                                                     (no verdict; for looking at a new folio)

Accepted warnings are listed in accepted-warnings.txt beside this script, one per line:

  BOOK  CODE  WHERE  -- WHY

WHERE is `file:line`, `file` or a shell pattern over `file:line` (`chapter-*.md:*`); WHY is
required: a proofread book has no real problems, so a warning is a false alarm until someone
writes down why it is true. An entry that matches nothing fails the test too, so that the
list cannot outlive the warnings it excuses.
"""
import fnmatch
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "support"))
from harness import check, finish, run_tool  # noqa: E402

# folio's diagnostic lines: "chapter-1.md:12:5: warning: message [code]", and the note that
# stands for the repeats it does not print: "a.md: note: 14 more like this … [code]".
DIAG = re.compile(r"^(?P<file>[^\s:][^:]*?):(?:(?P<line>\d+):(?P<col>\d+):)? "
                  r"(?P<sev>error|warning|note): (?P<msg>.*) \[(?P<code>[a-z0-9-]+)\]$")
MORE = re.compile(r"^(\d+) more like this")


def books():
    return sorted(p.parent for p in HERE.glob("*/book.yaml"))


def load_accepted():
    entries = []
    path = HERE / "accepted-warnings.txt"
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        head, sep, why = line.partition(" -- ")
        fields = head.split()
        if not check(sep and why.strip() and len(fields) == 3,
                     f"accepted-warnings.txt:{n}: want 'BOOK CODE WHERE -- WHY', got: {line}"):
            continue
        entries.append({"book": fields[0], "code": fields[1], "where": fields[2],
                        "why": why.strip(), "line": n, "used": 0})
    return entries


def parse(stderr):
    """The diagnostics in folio's text output, a repeat note counting as its repeats."""
    out = []
    for line in stderr.splitlines():
        m = DIAG.match(line)
        if not m:
            continue
        d = m.groupdict()
        d["line"] = int(d["line"] or 0)
        d["count"] = 1
        if d["sev"] == "note":
            more = MORE.match(d["msg"])
            if not more:
                continue  # an informational note, not a diagnostic of the book
            d["sev"], d["count"] = "warning", int(more.group(1))
        out.append(d)
    return out


def accepted(book, d, entries):
    for e in entries:
        if e["book"] != book or e["code"] != d["code"]:
            continue
        loc = f"{d['file']}:{d['line']}"
        if e["where"] in (d["file"], loc) or fnmatch.fnmatchcase(loc, e["where"]):
            e["used"] += d["count"]
            return True
    return False


def judge(book, diags, entries):
    """Errors fail; warnings fail unless accepted. Prints a summary by code."""
    by_code = {}
    for d in diags:
        key = (d["sev"], d["code"])
        by_code[key] = by_code.get(key, 0) + d["count"]
    summary = ", ".join(f"{n} {sev} {code}" for (sev, code), n in sorted(by_code.items()))
    print(f"{book}: {summary or 'no diagnostics'}")
    # One failure per book and code, naming the first few places (a false alarm tends to
    # come by the hundred; the whole list is `folio check`'s).
    failing = {}
    for d in diags:
        if d["sev"] == "error" or not accepted(book, d, entries):
            failing.setdefault((d["sev"], d["code"]), []).append(d)
    for (sev, code), ds in sorted(failing.items()):
        n = sum(d["count"] for d in ds)
        what = "error" if sev == "error" else "warning not in accepted-warnings.txt"
        places = "; ".join(f"{d['file']}:{d['line']}: {d['msg']}" for d in ds[:3])
        check(False, f"{book}: {n} × {what} [{code}]: {places}"
                     + (f"; … ({n - 3} more)" if n > 3 else ""))


def unused(entries, names):
    for e in entries:
        if e["book"] in names:
            check(e["used"] > 0, f"accepted-warnings.txt:{e['line']}: {e['book']} {e['code']} "
                                 f"{e['where']} matches no warning any more; remove it")


def run_validator(script, path, ok):
    start = time.monotonic()
    r = run_tool(["bash", str(script), str(path)], timeout=1800)
    lines = [line for line in (r.stdout + r.stderr).splitlines() if line.strip()]
    last = lines[-1] if lines else "(no output)"
    print(f"  {script.name}: {last} ({time.monotonic() - start:.1f} s)")
    if not check(r.returncode == 0 and ok(last),
                 f"{script.name} on {path.name}: '{last}' (rc {r.returncode})"):
        print("\n".join(lines[-40:]))


def cmd_check(folio, entries):
    names = []
    for book in books():
        names.append(book.name)
        start = time.monotonic()
        r = subprocess.run([folio, "check", str(book)], capture_output=True, text=True,
                           timeout=900)
        print(f"  folio check {book.name}: exit {r.returncode} "
              f"({time.monotonic() - start:.1f} s)")
        check(r.returncode == 0, f"{book.name}: folio check exits {r.returncode}")
        # check stops at the typesetter's errors and leaves its warnings to build: the
        # accepted entries of those codes are judged by the build test only.
        judge(book.name, parse(r.stderr), entries)
    unused([e for e in entries if not e["code"].startswith("pdf-")], names)
    check(len(names) >= 8, f"the corpus holds {len(names)} books, want at least 8")


def cmd_build(folio, shared, book, entries):
    with tempfile.TemporaryDirectory(prefix="folio-book-") as tmp:
        out = Path(tmp) / "out"
        start = time.monotonic()
        r = subprocess.run([folio, "build", str(book), "-o", str(out)], capture_output=True,
                           text=True, timeout=1800)
        print(f"  folio build {book.name}: exit {r.returncode} "
              f"({time.monotonic() - start:.1f} s)")
        check(r.returncode == 0, f"{book.name}: folio build exits {r.returncode}")
        judge(book.name, parse(r.stderr), entries)
        unused(entries, [book.name])
        epubs, pdfs = sorted(out.glob("*.epub")), sorted(out.glob("*.pdf"))
        if not check(len(epubs) == 1 and len(pdfs) == 1,
                     f"{book.name}: one EPUB and one PDF written, got "
                     f"{[p.name for p in out.iterdir()] if out.exists() else []}"):
            print(r.stderr[-4000:])
            return
        v = shared / "validate"
        run_validator(v / "epubcheck.sh", epubs[0], lambda s: s == "0 errors, 0 warnings")
        run_validator(v / "ace.sh", epubs[0],
                      lambda s: s == "0 critical, 0 serious, 0 moderate, 0 minor")
        run_validator(v / "pdfcheck.sh", pdfs[0], lambda s: s.startswith("pdfcheck: PASS"))


def cmd_report(folio, dirs):
    for book in dirs or books():
        with tempfile.TemporaryDirectory(prefix="folio-book-") as tmp:
            start = time.monotonic()
            r = subprocess.run([folio, "build", str(book), "-o", tmp], capture_output=True,
                               text=True, timeout=1800)
            diags = parse(r.stderr)
            by_code = {}
            for d in diags:
                key = (d["sev"], d["code"])
                by_code[key] = by_code.get(key, 0) + d["count"]
            print(json.dumps({"book": Path(book).name, "exit": r.returncode,
                              "seconds": round(time.monotonic() - start, 1),
                              "diagnostics": {f"{s} {c}": n for (s, c), n in
                                              sorted(by_code.items())}}))


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        sys.exit(2)
    folio, shared, cmd = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    if cmd == "report":
        cmd_report(folio, [Path(p) for p in sys.argv[4:]])
        return
    entries = load_accepted()
    if cmd == "check":
        cmd_check(folio, entries)
    elif cmd == "build" and len(sys.argv) == 5:
        cmd_build(folio, shared, Path(sys.argv[4]).resolve(), entries)
    else:
        print(__doc__)
        sys.exit(2)
    finish()


if __name__ == "__main__":
    main()
