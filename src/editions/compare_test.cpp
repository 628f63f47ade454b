// Unit tests for the comparison: equal texts pass; each kind of difference is reported once.
#include "editions/compare.hpp"

#include <gtest/gtest.h>

#include "editions/words.hpp"

using namespace folio;
using editions::EditionText;
using editions::list_of;

namespace {

model::Block paragraph(const std::string& text, int line) {
  model::Block b;
  b.source = {"one.md", line, 1};
  b.inlines.push_back({.node = model::Text{text}, .source = b.source});
  return b;
}

// A one-section book: "# One", two paragraphs, one footnote.
model::Document book() {
  model::Document doc;
  model::Section s;
  s.source = {"one.md", 1, 1};
  model::Block h = paragraph("One", 1);
  h.node = model::Heading{.level = 1};
  s.heading = h;
  s.blocks.push_back(paragraph("The first paragraph here.", 3));
  s.blocks.push_back(paragraph("And a second one.", 5));
  model::Block note;
  note.node = model::Footnote{.number = 1};
  note.source = {"one.md", 7, 1};
  note.blocks.push_back(paragraph("A note.", 7));
  s.footnotes.push_back(note);
  doc.sections.push_back(s);
  return doc;
}

EditionText epub_side() {
  EditionText e;
  e.words = list_of("One The first paragraph here. And a second one.");
  e.parts = {{0, "text/001-chapter.xhtml", 0}};
  e.note_words = list_of("1. A note.");
  e.note_parts = {{0, "text/001-chapter.xhtml", 0}};
  e.page_starts = {{"1", 0}, {"2", 5}};
  e.toc = {"One"};
  return e;
}

EditionText pdf_side() {
  EditionText p;
  p.words = list_of("ONE The first paragraph here. And a second one.");
  p.parts = {{0, "1", -1}, {5, "2", -1}};
  p.note_words = list_of("1. A note.");
  p.note_parts = {{0, "2", -1}};
  p.page_starts = {{"1", 0}, {"2", 5}};
  p.toc = {"One"};
  return p;
}

}  // namespace

TEST(CompareEditions, TheSameTextPasses) {
  support::Diagnostics diags;
  auto c = editions::compare_editions(epub_side(), pdf_side(), book(), diags);
  EXPECT_TRUE(c.same);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(c.words, 9u);
  EXPECT_EQ(c.note_words, 3u);
  EXPECT_EQ(c.toc_entries, 1u);
  EXPECT_EQ(c.page_starts, 2u);
}

TEST(CompareEditions, AChangedWordIsReportedWithSectionPositionAndPage) {
  EditionText pdf = pdf_side();
  pdf.words.set(7, "third");  // "And a third one."
  support::Diagnostics diags;
  auto c = editions::compare_editions(epub_side(), pdf, book(), diags);
  EXPECT_FALSE(c.same);
  ASSERT_EQ(diags.items().size(), 1u);
  const auto& d = diags.items()[0];
  EXPECT_EQ(d.code, "editions-text-differs");
  EXPECT_EQ(d.severity, support::Severity::error);
  EXPECT_EQ(d.pos, (support::SourcePos{"one.md", 5, 1}));  // the second paragraph
  EXPECT_NE(d.message.find("'One'"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("word 8"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("EPUB has 'second', the PDF has 'third' on page 2"), std::string::npos)
      << d.message;
}

TEST(CompareEditions, AMissingEndIsReported) {
  EditionText pdf = pdf_side();
  pdf.words.pop_back();
  support::Diagnostics diags;
  editions::compare_editions(epub_side(), pdf, book(), diags);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "editions-text-differs");
  EXPECT_NE(diags.items()[0].message.find("the EPUB has 'one', the PDF has nothing"),
            std::string::npos)
      << diags.items()[0].message;
}

TEST(CompareEditions, FootnotesAreComparedApart) {
  EditionText pdf = pdf_side();
  pdf.note_words = list_of("1. A remark.");
  support::Diagnostics diags;
  editions::compare_editions(epub_side(), pdf, book(), diags);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "editions-notes-differ");
  EXPECT_EQ(diags.items()[0].pos, (support::SourcePos{"one.md", 7, 1}));
}

TEST(CompareEditions, ADifferentOutlineIsATocDifference) {
  EditionText pdf = pdf_side();
  pdf.toc = {"One", "Two"};
  support::Diagnostics diags;
  editions::compare_editions(epub_side(), pdf, book(), diags);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "editions-toc-differs");
  EXPECT_NE(diags.items()[0].message.find("entry 2: the EPUB has no entry, the PDF has 'Two'"),
            std::string::npos)
      << diags.items()[0].message;
}

TEST(CompareEditions, AMisplacedPageMarkerIsReported) {
  EditionText epub = epub_side();
  epub.page_starts[1].word = 6;
  support::Diagnostics diags;
  editions::compare_editions(epub, pdf_side(), book(), diags);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "editions-page-differs");
  EXPECT_NE(diags.items()[0].message.find("page 2 stands before 'a'"), std::string::npos)
      << diags.items()[0].message;
}

// The EPUB writer once drew a body page's marker into a note (whose markers are not read):
// the page the EPUB lacks is named and placed, not only counted.
TEST(CompareEditions, APageTheEpubDoesNotMarkIsNamed) {
  EditionText epub = epub_side();
  epub.page_starts.pop_back();
  support::Diagnostics diags;
  editions::compare_editions(epub, pdf_side(), book(), diags);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "editions-page-differs");
  EXPECT_NE(diags.items()[0].message.find("the PDF's page 2 begins with 'and', but the EPUB"),
            std::string::npos)
      << diags.items()[0].message;
  EXPECT_EQ(diags.items()[0].pos, (support::SourcePos{"one.md", 5, 1}));
}

TEST(CompareEditions, CaptionsAreComparedApartAndPlacedAtTheirFigure) {
  model::Document doc = book();
  model::Block figure = paragraph("A map of the bay", 9);
  figure.node = model::Figure{.src = "map.png", .alt = "A map of the bay"};
  doc.sections[0].blocks.push_back(figure);
  EditionText epub = epub_side(), pdf = pdf_side();
  epub.caption_words = list_of("A map of the bay");
  epub.caption_parts = {{0, "text/001-chapter.xhtml", 0}};
  pdf.caption_words = list_of("A map of the bay");
  pdf.caption_parts = {{0, "2", -1}};
  support::Diagnostics diags;
  EXPECT_TRUE(editions::compare_editions(epub, pdf, doc, diags).same);
  EXPECT_TRUE(diags.empty());
  pdf.caption_words = list_of("A map of the coast");
  auto c = editions::compare_editions(epub, pdf, doc, diags);
  EXPECT_FALSE(c.same);
  ASSERT_EQ(diags.items().size(), 1u);
  const auto& d = diags.items()[0];
  EXPECT_EQ(d.code, "editions-captions-differ");
  EXPECT_EQ(d.pos, (support::SourcePos{"one.md", 9, 1}));  // the figure
  EXPECT_NE(d.message.find("EPUB has 'bay', the PDF has 'coast' on page 2"), std::string::npos)
      << d.message;
}
