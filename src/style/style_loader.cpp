// Reads styles/<name>.yaml into a Style, reporting unknown keys and bad values with positions.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "manuscript/encoding.hpp"
#include "manuscript/yaml_document.hpp"
#include "style/front_matter_reader.hpp"
#include "style/style.hpp"

namespace folio::style {
namespace {

namespace fs = std::filesystem;

// A decimal number, strictly: digits with an optional sign and fraction (and, with
// `exponent`, an exponent), read without the locale. Not hexadecimal ("0x10", which strtod
// takes), not "nan" or "inf", and never a value that is not finite. `rest` gets what follows.
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

// The largest style file read (the shipped ones are about 2 KB).
constexpr std::size_t kMaxStyleBytes = 256u << 10;
// The most hyphenation exceptions in a style.
constexpr std::size_t kMaxExceptions = 10000;
// The largest length folio takes: 200 in, PDF's largest page (14,400 units).
constexpr double kMaxLength = 14400;
// The largest font size or leading: 10 in.
constexpr double kMaxFontSize = 720;
// The longest single-line string (a name, a family, a scene break, OpenType features).
constexpr std::size_t kMaxLineText = 200;

// Why CSS from a style cannot go into the EPUB's stylesheet as it is, or empty: it must not
// end the stylesheet or a comment early, hide markup, or leave braces, strings or comments
// open (which would swallow the rules folio writes after it).
std::string css_problem(std::string_view css) {
  std::string lower;
  for (char c : css) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* bad : {"</", "<!--", "-->", "]]>"})
    if (lower.find(bad) != std::string::npos)
      return std::string("it contains '") + bad + "', which could end the stylesheet in XHTML";
  if (lower.find("@import") != std::string::npos)
    return "it contains @import; an EPUB carries its stylesheets inside";
  int depth = 0;
  char quote = 0;
  for (std::size_t i = 0; i < css.size(); ++i) {
    char c = css[i];
    if (quote) {
      if (c == '\\')
        ++i;
      else if (c == quote)
        quote = 0;
      else if (c == '\n')
        return "a string is not closed on its line";
    } else if (c == '/' && i + 1 < css.size() && css[i + 1] == '*') {
      std::size_t end = css.find("*/", i + 2);
      if (end == std::string_view::npos) return "a comment is not closed";
      i = end + 1;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}') {
      if (--depth < 0) return "a '}' closes no block";
    }
  }
  if (quote) return "a string is not closed";
  if (depth > 0) return "a '{' is not closed";
  return {};
}

// Binds YAML keys to Style fields; each binder reports its own errors.
class StyleReader {
 public:
  StyleReader(std::string file, support::Diagnostics& diags, double em)
      : file_(std::move(file)), diags_(diags), em_(em) {}

  bool ok() const { return ok_; }
  void fail() { ok_ = false; }

  void error(const YAML::Node& n, const std::string& message) {
    diags_.error("style-invalid", pos(n), message);
    ok_ = false;
  }

  support::SourcePos pos(const YAML::Node& n) const {
    YAML::Mark m = n.Mark();
    if (m.is_null()) return {file_, 0, 0};
    return {file_, m.line + 1, m.column + 1};
  }

  using Field = std::function<void(const YAML::Node&)>;

