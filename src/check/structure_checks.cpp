// Structure checks over the model: sections and their order, headings, fenced divs,
// datelines, epigraphs and block quotes.
#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string_view>

#include "check/families.hpp"
#include "check/nearest_name.hpp"
#include "style/style.hpp"

namespace folio::check {
namespace {

using model::Block;
using model::BlockKind;

// The section roles model::matter_of_role knows, for "did you mean" suggestions only (the
// verdict itself is matter_of_role's).
constexpr std::array<std::string_view, 17> kRoles{
    "preface",         "foreword", "introduction", "prologue", "dedication", "epigraph",
    "acknowledgments", "chapter",  "part",         "epilogue", "conclusion", "afterword",
    "appendix",        "endnotes", "bibliography", "glossary", "colophon"};

// Fenced-div classes the manuscript format names (docs/manuscript.md): two with a structure
// of their own, three that styles lay out; the style designs more (unknown_div_classes).
constexpr std::array<std::string_view, 5> kDivClasses{"dateline", "epigraph", "attribution",
                                                      "letter", "signature"};

// The most places one unknown-div-class warning lists; the rest are counted.
constexpr std::size_t kMaxClassPlaces = 10;

// A dateline has at most this many lines (place, date, and perhaps a name).
constexpr std::size_t kMaxDatelineLines = 3;

class StructureChecker {
 public:
  StructureChecker(const manuscript::Manuscript& m, support::Diagnostics& diags,
                   std::set<std::string> designed)
      : m_(m), diags_(diags), designed_(std::move(designed)) {}

  void run();

 private:
  void check_section(const model::Section& s);
  void check_role(const model::Section& s);
  // Walks blocks in reading order; `container` names what holds them, for messages.
  void walk(const std::vector<Block>& blocks, std::string_view container, bool top_level,
            const model::Section& section);
  void check_dateline(const Block& b, bool last, std::string_view container);
  void check_heading_level(const Block& b);
  void check_heading_text(const Block& b);
  void note_div_classes(const Block& b);
  void unknown_div_classes();

