#!/usr/bin/env python3
"""Style tests: the seed built in both shipped styles, and how a style is chosen.

Usage: style_build_test.py FOLIO SHARED_DIR COMMAND
  builds    classic vs libertine: PDF page size (pdfinfo), embedded fonts (pdffonts),
            qpdf --check, the EPUB CSS; --style over book.yaml's style:; a style by path;
            the KDP inside-margin warning with its numbers; a bad style file: exit 1 with
            file:line:col
  chapters  the multi-chapter fixture in both styles: page size, fonts, the scene-break
            ornament in the CSS and the PDF text, running heads
  fonts     fonts of the author's own: with FONTCONFIG_FILE pointing at a configuration
            without system fonts, only the manuscript's fonts/ can satisfy the style; a
            symlink out of the manuscript is refused; missing glyphs and faked faces are
            errors naming the face; book.yaml's style: path is the manuscript's
  validate STYLE [MANUSCRIPT] [embed]
            the EPUB through EPUBCheck and Ace (embed: with epub: embed-fonts: true)
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
CHAPTERS = ROOT / "tests" / "manuscripts" / "chapters"
LONG = ROOT / "tests" / "editions" / "fixtures" / "long"
LIBERTINE_DIR = Path("/usr/share/fonts/opentype/linux-libertine")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from harness import check, finish, run_validator  # noqa: E402


def folio_build(folio, manuscript, out, *extra, expect_rc=0, env_extra=None, cwd=None):
    env = dict(os.environ)
    env["SOURCE_DATE_EPOCH"] = "617587200"
    env.update(env_extra or {})
    r = subprocess.run([folio, "build", str(manuscript), "-o", str(out), *extra],
                       capture_output=True, text=True, env=env, cwd=cwd)
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

        # Issue 17: book.yaml's style: may not read a file outside the manuscript (a path out,
        # or a symlink in styles/), and nothing of that file reaches a message.
        secret = tmp / "secret.yaml"
        secret.write_text("password: hunter2\n")
        confined = tmp / "confined"
        shutil.copytree(SEED, confined)
        yaml = (confined / "book.yaml").read_text()
        (confined / "styles").mkdir()
        (confined / "styles" / "link.yaml").symlink_to(secret)
        for value in ("../secret.yaml", str(secret), "link"):
            (confined / "book.yaml").write_text(yaml.replace("style: classic", f"style: {value}"))
            r = folio_build(folio, confined, tmp / "confined-out", "--pdf", expect_rc=1)
            check("style-outside-folder" in r.stderr and "password" not in r.stderr
                  and "hunter2" not in r.stderr,
                  f"style: {value} is refused without quoting it ({r.stderr[-300:]!r})")
        # The user's own --style path is still read.
        r = folio_build(folio, SEED, tmp / "own", "--pdf", "--style", str(secret), expect_rc=1)
        check("unknown key 'password'" in r.stderr, "a --style path is the user's to give")

        # A manuscript's hyphenation dictionary (a style's dictionary-dir) with a non-standard rule whose index is 0: libhyphen corrupted its heap (SIGABRT).
        hyph = tmp / "hyph"
        shutil.copytree(SEED, hyph)
        (hyph / "styles").mkdir()
        (hyph / "styles" / "h.yaml").write_text(
            f"name: h\nhyphenation:\n  dictionary-dir: {hyph / 'hyphen'}\n")
        (hyph / "preface.md").write_text(
            "# Preface\n\nText with other things: nothing thought with this that the, and "
            "other words to hyphenate, mothers and brothers.\n")
        (hyph / "hyphen").mkdir()
        (hyph / "hyphen" / "hyph_en_US.dic").write_text("UTF-8\nt1h/t=h,0,2\n")
        yaml = (hyph / "book.yaml").read_text()
        (hyph / "book.yaml").write_text(yaml.replace("style: classic", "style: h"))
        r = folio_build(folio, hyph, tmp / "hyph-out", "--pdf")
        check("hyph_en_US.dic:2:1: warning:" in r.stderr and "hyphenation-dictionary" in r.stderr,
              f"the non-standard rule is left out with a positioned warning ({r.stderr[-300:]!r})")


def pdf_text(pdf):
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True).stdout


def cmd_chapters(folio):
    """The multi-chapter fixture in both styles."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for style, size, tag, ornament in (("classic", (432.0, 648.0), "EBGaramond", "* * *"),
                                           ("libertine", (396.0, 612.0), "LinLibertine",
                                            "\u2767")):
            folio_build(folio, CHAPTERS, tmp / style, "--style", style)
            pdf = only(tmp / style, ".pdf")
            check_pdf(pdf, size, tag, f"chapters/{style}")
            if pdf:
                other = "LinLibertine" if tag == "EBGaramond" else "EBGaramond"
                names = [n for n, _ in fonts(pdf)]
                check(not any(other in n for n in names),
                      f"chapters/{style}: no {other} in the PDF ({names})")
                # pdftotext drops the ornament's inner spaces (they are glue, not glyphs).
                check(ornament.replace(" ", "") in pdf_text(pdf).replace(" ", ""),
                      f"chapters/{style}: the PDF sets the scene break as {ornament!r}")
            epub = only(tmp / style, ".epub")
            if check(epub is not None, f"chapters/{style}: EPUB written"):
                css = css_of(epub)
                check(f'hr.scene-break::after {{ content: "{ornament}"; }}' in css,
                      f"chapters/{style}: the EPUB shows the same ornament {ornament!r}")
        # running-heads.uppercase: the head is set in capitals (the long fixture has pages
        # with heads; the chapters fixture's chapters are one opening page each).
        upper = tmp / "upper.yaml"
        upper.write_text("name: upper\nrunning-heads:\n  verso: title\n  recto: title\n"
                         "  uppercase: true\n")
        for name, extra in (("upper", ["--style", str(upper)]), ("lower", [])):
            folio_build(folio, LONG, tmp / name, "--pdf", *extra)
        up, low = only(tmp / "upper", ".pdf"), only(tmp / "lower", ".pdf")
        heads = pdf_text(up).count("A LONGER LEDGER") if up else 0
        check(heads >= 5, f"running-heads.uppercase sets the head in capitals ({heads} pages)")
        check(low and "A LONGER LEDGER" not in pdf_text(low),
              "without uppercase the head keeps its case")


