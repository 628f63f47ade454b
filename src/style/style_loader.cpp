// Reads styles/<name>.yaml into a Style, reporting unknown keys and bad values with positions.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "style/style.hpp"

namespace folio::style {
namespace {

namespace fs = std::filesystem;

// Binds YAML keys to Style fields; each binder reports its own errors.
class StyleReader {
 public:
  StyleReader(std::string file, support::Diagnostics& diags, double em)
      : file_(std::move(file)), diags_(diags), em_(em) {}

  bool ok() const { return ok_; }

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
      std::string key = kv.first.as<std::string>();
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

  // A length: a number (points) or a string with a unit: pt, in, mm, cm, em.
  Field length(double& out, bool allow_zero = true) {
    return [this, &out, allow_zero](const YAML::Node& n) {
      if (!n.IsScalar()) return error(n, "a length must be a number or a string like '0.8in'");
      std::string s = n.Scalar();
      // strtod, not a stream: "1.5em" must not be read as an exponent.
      char* end = nullptr;
      double value = std::strtod(s.c_str(), &end);
      if (end == s.c_str()) return error(n, "'" + s + "' is not a length");
      std::string unit(end);
      unit.erase(0, unit.find_first_not_of(' '));
      double factor = unit.empty() || unit == "pt" ? 1
                      : unit == "in"               ? 72
                      : unit == "mm"               ? 72 / 25.4
                      : unit == "cm"               ? 72 / 2.54
                      : unit == "em"               ? em_
                                                   : -1;
      if (factor < 0) return error(n, "unknown unit '" + unit + "' (use pt, in, mm, cm or em)");
      if (value < 0 || (!allow_zero && value == 0))
        return error(n, "'" + s + "' must be " + (allow_zero ? "zero or more" : "more than zero"));
      out = value * factor;
    };
  }

  Field number(double& out, double min, double max) {
    return [this, &out, min, max](const YAML::Node& n) {
      try {
        double v = n.as<double>();
        if (v < min || v > max) return error(n, "value out of range");
        out = v;
      } catch (const YAML::Exception&) {
        error(n, "expected a number");
      }
    };
  }

  Field integer(int& out, int min, int max) {
    return [this, &out, min, max](const YAML::Node& n) {
      try {
        int v = n.as<int>();
        if (v < min || v > max) return error(n, "value out of range");
        out = v;
      } catch (const YAML::Exception&) {
        error(n, "expected a whole number");
      }
    };
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

  Field text(std::string& out, std::vector<std::string> allowed = {}) {
    return [this, &out, allowed](const YAML::Node& n) {
      if (!n.IsScalar()) return error(n, "expected a string");
      std::string v = n.Scalar();
      if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), v) == allowed.end()) {
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        return error(n, "'" + v + "' is not one of " + list);
      }
      out = v;
    };
  }

  Field face(Face& f, const std::string& where) {
    return [this, &f, where](const YAML::Node& n) {
      map(n, where,
          {{"family", text(f.family)},
           {"size", length(f.size, false)},
           {"leading", length(f.leading, false)},
           {"italic", boolean(f.italic)},
           {"small-caps", boolean(f.small_caps)},
           {"tracking", number(f.tracking, -0.1, 0.5)},
           {"features", text(f.features)}});
    };
  }

  std::map<std::string, Field> face_fields(Face& f) {
    return {{"family", text(f.family)},
            {"size", length(f.size, false)},
            {"leading", length(f.leading, false)},
            {"italic", boolean(f.italic)},
            {"small-caps", boolean(f.small_caps)},
            {"tracking", number(f.tracking, -0.1, 0.5)},
            {"features", text(f.features)}};
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

}  // namespace

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

std::optional<fs::path> find_style(const std::string& name, const std::vector<fs::path>& dirs,
                                   const fs::path& base) {
  std::error_code ec;
  if (name.find('/') != std::string::npos || fs::path(name).extension() == ".yaml") {
    fs::path p = fs::path(name).is_relative() && !base.empty() ? base / name : fs::path(name);
    if (fs::is_regular_file(p, ec)) return p;
    return std::nullopt;
  }
  for (const auto& dir : dirs) {
    fs::path p = dir / (name + ".yaml");
    if (fs::is_regular_file(p, ec)) return p;
  }
  return std::nullopt;
}

std::optional<Style> parse_style(const std::string& yaml, const std::string& file_label,
                                 support::Diagnostics& diags) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::ParserException& e) {
    diags.error("style-yaml", {file_label, e.mark.line + 1, e.mark.column + 1}, e.msg);
    return std::nullopt;
  }
  Style s;
  // "em" lengths are relative to the body size, so read it first.
  if (root.IsMap() && root["body"] && root["body"].IsMap() && root["body"]["size"]) {
    try {
      s.body.size = root["body"]["size"].as<double>();
    } catch (const YAML::Exception&) {
    }
  }
  StyleReader r(file_label, diags, s.body.size);
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
        {{"name", r.text(s.name)},
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
         {"epub",
          [&](const YAML::Node& n) {
            r.map(n, "epub",
                  {{"embed-fonts", r.boolean(s.epub.embed_fonts)},
                   {"extra-css", r.text(s.epub.extra_css)}});
          }},
         {"hyphenation",
          [&](const YAML::Node& n) {
            std::string dir = hy.dictionary_dir.string();
            r.map(n, "hyphenation",
                  {{"enabled", r.boolean(hy.enabled)},
                   {"left-min", r.integer(hy.left_min, 1, 10)},
                   {"right-min", r.integer(hy.right_min, 1, 10)},
                   {"min-word", r.integer(hy.min_word, 2, 20)},
                   {"dictionary-dir", r.text(dir)},
                   {"exceptions", [&](const YAML::Node& list) {
                      if (!list.IsSequence()) return r.error(list, "exceptions must be a list");
                      for (const auto& e : list) {
                        if (!e.IsScalar()) return r.error(e, "expected a word like 'man-u-script'");
                        hy.exceptions.push_back(e.Scalar());
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
  if (!r.ok()) return std::nullopt;
  inherit_family(s);
  return s;
}

std::optional<Style> load_style(const fs::path& file, support::Diagnostics& diags) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    diags.error("style-unreadable", {file.string(), 0, 0}, "cannot read the style file");
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto st = parse_style(text.str(), file.string(), diags);
  if (st) st->file = file;
  return st;
}

}  // namespace folio::style
