// Reads the words back out of the PagedDocument: block by block, line by line, per page.
#include "editions/pdf_text.hpp"

#include <unordered_map>
#include <unordered_set>

#include "editions/words.hpp"

namespace folio::editions {
namespace {

// Feeds one block's runs; a new baseline is a new line. A block's end is a line's end too:
// a paragraph cut by the page may end its last line in a word's hyphen.
void read_block(const typeset::PageBlock& block, WordCollector& words) {
  const typeset::GlyphRun* previous = nullptr;
  for (const typeset::GlyphRun& run : block.runs) {
    if (previous && run.y != previous->y) words.line_end();
    words.add(run.text);
    previous = &run;
  }
  words.line_end();
}

// The number of the note a Note block opens ("12.\u2002" begins its first run: the mark the
// typesetter sets before a note's first paragraph), or 0 for a note's later paragraph.
int opened_note(const typeset::PageBlock& block) {
  if (block.runs.empty()) return 0;
  const std::string& t = block.runs.front().text;
  std::size_t i = 0;
  int n = 0;
  while (i < t.size() && i < 6 && t[i] >= '0' && t[i] <= '9') n = n * 10 + (t[i++] - '0');
  return i > 0 && t.compare(i, 4, ".\u2002") == 0 ? n : 0;
}

}  // namespace

EditionText pdf_text(const typeset::PagedDocument& paged) {
  EditionText out;
  // The page map lists the pages with section text; the pages before its first entry are
  // the ones made from the metadata.
  std::size_t first_page = paged.pages.size();
  std::unordered_map<std::string, bool> starts;
  for (const model::PageStart& s : paged.page_map) starts[s.label] = true;
  for (std::size_t p = 0; p < paged.pages.size(); ++p)
    if (starts.count(paged.pages[p].label)) {
      first_page = p;
      break;
    }
  {
    WordCollector body(out.words), notes(out.note_words);
    std::unordered_set<int> seen_notes;
    bool repeat = false;  // inside a note set before
    for (std::size_t p = first_page; p < paged.pages.size(); ++p) {
      const typeset::Page& page = paged.pages[p];
      out.parts.push_back({out.words.size(), page.label, -1});
      bool has_notes = false;
      bool starts_here = starts.count(page.label) > 0;
      if (starts_here) out.page_starts.push_back({page.label, out.words.size()});
      for (const typeset::PageBlock& block : page.blocks) {
        if (block.tag == "Note") {
          // A note referenced again on a later page is set again there; the EPUB has it
          // once, so each note is compared once, where it is first set.
          if (int n = opened_note(block)) repeat = !seen_notes.insert(n).second;
          if (repeat) continue;
          if (!has_notes) out.note_parts.push_back({out.note_words.size(), page.label, -1});
          has_notes = true;
          read_block(block, notes);
        } else {
          read_block(block, body);
        }
      }
    }
  }
  for (const typeset::OutlineEntry& e : paged.outline)
    if (e.dest != "contents") out.toc.push_back(e.title);
  return out;
}

}  // namespace folio::editions
