// The stage end to end: typeset a book, write its EPUB, read it back and compare.
#include "editions/editions.hpp"

#include <gtest/gtest.h>

#include "editions/epub_text.hpp"
#include "editions/pdf_text.hpp"
#include "epub/epub_writer.hpp"
#include "manuscript/reader.hpp"
#include "pdf/pdf_writer.hpp"
#include "tests/support/read_fixture.hpp"

using namespace folio;
namespace fs = std::filesystem;

namespace {

struct Built {
  model::Document doc;
  typeset::PagedDocument paged;
  fs::path epub;
};

model::Document read(const fs::path& dir) {
  return test_support::read_fixture(dir);
}

// Typesets `print` and writes the EPUB of `ebook` (the same book, unless a test changes one).
Built build(const model::Document& ebook, const model::Document& print, const std::string& name) {
  Built b;
  b.doc = ebook;
  support::Diagnostics diags;
  pdf::PdfOptions po;
  po.style_dirs = {fs::path(FOLIO_SOURCE_DIR) / "styles"};
  auto paged = pdf::typeset_for_print(print, po, diags);
  EXPECT_TRUE(paged) << name;
  if (paged) b.paged = std::move(*paged);
  fs::path dir = fs::temp_directory_path() / ("folio-editions-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  epub::EpubOptions eo;
  eo.output = dir / "book.epub";
  eo.source_date_epoch = "0";
  eo.style_dirs = po.style_dirs;
  eo.page_map = b.paged.page_map;
  EXPECT_TRUE(epub::write_epub(ebook, eo, diags)) << name;
  b.epub = eo.output;
  return b;
}

void expect_same(const fs::path& manuscript, const std::string& name) {
  model::Document doc = read(manuscript);
  Built b = build(doc, doc, name);
  support::Diagnostics diags;
  auto c = editions::check_editions(b.doc, b.epub, b.paged, diags);
  ASSERT_TRUE(c);
  for (const auto& d : diags.items()) ADD_FAILURE() << d.code << ": " << d.message;
  EXPECT_TRUE(c->same);
  EXPECT_GT(c->words, 50u);
  EXPECT_EQ(c->page_starts, b.paged.page_map.size());
}

}  // namespace

TEST(Editions, TheSeedBooksEditionsAgree) {
  expect_same(fs::path(FOLIO_SOURCE_DIR) / "manuscript", "seed");
}

TEST(Editions, EveryConstructAgrees) {
  expect_same(fs::path(FOLIO_SOURCE_DIR) / "tests/manuscripts/constructs", "constructs");
}

TEST(Editions, ALongBookWithNotesAgrees) {
  expect_same(fs::path(FOLIO_SOURCE_DIR) / "tests/editions/fixtures/long", "long");
}

TEST(Editions, TheEpubIsReadWithoutFurniture) {
  model::Document doc = read(fs::path(FOLIO_SOURCE_DIR) / "tests/manuscripts/constructs");
  Built b = build(doc, doc, "furniture");
  std::string error;
  auto e = editions::read_epub_text(b.epub, error);
  ASSERT_TRUE(e) << error;
  // The first words are the dedication's heading, not the title page or the contents.
  ASSERT_GE(e->words.size(), 2u);
  EXPECT_EQ(e->words[0], "dedication");
  EXPECT_EQ(e->words[1], "for");
  EXPECT_EQ(e->toc.front(), "Dedication");
  // Notes are apart, starting with their numbers.
  ASSERT_GE(e->note_words.size(), 2u);
  EXPECT_EQ(e->note_words[0], "1");
  EXPECT_EQ(e->note_words[1], "a");
}

// A deliberately mismatched pair: the PDF typeset from a changed model.
TEST(Editions, AWordChangedInOneEditionIsFoundAtItsSource) {
  model::Document doc = read(fs::path(FOLIO_SOURCE_DIR) / "tests/manuscripts/constructs");
  model::Document changed = doc;
  // body.md's "She wrote:" paragraph (the third block of "The First Chapter").
  model::Section& chapter = changed.sections[2];
  model::Block& she = chapter.blocks[2];
  ASSERT_EQ(she.inlines.front().as<model::Text>().text, "She wrote:");
  she.inlines.front().as<model::Text>().text = "He wrote:";
  Built b = build(doc, changed, "mismatch");
  support::Diagnostics diags;
  auto c = editions::check_editions(b.doc, b.epub, b.paged, diags);
  ASSERT_TRUE(c);
  EXPECT_FALSE(c->same);
  ASSERT_EQ(diags.count(support::Severity::error), 1u);
  const auto& d = diags.items().front();
  EXPECT_EQ(d.code, "editions-text-differs");
  EXPECT_EQ(d.pos.file, "body.md");
  EXPECT_EQ(d.pos.line, doc.sections[2].blocks[2].source.line);
  EXPECT_NE(d.message.find("'The First Chapter'"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("the EPUB has 'she', the PDF has 'he' on page 1"), std::string::npos)
      << d.message;
}

TEST(Editions, TablesAgree) {
  expect_same(fs::path(FOLIO_SOURCE_DIR) / "tests/manuscripts/tables", "tables");
}

// A cell's word changed in the print edition only: the check finds it at the cell.
TEST(Editions, AWordChangedInATableCellIsFoundAtTheCell) {
  model::Document doc = read(fs::path(FOLIO_SOURCE_DIR) / "tests/manuscripts/tables");
  model::Document changed = doc;
  model::Block* table = nullptr;
  for (model::Block& b : changed.sections[0].blocks)
    if (b.is<model::Table>() && !table) table = &b;
  ASSERT_TRUE(table);
  model::TableCell& cell = table->as<model::Table>().rows.at(1).cells.at(3);
  ASSERT_EQ(model::plain_text(cell.inlines), "A wet summer and a late harvest");
  cell.inlines.front().as<model::Text>().text = "A dry summer and a late harvest";
  Built b = build(doc, changed, "table-mismatch");
  support::Diagnostics diags;
  auto c = editions::check_editions(b.doc, b.epub, b.paged, diags);
  ASSERT_TRUE(c);
  EXPECT_FALSE(c->same);
  ASSERT_EQ(diags.count(support::Severity::error), 1u);
  const auto& d = diags.items().front();
  EXPECT_EQ(d.code, "editions-text-differs");
  EXPECT_EQ(d.pos.file, "simple.md");
  EXPECT_EQ(d.pos.line, 9);
  EXPECT_NE(d.message.find("the EPUB has 'wet', the PDF has 'dry'"), std::string::npos)
      << d.message;
}

TEST(Editions, AChangedHeadingIsATocDifference) {
  model::Document doc = read(fs::path(FOLIO_SOURCE_DIR) / "tests/manuscripts/chapters");
  model::Document changed = doc;
  ASSERT_TRUE(changed.sections[1].heading);
  changed.sections[1].heading->inlines = {model::Inline{.node = model::Text{"Renamed"}}};
  Built b = build(doc, changed, "toc");
  support::Diagnostics diags;
  editions::check_editions(b.doc, b.epub, b.paged, diags);
  bool toc = false;
  for (const auto& d : diags.items()) toc = toc || d.code == "editions-toc-differs";
  EXPECT_TRUE(toc);
}

TEST(Editions, AnUnreadableEpubIsAnError) {
  support::Diagnostics diags;
  typeset::PagedDocument none;
  auto c = editions::check_editions({}, "/nonexistent/book.epub", none, diags);
  EXPECT_FALSE(c);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "editions-epub-unreadable");
}
