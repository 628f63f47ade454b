#!/usr/bin/env python3
"""Round trip: manuscript → `folio build --epub` → `folio import` → the same model.

For each manuscript folder given, builds folio's EPUB, imports it into a new folder, and
compares `folio dump` of the two: the same sections, roles, headings, blocks and inlines,
words and attributes, up to source positions (an EPUB keeps none) and note labels (an EPUB
numbers notes; the numbers themselves must agree). The metadata the EPUB carries must agree
too. Usage: round_trip_test.py FOLIO MANUSCRIPT... (exit 1 on the first difference).
"""
import json
import os
import subprocess
import sys
import tempfile
import time

META_KEYS = ["title", "subtitle", "author", "lang", "date", "publisher", "rights",
             "description", "subject"]


def normalised(node):
    """The dump without what an EPUB cannot keep: positions and note labels."""
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "source":
                continue
            if k == "id" and node.get("type") in ("footnote", "note_ref"):
                continue
            # The EPUB names its images itself (images/001-map.png): the import keeps those.
            if k == "target" and node.get("type") in ("figure", "image"):
                continue
            out[k] = normalised(v)
        return out
    if isinstance(node, list):
        return [normalised(v) for v in node]
    return node


def without_redundant_spans(node, lang=None):
    """Spans that only repeat the language around them (`[la [la] la]{lang=la}`, which an
    EPUB writes as nested spans and the import folds) are no structure: they are spliced
    into their parent and the text either side joined."""
    if isinstance(node, list):
        return [without_redundant_spans(v, lang) for v in node]
    if not isinstance(node, dict):
        return node
    here = node.get("lang") or lang
    out = {}
    for k, v in node.items():
        if k == "inlines" and isinstance(v, list):
            flat = []
            for child in v:
                child = without_redundant_spans(child, here)
                if (child.get("type") == "span" and child.get("lang") == here and
                        not child.get("id") and not child.get("classes")):
                    flat.extend(child.get("inlines", []))
                else:
                    flat.append(child)
            joined = []
            for child in flat:
                if joined and child.get("type") == "text" and joined[-1].get("type") == "text":
                    joined[-1] = dict(joined[-1], text=joined[-1]["text"] + child["text"])
                else:
                    joined.append(child)
            out[k] = joined
        else:
            out[k] = without_redundant_spans(v, here)
    return out


def first_difference(a, b, path="$"):
    if type(a) is not type(b):
        return f"{path}: {json.dumps(a)[:300]} != {json.dumps(b)[:300]}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}.{k}: only in {'original' if k in a else 'import'}: " + \
                    json.dumps(a.get(k, b.get(k)))[:300]
            d = first_difference(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}[{i}]")
            if d:
                return d
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)}"
        return None
    return None if a == b else f"{path}: {json.dumps(a)[:300]} != {json.dumps(b)[:300]}"


def dump(folio, folder):
    out = subprocess.run([folio, "dump", folder], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"folio dump {folder} failed:\n{out.stderr}")
    return json.loads(out.stdout)


def main():
    folio, manuscripts = sys.argv[1], sys.argv[2:]
    env = dict(os.environ, SOURCE_DATE_EPOCH="0")
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for i, ms in enumerate(manuscripts):
            out = os.path.join(tmp, f"out{i}")
            # The small manuscripts' EPUBs carry the print edition's page breaks (markers in
            # the text the import must drop); the corpus books skip typesetting, for time.
            page_list = [] if "books" not in os.path.normpath(ms).split(os.sep) else ["--no-page-list"]
            r = subprocess.run([folio, "build", ms, "-o", out, "--epub", "-q", *page_list],
                               capture_output=True, text=True, env=env)
            if r.returncode != 0:
                sys.exit(f"building {ms} failed:\n{r.stderr}")
            epub = os.path.join(out, [f for f in os.listdir(out) if f.endswith(".epub")][0])
            imported = os.path.join(tmp, f"imported{i}")
            start = time.monotonic()
            r = subprocess.run([folio, "import", epub, "-o", imported, "-q"],
                               capture_output=True, text=True, env=env)
            seconds = time.monotonic() - start
            # The import runs `folio check`; a style's fonts (not in an EPUB) may fail it, so
            # only a missing folder fails here.
            if not os.path.isdir(imported):
                print(f"FAIL {ms}: folio import exited {r.returncode}:\n{r.stderr}")
                failed = True
                continue
            a, b = dump(folio, ms), dump(folio, imported)
            book_lang = a["metadata"].get("lang")
            diff = first_difference(
                normalised(without_redundant_spans(a["sections"], book_lang)),
                normalised(without_redundant_spans(b["sections"], book_lang)), "sections")
            if not diff:
                for k in META_KEYS:
                    if a["metadata"].get(k) != b["metadata"].get(k):
                        diff = f"metadata.{k}: {a['metadata'].get(k)!r} != {b['metadata'].get(k)!r}"
                        break
            words = sum(len(json.dumps(s).split()) for s in a["sections"])
            if diff:
                print(f"FAIL {ms}: {diff}")
                failed = True
            else:
                print(f"ok   {ms}: {len(a['sections'])} sections, import + check {seconds:.2f} s")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
