#!/usr/bin/env python3
"""PDF output tests: build the seed with `folio build --pdf` and check the file with poppler,
qpdf and (when installed) ../shared/validate/pdfcheck.sh; compare rendered pages with
checked-in PNGs. Usage: pdf_output_test.py FOLIO [--update-golden]"""
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SEED = os.path.join(ROOT, "manuscript")
GOLDEN = os.path.join(HERE, "golden")
sys.path.insert(0, os.path.join(ROOT, "tests", "support"))
from harness import run_tool  # noqa: E402
SHARED = os.environ.get("FOLIO_SHARED", os.path.join(ROOT, "..", "shared"))
# Pages compared with the golden renders: the title page, the preface's opening and a
# page with block quotes and running heads.
GOLDEN_PAGES = [3, 5, 7]
DPI = 72
INK = 128  # a pixel darker than this is ink
TOLERANCE = 0.02  # pixels that differ by more than a quarter of full scale, per golden ink pixel
MIN_GOLDEN_INK = 1000  # the title page, the lightest compared, has ~1,600 ink pixels at 72 dpi

failures = []
passed = 0


def check(name, ok, detail=""):
    global passed
    if ok:
        passed += 1
        print("ok   " + name)
    else:
        failures.append(name)
        print("FAIL " + name + (": " + detail if detail else ""))


