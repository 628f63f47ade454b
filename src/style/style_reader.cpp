// StyleReader's binders: each checks a YAML value's type and range, with positioned errors.
#include "style/style_reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <sstream>

#include "manuscript/encoding.hpp"

namespace folio::style {

std::optional<double> parse_decimal(std::string_view s, bool exponent, std::string_view* rest) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  }
  if (digits == 0) return std::nullopt;
  if (exponent && i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
    std::size_t exp_digits = 0;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j, ++exp_digits;
    if (exp_digits > 0) i = j;
  }
  std::string_view number = s.substr(0, i);
  if (number.front() == '+') number.remove_prefix(1);
  double value = 0;
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (ec != std::errc() || end != number.data() + number.size() || !std::isfinite(value))
    return std::nullopt;
  if (rest) *rest = s.substr(i);
  return value;
}

void StyleReader::error(const YAML::Node& n, const std::string& message) {
  diags_.error("style-invalid", pos(n), message);
  ok_ = false;
}

support::SourcePos StyleReader::pos(const YAML::Node& n) const {
  YAML::Mark m = n.Mark();
  if (m.is_null()) return {file_, 0, 0};
  return {file_, m.line + 1, m.column + 1};
}

void StyleReader::map(const YAML::Node& n, const std::string& where,
                      const std::map<std::string, Field>& fields) {
  if (!n.IsMap()) {
    error(n, where + " must be a mapping");
    return;
  }
  for (const auto& kv : n) {
    if (!kv.first.IsScalar()) {
      error(kv.first, "a key in " + where + " must be a name, not a list or a mapping");
      continue;
    }
    std::string key = kv.first.Scalar();
    auto it = fields.find(key);
    if (it == fields.end()) {
      std::string known;
      for (const auto& f : fields) known += (known.empty() ? "" : ", ") + f.first;
      diags_.report({support::Severity::error,
                     "style-unknown-key",
                     "unknown key '" + key + "' in " + where + " (known: " + known + ")",
                     pos(kv.first),
                     {},
                     {}});
      ok_ = false;
      continue;
    }
    it->second(kv.second);
  }
}

StyleReader::Field StyleReader::length(double& out, bool allow_zero, double max) {
  return [this, &out, allow_zero, max](const YAML::Node& n) {
    if (!n.IsScalar()) return error(n, "a length must be a number or a string like '0.8in'");
    std::string s = n.Scalar();
    // No exponent: "1.5em" is 1.5 em, not 1.5 × 10^m.
    std::string_view rest;
    auto parsed = parse_decimal(s, false, &rest);
    if (!parsed) return error(n, "'" + s + "' is not a length (a decimal number and a unit)");
    double value = *parsed;
    std::string unit(rest);
    unit.erase(0, unit.find_first_not_of(' '));
    double factor = unit.empty() || unit == "pt" ? 1
                    : unit == "in"               ? 72
                    : unit == "mm"               ? 72 / 25.4
                    : unit == "cm"               ? 72 / 2.54
                    : unit == "em"               ? em_
                                                 : -1;
    if (factor < 0)
      return error(n, "'" + s + "' is not a length: unknown unit '" + unit +
                          "' (use a decimal number and pt, in, mm, cm or em)");
    if (value < 0 || (!allow_zero && value == 0))
      return error(n, "'" + s + "' must be " + (allow_zero ? "zero or more" : "more than zero"));
    if (!(value * factor <= max))
      return error(n, "'" + s + "' is larger than folio accepts here (" +
                          std::to_string(static_cast<int>(max)) + " pt)");
    out = value * factor;
  };
}

StyleReader::Field StyleReader::number(double& out, double min, double max) {
  return [this, &out, min, max](const YAML::Node& n) {
    std::string_view rest;
    auto v = n.IsScalar() ? parse_decimal(n.Scalar(), true, &rest) : std::nullopt;
    if (!v || !rest.empty()) return error(n, "expected a decimal number");
    if (!(*v >= min && *v <= max))
      return error(n, "value out of range (" + fmt_number(min) + " to " + fmt_number(max) + ")");
    out = *v;
  };
}

StyleReader::Field StyleReader::integer(int& out, int min, int max) {
  return [this, &out, min, max](const YAML::Node& n) {
    // Decimal digits only: yaml-cpp would read "0x10" as 16 and "010" as 8.
    const std::string s = n.IsScalar() ? n.Scalar() : std::string();
    int v = 0;
    const char* begin = s.data() + (s.starts_with('+') ? 1 : 0);
    auto [end, ec] = std::from_chars(begin, s.data() + s.size(), v, 10);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size())
      return error(n, "expected a whole number");
    if (v < min || v > max)
      return error(
          n, "value out of range (" + std::to_string(min) + " to " + std::to_string(max) + ")");
    out = v;
  };
}

std::string StyleReader::fmt_number(double v) {
  std::ostringstream o;
  o << v;
  return o.str();
}

