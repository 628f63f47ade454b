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
// of their own, three that styles lay out, and `full-page` around a figure; the style designs more
// (unknown_div_classes).
constexpr std::array<std::string_view, 6> kDivClasses{"dateline", "epigraph",  "attribution",
                                                      "letter",   "signature", "full-page"};

// The longest paragraph (in bytes) that may follow a signature closing its container: a
// place and date, not another paragraph of text.
constexpr std::size_t kShortLine = 60;

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
  void check_dateline(const Block& b, std::string_view container);
  void check_signature(const std::vector<Block>& blocks, std::size_t i, std::string_view container);
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
  int letters_ = 0;  // letters and block quotes (a letter quoted in a novel) the walk is in
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
  for (const std::string& cls : b.attr.classes) {
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
  auto it = s.heading->attr.attributes.find("epub:type");
  if (it == s.heading->attr.attributes.end() || model::matter_of_role(s.role)) return;
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
  int level = b.as<model::Heading>().level;
  if (level > previous_level_ + 1)
    diags_.warning("heading-skip", b.source,
                   "a level-" + std::to_string(level) + " heading follows a level-" +
                       std::to_string(previous_level_) + " heading; levels should not skip (use " +
                       std::string(static_cast<std::size_t>(previous_level_ + 1), '#') + ")");
  previous_level_ = level;
}

// A heading with no words names nothing in the table of contents or the PDF outline (the
// EPUB falls back to the book's title there, the PDF leaves the entry out).
void StructureChecker::check_heading_text(const Block& b) {
  if (model::plain_text(b.inlines).find_first_not_of(" \t\n") == std::string::npos)
    diags_.error("heading-empty", b.source,
                 "this heading has no text; give it a title (or remove the '#' line)");
}

// The reader decided where the dateline stands (model::DatelinePlace); opening and closing
// are both fine, one in the middle reads as a stray line of text.
void StructureChecker::check_dateline(const Block& b, std::string_view container) {
  if (b.as<model::Dateline>().place == model::DatelinePlace::inside) {
    // A sub-heading or a scene break starts a new part, which a dateline may open or close.
    std::string where = std::string(container) + " (or of its part after a heading or scene break)";
    diags_.warning("dateline-position", b.source,
                   "a dateline opens or closes its " + std::string(container) +
                       "; this one stands in the middle, where it reads as a stray line",
                   "move it to the start or end of the " + where + ", or make it a paragraph");
  }
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

bool has_class(const Block& b, std::string_view cls) {
  return b.attr.has_class(cls);
}

// Where one part of a container ends and the next begins: a heading or a scene break, as
// for datelines (the reader's place_datelines), so a preface under a sub-heading of its
// section is signed at its own end.
bool part_boundary(const Block& b) {
  return b.is<model::Heading>() || b.is<model::SceneBreak>();
}

// A signature signs a letter (`::: letter`, or a letter quoted as a block quote), after its
// body; or it closes its container (or the part of it a heading or scene break starts), as
// a note signed at the end of a section does. Anywhere else it reads as a stray line set
// apart.
void StructureChecker::check_signature(const std::vector<Block>& blocks, std::size_t i,
                                       std::string_view container) {
  const Block& b = blocks[i];
  // Nothing but datelines, signatures and short lines after it: a preface's "M. W. S." may be
  // followed by "London, October 15, 1831." written as a plain paragraph.
  auto short_line = [](const Block& c) {
    return c.is<model::Paragraph>() && model::plain_text(c.inlines).size() <= kShortLine;
  };
  bool closes = true, last = true;  // last: nothing but datelines and signatures after it
  for (std::size_t k = i + 1; k < blocks.size() && !part_boundary(blocks[k]); ++k) {
    if (blocks[k].is<model::Dateline>() || has_class(blocks[k], "signature")) continue;
    last = false;
    if (!short_line(blocks[k])) closes = false;
  }
  if (letters_ == 0 && !closes) {
    diags_.warning(
        "signature-position", b.source,
        "this signature is not in a letter and does not close its " + std::string(container),
        "put it inside the '::: letter' it signs (or the block quote of a quoted "
        "letter), move it to the end of the " +
            std::string(container) + ", or make it a paragraph");
    return;
  }
  // In a letter: something of the letter's own must come before its signature.
  bool opens = true;
  std::size_t part = i;  // where the signature's part of the container begins
  while (part > 0 && !part_boundary(blocks[part - 1])) --part;
  for (std::size_t k = part; k < i; ++k)
    if (!blocks[k].is<model::Dateline>() && !has_class(blocks[k], "bridgehead")) opens = false;
  if (container == "letter" && opens && !last)
    diags_.warning("signature-position", b.source,
                   "this signature opens the letter; a signature follows the letter's body",
                   "move it after the body (postscripts may follow it)");
}

void StructureChecker::walk(const std::vector<Block>& blocks, std::string_view container,
                            bool top_level, const model::Section& section) {
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    switch (b.kind()) {
      case BlockKind::heading:
        check_heading_level(b);
        break;
      case BlockKind::dateline:
        check_dateline(b, container);
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
          if (!(c.is<model::Paragraph>() && c.inlines.empty())) empty = false;
        if (empty) diags_.warning("empty-block-quote", b.source, "this block quote is empty");
        ++letters_;
        walk(b.blocks, "block quote", false, section);
        --letters_;
        break;
      }
      case BlockKind::div: {
        if (has_class(b, "signature")) check_signature(blocks, i, container);
        note_div_classes(b);
        int letter = has_class(b, "letter") ? 1 : 0;
        letters_ += letter;
        walk(b.blocks, b.attr.classes.empty() ? "div" : b.attr.classes.front(), false, section);
        letters_ -= letter;
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
