// book.yaml checks: what a store needs (title, author, lang) and values that must parse.
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "check/families.hpp"
#include "check/metadata_values.hpp"
#include "check/nearest_name.hpp"

namespace folio::check {
namespace {

constexpr const char* kBookYaml = "book.yaml";

// The keys folio reads. Keep in step with manuscript/metadata.cpp and the check settings.
constexpr std::array<std::string_view, 16> kKnownKeys{
    "title",     "subtitle", "author",  "lang",        "date",    "identifier",
    "publisher", "rights",   "edition", "description", "subject", "cover-image",
    "style",     "contents", "check",   "print"};

// `print:`'s keys and the values each takes (style::printer_named, paper_named).
constexpr std::array<std::string_view, 3> kPrintKeys{"for", "paper", "binding"};
constexpr std::array<std::string_view, 3> kPrinters{"screen", "kdp", "ingramspark"};
constexpr std::array<std::string_view, 2> kPapers{"white", "cream"};
constexpr std::array<std::string_view, 1> kBindings{"paperback"};

// Where to point when a key is absent or empty: the key if written, else the file's start.
support::SourcePos key_pos(const model::Metadata& meta, std::string_view key) {
  for (const auto& k : meta.keys)
    if (k.value == key) return k.source;
  return {kBookYaml, 1, 1};
}

// The exact source range of a value, when the bytes there spell it (a quoted value's range
// starts after the quote); nullopt when escapes or folding make the bytes differ.
struct Range {
  support::SourcePos begin, end;
};
std::optional<Range> range_of(const manuscript::Manuscript& m, const model::MetaString& s) {
  const manuscript::SourceFile* yaml = m.source(kBookYaml);
  if (!yaml || !s.source.has_line()) return std::nullopt;
  LineIndex lines(yaml->text);
  std::size_t at = lines.line_start(s.source.line) + static_cast<std::size_t>(s.source.column - 1);
  if (at < yaml->text.size() && (yaml->text[at] == '"' || yaml->text[at] == '\'')) ++at;
  if (yaml->text.compare(at, s.value.size(), s.value) != 0) return std::nullopt;
  return Range{lines.at(kBookYaml, at), lines.at(kBookYaml, at + s.value.size())};
}

void check_required(const model::Metadata& meta, support::Diagnostics& diags) {
  if (meta.title.empty())
    diags.error("missing-title", key_pos(meta, "title"),
                "book.yaml has no title (add `title: …`; stores and readers need one)");
  bool has_author = false;
  for (const auto& a : meta.authors) has_author = has_author || !a.empty();
  if (!has_author)
    diags.error("missing-author", key_pos(meta, "author"),
                "book.yaml has no author (add `author: …`, or a list for several)");
  if (meta.lang.empty())
    diags.error("missing-lang", key_pos(meta, "lang"),
                "book.yaml has no lang (add e.g. `lang: en-US`; hyphenation and reading "
                "systems need it)");
}

void check_lang(const manuscript::Manuscript& m, support::Diagnostics& diags) {
  const model::Metadata& meta = m.document.metadata;
  if (meta.lang.empty() || is_bcp47(meta.lang.value)) return;
  std::string fixed = meta.lang.value;
  for (char& c : fixed)
    if (c == '_') c = '-';
  support::Diagnostic d{support::Severity::error,
                        "lang-invalid",
                        "'" + meta.lang.value +
                            "' is not a BCP 47 language tag (e.g. en, en-US, "
                            "fr-CA, zh-Hant)",
                        meta.lang.source,
                        {},
                        {}};
  auto range = range_of(m, meta.lang);
  if (range) d.pos = range->begin;
  if (fixed != meta.lang.value && is_bcp47(fixed)) {
    d.message += "; did you mean '" + fixed + "'?";
    if (range) {
      d.end = range->end;
      d.fix = fixed;
    }
  }
  diags.report(std::move(d));
}

void check_identifier(const model::Metadata& meta, support::Diagnostics& diags) {
  if (meta.identifier.empty()) return;
  IsbnVerdict v = check_isbn(meta.identifier.value);
  if (v.kind == IsbnVerdict::bad_format)
    diags.error("isbn-format", meta.identifier.source,
                "'" + meta.identifier.value +
                    "' is not an ISBN: it needs 10 or 13 digits "
                    "(hyphens and spaces allowed; X only as the last of 10)");
  else if (v.kind == IsbnVerdict::bad_check_digit)
    diags.error("isbn-check-digit", meta.identifier.source,
                "the ISBN '" + meta.identifier.value + "' has a wrong check digit (it should be " +
                    std::string(1, v.expected_check_digit) + "); is a digit mistyped?");
}

void check_date(const model::Metadata& meta, support::Diagnostics& diags) {
  if (meta.date.empty() || is_iso8601_date(meta.date.value)) return;
  diags.error("date-format", meta.date.source,
              "the date '" + meta.date.value +
                  "' is not ISO 8601 (write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1989-07-28)");
}

void check_keys(const manuscript::Manuscript& m, support::Diagnostics& diags,
                const std::vector<model::MetaString>& keys,
                std::span<const std::string_view> known_keys) {
  for (const auto& k : keys) {
    bool known = false;
    for (std::string_view name : known_keys) known = known || name == k.value;
    if (known) continue;
    support::Diagnostic d{support::Severity::warning,
                          "unknown-key",
                          "folio does not know the key '" + k.value + "' and ignores it",
                          k.source,
                          {},
                          {}};
    if (auto near = nearest_name(k.value, known_keys)) {
      d.message += "; did you mean '" + *near + "'?";
      if (auto range = range_of(m, k)) {
        d.pos = range->begin;
        d.end = range->end;
        d.fix = *near;
      }
    }
    diags.report(std::move(d));
  }
}

// A `print:` value among those folio knows (`print-value`), with the nearest as its fix.
void check_print_value(const manuscript::Manuscript& m, const model::MetaString& v,
                       std::string_view key, std::span<const std::string_view> values,
                       support::Diagnostics& diags) {
  if (v.empty()) return;
  for (std::string_view known : values)
    if (known == v.value || (key == "paper" && v.value == "creme")) return;
  std::string list;
  for (std::string_view known : values) list += (list.empty() ? "" : ", ") + std::string(known);
  support::Diagnostic d{
      support::Severity::error,
      "print-value",
      "print: " + std::string(key) + ": '" + v.value + "' is not one folio knows (" + list + ")",
      v.source,
      {},
      {}};
  if (auto near = nearest_name(v.value, values)) {
    d.message += "; did you mean '" + *near + "'?";
    if (auto range = range_of(m, v)) {
      d.pos = range->begin;
      d.end = range->end;
      d.fix = *near;
    }
  }
  diags.report(std::move(d));
}

}  // namespace

void check_metadata(const manuscript::Manuscript& m, support::Diagnostics& diags) {
  const model::Metadata& meta = m.document.metadata;
  check_required(meta, diags);
  check_lang(m, diags);
  check_identifier(meta, diags);
  check_date(meta, diags);
  check_keys(m, diags, meta.keys, kKnownKeys);
  check_keys(m, diags, meta.print.keys, kPrintKeys);
  check_print_value(m, meta.print.printer, "for", kPrinters, diags);
  check_print_value(m, meta.print.paper, "paper", kPapers, diags);
  check_print_value(m, meta.print.binding, "binding", kBindings, diags);
}

}  // namespace folio::check
