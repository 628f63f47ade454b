#!/usr/bin/env python3
"""EPUB output tests: validators, container rules, determinism, the seed's XHTML, bad covers.

Usage: epub_test.py FOLIO SHARED_DIR COMMAND [MANUSCRIPT]
  validate MANUSCRIPT  build; container rules; XHTML parses; EPUBCheck 0/0; Ace 0 violations
  deterministic        two builds of the seed (and a copy elsewhere) are byte-identical;
                       SOURCE_DATE_EPOCH sets dcterms:modified and the zip times
  seed-golden          the preface XHTML holds what the seed's model says it holds
  bad-cover            missing / not-an-image / outside cover: exit 1, book.yaml position,
                       an earlier EPUB left as it was
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "manuscript"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
XHTML = "{http://www.w3.org/1999/xhtml}"
OPF = "{http://www.idpf.org/2007/opf}"
OPS = "{http://www.idpf.org/2007/ops}"

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from harness import check, finish, run_validator  # noqa: E402


def build(folio, manuscript, out, env_extra=None, expect_rc=0):
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    env.update(env_extra or {})
    start = time.monotonic()
    r = subprocess.run([folio, "build", str(manuscript), "-o", str(out), "--epub"],
                       capture_output=True, text=True, env=env)
    elapsed = time.monotonic() - start
    if r.returncode != expect_rc:
        print(r.stdout + r.stderr)
    check(r.returncode == expect_rc, f"folio build {manuscript} exits {expect_rc} (got {r.returncode})")
    epubs = sorted(Path(out).glob("*.epub"))
    return r, (epubs[0] if epubs else None), elapsed


def container_rules(epub):
    raw = epub.read_bytes()
    # Reading systems sniff "mimetype" + "application/epub+zip" at fixed offsets.
    check(raw[30:38] == b"mimetype", "mimetype is the first entry")
    check(raw[38:58] == b"application/epub+zip", "mimetype content follows its header directly")
    with zipfile.ZipFile(epub) as z:
        infos = z.infolist()
        check(infos[0].filename == "mimetype", "first entry is mimetype")
        check(infos[0].compress_type == zipfile.ZIP_STORED, "mimetype is stored")
        check(infos[0].extra == b"", "mimetype has no extra field")
        names = [i.filename for i in infos]
        check("META-INF/container.xml" in names, "container.xml present")
        check(len(set(i.date_time for i in infos)) == 1, "every entry has the same time")
        for name in names:
            if name.endswith((".xhtml", ".opf", ".ncx", ".xml")):
                try:
                    ET.fromstring(z.read(name))
                except ET.ParseError as e:
                    check(False, f"{name} parses as XML: {e}")
        return z.read("EPUB/package.opf").decode()




def cmd_validate(folio, shared, manuscript):
    with tempfile.TemporaryDirectory() as tmp:
        r, epub, elapsed = build(folio, manuscript, Path(tmp) / "out")
        print(f"build {manuscript.name}: {elapsed:.2f} s")
        if not check(epub is not None, "an .epub was written"):
            return
        opf = container_rules(epub)
        check('xml:lang="' in opf, "package has xml:lang")
        for prop in ("schema:accessMode", "schema:accessModeSufficient",
                     "schema:accessibilityFeature", "schema:accessibilityHazard",
                     "schema:accessibilitySummary", "dcterms:conformsTo", "dcterms:modified"):
            check(f'property="{prop}"' in opf, f"package has {prop}")
        run_validator(shared / "validate" / "epubcheck.sh", epub, "0 errors, 0 warnings")
        run_validator(shared / "validate" / "ace.sh", epub,
                      "0 critical, 0 serious, 0 moderate, 0 minor")


def cmd_deterministic(folio, shared):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        _, a, _ = build(folio, SEED, tmp / "a")
        time.sleep(1.1)  # a wall-clock leak would show up as a different second
        _, b, _ = build(folio, SEED, tmp / "b")
        check(a.read_bytes() == b.read_bytes(), "two builds of the seed are byte-identical")
        # The same manuscript elsewhere (same file times) gives the same bytes.
        copy = tmp / "elsewhere" / "manuscript"
        shutil.copytree(SEED, copy)  # copytree keeps modification times
        _, c, _ = build(folio, copy, tmp / "c")
        check(a.read_bytes() == c.read_bytes(), "a copy in another folder builds the same bytes")
        # Without SOURCE_DATE_EPOCH, the time is the newest manuscript file's.
        newest = max(p.stat().st_mtime for p in SEED.iterdir() if p.is_file())
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(newest)))
        with zipfile.ZipFile(a) as z:
            opf = z.read("EPUB/package.opf").decode()
        check(f'<meta property="dcterms:modified">{stamp}</meta>' in opf,
              f"dcterms:modified is the newest manuscript file's time {stamp}")
        # SOURCE_DATE_EPOCH wins, in the package and in the zip entries.
        _, d, _ = build(folio, SEED, tmp / "d", {"SOURCE_DATE_EPOCH": "617587200"})
        _, e, _ = build(folio, SEED, tmp / "e", {"SOURCE_DATE_EPOCH": "617587200"})
        check(d.read_bytes() == e.read_bytes(), "builds with SOURCE_DATE_EPOCH are identical")
        with zipfile.ZipFile(d) as z:
            opf = z.read("EPUB/package.opf").decode()
            check(all(i.date_time == (1989, 7, 28, 0, 0, 0) for i in z.infolist()),
                  "zip entry times come from SOURCE_DATE_EPOCH")
        check('<meta property="dcterms:modified">1989-07-28T00:00:00Z</meta>' in opf,
              "dcterms:modified comes from SOURCE_DATE_EPOCH")
        r, _, _ = build(folio, SEED, tmp / "f", {"SOURCE_DATE_EPOCH": "last tuesday"}, expect_rc=1)
        check("SOURCE_DATE_EPOCH" in r.stderr, "a bad SOURCE_DATE_EPOCH is reported")
        # The identifier survives rebuilds: it is derived from title and author.
        check(re.search(r'<dc:identifier id="pub-id">urn:uuid:d6f28272-30b0-5498-9327-dd70bbfb329f<',
                        opf) is not None, "the seed's UUID is the one derived from title + author")


def cmd_seed_golden(folio, shared):
    with tempfile.TemporaryDirectory() as tmp:
        _, epub, _ = build(folio, SEED, Path(tmp) / "out")
        with zipfile.ZipFile(epub) as z:
            opf = ET.fromstring(z.read("EPUB/package.opf"))
            spine = [i.get("idref") for i in opf.iter(f"{OPF}itemref")]
            check(spine == ["cover", "titlepage", "imprint", "nav", "s001"],
                  f"spine order cover, title page, imprint, nav, preface (got {spine})")
            doc = ET.fromstring(z.read("EPUB/text/001-preface.xhtml"))
            nav = z.read("EPUB/nav.xhtml").decode()
    check(doc.get("lang") == "en-US" and doc.get("{http://www.w3.org/XML/1998/namespace}lang") == "en-US",
          "the preface has lang and xml:lang en-US")
    body = doc.find(f"{XHTML}body")
    check(body.get(f"{OPS}type") == "frontmatter", "the preface is front matter")
    section = body.find(f"{XHTML}section")
    check(section.get(f"{OPS}type") == "preface" and section.get("role") == "doc-preface",
          "section epub:type=preface role=doc-preface")
    children = list(section)
    # The print edition's page breaks: the preface's first page (v) is marked before its heading.
    check(children[0].get(f"{OPS}type") == "pagebreak" and children[0].get("aria-label") == "v",
          "opens with the page-break marker of print page v")
    children = [c for c in children if c.get(f"{OPS}type") != "pagebreak"]
    check(children[0].tag == f"{XHTML}h1" and children[0].text == "Preface", "opens with h1 Preface")
    quotes = [c for c in children if c.tag == f"{XHTML}blockquote"]
    counts = [len(q.findall(f"{XHTML}p")) for q in quotes]
    check(counts == [2, 3, 3], f"three block quotes of 2, 3, 3 paragraphs (got {counts})")
    last = children[-1]
    check(last.tag == f"{XHTML}p" and last.get("class") == "dateline", "the dateline is the last block")
    lines = "".join(last.itertext()).strip()
    check(last.find(f"{XHTML}br") is not None and lines == "Detroit, MichiganJuly 28, 1989",
          f"the dateline has two lines (got {lines!r})")
    paras = [c for c in children if c.tag == f"{XHTML}p" and c.get("class") is None]
    # Every paragraph of the Markdown that is no quote, heading or fence is a plain <p>.
    chunks = [c for c in (SEED / "preface.md").read_text().split("\n\n") if c.strip()]
    want = sum(1 for c in chunks if not c.lstrip().startswith((">", "#", ":::")))
    check(len(paras) == want, f"{want} plain paragraphs outside the quotes (got {len(paras)})")
    check('epub:type="toc" role="doc-toc"' in nav and 'epub:type="landmarks"' in nav,
          "nav has a doc-toc and landmarks")


def cmd_bad_cover(folio, shared):
    cases = {
        "missing": ("cover-image: nowhere.png", None),
        "not-image": ("cover-image: foreword.md", None),
        "outside": ("cover-image: ../outside.png", "outside.png"),
    }
    for name, (line, outside) in cases.items():
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            book = tmp / "book"
            shutil.copytree(FIXTURES / "novella", book)
            if outside:
                shutil.copy(FIXTURES / "novella" / "cover.png", tmp / outside)
            yaml = (book / "book.yaml").read_text()
            yaml = yaml.replace("cover-image: cover.png", line)
            (book / "book.yaml").write_text(yaml)
            lineno = yaml.splitlines().index(line) + 1
            out = tmp / "out"
            out.mkdir()
            earlier = out / "the-lighthouse-keepers-ledger.epub"
            earlier.write_bytes(b"an earlier build")
            r, _, _ = build(folio, book, out, expect_rc=1)
            check(f"book.yaml:{lineno}:14" in r.stderr,
                  f"{name} cover: diagnostic at book.yaml:{lineno}:14 (stderr: {r.stderr.strip()[:300]})")
            check(earlier.read_bytes() == b"an earlier build", f"{name} cover: earlier EPUB untouched")
            check(sorted(p.name for p in out.iterdir()) == [earlier.name],
                  f"{name} cover: no temporary files left")


def main():
    folio, shared, command = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    if command == "validate":
        cmd_validate(folio, shared, Path(sys.argv[4]).resolve())
    elif command == "deterministic":
        cmd_deterministic(folio, shared)
    elif command == "seed-golden":
        cmd_seed_golden(folio, shared)
    elif command == "bad-cover":
        cmd_bad_cover(folio, shared)
    else:
        sys.exit(f"unknown command {command}")
    finish()


if __name__ == "__main__":
    main()
