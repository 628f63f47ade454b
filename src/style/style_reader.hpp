// Binds a style file's YAML keys to typed Style fields; each binder reports its own errors.
#pragma once

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "style/style.hpp"
#include "support/diagnostic.hpp"

namespace folio::style {

// The largest length folio takes: 200 in, PDF's largest page (14,400 units).
constexpr double kMaxLength = 14400;
// The largest font size or leading: 10 in.
constexpr double kMaxFontSize = 720;
// The longest single-line string (a name, a family, a scene break, OpenType features).
constexpr std::size_t kMaxLineText = 200;

/// A decimal number, strictly: digits with an optional sign and fraction (and, with
/// `exponent`, an exponent), read without the locale. Not hexadecimal ("0x10", which strtod
/// takes), not "nan" or "inf", and never a value that is not finite. `rest` gets what follows.
std::optional<double> parse_decimal(std::string_view s, bool exponent, std::string_view* rest);

/// Reads values into a Style's fields: a binder (a Field) per key, which checks the value's
/// type and range and reports a positioned `style-invalid` error for a bad one.
class StyleReader {
 public:
  StyleReader(std::string file, support::Diagnostics& diags, double em)
      : file_(std::move(file)), diags_(diags), em_(em) {}

  bool ok() const { return ok_; }
  void fail() { ok_ = false; }
  support::Diagnostics& diagnostics() { return diags_; }

  void error(const YAML::Node& n, const std::string& message);
  support::SourcePos pos(const YAML::Node& n) const;

  using Field = std::function<void(const YAML::Node&)>;

  /// Walks a mapping: each key must be one of `fields`.
  void map(const YAML::Node& n, const std::string& where,
           const std::map<std::string, Field>& fields);

  /// A length: a number (points) or a string with a unit: pt, in, mm, cm, em. Decimal only,
  /// finite, at most `max` points.
  Field length(double& out, bool allow_zero = true, double max = kMaxLength);
  Field number(double& out, double min, double max);
  Field integer(int& out, int min, int max);
  Field boolean(bool& out);
  /// A string of one line: its characters checked as the manuscript's are (escapes decode to
  /// characters the raw-bytes check cannot see), at most kMaxLineText bytes; with `allowed`,
  /// one of those words.
  Field text(std::string& out, std::vector<std::string> allowed = {});
  /// Text that may span lines (extra-css): the same character checks, no length of its own
  /// (the style file's size bounds it).
  Field long_text(std::string& out);

  /// One of enum E's words (style_values.hpp), or of those in `allowed`, read into its value.
  template <class E>
  Field choice(E& out, std::vector<E> allowed = {}) {
    std::vector<std::string> list;
    for (const Word<E>& w : kWords<E>)
      if (allowed.empty() || std::find(allowed.begin(), allowed.end(), w.value) != allowed.end())
        list.emplace_back(w.word);
    return [this, &out, list = std::move(list)](const YAML::Node& n) {
      std::string given;
      text(given, list)(n);  // empty unless one of the words (an empty string is not)
      for (const Word<E>& w : kWords<E>)
        if (!given.empty() && w.word == given) out = w.value;
    };
  }

  /// The fields of a face, to which a section adds its own.
  std::map<std::string, Field> face_fields(Face& f);
  /// Walks a section that is a face with keys of its own (`more`).
  void face_section(const YAML::Node& n, const std::string& where, Face& face,
                    std::map<std::string, Field> more);
  /// A block design (`classes:` entries and `dateline.opening`). Values merge over the
  /// design already there (the built-in one), so a style names only what it changes.
  Field design(BlockDesign& d, const std::string& where);
  Field heading(Heading& h, const std::string& where);

  /// A number as messages write it ("0.5", "12").
  static std::string fmt_number(double v);

 private:
  bool usable(const YAML::Node& n, const std::string& v);

  std::string file_;
  support::Diagnostics& diags_;
  double em_;
  bool ok_ = true;
};

}  // namespace folio::style
