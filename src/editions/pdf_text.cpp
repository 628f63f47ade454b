// Reads the words back out of the PagedDocument: block by block, line by line, per page.
#include "editions/pdf_text.hpp"

#include <unordered_map>

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
    WordCollector body(out.words), notes(out.note_words), captions(out.caption_words);
    std::unordered_map<int, std::size_t> note_page;  // note number → the page it is first set on
    for (std::size_t p = first_page; p < paged.pages.size(); ++p) {
      const typeset::Page& page = paged.pages[p];
      out.parts.push_back({out.words.size(), page.label, -1});
      bool has_notes = false;
      bool starts_here = starts.count(page.label) > 0;
      if (starts_here) out.page_starts.push_back({page.label, out.words.size()});
      bool has_captions = false;
      for (const typeset::PageBlock& block : page.blocks) {
        if (block.role == typeset::Role::caption) {
          if (!has_captions)
            out.caption_parts.push_back({out.caption_words.size(), page.label, -1});
          has_captions = true;
          read_block(block, captions);
          captions.boundary();
        } else if (block.role == typeset::Role::note) {
          // A note referenced again on a later page is set again there; the EPUB has it
          // once, so each note is compared once, where it is first set (a page sets a note
          // once, in one block per paragraph), and where it continues.
          // A note split across pages is read on, in order, where it continues.
          if (note_page.emplace(block.note, p).first->second != p && !block.continued) continue;
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