def empty_fontconfig(tmp):
    """A fontconfig configuration with no font folders: no system fonts at all."""
    conf = tmp / "no-system-fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<fontconfig><cachedir>'
                    f'{tmp / "fc-cache"}</cachedir></fontconfig>\n')
    return {"FONTCONFIG_FILE": str(conf)}


def cmd_fonts(folio):
    if not (LIBERTINE_DIR / "LinLibertine_R.otf").exists():
        sys.exit("install fonts-linuxlibertine")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        no_fonts = empty_fontconfig(tmp)
        book = tmp / "book"
        shutil.copytree(SEED, book)

        # Without system fonts and without fonts/: the family is missing, named, with the
        # Debian package to install; no PDF.
        r = folio_build(folio, book, tmp / "none", "--pdf", "--style", "libertine",
                        env_extra=no_fonts, expect_rc=1)
        check("'Linux Libertine O'" in r.stderr and "fonts-linuxlibertine" in r.stderr
              and "pdf-font-missing" in r.stderr,
              f"a missing family is named with its package ({r.stderr[-400:]!r})")
        check(only(tmp / "none", ".pdf") is None if (tmp / "none").exists() else True,
              "no PDF without the fonts")

        # The same with the four Libertine files copied into the manuscript's fonts/: only they
        # can satisfy the style, so the PDF proves they were loaded.
        (book / "fonts").mkdir()
        for f in ("R", "RI", "RB", "RBI"):
            shutil.copy(LIBERTINE_DIR / f"LinLibertine_{f}.otf", book / "fonts")
        r = folio_build(folio, book, tmp / "own", "--pdf", "--style", "libertine",
                        env_extra=no_fonts)
        pdf = only(tmp / "own", ".pdf")
        check_pdf(pdf, (396.0, 612.0), "LinLibertine", "own fonts")
        if pdf:
            names = [n for n, _ in fonts(pdf)]
            check(names and all("LinLibertine" in n for n in names),
                  f"only the manuscript's Libertine in the PDF ({names})")

        # ... and the EPUB embeds them from there (embed-fonts: true).
        embed = tmp / "embed.yaml"
        embed.write_text((ROOT / "styles" / "libertine.yaml").read_text()
                         .replace("embed-fonts: false", "embed-fonts: true"))
        r = folio_build(folio, book, tmp / "own-epub", "--epub", "--style", str(embed),
                        env_extra=no_fonts)
        epub = only(tmp / "own-epub", ".epub")
        if check(epub is not None, "EPUB with the manuscript's fonts embedded written"):
            with zipfile.ZipFile(epub) as z:
                fonts_in = sorted(n for n in z.namelist() if n.startswith("EPUB/fonts/"))
                same = all(z.read(f"EPUB/fonts/{n}") == (book / "fonts" / n).read_bytes()
                           for n in ("LinLibertine_R.otf", "LinLibertine_RI.otf"))
            check(fonts_in == ["EPUB/fonts/LinLibertine_R.otf", "EPUB/fonts/LinLibertine_RI.otf"],
                  f"regular and italic embedded (the seed has no strong text): {fonts_in}")
            check(same, "the embedded files are the manuscript's")
            css = css_of(epub)
            check(css.count("@font-face") == 2 and 'url("../fonts/LinLibertine_R.otf")' in css,
                  "@font-face rules for them")

        # A font file that is a symlink out of the manuscript folder is refused, named.
        escape = book / "fonts" / "Escape.otf"
        escape.symlink_to(LIBERTINE_DIR / "LinBiolinum_R.otf")
        r = folio_build(folio, book, tmp / "escape", "--pdf", "--style", "libertine",
                        expect_rc=1)
        check(f"{escape}" in r.stderr and "font-outside-folder" in r.stderr,
              f"the escaping symlink is named ({r.stderr[-300:]!r})")
        escape.unlink()

        # A damaged font file (random bytes; a cut-off copy) is an error naming it, exit 1,
        # nothing written; it was left out with a warning, or set text without widths.
        for name, data in (("Broken.ttf", bytes(range(256)) * 64),
                           ("Cut.otf", (LIBERTINE_DIR / "LinBiolinum_R.otf").read_bytes()[:30000])):
            damaged = book / "fonts" / name
            damaged.write_bytes(data)
            out = tmp / f"damaged-{name}"
            r = folio_build(folio, book, out, "--style", "libertine", expect_rc=1)
            check(f"{damaged}: error: this font file cannot be used" in r.stderr
                  and "font-unreadable" in r.stderr, f"{name} is named ({r.stderr[-300:]!r})")
            check(not out.exists() or not any(out.iterdir()), f"nothing written for {name}")
            damaged.unlink()
        shutil.rmtree(book / "fonts")

        # A character the body font lacks is an error naming the font and the character.
        seed_text = (SEED / "preface.md").read_text()
        (book / "preface.md").write_text(seed_text.replace("\n\n", "\n\nA snowman \u2603.\n\n", 1))
        r = folio_build(folio, book, tmp / "glyph", "--pdf", expect_rc=1)
        check("'EB Garamond 12'" in r.stderr and "U+2603" in r.stderr
              and "pdf-missing-glyphs" in r.stderr and "fonts-ebgaramond" in r.stderr,
              f"a missing glyph is named with the font ({r.stderr[-400:]!r})")

        # Strong set in bold with EB Garamond 12: Debian's Bold is a stub, so fontconfig would
        # embolden the Regular. That is an error, not a silent fake.
        (book / "preface.md").write_text(seed_text.replace("\n\n", "\n\nSome **strong** words.\n\n", 1))
        house = book / "house"
        house.mkdir()
        (house / "bold.yaml").write_text("name: bold\nbody:\n  strong: bold\n")
        # book.yaml's style: path is the manuscript's, whatever the current folder.
        yaml = (book / "book.yaml").read_text().replace("style: classic",
                                                         "style: house/bold.yaml")
        (book / "book.yaml").write_text(yaml)
        r = folio_build(folio, book, tmp / "bold", "--pdf", expect_rc=1, cwd=tmp)
        check("no style named" not in r.stderr,
              f"style: house/bold.yaml found in the manuscript folder ({r.stderr[-300:]!r})")
        check("pdf-missing-face" in r.stderr and "EB Garamond 12 Bold" in r.stderr,
              f"a faked bold face is an error ({r.stderr[-400:]!r})")




