// The PDF side's reading of notes: by the page blocks' note numbers, whatever mark is drawn.
#include "editions/pdf_text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace folio;

namespace {

typeset::PageBlock block(typeset::Role role, int note, const std::string& text) {
  typeset::PageBlock b;
  b.role = role;
  b.note = note;
  typeset::GlyphRun r;
  r.text = text;
  b.runs.push_back(r);
  return b;
}

std::vector<std::string> strings(const editions::WordList& words) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < words.size(); ++i) out.emplace_back(words[i]);
  return out;
}

// Two pages of section text; note 1, referenced on both, is set on both, its mark restyled
// ("1)" rather than the setter's "1.\u2002"), and it has a second paragraph.
typeset::PagedDocument two_pages_with_a_repeated_note() {
  using typeset::Role;
  typeset::PagedDocument paged;
  paged.pages.resize(2);
  paged.pages[0].label = "1";
  paged.pages[1].label = "2";
  paged.page_map.push_back({"1", 0, {0}, 0});
  paged.pages[0].blocks = {block(Role::body, 0, "First page."),
                           block(Role::note, 1, "1) Alpha note."),
                           block(Role::note, 1, "Its second paragraph.")};
  paged.pages[1].blocks = {
      block(Role::body, 0, "Second page."), block(Role::note, 1, "1) Alpha note."),
      block(Role::note, 1, "Its second paragraph."), block(Role::note, 2, "2) Beta note.")};
  return paged;
}

}  // namespace

// Issue 19: the check used to find a note's number by parsing the "12.\u2002" the setter
// draws; a note mark drawn any other way read a repeated note twice.
TEST(PdfText, ANoteSetAgainIsReadOnceWhateverItsMark) {
  editions::EditionText t = editions::pdf_text(two_pages_with_a_repeated_note());
  EXPECT_EQ(strings(t.words), (std::vector<std::string>{"first", "page", "second", "page"}));
  EXPECT_EQ(strings(t.note_words), (std::vector<std::string>{"1", "alpha", "note", "its", "second",
                                                             "paragraph", "2", "beta", "note"}));
  ASSERT_EQ(t.note_parts.size(), 2u);
  EXPECT_EQ(t.note_parts[0].name, "1");
  EXPECT_EQ(t.note_parts[1].name, "2");
  EXPECT_EQ(t.note_parts[1].first_word, 6u);  // only note 2 is read on page 2
}

// Issue 21: a note split across pages is read on where it continues, in order.
TEST(PdfText, ASplitNoteIsReadWhereItContinues) {
  using typeset::Role;
  typeset::PagedDocument paged = two_pages_with_a_repeated_note();
  paged.pages[0].blocks.pop_back();  // the second paragraph goes on to page 2
  typeset::PageBlock rest = block(Role::note, 1, "Its second paragraph.");
  rest.continued = true;
  paged.pages[1].blocks = {block(Role::body, 0, "Second page."), rest,
                           block(Role::note, 2, "2) Beta note.")};
  editions::EditionText t = editions::pdf_text(paged);
  EXPECT_EQ(strings(t.note_words), (std::vector<std::string>{"1", "alpha", "note", "its", "second",
                                                             "paragraph", "2", "beta", "note"}));
}
