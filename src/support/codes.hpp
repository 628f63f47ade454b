// The registry of diagnostic codes: one row per stable code, whoever reports it.
#pragma once

#include <array>
#include <cstdint>
#include <iosfwd>
#include <span>
#include <string_view>

namespace folio::support {

enum class Severity { note, warning, error };

/// Which part of folio reports a code (also the heading it sits under in docs/checks.md).
enum class Family {
  reader,      ///< the manuscript reader; an error leaves no usable model
  metadata,    ///< book.yaml's values
  files,       ///< the files of the manuscript folder
  structure,   ///< the book's structure: headings, divs, notes, links, images
  typography,  ///< prose: warnings, each with a fix except the balance check
  settings,    ///< the check settings in book.yaml
  style,       ///< the style file
  print,       ///< typesetting the print edition and writing its PDF
  epub,        ///< writing the EPUB
  editions,    ///< comparing the EPUB with the print edition after a build
  build,       ///< the build itself
  import_      ///< `folio import`: reading an EPUB and writing a new manuscript
};

struct CodeInfo {
  std::string_view name;
  /// The most severe level the code is reported at (pdf-no-hyphenation is a warning for the
  /// book's language and a note for others); errors can never be ignored.
  Severity severity;
  Family family;
  /// True when `folio check --fix` may apply the diagnostic's fix without asking.
  bool auto_fix = false;
};

namespace code_table {

using enum Severity;
using enum Family;

// In documentation order: docs/checks.md has one entry per row, under its family's heading
// (a test holds them in step).
inline constexpr std::array kRows{
    CodeInfo{"no-manuscript", error, reader},
    CodeInfo{"no-book-yaml", error, reader},
    CodeInfo{"file-unreadable", error, reader},
    CodeInfo{"yaml-syntax", error, reader},
    CodeInfo{"yaml-not-mapping", error, reader},
    CodeInfo{"yaml-duplicate-key", error, reader},
    CodeInfo{"yaml-limit", error, reader},
    CodeInfo{"meta-type", error, reader},
    CodeInfo{"contents-missing", error, reader},
    CodeInfo{"contents-duplicate", error, reader},
    CodeInfo{"manuscript-too-large", error, reader},
    CodeInfo{"block-limit", error, reader},
    CodeInfo{"paragraph-limit", error, reader},
    CodeInfo{"footnote-limit", error, reader},
    CodeInfo{"invalid-utf8", error, reader},
    CodeInfo{"control-character", error, reader},
    CodeInfo{"bidi-control", error, reader},
    CodeInfo{"escaped-character", error, reader},
    CodeInfo{"combining-flood", error, reader},
    CodeInfo{"unterminated-div", error, reader},
    CodeInfo{"div-container", error, reader},
    CodeInfo{"nesting-limit", error, reader},
    CodeInfo{"stray-div-fence", warning, reader},
    CodeInfo{"dateline-content", warning, reader},
    CodeInfo{"raw-html", warning, reader},
    CodeInfo{"table-ragged-row", warning, reader},
    CodeInfo{"missing-title", error, metadata},
    CodeInfo{"missing-author", error, metadata},
    CodeInfo{"missing-lang", error, metadata},
    CodeInfo{"lang-invalid", error, metadata},
    CodeInfo{"lang-attribute-invalid", warning, metadata},
    CodeInfo{"isbn-check-digit", error, metadata},
    CodeInfo{"isbn-format", error, metadata},
    CodeInfo{"date-format", error, metadata},
    CodeInfo{"unknown-key", warning, metadata},
    CodeInfo{"print-value", error, metadata},
    CodeInfo{"meta-ignored", warning, metadata},
    CodeInfo{"file-not-in-contents", warning, files},
    CodeInfo{"byte-order-mark", warning, files, true},
    CodeInfo{"line-endings", warning, files},
    CodeInfo{"missing-heading", warning, structure},
    CodeInfo{"heading-skip", warning, structure},
    CodeInfo{"heading-empty", error, structure},
    CodeInfo{"unknown-role", warning, structure},
    CodeInfo{"matter-order", warning, structure},
    CodeInfo{"unknown-div-class", warning, structure},
    CodeInfo{"dateline-position", warning, structure},
    CodeInfo{"signature-position", warning, structure},
    CodeInfo{"dateline-empty", error, structure},
    CodeInfo{"dateline-lines", warning, structure},
    CodeInfo{"epigraph-position", warning, structure},
    CodeInfo{"empty-block-quote", warning, structure},
    CodeInfo{"footnote-undefined", error, structure},
    CodeInfo{"footnote-unreferenced", warning, structure},
    CodeInfo{"footnote-duplicate", error, structure},
    CodeInfo{"footnote-in-footnote", error, structure},
    CodeInfo{"duplicate-id", error, structure},
    CodeInfo{"broken-link", error, structure},
    CodeInfo{"unsupported-link", warning, structure},
    CodeInfo{"image-missing", error, structure},
    CodeInfo{"image-format", error, structure},
    CodeInfo{"image-outside", error, structure},
    CodeInfo{"image-damaged", error, structure},
    CodeInfo{"image-svg-unsafe", error, structure},
    CodeInfo{"image-too-large", error, structure},
    CodeInfo{"image-alt", warning, structure},
    CodeInfo{"straight-quote", warning, typography, true},
    CodeInfo{"straight-apostrophe", warning, typography, true},
    CodeInfo{"ascii-dash", warning, typography, true},
    CodeInfo{"ascii-ellipsis", warning, typography, true},
    CodeInfo{"double-space", warning, typography, true},
    CodeInfo{"space-before-punctuation", warning, typography, true},
    CodeInfo{"unbalanced-quotes", warning, typography},
    CodeInfo{"style-not-found", error, style},
    CodeInfo{"style-outside-folder", error, style},
    CodeInfo{"style-unreadable", error, style},
    CodeInfo{"style-yaml", error, style},
    CodeInfo{"style-unknown-key", error, style},
    CodeInfo{"style-invalid", error, style},
    CodeInfo{"pdf-missing-glyphs", error, print},
    CodeInfo{"pdf-fallback-glyphs", note, print},
    CodeInfo{"pdf-font-missing", error, print},
    CodeInfo{"pdf-missing-face", error, print},
    CodeInfo{"font-outside-folder", error, print},
    CodeInfo{"font-unreadable", error, print},
    CodeInfo{"font-config", warning, print},
    CodeInfo{"hyphenation-dictionary", warning, print},
    CodeInfo{"pdf-no-hyphenation", warning, print},
    CodeInfo{"pdf-overfull-line", warning, print},
    CodeInfo{"pdf-figure-unreadable", error, print},
    CodeInfo{"image-resolution", warning, print},
    CodeInfo{"table-too-wide", warning, print},
    CodeInfo{"pdf-inline-image", warning, print},
    CodeInfo{"printer-margin", warning, print},
    CodeInfo{"pdf-cairo", error, print},
    CodeInfo{"pdf-postpass", error, print},
    CodeInfo{"pdf-output-intent", error, print},
    CodeInfo{"pdf-write", error, print},
    CodeInfo{"print-rgb-image", note, print},
    CodeInfo{"print-art-margin", warning, print},
    CodeInfo{"print-few-pages", warning, print},
    CodeInfo{"cover-few-pages", warning, print},
    CodeInfo{"cover-spine-text", note, print},
    CodeInfo{"cover-write", error, print},
    CodeInfo{"epub-style-not-found", warning, epub},
    CodeInfo{"epub-style-invalid", warning, epub},
    CodeInfo{"epub-font-missing", error, epub},
    CodeInfo{"epub-font-face-missing", warning, epub},
    CodeInfo{"epub-font-format", error, epub},
    CodeInfo{"epub-font-unreadable", error, epub},
    CodeInfo{"epub-font-restricted", error, epub},
    CodeInfo{"epub-image-remote", error, epub},
    CodeInfo{"epub-image-missing", error, epub},
    CodeInfo{"epub-image-outside", error, epub},
    CodeInfo{"epub-image-unreadable", error, epub},
    CodeInfo{"epub-image-type", error, epub},
    CodeInfo{"epub-cover-render", error, epub},
    CodeInfo{"epub-isbn-invalid", error, epub},
    CodeInfo{"epub-date-format", warning, epub},
    CodeInfo{"epub-duplicate-id", warning, epub},
    CodeInfo{"epub-link-target", warning, epub},
    CodeInfo{"epub-page-break", warning, epub},
    CodeInfo{"epub-no-page-list", warning, epub},
    CodeInfo{"epub-zip", error, epub},
    CodeInfo{"epub-write", error, epub},
    CodeInfo{"editions-epub-unreadable", error, editions},
    CodeInfo{"editions-text-differs", error, editions},
    CodeInfo{"editions-notes-differ", error, editions},
    CodeInfo{"editions-captions-differ", error, editions},
    CodeInfo{"editions-toc-differs", error, editions},
    CodeInfo{"editions-page-differs", error, editions},
    CodeInfo{"source-date-epoch", error, build},
    CodeInfo{"check-setting", warning, settings},
    CodeInfo{"import-unreadable", error, import_},
    CodeInfo{"import-format", error, import_},
    CodeInfo{"import-unsafe", error, import_},
    CodeInfo{"import-too-large", error, import_},
    CodeInfo{"import-xml", error, import_},
    CodeInfo{"import-output-exists", error, import_},
    CodeInfo{"import-write", error, import_},
    CodeInfo{"import-unmapped", warning, import_},
    CodeInfo{"import-image", warning, import_},
    CodeInfo{"import-tracked-change", warning, import_},
    CodeInfo{"import-comment", warning, import_},
};

// Called only where a code is not in the table: a call in a constant evaluation does not
// compile, so the compiler's error names this function at the offending call site.
void unregistered_diagnostic_code();

consteval std::uint16_t index_of(std::string_view name) {
  for (std::size_t i = 0; i < kRows.size(); ++i)
    if (kRows[i].name == name) return static_cast<std::uint16_t>(i);
  unregistered_diagnostic_code();
  return 0;
}

}  // namespace code_table

/// A registered diagnostic code. Built from a string literal at compile time, so a code that
/// is not in the table above does not compile: `diags.error("dateline-position", …)`.
class Code {
 public:
  /// No code (a Diagnostic built field by field, before its code is set).
  constexpr Code() = default;
  consteval Code(const char* name) : index_(code_table::index_of(name)) {}

  /// The registered code called `name`, or no code (empty()) when folio has none.
  static Code find(std::string_view name);

  bool empty() const { return index_ == kNone; }
  std::string_view name() const { return empty() ? std::string_view{} : info().name; }
  /// The code's row; only for a code that is not empty().
  const CodeInfo& info() const { return code_table::kRows[index_]; }

  friend bool operator==(Code a, std::string_view name) { return a.name() == name; }

 private:
  static constexpr std::uint16_t kNone = 0xFFFF;
  std::uint16_t index_ = kNone;
};

std::ostream& operator<<(std::ostream& out, Code code);

/// Every code folio reports, in documentation order.
constexpr std::span<const CodeInfo> all_codes() {
  return code_table::kRows;
}

/// The row for `name`, or null when folio has no such code.
const CodeInfo* find_code(std::string_view name);

}  // namespace folio::support