def cmd_validate(folio, shared, style, manuscript, embed):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        chosen = style
        if embed:
            text = (ROOT / "styles" / f"{style}.yaml").read_text()
            text = (text.replace("embed-fonts: false", "embed-fonts: true")
                    if "embed-fonts:" in text else text + "epub:\n  embed-fonts: true\n")
            chosen = str(tmp / f"{style}-embed.yaml")
            Path(chosen).write_text(text)
        out = tmp / "out"
        folio_build(folio, manuscript, out, "--epub", "--style", chosen)
        epub = only(out, ".epub")
        if check(epub is not None, f"{style} EPUB of {manuscript.name} written"):
            if embed:
                with zipfile.ZipFile(epub) as z:
                    check(any(n.startswith("EPUB/fonts/") for n in z.namelist()),
                          "fonts embedded")
            run_validator(shared / "validate" / "epubcheck.sh", epub, "0 errors, 0 warnings")
            run_validator(shared / "validate" / "ace.sh", epub,
                          "0 critical, 0 serious, 0 moderate, 0 minor")


def main():
    folio, shared, command = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    if command == "builds":
        cmd_builds(folio)
    elif command == "chapters":
        cmd_chapters(folio)
    elif command == "fonts":
        cmd_fonts(folio)
    elif command == "validate":
        style = sys.argv[4] if len(sys.argv) > 4 else "libertine"
        manuscript = ROOT / sys.argv[5] if len(sys.argv) > 5 else SEED
        cmd_validate(folio, shared, style, manuscript, "embed" in sys.argv[6:])
    else:
        sys.exit(f"unknown command {command}")
    finish()


if __name__ == "__main__":
    main()
