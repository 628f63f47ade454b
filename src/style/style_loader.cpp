// Reads styles/<name>.yaml into a Style, reporting unknown keys and bad values with positions.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <map>

#include "manuscript/encoding.hpp"
#include "manuscript/yaml_document.hpp"
#include "style/front_matter_reader.hpp"
#include "style/style.hpp"
#include "style/style_reader.hpp"
#include "style/table_design.hpp"

namespace folio::style {
namespace {

namespace fs = std::filesystem;

// The largest style file read (the shipped ones are about 2 KB).
constexpr std::size_t kMaxStyleBytes = 256u << 10;
// The most hyphenation exceptions in a style.
constexpr std::size_t kMaxExceptions = 10000;

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

// The faces of `s` besides the body's: each may name its own family.
std::vector<Face*> faces(Style& s) {
  return {&s.chapter.face,     &s.section.face,   &s.subsection.face,
          &s.block_quote.face, &s.dateline.face,  &s.running_heads.face,
          &s.folios.face,      &s.footnotes.face, &s.table.face};
}

// Faces that name no family inherit the body's.
void inherit_family(Style& s) {
  for (Face* f : faces(s))
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
    b.align = Align::center;
    b.italic = true;
    b.indent = 0;
    b.space_before = em;
    b.space_after = 0.5 * em;
    b.keep_with_next = true;
  }
  {
    BlockDesign& b = design("signature");  // a letter's valediction and name
    b.align = Align::right;
    b.indent = 0;
    b.space_before = 0.5 * em;
  }
  {
    BlockDesign& b = design("dedication");
    b.align = Align::center;
    b.italic = true;
    b.indent = 0;
    b.page = Placement::own_recto;
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
    b.align = Align::right;
    b.italic = false;
    b.indent = 0;
    b.space_before = 0.3 * em;
  }
  {
    BlockDesign& b = design("poem");
    b.align = Align::left;
    b.indent = 0;
    b.space_before = 0.5 * em;
    b.space_after = 0.5 * em;
  }
  {
    BlockDesign& b = design("stanza");
    b.align = Align::left;
    b.indent = 0;
    b.space_after = 0.5 * em;
  }
  {
    BlockDesign& b = design("salutation");  // "My dear Lucy,"
    b.align = Align::left;
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
  b.align = Align::right;
  b.italic = true;
  b.indent = 0;
  b.space_after = 0.5 * em;
  b.keep_with_next = true;
  return b;
}

BlockDesign default_caption(double em) {
  BlockDesign b;
  b.align = Align::center;
  b.size = 0.9 * em;
  b.italic = true;
  b.indent = 0;
  b.space_before = 0.5 * em;
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

// ---- one reader per section of a style file ----

void read_name(StyleReader& r, const YAML::Node& n, std::string& name) {
  r.text(name)(n);
  // The name is written into a CSS comment and into messages.
  if (name.find("*/") != std::string::npos || name.find_first_of("<>&") != std::string::npos)
    r.error(n, "a style name cannot contain '*/', '<', '>' or '&'");
}

void read_page(StyleReader& r, const YAML::Node& n, Page& p) {
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
         {"top", r.length(p.top)},
         {"bottom", r.length(p.bottom)},
         {"inside", r.length(p.inside)},
         {"outside", r.length(p.outside)}});
  if (!trim.empty()) {
    const YAML::Node at = n["trim"];
    if (explicit_size) return r.error(at, "give either trim or width and height, not both");
    auto size = trim_size(trim);
    if (!size)
      return r.error(at, "'" + trim + "' is not a KDP trim size (known: " + trim_names() +
                             "; or give width and height)");
    p.width = size->first;
    p.height = size->second;
  }
  if (p.inside + p.outside >= p.width || p.top + p.bottom >= p.height)
    r.error(n, "the margins leave no room for text on the page");
}

void read_fallback_families(StyleReader& r, const YAML::Node& list,
                            std::vector<std::string>& families,
                            std::vector<support::SourcePos>& positions) {
  if (!list.IsSequence()) return r.error(list, "fallback-families must be a list");
  if (list.size() > 8) return r.error(list, "at most 8 fallback families");
  families.clear();
  positions.clear();
  for (const auto& e : list) {
    std::string family;
    r.text(family)(e);
    // A comma would split the family list Pango is given.
    if (family.empty() || family.size() > 100 || family.find(',') != std::string::npos)
      return r.error(e, "expected a font family name like 'DejaVu Serif'");
    families.push_back(family);
    positions.push_back(r.pos(e));
  }
}

// The one Unicode character `key` spells (UTF-8), or 0 when it is not exactly one.
char32_t single_character(const std::string& key) {
  if (key.empty()) return 0;
  auto b0 = static_cast<unsigned char>(key[0]);
  std::size_t len = b0 < 0x80         ? 1
                    : (b0 >> 5) == 6  ? 2
                    : (b0 >> 4) == 14 ? 3
                    : (b0 >> 3) == 30 ? 4
                                      : 0;
  if (len == 0 || key.size() != len) return 0;
  char32_t c = len == 1 ? b0 : b0 & (0x7F >> len);
  for (std::size_t i = 1; i < len; ++i) {
    auto b = static_cast<unsigned char>(key[i]);
    if ((b >> 6) != 2) return 0;
    c = (c << 6) | (b & 0x3F);
  }
  return c;
}

// `protrusion: none`, or a table `"char": [left, right]` (fractions of the character's
// advance, 0 to 1) that replaces the shipped one whole; an empty table turns it off too.
void read_protrusion(StyleReader& r, const YAML::Node& n, Protrusion& table) {
  if (n.IsScalar() && n.as<std::string>() == "none") {
    table.clear();
    return;
  }
  if (!n.IsMap() && !n.IsNull())
    return r.error(n, "protrusion must be none or a table like '\".\": [0, 0.7]'");
  table.clear();
  if (n.IsNull()) return;
  if (n.size() > 256) return r.error(n, "at most 256 characters in protrusion");
  for (const auto& kv : n) {
    std::string key = kv.first.IsScalar() ? kv.first.as<std::string>() : std::string();
    char32_t c = single_character(key);
    if (c == 0 || c == U' ') {
      r.error(kv.first, "a protrusion key must be one character, like \".\" or \"\u201D\"");
      continue;
    }
    const YAML::Node& v = kv.second;
    if (!v.IsSequence() || v.size() != 2) {
      r.error(v, "expected [left, right]: fractions of the character's advance, 0 to 1");
      continue;
    }
    Hang h;
    r.number(h.left, 0, 1)(v[0]);
    r.number(h.right, 0, 1)(v[1]);
    table[c] = h;
  }
}

void read_body(StyleReader& r, const YAML::Node& n, Style& s) {
  r.face_section(n, "body", s.body,
                 {{"indent", r.length(s.indent)},
                  {"grid", r.boolean(s.grid)},
                  {"strong", r.choice(s.strong)},
                  {"mono-family", r.text(s.mono_family)},
                  {"protrusion", [&](const YAML::Node& t) { read_protrusion(r, t, s.protrusion); }},
                  {"fallback-families", [&](const YAML::Node& list) {
                     read_fallback_families(r, list, s.fallback_families, s.fallback_positions);
                   }}});
}

void read_block_quote(StyleReader& r, const YAML::Node& n, BlockQuote& q) {
  r.face_section(n, "block-quote", q.face,
                 {{"inset-left", r.length(q.inset_left)},
                  {"inset-right", r.length(q.inset_right)},
                  {"space-before", r.length(q.space_before)},
                  {"space-after", r.length(q.space_after)},
                  {"indent-paragraphs", r.boolean(q.indent_paragraphs)}});
}

void read_dateline(StyleReader& r, const YAML::Node& n, Dateline& d) {
  r.face_section(n, "dateline", d.face,
                 {{"align", r.choice(d.align, {Align::left, Align::center, Align::right})},
                  {"space-before", r.length(d.space_before)},
                  {"opening", r.design(d.opening, "dateline.opening")}});
}

void read_running_heads(StyleReader& r, const YAML::Node& n, RunningHeads& h) {
  r.face_section(n, "running-heads", h.face,
                 {{"verso", r.choice(h.verso)},
                  {"recto", r.choice(h.recto)},
                  {"baseline", r.length(h.baseline)},
                  {"uppercase", r.boolean(h.uppercase)}});
}

void read_folios(StyleReader& r, const YAML::Node& n, Folios& f) {
  r.face_section(
      n, "folios", f.face,
      {{"position", r.choice(f.position)}, {"foot-baseline", r.length(f.foot_baseline)}});
}

void read_footnotes(StyleReader& r, const YAML::Node& n, Footnotes& notes) {
  r.face_section(n, "footnotes", notes.face,
                 {{"space-before", r.length(notes.space_before)},
                  {"rule-width", r.length(notes.rule_width)},
                  {"rule-thickness", r.length(notes.rule_thickness)},
                  {"continued-rule-width", r.length(notes.continued_rule_width)}});
}

// "letter, note": the class names one key designs, each trimmed of spaces.
std::vector<std::string> class_names(const std::string& key) {
  std::vector<std::string> list;
  std::size_t p = 0;
  while (p <= key.size()) {
    std::size_t q = key.find(',', p);
    if (q == std::string::npos) q = key.size();
    std::string one = key.substr(p, q - p);
    one.erase(0, one.find_first_not_of(' '));
    one.erase(one.find_last_not_of(' ') + 1);
    list.push_back(one);
    p = q + 1;
  }
  return list;
}

// Are the names of one `classes:` key usable, and each designed once in this file? A class
// designed twice (a key repeated, or a class in two lists "a, b") would leave one design
// unused. `designed`: where each class met so far is designed.
bool classes_ok(StyleReader& r, const YAML::Node& key, const std::vector<std::string>& list,
                std::map<std::string, support::SourcePos>& designed) {
  bool names_ok = true;
  for (const std::string& c : list)
    if (!class_name_ok(c)) {
      r.error(key, "'" + c +
                       "' is not a class name (a letter first, then letters, "
                       "digits, '-' or '_'; several separated by commas)");
      names_ok = false;
    }
  if (!names_ok) return false;
  for (const std::string& c : list) {
    support::SourcePos at = r.pos(key);
    auto [it, fresh] = designed.emplace(c, at);
    if (!fresh) {
      r.diagnostics().report({support::Severity::error,
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
  if (!names_ok) r.fail();
  return names_ok;
}

void read_classes(StyleReader& r, const YAML::Node& n, BlockDesigns& classes) {
  if (!n.IsMap()) return r.error(n, "classes must be a mapping of class names to designs");
  if (n.size() > kMaxClasses)
    return r.error(n, "more than " + std::to_string(kMaxClasses) + " designed classes");
  std::map<std::string, support::SourcePos> designed;
  for (const auto& kv : n) {
    if (!kv.first.IsScalar()) {
      r.error(kv.first, "a class name must be a name, not a list or a mapping");
      continue;
    }
    std::vector<std::string> list = class_names(kv.first.Scalar());
    if (!classes_ok(r, kv.first, list, designed)) continue;
    for (const std::string& c : list) r.design(classes[c], "the design of '" + c + "'")(kv.second);
  }
}

void read_epub(StyleReader& r, const YAML::Node& n, Epub& e) {
  r.map(n, "epub",
        {{"embed-fonts", r.boolean(e.embed_fonts)},
         {"extra-css", [&](const YAML::Node& v) {
            r.long_text(e.extra_css)(v);
            if (std::string why = css_problem(e.extra_css); !why.empty())
              r.error(v, "extra-css cannot go into the EPUB's stylesheet: " + why);
          }}});
}

void read_exceptions(StyleReader& r, const YAML::Node& list, std::vector<std::string>& out) {
  if (!list.IsSequence()) return r.error(list, "exceptions must be a list");
  if (list.size() > kMaxExceptions)
    return r.error(list, "more than " + std::to_string(kMaxExceptions) + " exceptions");
  for (const auto& e : list) {
    std::string word;
    r.text(word)(e);
    if (word.empty() || word.size() > 100) return r.error(e, "expected a word like 'man-u-script'");
    out.push_back(word);
  }
}

void read_hyphenation(StyleReader& r, const YAML::Node& n, Hyphenation& hy) {
  std::string dir = hy.dictionary_dir.string();
  r.map(n, "hyphenation",
        {{"enabled", r.boolean(hy.enabled)},
         {"left-min", r.integer(hy.left_min, 1, 10)},
         {"right-min", r.integer(hy.right_min, 1, 10)},
         {"min-word", r.integer(hy.min_word, 2, 20)},
         {"capitalized", r.boolean(hy.capitalized)},
         {"dictionary-dir", r.text(dir)},
         {"exceptions", [&](const YAML::Node& list) { read_exceptions(r, list, hy.exceptions); }}});
  hy.dictionary_dir = dir;
}

void read_line_breaking(StyleReader& r, const YAML::Node& n, LineBreaking& lb) {
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
}

void read_pages(StyleReader& r, const YAML::Node& n, PageMakeup& pm) {
  r.map(n, "pages",
        {{"widow", r.number(pm.widow, 0, 1e6)},
         {"orphan", r.number(pm.orphan, 0, 1e6)},
         {"keep-with-next", r.number(pm.keep_with_next, 0, 1e6)},
         {"break-inside-block", r.number(pm.break_inside_block, 0, 1e6)},
         {"short-page", r.number(pm.short_page, 0, 1e6)},
         {"long-spread", r.number(pm.long_spread, 0, 1e6)},
         {"uneven-spread", r.number(pm.uneven_spread, 0, 1e6)},
         {"last-page-min-lines", r.integer(pm.last_page_min_lines, 0, 100)},
         {"runt", r.number(pm.runt, 0, 1e6)},
         {"split-note", r.number(pm.split_note, 0, 1e6)},
         {"space-stretch", r.number(pm.space_stretch, 0, 10)}});
}

// The body size the file gives, read before the rest: "em" lengths are relative to it (its
// own errors are reported where the body is read; "em" makes no sense in it).
double body_size(const YAML::Node& root, const std::string& file_label) {
  double size = Style{}.body.size;
  if (root.IsMap() && root["body"] && root["body"].IsMap() && root["body"]["size"]) {
    support::Diagnostics ignored;
    StyleReader(file_label, ignored, 0).length(size, false, kMaxFontSize)(root["body"]["size"]);
    if (!(size > 0)) size = Style{}.body.size;
  }
  return size;
}

std::optional<Style> read_style(const YAML::Node& root, const std::string& file_label,
                                support::Diagnostics& diags) {
  Style s;
  s.body.size = body_size(root, file_label);
  StyleReader r(file_label, diags, s.body.size);
  // The built-in designs' em lengths follow the body size.
  s.classes = default_designs(s.body.size);
  s.dateline.opening = default_opening_dateline(s.body.size);
  s.caption = default_caption(s.body.size);
  if (root.IsNull()) return s;
  // The defaults name EB Garamond in every face; cleared, so a face the file leaves alone
  // follows the file's body family (inherit_family) instead of staying with classic's.
  for (Face* f : faces(s)) f->family.clear();
  // Each section's reader, bound to its part of the style.
  auto section = [&r](auto read, auto& part) {
    return [&r, read, &part](const YAML::Node& n) { read(r, n, part); };
  };
  r.map(root, "the style",
        {{"name", section(read_name, s.name)},
         {"page", section(read_page, s.page)},
         {"body", section(read_body, s)},
         {"chapter", r.heading(s.chapter, "chapter")},
         {"section", r.heading(s.section, "section")},
         {"subsection", r.heading(s.subsection, "subsection")},
         {"block-quote", section(read_block_quote, s.block_quote)},
         {"dateline", section(read_dateline, s.dateline)},
         {"running-heads", section(read_running_heads, s.running_heads)},
         {"folios", section(read_folios, s.folios)},
         {"footnotes", section(read_footnotes, s.footnotes)},
         {"table", section(read_table_design, s.table)},
         {"chapter-opening",
          [&](const YAML::Node& n) {
            r.map(n, "chapter-opening", {{"recto", r.boolean(s.opening.recto)}});
          }},
         {"scene-break", r.text(s.scene_break)},
         {"classes", section(read_classes, s.classes)},
         {"caption", r.design(s.caption, "caption")},
         {"front-matter",
          [&](const YAML::Node& n) { read_front_matter(r, n, s.front_matter, kMaxFontSize); }},
         {"epub", section(read_epub, s.epub)},
         {"hyphenation", section(read_hyphenation, s.hyphenation)},
         {"line-breaking", section(read_line_breaking, s.line_breaking)},
         {"pages", section(read_pages, s.pages)},

         {"print", [&](const YAML::Node& n) {
            r.map(n, "print",
                  {{"for", r.text(s.print.printer, {"screen", "kdp", "ingramspark"})},
                   {"paper", r.text(s.print.paper, {"white", "cream", "creme"})},
                   {"binding", r.text(s.print.binding, {"paperback"})}});
          }}});
  check_front_matter(r, root, s.front_matter, s.page.width - s.page.inside - s.page.outside);
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