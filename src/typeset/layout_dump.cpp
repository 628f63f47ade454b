// layout_dump: the pages' recorded lines, figures and notes as stable text.
#include "typeset/layout_dump.hpp"

#include <fmt/format.h>

#include <cmath>

#include "typeset/flow.hpp"

namespace folio::typeset {
namespace {

const char* role_name(Role r) {
  switch (r) {
    case Role::body:
      return "body";
    case Role::note:
      return "note";
    case Role::chapter_title:
      return "chapter-title";
    case Role::section_heading:
      return "section-heading";
    case Role::subsection_heading:
      return "subsection-heading";
    case Role::display:
      return "display";
    case Role::contents_entry:
      return "contents";
    case Role::furniture:
      return "furniture";
    case Role::table_caption:
      return "table-caption";
    case Role::table_header_cell:
      return "table-header";
    case Role::table_cell:
      return "table-cell";
    case Role::figure:
      return "figure";
    case Role::caption:
      return "caption";
  }
  return "?";
}

// A length as the dump writes it: two decimals, never "-0.00".
std::string pt(double v) {
  if (std::abs(v) < 0.005) v = 0;
  return fmt::format("{:.2f}", v);
}

}  // namespace

void record_line(Page& page, const FlowItem& it, double x, double y, int note) {
  PageLine l;
  l.x = x;
  l.y = y;
  l.role = it.role;
  l.note = note;
  l.ratio = it.ratio;
  l.badness = it.badness;
  l.hyphenated = it.hyphenated;
  l.words = first_words(it.runs);
  page.lines.push_back(std::move(l));
}

std::string first_words(const std::vector<GlyphRun>& runs, int words) {
  std::string text;
  for (const GlyphRun& r : runs) text += r.text;
  std::string out;
  int seen = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool space = text[i] == ' ' || text[i] == '\t' || text[i] == '\n';
    if (space) {
      if (in_word && ++seen == words) break;
      in_word = false;
      continue;
    }
    if (!in_word && !out.empty()) out += ' ';
    in_word = true;
    // The line-end hyphen is U+00AD (C2 AD) in the text layer: shown as the hyphen it draws.
    if (static_cast<unsigned char>(text[i]) == 0xC2 && i + 1 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) == 0xAD) {
      out += '-';
      ++i;
      continue;
    }
    out += text[i] == '"' ? '\'' : text[i];  // the dump quotes the words with "
  }
  return out;
}

std::string layout_dump(const PagedDocument& doc) {
  std::string out;
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    const Page& page = doc.pages[p];
    std::string kind;
    if (page.blank) kind += " blank";
    if (page.opening) kind += " opening";
    if (page.display) kind += " display";
    out +=
        fmt::format("page {} [{}] {}{}\n", p + 1, page.label, page.recto ? "recto" : "verso", kind);
    int n = 0;
    for (const PageLine& l : page.lines) {
      std::string mark = l.hyphenated ? " hyphen" : "";
      std::string note = l.note > 0 ? fmt::format(" {}", l.note) : "";
      out += fmt::format("  {:3} y={} x={} r={:.3f} b={} {}{}{} \"{}\"\n", ++n, pt(l.y), pt(l.x),
                         std::abs(l.ratio) < 0.0005 ? 0.0 : l.ratio, std::lround(l.badness),
                         role_name(l.role), note, mark, l.words);
    }
    std::vector<int> notes;
    for (const PageBlock& b : page.blocks) {
      if (b.picture)
        out +=
            fmt::format("  figure y={} x={} w={} h={} \"{}\"\n", pt(b.picture->y), pt(b.picture->x),
                        pt(b.picture->width), pt(b.picture->height), b.picture->alt);
      // A note's paragraphs are blocks of their own: the note is said once.
      if (b.role == Role::note && b.note > 0 && (notes.empty() || notes.back() != b.note)) {
        notes.push_back(b.note);
        out += fmt::format("  note {}{}\n", b.note, b.continued ? " continued" : "");
      }
    }
  }
  return out;
}

}  // namespace folio::typeset