  // Walks a mapping: each key must be one of `fields`.
  void map(const YAML::Node& n, const std::string& where,
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

  // A length: a number (points) or a string with a unit: pt, in, mm, cm, em. Decimal only,
  // finite, at most `max` points.
  Field length(double& out, bool allow_zero = true, double max = kMaxLength) {
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

  Field number(double& out, double min, double max) {
    return [this, &out, min, max](const YAML::Node& n) {
      std::string_view rest;
      auto v = n.IsScalar() ? parse_decimal(n.Scalar(), true, &rest) : std::nullopt;
      if (!v || !rest.empty()) return error(n, "expected a decimal number");
      if (!(*v >= min && *v <= max))
        return error(n, "value out of range (" + fmt_number(min) + " to " + fmt_number(max) + ")");
      out = *v;
    };
  }

  Field integer(int& out, int min, int max) {
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

  static std::string fmt_number(double v) {
    std::ostringstream o;
    o << v;
    return o.str();
  }

  Field boolean(bool& out) {
    return [this, &out](const YAML::Node& n) {
      try {
        out = n.as<bool>();
      } catch (const YAML::Exception&) {
        error(n, "expected true or false");
      }
    };
  }

  // A string of one line: its characters checked as the manuscript's are (escapes decode to
  // characters the raw-bytes check cannot see), at most kMaxLineText bytes.
  Field text(std::string& out, std::vector<std::string> allowed = {}) {
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

  // Text that may span lines (extra-css): the same character checks, no length of its own
  // (the style file's size bounds it).
  Field long_text(std::string& out) {
    return [this, &out](const YAML::Node& n) {
      if (!n.IsScalar()) return error(n, "expected a string");
      if (usable(n, n.Scalar())) out = n.Scalar();
    };
  }

  bool usable(const YAML::Node& n, const std::string& v) {
    if (manuscript::decoded_text_is_usable(v, pos(n), diags_)) return true;
    ok_ = false;
    return false;
  }

  Field face(Face& f, const std::string& where) {
    return [this, &f, where](const YAML::Node& n) {
      map(n, where,
          {{"family", text(f.family)},
           {"size", length(f.size, false, kMaxFontSize)},
           {"leading", length(f.leading, false, kMaxFontSize)},
           {"italic", boolean(f.italic)},
           {"small-caps", boolean(f.small_caps)},
           {"tracking", number(f.tracking, -0.1, 0.5)},
           {"features", text(f.features)}});
    };
  }

  std::map<std::string, Field> face_fields(Face& f) {
    return {{"family", text(f.family)},
            {"size", length(f.size, false, kMaxFontSize)},
            {"leading", length(f.leading, false, kMaxFontSize)},
            {"italic", boolean(f.italic)},
            {"small-caps", boolean(f.small_caps)},
            {"tracking", number(f.tracking, -0.1, 0.5)},
            {"features", text(f.features)}};
  }

  // A block design (`classes:` entries and `dateline.opening`). Values merge over the
  // design already there (the built-in one), so a style names only what it changes.
  Field design(BlockDesign& d, const std::string& where) {
    return [this, &d, where](const YAML::Node& n) {
      // Optional fields are read into temporaries: a bad value leaves the design as it was
      // (the error stops the load anyway).
      std::string align = d.align.value_or("");
      double size = d.size.value_or(0), leading = d.leading.value_or(0);
      double tracking = d.tracking.value_or(0), indent = d.indent.value_or(0);
      bool italic = d.italic.value_or(false), small_caps = d.small_caps.value_or(false);
      std::map<std::string, Field> fields{
          {"align", text(align, {"left", "center", "right", "justify"})},
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
          {"page", text(d.page, {"auto", "own", "own-recto"})},
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

  Field heading(Heading& h, const std::string& where) {
    return [this, &h, where](const YAML::Node& n) {
      auto fields = face_fields(h.face);
      fields["align"] = text(h.align, {"left", "center", "right"});
      fields["space-before"] = length(h.space_before);
      fields["space-after"] = length(h.space_after);
      fields["uppercase"] = boolean(h.uppercase);
      map(n, where, fields);
    };
  }

 private:
  std::string file_;
  support::Diagnostics& diags_;
  double em_;
  bool ok_ = true;
};

// KDP's standard paperback trim sizes, in inches (width × height).
constexpr struct {
  const char* name;
  double width, height;
} kTrims[] = {
    {"5x8", 5, 8},
    {"5.06x7.81", 5.06, 7.81},
    {"5.25x8", 5.25, 8},
    {"5.5x8.5", 5.5, 8.5},
    {"6x9", 6, 9},
    {"6.14x9.21", 6.14, 9.21},
    {"6.69x9.61", 6.69, 9.61},
    {"7x10", 7, 10},
    {"7.44x9.69", 7.44, 9.69},
    {"7.5x9.25", 7.5, 9.25},
    {"8x10", 8, 10},
    {"8.25x6", 8.25, 6},
    {"8.25x8.25", 8.25, 8.25},
    {"8.5x8.5", 8.5, 8.5},
    {"8.5x11", 8.5, 11},
};

// Faces that name no family inherit the body's.
void inherit_family(Style& s) {
  for (Face* f : {&s.chapter.face, &s.section.face, &s.subsection.face, &s.block_quote.face,
                  &s.dateline.face, &s.running_heads.face, &s.folios.face, &s.footnotes.face})
    if (f->family.empty()) f->family = s.body.family;
}

// A class name as the manuscript writes it after '.' and the CSS selector takes it as it is:
// a letter or '_' first, then letters, digits, '-' and '_'.
bool class_name_ok(std::string_view c) {
  if (c.empty() || c.size() > 100) return false;
  auto alpha = [](char x) { return std::isalpha(static_cast<unsigned char>(x)) || x == '_'; };
  if (!alpha(c.front())) return false;
  return std::all_of(c.begin(), c.end(), [&](char x) {
    return alpha(x) || std::isdigit(static_cast<unsigned char>(x)) || x == '-';
  });
}

// The most classes one style designs.
constexpr std::size_t kMaxClasses = 500;

}  // namespace

BlockDesigns default_designs(double em) {
  BlockDesigns d;
  auto design = [&](const char* cls) -> BlockDesign& { return d[cls]; };
  {
    BlockDesign& b = design("bridgehead");  // a run-in summary between parts of a chapter
    b.align = "center";
    b.italic = true;
    b.indent = 0;
    b.space_before = em;
    b.space_after = 0.5 * em;
    b.keep_with_next = true;
  }
  {
    BlockDesign& b = design("signature");  // a letter's valediction and name
    b.align = "right";
    b.indent = 0;
    b.space_before = 0.5 * em;
  }
  {
    BlockDesign& b = design("dedication");
    b.align = "center";
    b.italic = true;
    b.indent = 0;
    b.page = "own-recto";
    b.sink = 0.3;
  }
  {
    BlockDesign& b = design("letter");
    b.space_before = 0.5 * em;
    b.space_after = 0.5 * em;
  }
  design("epigraph").italic = true;  // inset as a block quote (block-quote's insets)
  {
    BlockDesign& b = design("attribution");  // an epigraph's or quotation's source
    b.align = "right";
    b.italic = false;
    b.indent = 0;
    b.space_before = 0.3 * em;
  }
  {
    BlockDesign& b = design("poem");
    b.align = "left";
    b.indent = 0;
    b.space_before = 0.5 * em;
    b.space_after = 0.5 * em;
  }
  {
    BlockDesign& b = design("stanza");
    b.align = "left";
    b.indent = 0;
    b.space_after = 0.5 * em;
  }
  {
    BlockDesign& b = design("salutation");  // "My dear Lucy,"
    b.align = "left";
    b.indent = 0;
    b.keep_with_next = true;
  }
  {
    BlockDesign& b = design("postscript");
    b.indent = 0;
    b.space_before = 0.5 * em;
  }
  return d;
}

BlockDesign default_opening_dateline(double em) {
  BlockDesign b;
  b.align = "right";
  b.italic = true;
  b.indent = 0;
  b.space_after = 0.5 * em;
  b.keep_with_next = true;
  return b;
}

std::optional<std::pair<double, double>> trim_size(const std::string& name) {
  // Spaces, a trailing "in" and the multiplication sign are spelling, not meaning.
  std::string key;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name.compare(i, 2, "\xC3\x97") == 0) {  // U+00D7 ×
      key += 'x';
      ++i;
    } else if (name[i] != ' ') {
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
    }
  }
  if (key.size() > 2 && key.compare(key.size() - 2, 2, "in") == 0) key.resize(key.size() - 2);
  for (const auto& t : kTrims)
    if (key == t.name) return std::pair{t.width * 72, t.height * 72};
  return std::nullopt;
}

std::string trim_names() {
  std::string out;
  for (const auto& t : kTrims) out += (out.empty() ? "" : ", ") + std::string(t.name);
  return out;
}

namespace {

// `path` lexically within `dir` (both absolute and normal).
bool lexically_inside(const fs::path& path, const fs::path& dir) {
  fs::path p = path.lexically_normal(), d = dir.lexically_normal();
  auto [a, b] = std::mismatch(d.begin(), d.end(), p.begin(), p.end());
  return a == d.end() || (std::next(a) == d.end() && a->empty());  // "dir/" ends in ""
}

// `path` inside `dir` once symlinks and ".." are resolved.
bool resolves_inside(const fs::path& path, const fs::path& dir) {
  std::error_code ec1, ec2;
  fs::path real = fs::weakly_canonical(path, ec1);
  fs::path root = fs::weakly_canonical(dir, ec2);
  return !ec1 && !ec2 && lexically_inside(real, root);
}

}  // namespace

std::optional<fs::path> find_style(const std::string& name, const std::vector<fs::path>& dirs,
                                   const fs::path& base, const fs::path& manuscript,
                                   std::string* why) {
  std::error_code ec;
  auto refuse = [&](std::string reason) -> std::optional<fs::path> {
    if (why) *why = std::move(reason);
    return std::nullopt;
  };
  if (name.find('/') != std::string::npos || fs::path(name).extension() == ".yaml") {
    fs::path p = fs::path(name).is_relative() && !base.empty() ? base / name : fs::path(name);
    // A path from book.yaml is the manuscript's: it may not lead out of its folder (the file
    // would be read, and its keys quoted in messages).
    if (!base.empty() && !resolves_inside(p, base))
      return refuse(
          "a style path in book.yaml must stay inside the manuscript folder, "
          "symlinks followed; use an installed style's name, or --style PATH");
    if (fs::is_regular_file(p, ec)) return p;
    return refuse("");
  }
  if (name.empty() || name == "." || name == "..") return refuse("");
  for (const auto& dir : dirs) {
    fs::path p = dir / (name + ".yaml");
    if (!fs::is_regular_file(p, ec)) continue;
    // The manuscript's own styles/ folder holds the manuscript's files: confined like them.
    if (!manuscript.empty() && lexically_inside(fs::absolute(dir, ec), manuscript) &&
        !resolves_inside(p, manuscript))
      return refuse("the manuscript's styles/" + name +
                    ".yaml leads outside the manuscript folder; copy the style file into "
                    "styles/ instead of linking to it");
    return p;
  }
  return refuse("");
}

namespace {

std::optional<Style> read_style(const YAML::Node& root, const std::string& file_label,
                                support::Diagnostics& diags) {
  Style s;
  // "em" lengths are relative to the body size, so read it first (its own errors are
  // reported where the body is read; "em" makes no sense in it).
  if (root.IsMap() && root["body"] && root["body"].IsMap() && root["body"]["size"]) {
    support::Diagnostics ignored;
    StyleReader(file_label, ignored, 0)
        .length(s.body.size, false, kMaxFontSize)(root["body"]["size"]);
    if (!(s.body.size > 0)) s.body.size = Style{}.body.size;
  }
  StyleReader r(file_label, diags, s.body.size);
  // The built-in designs' em lengths follow the body size.
  s.classes = default_designs(s.body.size);
  s.dateline.opening = default_opening_dateline(s.body.size);
  if (root.IsNull()) return s;
  // The defaults name EB Garamond in every face; cleared, so a face the file leaves alone
  // follows the file's body family (inherit_family) instead of staying with classic's.
  for (Face* f : {&s.chapter.face, &s.section.face, &s.subsection.face, &s.block_quote.face,
                  &s.dateline.face, &s.running_heads.face, &s.folios.face, &s.footnotes.face})
    f->family.clear();
  Page& p = s.page;
  LineBreaking& lb = s.line_breaking;
  Hyphenation& hy = s.hyphenation;
  r.map(root, "the style",
        {{"name",
          [&](const YAML::Node& n) {
            r.text(s.name)(n);
            // The name is written into a CSS comment and into messages.
            if (s.name.find("*/") != std::string::npos ||
                s.name.find_first_of("<>&") != std::string::npos)
              r.error(n, "a style name cannot contain '*/', '<', '>' or '&'");
          }},
         {"page",
          [&](const YAML::Node& n) {
            std::string trim;
            bool explicit_size = false;
            auto sized = [&](double& out) {
              return [&, field = r.length(out, false)](const YAML::Node& v) {
                explicit_size = true;
                field(v);
              };
            };
            r.map(n, "page",
                  {{"trim", r.text(trim)},
                   {"width", sized(p.width)},
                   {"height", sized(p.height)},
                   {"height", r.length(p.height, false)},
                   {"top", r.length(p.top)},
                   {"bottom", r.length(p.bottom)},
                   {"inside", r.length(p.inside)},
                   {"outside", r.length(p.outside)}});
            if (!trim.empty()) {
              const YAML::Node at = n["trim"];
              if (explicit_size)
                return r.error(at, "give either trim or width and height, not both");
              auto size = trim_size(trim);
              if (!size)
                return r.error(at, "'" + trim + "' is not a KDP trim size (known: " + trim_names() +
                                       "; or give width and height)");
              p.width = size->first;
              p.height = size->second;
            }
            if (p.inside + p.outside >= p.width || p.top + p.bottom >= p.height)
              r.error(n, "the margins leave no room for text on the page");
          }},
         {"body",
          [&](const YAML::Node& n) {
            auto f = r.face_fields(s.body);
            f["indent"] = r.length(s.indent);
            f["grid"] = r.boolean(s.grid);
            f["strong"] = r.text(s.strong, {"bold", "italic", "small-caps"});
            f["mono-family"] = r.text(s.mono_family);
            f["fallback-families"] = [&](const YAML::Node& list) {
              if (!list.IsSequence()) return r.error(list, "fallback-families must be a list");
              if (list.size() > 8) return r.error(list, "at most 8 fallback families");
              s.fallback_families.clear();
              for (const auto& e : list) {
                std::string family;
                r.text(family)(e);
                // A comma would split the family list Pango is given.
                if (family.empty() || family.size() > 100 || family.find(',') != std::string::npos)
                  return r.error(e, "expected a font family name like 'DejaVu Serif'");
                s.fallback_families.push_back(family);
              }
            };
            r.map(n, "body", f);
          }},
         {"chapter", r.heading(s.chapter, "chapter")},
         {"section", r.heading(s.section, "section")},
         {"subsection", r.heading(s.subsection, "subsection")},
         {"block-quote",
          [&](const YAML::Node& n) {
            auto f = r.face_fields(s.block_quote.face);
            f["inset-left"] = r.length(s.block_quote.inset_left);
            f["inset-right"] = r.length(s.block_quote.inset_right);
            f["space-before"] = r.length(s.block_quote.space_before);
            f["space-after"] = r.length(s.block_quote.space_after);
            f["indent-paragraphs"] = r.boolean(s.block_quote.indent_paragraphs);
            r.map(n, "block-quote", f);
          }},
         {"dateline",
          [&](const YAML::Node& n) {
            auto f = r.face_fields(s.dateline.face);
            f["align"] = r.text(s.dateline.align, {"left", "center", "right"});
            f["space-before"] = r.length(s.dateline.space_before);
            f["opening"] = r.design(s.dateline.opening, "dateline.opening");
            r.map(n, "dateline", f);
          }},
         {"running-heads",
          [&](const YAML::Node& n) {
            auto f = r.face_fields(s.running_heads.face);
            std::vector<std::string> what{"title", "author", "section", "none"};
            f["verso"] = r.text(s.running_heads.verso, what);
            f["recto"] = r.text(s.running_heads.recto, what);
            f["baseline"] = r.length(s.running_heads.baseline);
            f["uppercase"] = r.boolean(s.running_heads.uppercase);
            r.map(n, "running-heads", f);
          }},
         {"folios",
          [&](const YAML::Node& n) {
            auto f = r.face_fields(s.folios.face);
            f["position"] = r.text(s.folios.position, {"head-outside", "foot-center"});
            f["foot-baseline"] = r.length(s.folios.foot_baseline);
            r.map(n, "folios", f);
          }},
         {"footnotes",
          [&](const YAML::Node& n) {
            auto f = r.face_fields(s.footnotes.face);
            f["space-before"] = r.length(s.footnotes.space_before);
            f["rule-width"] = r.length(s.footnotes.rule_width);
            f["rule-thickness"] = r.length(s.footnotes.rule_thickness);
            r.map(n, "footnotes", f);
          }},
         {"chapter-opening",
          [&](const YAML::Node& n) {
            r.map(n, "chapter-opening", {{"recto", r.boolean(s.opening.recto)}});
          }},
         {"scene-break", r.text(s.scene_break)},
         {"classes",
          [&](const YAML::Node& n) {
            if (!n.IsMap())
              return r.error(n, "classes must be a mapping of class names to designs");
            if (n.size() > kMaxClasses)
              return r.error(n, "more than " + std::to_string(kMaxClasses) + " designed classes");
            // Where each class is designed in this file: a class designed twice (a key
            // repeated, or a class in two lists "a, b") would leave one design unused.
            std::map<std::string, support::SourcePos> designed;
            for (const auto& kv : n) {
              if (!kv.first.IsScalar()) {
                r.error(kv.first, "a class name must be a name, not a list or a mapping");
                continue;
              }
              // "letter, note": one design for several classes.
              std::string names = kv.first.Scalar();
              std::vector<std::string> list;
              std::size_t p = 0;
              while (p <= names.size()) {
                std::size_t q = names.find(',', p);
                if (q == std::string::npos) q = names.size();
                std::string one = names.substr(p, q - p);
                one.erase(0, one.find_first_not_of(' '));
                one.erase(one.find_last_not_of(' ') + 1);
                list.push_back(one);
                p = q + 1;
              }
              bool names_ok = true;
              for (const std::string& c : list)
                if (!class_name_ok(c)) {
                  r.error(kv.first, "'" + c +
                                        "' is not a class name (a letter first, then letters, "
                                        "digits, '-' or '_'; several separated by commas)");
                  names_ok = false;
                }
              if (!names_ok) continue;
              for (const std::string& c : list) {
                support::SourcePos at = r.pos(kv.first);
                auto [it, fresh] = designed.emplace(c, at);
                if (!fresh) {
                  diags.report({support::Severity::error,
                                "style-invalid",
                                "the class '" + c +
                                    "' is designed twice in this style (first at "
                                    "line " +
                                    std::to_string(it->second.line) + ", column " +
                                    std::to_string(it->second.column) +
                                    "); only one design could be used: merge them into one",
                                at,
                                {},
                                {}});
                  names_ok = false;
                }
              }
              if (!names_ok) {
                r.fail();
                continue;
              }
              for (const std::string& c : list)
                r.design(s.classes[c], "the design of '" + c + "'")(kv.second);
            }
          }},
         {"front-matter",
          [&](const YAML::Node& n) { read_front_matter(r, n, s.front_matter, kMaxFontSize); }},
         {"epub",
          [&](const YAML::Node& n) {
            r.map(n, "epub",
                  {{"embed-fonts", r.boolean(s.epub.embed_fonts)},
                   {"extra-css", [&](const YAML::Node& v) {
                      r.long_text(s.epub.extra_css)(v);
                      if (std::string why = css_problem(s.epub.extra_css); !why.empty())
                        r.error(v, "extra-css cannot go into the EPUB's stylesheet: " + why);
                    }}});
          }},
         {"hyphenation",
          [&](const YAML::Node& n) {
            std::string dir = hy.dictionary_dir.string();
            r.map(n, "hyphenation",
                  {{"enabled", r.boolean(hy.enabled)},
                   {"left-min", r.integer(hy.left_min, 1, 10)},
                   {"right-min", r.integer(hy.right_min, 1, 10)},
                   {"min-word", r.integer(hy.min_word, 2, 20)},
                   {"capitalized", r.boolean(hy.capitalized)},
                   {"dictionary-dir", r.text(dir)},
                   {"exceptions", [&](const YAML::Node& list) {
                      if (!list.IsSequence()) return r.error(list, "exceptions must be a list");
                      if (list.size() > kMaxExceptions)
                        return r.error(
                            list, "more than " + std::to_string(kMaxExceptions) + " exceptions");
                      for (const auto& e : list) {
                        std::string word;
                        r.text(word)(e);
                        if (word.empty() || word.size() > 100)
                          return r.error(e, "expected a word like 'man-u-script'");
                        hy.exceptions.push_back(word);
                      }
                    }}});
            hy.dictionary_dir = dir;
          }},
         {"line-breaking", [&](const YAML::Node& n) {
            r.map(n, "line-breaking",
                  {{"pretolerance", r.number(lb.pretolerance, -1, 10000)},
                   {"tolerance", r.number(lb.tolerance, 0, 10000)},
                   {"line-penalty", r.number(lb.line_penalty, 0, 10000)},
                   {"hyphen-penalty", r.number(lb.hyphen_penalty, -10000, 10000)},
                   {"ex-hyphen-penalty", r.number(lb.ex_hyphen_penalty, -10000, 10000)},
                   {"adj-demerits", r.number(lb.adj_demerits, 0, 1e9)},
                   {"double-hyphen-demerits", r.number(lb.double_hyphen_demerits, 0, 1e9)},
                   {"final-hyphen-demerits", r.number(lb.final_hyphen_demerits, 0, 1e9)},
                   {"emergency-stretch", r.length(lb.emergency_stretch)},
                   {"space-stretch", r.number(lb.space_stretch, 0, 10)},
                   {"space-shrink", r.number(lb.space_shrink, 0, 0.9)},
                   {"runt-demerits", r.number(lb.runt_demerits, 0, 1e9)},
                   {"max-hyphen-ladder", r.integer(lb.max_hyphen_ladder, 0, 10)}});
          }}});
  check_front_matter(r, root, s.front_matter, p.width - p.inside - p.outside);
  if (!r.ok()) return std::nullopt;
  inherit_family(s);
  return s;
}

}  // namespace

std::optional<Style> parse_style(const std::string& yaml, const std::string& file_label,
                                 support::Diagnostics& diags) {
  // The same character rules as the manuscript's files: invalid UTF-8, controls, bidi controls.
  if (!manuscript::text_is_usable(file_label, yaml, diags)) return std::nullopt;
  // Bounded before it is walked: nesting, aliases, repeated keys, one document.
  auto root = manuscript::load_yaml_document(file_label, yaml, "style-yaml", diags);
  if (!root) return std::nullopt;
  try {
    return read_style(*root, file_label, diags);
  } catch (const YAML::Exception& e) {
    // A conversion the reader did not foresee: still an error at its place, never an internal one.
    diags.error("style-yaml", manuscript::yaml_pos(file_label, e.mark), e.msg);
    return std::nullopt;
  }
}

std::optional<Style> load_style(const fs::path& file, support::Diagnostics& diags) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) {
    diags.error("style-unreadable", {file.string(), 0, 0}, "the style is not a regular file");
    return std::nullopt;
  }
  auto size = fs::file_size(file, ec);
  if (ec || size > kMaxStyleBytes) {
    diags.error("style-unreadable", {file.string(), 0, 0},
                ec ? "cannot read the style file: " + ec.message()
                   : "the style file is larger than the " + std::to_string(kMaxStyleBytes >> 10) +
                         " KiB folio accepts");
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    diags.error("style-unreadable", {file.string(), 0, 0}, "cannot read the style file");
    return std::nullopt;
  }
  // Read at most the limit even if the file grew since it was measured.
  std::string text(kMaxStyleBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > kMaxStyleBytes) {
    diags.error("style-unreadable", {file.string(), 0, 0},
                "the style file is larger than the " + std::to_string(kMaxStyleBytes >> 10) +
                    " KiB folio accepts");
    return std::nullopt;
  }
  auto st = parse_style(text, file.string(), diags);
  if (st) {
    st->file = file;
    // A relative dictionary folder is the style's, as a relative image path is the manuscript's.
    if (st->hyphenation.dictionary_dir.is_relative())
      st->hyphenation.dictionary_dir =
          (file.parent_path() / st->hyphenation.dictionary_dir).lexically_normal();
  }
  return st;
}

}  // namespace folio::style
