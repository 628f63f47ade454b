// The text of a new manuscript: book.yaml with every key explained, two sections, a note.
#include "cli/scaffold.hpp"

#include <fmt/format.h>

namespace folio::cli {
namespace {

// Every key folio reads, in the order of docs/manuscript.md. Optional keys are written
// commented out with a sensible example, so that uncommenting one is the whole edit.
constexpr const char* kBookYaml = R"(# book.yaml: the book's metadata and the order of its files.
# Key names are Pandoc's wherever Pandoc has one, so this folder also reads in Pandoc:
#   pandoc -f markdown-smart --metadata-file book.yaml preface.md 01-chapter.md -o book.epub
# Optional keys are commented out: remove the "# " to use one. See FORMAT.txt.

# The title (required): on the title page, in running heads, in stores' listings.
title: {title}
# A subtitle, set below the title on the title page.
# subtitle: A Novel in Three Parts
# The author (required): one name, or a list of names: [Ada Writer, Ben Editor]
author: {author}
# The language of the text as a BCP 47 tag (required): en, en-US, fr-CA, de-CH…
# Hyphenation in the PDF and reading systems' voices and dictionaries depend on it.
lang: {lang}
# The publication date in ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD (quoted, so YAML keeps
# it as written). Reproducible builds date their outputs with it.
# date: "2025-01-31"
# The book's identifier: an ISBN (978…, isbn:…, urn:isbn:…) or any URI. Without one,
# folio derives a stable identifier from the title and author.
# identifier: urn:isbn:9780306406157
# publisher: Example Press
# The copyright line of the copyright page.
# rights: © 2025 Your Name. All rights reserved.
# One paragraph for a store page.
# description: >-
#   What the book is about, in a few sentences.
# Subjects, for catalogues: a string or a list.
# subject: [Fiction, Short stories]
# A PNG or JPEG inside this folder; without one, folio makes a cover from the title.
# cover-image: cover.jpg
# The PDF's design: a style name (classic), a file in this folder's styles/ folder,
# or a path to a .yaml style file.
style: classic
# The Markdown files, in reading order. Without this list, every *.md file directly in
# this folder is read in name order.
contents:
  - preface.md
  - 01-chapter.md
# Warnings to silence, by code and by file name or pattern (`folio check` prints the code
# in brackets after each message). Errors cannot be silenced.
# check:
#   ignore:
#     double-space: [preface.md]
)";

constexpr const char* kPreface = R"(# Preface {{epub:type=preface}}

This is the preface. A level-1 heading opens each section of the book, and its
`epub:type` attribute gives the section its role: a preface belongs to the front
matter, before the chapters; a heading without a role opens a chapter.

Write the text as you would an email: paragraphs are separated by blank lines,
*emphasis* is written between asterisks, and the typography is your own: curly
quotes (“ ” ‘ ’), dashes (— –) and ellipses (…) are typed as characters. `folio
check` points out straight quotes and double hyphens, with the fix.

::: dateline
Somewhere, a city\
The first day
:::
)";

constexpr const char* kChapter = R"(# The First Chapter

The story begins here. Run `folio build` in the folder above this one to make the
EPUB and the PDF, or `folio watch` to rebuild them each time you save.

> A block quote is written like a quoted email: each line starts with `>`.
>
> It may run to several paragraphs.

A footnote is a reference in the text[^first] and, anywhere in the same file, its
definition. folio numbers the notes through the whole book.

[^first]: The note itself, which may hold *emphasis* too.

* * *

A scene break, above, is a line of spaced asterisks. Small capitals are written
[like this]{{.smallcaps}}.
)";

constexpr const char* kFormatNote =
    R"(This folder is a folio manuscript: book.yaml and Markdown files.

  book.yaml       the metadata (title, author, language…) and, under `contents`,
                  the Markdown files in reading order
  preface.md      one Markdown file per part of the book; each level-1 heading
  01-chapter.md   (`# Title`) opens a section, which is a chapter unless its
                  heading says otherwise: `# Preface {{epub:type=preface}}`
  styles/         (optional) your own PDF styles, named in book.yaml's `style`

To add a chapter, write 02-chapter.md and list it under `contents` in book.yaml.
Images (PNG or JPEG) go in this folder and are placed with ![Caption](map.png).

The commands, run from the folder that holds this one:

  folio check {folder}        report problems, with file:line:column
  folio build {folder}        write out/<title>.epub and out/<title>.pdf
  folio watch {folder}        rebuild on every save
  folio preview {folder}      draw pages 1–8 of the PDF into a PNG

The Markdown is the part of Pandoc's Markdown that books need: block quotes,
footnotes, scene breaks (* * *), hard line breaks (a backslash at the end of a
line), datelines and epigraphs (::: dateline … :::), verse (lines starting with
"| "), small caps ([text]{{.smallcaps}}). folio's docs/manuscript.md has an example
of each; `man folio` describes the commands.
)";

}  // namespace

std::string yaml_quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string title_from_folder_name(const std::string& name) {
  std::string out;
  bool word_start = true;
  for (char c : name) {
    if (c == '-' || c == '_' || c == ' ' || c == '.') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      word_start = true;
      continue;
    }
    // Only ASCII letters are capitalised; any other byte (UTF-8 included) is kept as is.
    out += word_start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    word_start = false;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out.empty() ? "Untitled" : out;
}

std::vector<ScaffoldFile> scaffold_files(const ScaffoldInfo& info) {
  return {
      {"book.yaml",
       fmt::format(kBookYaml, fmt::arg("title", yaml_quoted(info.title)),
                   fmt::arg("author", yaml_quoted(info.author)), fmt::arg("lang", info.lang))},
      {"preface.md", fmt::format(kPreface)},
      {"01-chapter.md", fmt::format(kChapter)},
      {"FORMAT.txt", fmt::format(kFormatNote, fmt::arg("folder", info.folder))},
  };
}

}  // namespace folio::cli