  const manuscript::Manuscript& m_;
  support::Diagnostics& diags_;
  std::set<std::string> designed_;  // classes the style designs
  // Undesigned classes in order of first use, with every place they occur.
  std::vector<std::pair<std::string, std::vector<support::SourcePos>>> unknown_;
  std::map<std::string, std::size_t> unknown_index_;  // class → its place in unknown_
  std::map<std::string, LineIndex> lines_;            // per file, built when first needed
  int previous_level_ = 1;
};

void StructureChecker::run() {
  const auto& sections = m_.document.sections;
  model::Matter furthest = model::Matter::front;
  for (const model::Section& s : sections) {
    if (s.matter < furthest)
      diags_.warning("matter-order", s.source,
                     std::string(model::matter_name(s.matter)) + " matter ('" + s.role +
                         "') comes after " + model::matter_name(furthest) +
                         " matter; move it, or change its role");
    furthest = std::max(furthest, s.matter);
    check_section(s);
  }
  unknown_div_classes();
}

// A div's first class that folio neither structures nor designs is remembered with its place
// (one per div, as before); all are reported together after the walk.
void StructureChecker::note_div_classes(const Block& b) {
  for (const std::string& cls : b.classes) {
    if (std::find(kDivClasses.begin(), kDivClasses.end(), cls) != kDivClasses.end() ||
        designed_.count(cls))
      continue;
    auto [at, fresh] = unknown_index_.emplace(cls, unknown_.size());
    if (fresh) unknown_.push_back({cls, {}});
    unknown_[at->second].second.push_back(b.source);
    break;
  }
}

// One warning per class, at its first place, naming every place (up to kMaxClassPlaces).
void StructureChecker::unknown_div_classes() {
  std::vector<std::string_view> known(kDivClasses.begin(), kDivClasses.end());
  for (const std::string& c : designed_) known.push_back(c);
  for (const auto& [cls, places] : unknown_) {
    std::string where;
    for (std::size_t k = 0; k < places.size() && k < kMaxClassPlaces; ++k)
      where += (k ? ", " : "") + places[k].file + ":" + std::to_string(places[k].line);
    if (places.size() > kMaxClassPlaces)
      where += " and " + std::to_string(places.size() - kMaxClassPlaces) + " more";
    std::string message =
        "the style designs no class '" + cls + "'; " +
        (places.size() == 1
             ? std::string("the div is kept as a generic block, set as the text around it")
             : "its " + std::to_string(places.size()) +
                   " divs are kept as generic blocks, set as the text around them") +
        " (" + where + ")";
    if (auto near = nearest_name(cls, known)) message += "; did you mean '" + *near + "'?";
    support::Diagnostic d{
        support::Severity::warning, "unknown-div-class", message, places.front(), {}, {}};
    d.fix = "design it in the style (classes: " + cls +
            ": {align: center, …}), or use a class "
            "the style designs";
    diags_.report(std::move(d));
  }
}

void StructureChecker::check_section(const model::Section& s) {
  if (!s.heading)
    diags_.warning("missing-heading", s.source,
                   "this section has no heading: text before a file's first '# ' heading gets "
                   "no title in the table of contents");
  else
    check_role(s);
  if (s.heading) check_heading_text(*s.heading);
  previous_level_ = 1;
  walk(s.blocks, "section", true, s);
}

void StructureChecker::check_role(const model::Section& s) {
  auto it = s.heading->attributes.find("epub:type");
  if (it == s.heading->attributes.end() || model::matter_of_role(s.role)) return;
  support::SourcePos pos = s.heading->source;
  // Point at the role itself when the heading line spells it out.
  if (const manuscript::SourceFile* f = m_.source(pos.file)) {
    const LineIndex& lines = lines_.try_emplace(pos.file, f->text).first->second;
    std::size_t start = lines.line_start(pos.line);
    std::size_t end = f->text.find('\n', start);
    std::string_view line = std::string_view(f->text).substr(
        start, end == std::string::npos ? std::string::npos : end - start);
    std::size_t at = line.find("epub:type=");
    if (at != std::string_view::npos) {
      at += 10;
      if (at < line.size() && (line[at] == '"' || line[at] == '\'')) ++at;
      pos.column = static_cast<int>(at) + 1;
    }
  }
  std::string message = "folio does not know the role '" + s.role + "'";
  if (auto near = nearest_name(s.role, kRoles))
    message += "; did you mean '" + *near + "'?";
  else
    message += " (it is treated as a chapter of body matter)";
  diags_.warning("unknown-role", pos, message);
}

void StructureChecker::check_heading_level(const Block& b) {
  check_heading_text(b);
  if (b.level > previous_level_ + 1)
    diags_.warning("heading-skip", b.source,
                   "a level-" + std::to_string(b.level) + " heading follows a level-" +
                       std::to_string(previous_level_) + " heading; levels should not skip (use " +
                       std::string(static_cast<std::size_t>(previous_level_ + 1), '#') + ")");
  previous_level_ = b.level;
}

// A heading with no words names nothing in the table of contents or the PDF outline (the
// EPUB falls back to the book's title there, the PDF leaves the entry out).
void StructureChecker::check_heading_text(const Block& b) {
  if (model::plain_text(b.inlines).find_first_not_of(" \t\n") == std::string::npos)
    diags_.error("heading-empty", b.source,
                 "this heading has no text; give it a title (or remove the '#' line)");
}

void StructureChecker::check_dateline(const Block& b, bool last, std::string_view container) {
  if (!last)
    diags_.error("dateline-position", b.source,
                 "the dateline must be the last block of its " + std::string(container));
  std::vector<std::vector<model::Inline>> lines = model::lines_of(b);
  bool empty = true;
  for (const auto& line : lines)
    if (model::plain_text(line).find_first_not_of(" \t\n") != std::string::npos) empty = false;
  if (empty)
    diags_.error("dateline-empty", b.source, "this dateline is empty (give a place and a date)");
  else if (lines.size() > kMaxDatelineLines)
    diags_.warning("dateline-lines", b.source,
                   "this dateline has " + std::to_string(lines.size()) +
                       " lines; a dateline holds at most three (place, date, name)");
}

void StructureChecker::walk(const std::vector<Block>& blocks, std::string_view container,
                            bool top_level, const model::Section& section) {
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    switch (b.kind) {
      case BlockKind::heading:
        check_heading_level(b);
        break;
      case BlockKind::dateline:
        check_dateline(b, i + 1 == blocks.size(), container);
        break;
      case BlockKind::epigraph:
        if (!(top_level && i == 0))
          diags_.warning("epigraph-position", b.source,
                         "an epigraph must open its section (put it right after the heading)");
        walk(b.blocks, "epigraph", false, section);
        break;
      case BlockKind::block_quote: {
        bool empty = true;
        for (const Block& c : b.blocks)
          if (!(c.kind == BlockKind::paragraph && c.inlines.empty())) empty = false;
        if (empty) diags_.warning("empty-block-quote", b.source, "this block quote is empty");
        walk(b.blocks, "block quote", false, section);
        break;
      }
      case BlockKind::div: {
        note_div_classes(b);
        walk(b.blocks, "div", false, section);
        break;
      }
      case BlockKind::list:
      case BlockKind::list_item:
        walk(b.blocks, "list item", false, section);
        break;
      default:
        break;
    }
  }
}

}  // namespace

void check_structure(const manuscript::Manuscript& m, support::Diagnostics& diags,
                     const std::set<std::string>* designed_classes) {
  std::set<std::string> designed;
  if (designed_classes)
    designed = *designed_classes;
  else
    for (const auto& [cls, design] : style::default_designs()) designed.insert(cls);
  StructureChecker(m, diags, std::move(designed)).run();
}

}  // namespace folio::check
