// The code table. docs/checks.md has one entry per row (a test holds them in step).
#include "check/codes.hpp"

#include <array>

namespace folio::check {
namespace {

using support::Severity;

constexpr std::array kCodes{
    // Reported by the manuscript reader, which then builds no usable model.
    CodeInfo{"no-manuscript", Severity::error, Family::reader},
    CodeInfo{"no-book-yaml", Severity::error, Family::reader},
    CodeInfo{"yaml-syntax", Severity::error, Family::reader},
    CodeInfo{"yaml-not-mapping", Severity::error, Family::reader},
    CodeInfo{"yaml-duplicate-key", Severity::error, Family::reader},
    CodeInfo{"yaml-limit", Severity::error, Family::reader},
    CodeInfo{"meta-type", Severity::error, Family::reader},
    CodeInfo{"contents-missing", Severity::error, Family::reader},
    CodeInfo{"contents-duplicate", Severity::error, Family::reader},
    CodeInfo{"manuscript-too-large", Severity::error, Family::reader},
    CodeInfo{"block-limit", Severity::error, Family::reader},
    CodeInfo{"invalid-utf8", Severity::error, Family::reader},
    CodeInfo{"control-character", Severity::error, Family::reader},
    CodeInfo{"unterminated-div", Severity::error, Family::reader},
    CodeInfo{"div-container", Severity::error, Family::reader},
    CodeInfo{"nesting-limit", Severity::error, Family::reader},
    CodeInfo{"stray-div-fence", Severity::warning, Family::reader},
    CodeInfo{"dateline-content", Severity::warning, Family::reader},
    CodeInfo{"raw-html", Severity::warning, Family::reader},
    // book.yaml
    CodeInfo{"missing-title", Severity::error, Family::metadata},
    CodeInfo{"missing-author", Severity::error, Family::metadata},
    CodeInfo{"missing-lang", Severity::error, Family::metadata},
    CodeInfo{"lang-invalid", Severity::error, Family::metadata},
    CodeInfo{"isbn-check-digit", Severity::error, Family::metadata},
    CodeInfo{"isbn-format", Severity::error, Family::metadata},
    CodeInfo{"date-format", Severity::error, Family::metadata},
    CodeInfo{"unknown-key", Severity::warning, Family::metadata},
    CodeInfo{"meta-ignored", Severity::warning, Family::metadata},
    CodeInfo{"lang-attribute-invalid", Severity::warning, Family::metadata},
    // The files of the manuscript folder.
    CodeInfo{"file-not-in-contents", Severity::warning, Family::files},
    CodeInfo{"byte-order-mark", Severity::warning, Family::files, true},
    CodeInfo{"line-endings", Severity::warning, Family::files},
    // Structure of the book.
    CodeInfo{"missing-heading", Severity::warning, Family::structure},
    CodeInfo{"heading-skip", Severity::warning, Family::structure},
    CodeInfo{"heading-empty", Severity::error, Family::structure},
    CodeInfo{"unknown-role", Severity::warning, Family::structure},
    CodeInfo{"matter-order", Severity::warning, Family::structure},
    CodeInfo{"unknown-div-class", Severity::warning, Family::structure},
    CodeInfo{"dateline-position", Severity::warning, Family::structure},
    CodeInfo{"dateline-empty", Severity::error, Family::structure},
    CodeInfo{"dateline-lines", Severity::warning, Family::structure},
    CodeInfo{"signature-position", Severity::warning, Family::structure},
    CodeInfo{"epigraph-position", Severity::warning, Family::structure},
    CodeInfo{"empty-block-quote", Severity::warning, Family::structure},
    CodeInfo{"footnote-undefined", Severity::error, Family::structure},
    CodeInfo{"footnote-unreferenced", Severity::warning, Family::structure},
    CodeInfo{"footnote-duplicate", Severity::error, Family::structure},
    CodeInfo{"footnote-in-footnote", Severity::error, Family::structure},
    CodeInfo{"duplicate-id", Severity::error, Family::structure},
    CodeInfo{"broken-link", Severity::error, Family::structure},
    CodeInfo{"unsupported-link", Severity::warning, Family::structure},
    CodeInfo{"image-missing", Severity::error, Family::structure},
    CodeInfo{"image-format", Severity::error, Family::structure},
    CodeInfo{"image-outside", Severity::error, Family::structure},
    CodeInfo{"image-damaged", Severity::error, Family::structure},
    CodeInfo{"image-too-large", Severity::error, Family::structure},
    CodeInfo{"image-alt", Severity::warning, Family::structure},
    // Typography: warnings, each with a fix except the balance check.
    CodeInfo{"straight-quote", Severity::warning, Family::typography, true},
    CodeInfo{"straight-apostrophe", Severity::warning, Family::typography, true},
    CodeInfo{"ascii-dash", Severity::warning, Family::typography, true},
    CodeInfo{"ascii-ellipsis", Severity::warning, Family::typography, true},
    CodeInfo{"double-space", Severity::warning, Family::typography, true},
    CodeInfo{"space-before-punctuation", Severity::warning, Family::typography, true},
    CodeInfo{"unbalanced-quotes", Severity::warning, Family::typography},
    // The check settings in book.yaml.
    CodeInfo{"check-setting", Severity::warning, Family::settings},
};

}  // namespace

std::span<const CodeInfo> all_codes() {
  return kCodes;
}

const CodeInfo* find_code(std::string_view code) {
  for (const CodeInfo& c : kCodes)
    if (c.code == code) return &c;
  return nullptr;
}

}  // namespace folio::check