def run(cmd, env=None, check_rc=True):
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if check_rc and p.returncode != 0:
        raise SystemExit("command failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), p.stderr))
    return p


def build(folio, out, extra=(), env=None):
    run([folio, "build", SEED, "-o", out, "--pdf", "--quiet"] + list(extra), env=env)
    pdfs = [f for f in os.listdir(out) if f.endswith(".pdf")]
    assert len(pdfs) == 1, pdfs
    return os.path.join(out, pdfs[0])


def read_png_gray(path):
    """Decodes an 8-bit grayscale or RGB PNG (what pdftoppm writes) to (w, h, bytes)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, color = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and color in (0, 2), (depth, color)
            channels = 1 if color == 0 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * channels
    out = bytearray()
    prev = bytearray(stride)
    i = 0
    for _ in range(h):
        f = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pr) & 255
        prev = line
        out += line[::channels]
    return w, h, bytes(out)


def main():
    folio = os.path.abspath(sys.argv[1])
    update = "--update-golden" in sys.argv
    tmp = tempfile.mkdtemp(prefix="folio-pdf-test-")
    os.environ["TZ"] = "UTC"  # pdfinfo shows dates in local time
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)

    a = build(folio, os.path.join(tmp, "a"), env=env)
    b = build(folio, os.path.join(tmp, "b"), env=env)
    check("two builds are byte-identical", open(a, "rb").read() == open(b, "rb").read())

    info = run(["pdfinfo", a]).stdout
    check("pages are 432 x 648 pt (6 x 9 in)", "Page size:       432 x 648 pts" in info, info)
    check("tagged", "Tagged:          yes" in info)
    check("title in the metadata", "Title:           Perestroika versus Socialism" in info)
    # Without SOURCE_DATE_EPOCH the dates are the newest manuscript file's time, as the EPUB's
    # dcterms:modified: never the clock, never book.yaml's `date:`.
    newest = max(os.path.getmtime(os.path.join(SEED, f)) for f in os.listdir(SEED)
                 if f == "book.yaml" or f.endswith(".md"))
    iso = run(["pdfinfo", "-isodates", a]).stdout
    want = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(newest)))
    check("creation date: the newest manuscript file's",
          "CreationDate:    %s" % want in iso and "ModDate:         %s" % want in iso, iso)
    both = os.path.join(tmp, "both")
    run([folio, "build", SEED, "-o", both, "--quiet"], env=env)
    opf = run(["unzip", "-p", os.path.join(both, os.path.basename(a)[:-4] + ".epub"),
               "EPUB/package.opf"]).stdout
    modified = re.search(r'dcterms:modified">([^<]*)<', opf)
    check("the PDF's dates are the EPUB's dcterms:modified",
          modified and "CreationDate:    %s" % modified.group(1) in
          run(["pdfinfo", "-isodates", os.path.join(both, os.path.basename(a))]).stdout,
          modified.group(1) if modified else opf[:300])
    pages = int(info.split("Pages:")[1].split()[0])

    boxes = run(["pdfinfo", "-box", "-f", "1", "-l", str(pages), a]).stdout
    trims = [l for l in boxes.splitlines() if "TrimBox:" in l]
    bleeds = [l for l in boxes.splitlines() if "BleedBox:" in l]
    check("a TrimBox and a BleedBox on every page", len(trims) == pages and len(bleeds) == pages)
    check("the TrimBox is the 6 x 9 in trim",
          all(l.split()[-4:] == ["0.00", "0.00", "432.00", "648.00"] for l in trims), trims[0])

    fonts = run(["pdffonts", a]).stdout.splitlines()[2:]
    check("fonts present", len(fonts) >= 2, str(fonts))
    check("every font embedded and subset",
          all(" yes yes " in f for f in fonts) and all("+" in f.split()[0] for f in fonts),
          "\n".join(fonts))
    check("only EB Garamond 12 (no fallback faces, no synthetic bold)",
          all("EBGaramond12" in f for f in fonts), "\n".join(fonts))

    qc = run(["qpdf", "--check", a], check_rc=False)
    check("qpdf --check clean", qc.returncode == 0 and "No syntax or stream encoding errors" in qc.stdout,
          qc.stdout + qc.stderr)

    # Cairo writes its streams plain (folio turns its compression off: the post-pass compresses
    # them once); none may be left so but the XMP packet, which stays readable on purpose.
    objects = json.loads(run(["qpdf", "--json=2", "--json-key=qpdf", a]).stdout)["qpdf"][1]
    streams = [o["stream"]["dict"] for o in objects.values() if "stream" in o]
    plain = [d for d in streams if not d.get("/Filter") and d.get("/Type") != "/Metadata"]
    check("every stream compressed (the XMP packet aside)", len(streams) > 5 and not plain,
          "%d streams; plain: %s" % (len(streams), plain))

    outline = json.loads(run(["qpdf", "--json", "--json-key=outlines", a]).stdout)["outlines"]
    check("outline has the preface", [o["title"] for o in outline] == ["Preface"], str(outline))
    labels = json.loads(run(["qpdf", "--json", "--json-key=pagelabels", a]).stdout)["pagelabels"]
    styles = [l["label"].get("/S") for l in labels]
    check("page labels: roman front matter", styles and styles[0] == "/r", str(labels))

    text = run(["pdftotext", "-layout", a, "-"]).stdout
    check("copied text keeps ligatures as letters", "\ufb01" not in text and "\ufb02" not in text)
    tail = " ".join(text.split("Detroit")[-1].split())
    check("dateline set (both lines)", tail.startswith(", Michigan July 28, 1989"), tail[:80])
    plain = run(["pdftotext", "-f", "5", "-l", "5", a, "-"]).stdout
    check("running text extracts in order",
          "This book consists of a series of articles which were originally published" in
          " ".join(plain.split()), plain[:300])

    # The title page sets the author in small caps before any prose. Cairo gives each letter
    # of its simple (WinAnsi) font subset the first glyph drawn for it, so without the primer
    # the small-caps glyphs took those places, and the prose's own letters were drawn from a
    # second font, with a font switch on each side of every one of them. Every lowercase letter
    # a body page shows must be shown, at least once, from a simple font: a literal string.
    qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", a, "-"],
                         capture_output=True).stdout.decode("latin-1")
    for page in (5, 7):
        marker = "%%%% Contents for page %d\n" % page
        start = qdf.find(marker)
        content = qdf[start:qdf.find("endstream", start)] if start >= 0 else ""
        literal = set()
        for string in re.findall(r"\((?:[^()\\]|\\.)*\)", content):
            literal |= {c for c in string if "a" <= c <= "z"}
        shown = {c for c in run(["pdftotext", "-f", str(page), "-l", str(page), a, "-"]).stdout
                 if "a" <= c <= "z"}
        check("page %d: the prose's letters come from the simple fonts" % page,
              start >= 0 and len(shown) > 15 and not shown - literal,
              "shown only as glyph ids: %s" % sorted(shown - literal))

    struct = run(["pdfinfo", "-struct-text", a]).stdout
    check("tagged text keeps line-end spaces and hyphens (no /ActualText spans)",
          "published in the Bulletin, the weekly" in struct and
          "more than a half-century ago that the destruction" in struct, struct[:600])

    env2 = dict(env)
    env2["SOURCE_DATE_EPOCH"] = "86400"
    c = build(folio, os.path.join(tmp, "c"), env=env2)
    check("SOURCE_DATE_EPOCH sets the dates",
          "CreationDate:    Fri Jan  2 00:00:00 1970 UTC" in run(["pdfinfo", c]).stdout)
    # Dates before 1970 are negative counts; poppler read D:18970526000000Z as the year 2774.
    for epoch, shown, iso_date in [
            ("-2291068800", "Wed May 26 00:00:00 1897 UTC", "1897-05-26T00:00:00Z"),
            ("-86399", "Wed Dec 31 00:00:01 1969 UTC", "1969-12-31T00:00:01Z"),
            ("-1262304001", "Tue Dec 31 23:59:59 1929 UTC", "1929-12-31T23:59:59Z"),
            ("253402300799", "Fri Dec 31 23:59:59 9999 UTC", "9999-12-31T23:59:59Z")]:
        env3 = dict(env)
        env3["SOURCE_DATE_EPOCH"] = epoch
        e = build(folio, os.path.join(tmp, "e" + epoch), env=env3)
        shown_info = run(["pdfinfo", e]).stdout
        check("SOURCE_DATE_EPOCH=%s: pdfinfo reads %s" % (epoch, shown),
              "CreationDate:    " + shown in shown_info and "ModDate:         " + shown in shown_info,
              shown_info)
        xmp = run(["pdfinfo", "-meta", e]).stdout
        check("SOURCE_DATE_EPOCH=%s: XMP dates %s" % (epoch, iso_date),
              "<xmp:CreateDate>%s</xmp:CreateDate>" % iso_date in xmp, xmp[:400])

    d = build(folio, os.path.join(tmp, "d"), extra=["--bleed", "--crop-marks"], env=env)
    dbox = run(["pdfinfo", "-box", "-f", "5", "-l", "6", d]).stdout
    def box(kind, page):
        for l in dbox.splitlines():
            if l.startswith("Page") and l.split()[1] == str(page) and kind + ":" in l:
                return [float(v) for v in l.split()[-4:]]
    # 0.125 in = 9 pt of bleed beyond the trim on the outside (right of a recto, left of a
    # verso), top and bottom; the crop-mark slug puts the trim 33 pt in.
    check("--bleed --crop-marks: boxes",
          box("TrimBox", 5) == [33, 33, 465, 681] and box("BleedBox", 5) == [33, 24, 474, 690]
          and box("BleedBox", 6) == [24, 24, 465, 690] and box("MediaBox", 5) == [0, 0, 498, 714],
          dbox)

    pdfcheck = os.path.join(SHARED, "validate", "pdfcheck.sh")
    if os.path.exists(pdfcheck):
        pc = run_tool(["bash", pdfcheck, "--require", "trimbox,bleedbox,tagged,outline,title,lang",
                       a])
        last = pc.stdout.strip().splitlines()[-1] if pc.stdout.strip() else pc.stderr
        # scripts/test.sh installs the validators, so a validator that cannot run (rc 2) is a
        # failure here too: an unvalidated PDF must not pass silently.
        check("pdfcheck.sh PASS", pc.returncode == 0, last)
    else:
        check("pdfcheck.sh present", False, "not found at %s" % pdfcheck)

    # Layout regressions: render pages and compare their ink with the checked-in PNGs. The
    # measure is ink that moved, as a share of the golden's ink: a blank page, a shifted
    # line or a lost paragraph fails, where a mean over the whole page (mostly paper) did not.
    os.makedirs(GOLDEN, exist_ok=True)
    for p in GOLDEN_PAGES:
        prefix = os.path.join(tmp, "page")
        run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "-f", str(p), "-l", str(p),
             "-singlefile", a, prefix])
        got = prefix + ".png"
        golden = os.path.join(GOLDEN, "seed-page-%d.png" % p)
        if update:
            os.replace(got, golden)
            print("wrote " + golden)
            continue
        if not os.path.exists(golden):
            check("page %d has a golden render" % p, False,
                  "%s is missing; run with --update-golden and review it" % golden)
            continue
        w1, h1, px1 = read_png_gray(got)
        w2, h2, px2 = read_png_gray(golden)
        if (w1, h1) != (w2, h2):
            check("page %d render size" % p, False, "%dx%d vs %dx%d" % (w1, h1, w2, h2))
            continue
        golden_ink = sum(1 for y in px2 if y < INK)
        check("page %d golden holds text (%d ink pixels)" % (p, golden_ink),
              golden_ink >= MIN_GOLDEN_INK)
        moved = sum(1 for x, y in zip(px1, px2) if abs(x - y) > 64)
        share = moved / max(golden_ink, 1)
        check("page %d matches its golden render (%.4f of the ink differs)" % (p, share),
              share <= TOLERANCE)

    print("%d passed, %d failed" % (passed, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