StyleReader::Field StyleReader::boolean(bool& out) {
  return [this, &out](const YAML::Node& n) {
    try {
      out = n.as<bool>();
    } catch (const YAML::Exception&) {
      error(n, "expected true or false");
    }
  };
}

StyleReader::Field StyleReader::text(std::string& out, std::vector<std::string> allowed) {
  return [this, &out, allowed](const YAML::Node& n) {
    if (!n.IsScalar()) return error(n, "expected a string");
    std::string v = n.Scalar();
    if (!usable(n, v)) return;
    if (v.size() > kMaxLineText)
      return error(n, "longer than the " + std::to_string(kMaxLineText) +
                          " bytes folio accepts for this setting");
    if (v.find_first_of("\n\r\t") != std::string::npos)
      return error(n, "must be one line, without tabs");
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), v) == allowed.end()) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      return error(n, "'" + v + "' is not one of " + list);
    }
    out = v;
  };
}

StyleReader::Field StyleReader::long_text(std::string& out) {
  return [this, &out](const YAML::Node& n) {
    if (!n.IsScalar()) return error(n, "expected a string");
    if (usable(n, n.Scalar())) out = n.Scalar();
  };
}

bool StyleReader::usable(const YAML::Node& n, const std::string& v) {
  if (manuscript::decoded_text_is_usable(v, pos(n), diags_)) return true;
  ok_ = false;
  return false;
}

std::map<std::string, StyleReader::Field> StyleReader::face_fields(Face& f) {
  return {{"family", text(f.family)},
          {"size", length(f.size, false, kMaxFontSize)},
          {"leading", length(f.leading, false, kMaxFontSize)},
          {"italic", boolean(f.italic)},
          {"small-caps", boolean(f.small_caps)},
          {"tracking", number(f.tracking, -0.1, 0.5)},
          {"features", text(f.features)}};
}

StyleReader::Field StyleReader::design(BlockDesign& d, const std::string& where) {
  return [this, &d, where](const YAML::Node& n) {
    // Optional fields are read into temporaries: a bad value leaves the design as it was
    // (the error stops the load anyway).
    Align align = d.align.value_or(Align::justify);
    double size = d.size.value_or(0), leading = d.leading.value_or(0);
    double tracking = d.tracking.value_or(0), indent = d.indent.value_or(0);
    bool italic = d.italic.value_or(false), small_caps = d.small_caps.value_or(false);
    std::map<std::string, Field> fields{
        {"align", choice(align)},
        {"size", length(size, false, kMaxFontSize)},
        {"leading", length(leading, false, kMaxFontSize)},
        {"italic", boolean(italic)},
        {"small-caps", boolean(small_caps)},
        {"tracking", number(tracking, -0.1, 0.5)},
        {"indent", length(indent)},
        {"inset-left", length(d.inset_left)},
        {"inset-right", length(d.inset_right)},
        {"space-before", length(d.space_before)},
        {"space-after", length(d.space_after)},
        {"keep-with-next", boolean(d.keep_with_next)},
        {"page-break-before", boolean(d.page_break_before)},
        {"page", choice(d.page)},
        {"sink", [this, &d](const YAML::Node& v) {
           // A share of the text block's height: "30%" or 0.3.
           std::string_view rest;
           auto x = v.IsScalar() ? parse_decimal(v.Scalar(), false, &rest) : std::nullopt;
           double value = x ? *x : -1;
           if (x && rest == "%")
             value /= 100;
           else if (x && !rest.empty())
             value = -1;
           if (!(value >= 0 && value <= 1))
             return error(v,
                          "a sink is a share of the text block's height: '30%' or 0.3 "
                          "(0% to 100%)");
           d.sink = value;
         }}};
    if (!n.IsMap()) return error(n, where + " must be a mapping (align, italic, …)");
    map(n, where, fields);
    auto given = [&](const char* key) { return static_cast<bool>(n[key]); };
    if (given("align")) d.align = align;
    if (given("size")) d.size = size;
    if (given("leading")) d.leading = leading;
    if (given("italic")) d.italic = italic;
    if (given("small-caps")) d.small_caps = small_caps;
    if (given("tracking")) d.tracking = tracking;
    if (given("indent")) d.indent = indent;
    if (given("sink") && !d.own_page())
      error(n["sink"], "a sink places a block on its own page: give page: own or own-recto too");
    d.source = pos(n);
  };
}

void StyleReader::face_section(const YAML::Node& n, const std::string& where, Face& face,
                               std::map<std::string, Field> more) {
  more.merge(face_fields(face));
  map(n, where, more);
}

StyleReader::Field StyleReader::heading(Heading& h, const std::string& where) {
  return [this, &h, where](const YAML::Node& n) {
    face_section(n, where, h.face,
                 {{"align", choice(h.align, {Align::left, Align::center, Align::right})},
                  {"space-before", length(h.space_before)},
                  {"space-after", length(h.space_after)},
                  {"uppercase", boolean(h.uppercase)}});
  };
}

}  // namespace folio::style
