// Pipe tables read into the model: columns, alignments, cells' inlines, captions, bad rows.
#include <gtest/gtest.h>

#include "manuscript/reader.hpp"
#include "manuscript/table_reader.hpp"
#include "model/walk.hpp"

using namespace folio;

namespace {

std::vector<model::Block> blocks_of(const std::string& md, support::Diagnostics& diags) {
  auto src =
      manuscript::memory_source({{"book.yaml", "title: T\nauthor: A\nlang: en\n"}, {"a.md", md}});
  auto m = manuscript::read_manuscript(*src, diags);
  EXPECT_TRUE(m.has_value());
  return m && !m->document.sections.empty() ? m->document.sections[0].blocks
                                            : std::vector<model::Block>{};
}

std::string cell_text(const model::TableRow& row, std::size_t i) {
  return model::plain_text(row.cells.at(i).inlines);
}

}  // namespace

TEST(TableReader, ColumnsAlignmentsAndCells) {
  support::Diagnostics diags;
  auto bs = blocks_of("| A | *B* | C | D |\n|---|:--|:-:|--:|\n| 1 | 2 \\| 3 | x | `y` |\n", diags);
  EXPECT_TRUE(diags.items().empty());
  ASSERT_EQ(bs.size(), 1u);
  const auto& t = bs[0].as<model::Table>();
  using A = model::ColumnAlign;
  EXPECT_EQ(t.alignments, (std::vector<A>{A::none, A::left, A::center, A::right}));
  EXPECT_EQ(cell_text(t.header, 0), "A");
  EXPECT_TRUE(t.header.cells[1].inlines.at(0).is<model::Emphasis>());
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(cell_text(t.rows[0], 1), "2 | 3");  // an escaped pipe stays in its cell
  EXPECT_TRUE(t.rows[0].cells[3].inlines.at(0).is<model::Code>());
  EXPECT_EQ(t.rows[0].source.line, 3);
  EXPECT_EQ(t.rows[0].cells[2].source.line, 3);
  EXPECT_TRUE(bs[0].inlines.empty());  // no caption
}

TEST(TableReader, CaptionAfterTheTableAsPandocReadsIt) {
  for (const char* md :
       {"| A |\n|---|\n| 1 |\n\nTable: The *caption*\n", "| A |\n|---|\n| 1 |\n\n: The *caption*\n",
        "| A |\n|---|\n| 1 |\nTable: The *caption*\n"}) {
    support::Diagnostics diags;
    auto bs = blocks_of(md, diags);
    ASSERT_EQ(bs.size(), 1u) << md;
    EXPECT_EQ(model::plain_text(bs[0].inlines), "The caption") << md;
    EXPECT_EQ(bs[0].as<model::Table>().rows.size(), 1u) << md;
  }
  // A paragraph that is no caption stays a paragraph.
  support::Diagnostics diags;
  auto bs = blocks_of("| A |\n|---|\n| 1 |\n\nTables: are fine.\n", diags);
  ASSERT_EQ(bs.size(), 2u);
  EXPECT_TRUE(bs[1].is<model::Paragraph>());
}

TEST(TableReader, RaggedRowsArePaddedOrCutWithAWarningAtTheRow) {
  support::Diagnostics diags;
  auto bs = blocks_of("text\n\n| A | B |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n| 1 | 2 |\n", diags);
  ASSERT_EQ(bs.size(), 2u);
  const auto& t = bs[1].as<model::Table>();
  ASSERT_EQ(t.rows.size(), 3u);
  for (const auto& row : t.rows) EXPECT_EQ(row.cells.size(), 2u);
  ASSERT_EQ(diags.items().size(), 2u);
  EXPECT_EQ(diags.items()[0].code, "table-ragged-row");
  EXPECT_EQ(diags.items()[0].pos.line, 5);
  EXPECT_EQ(diags.items()[1].pos.line, 6);
}

TEST(TableReader, LineBlocksAndTablesInQuotes) {
  support::Diagnostics diags;
  // Without a delimiter row, lines opening with pipes are a line block (verse), as before.
  auto bs = blocks_of("| The dew | is cold\n| on the grass\n", diags);
  ASSERT_EQ(bs.size(), 1u);
  EXPECT_TRUE(bs[0].is<model::LineBlock>());
  bs = blocks_of("> | A | B |\n> |---|---|\n> | 1 | 2 |\n", diags);
  ASSERT_EQ(bs.size(), 1u);
  ASSERT_EQ(bs[0].blocks.size(), 1u);
  EXPECT_EQ(cell_text(bs[0].blocks[0].as<model::Table>().rows.at(0), 1), "2");
  EXPECT_TRUE(diags.items().empty());
}

TEST(TableReader, WalksVisitCaptionThenCells) {
  support::Diagnostics diags;
  auto bs = blocks_of("| A | B |\n|---|---|\n| 1 | 2 |\n\nTable: cap\n", diags);
  ASSERT_EQ(bs.size(), 1u);
  std::string seen;
  model::walk_block_inlines(bs[0], [&](const model::Inline& in) {
    if (auto* t = in.get_if<model::Text>()) seen += t->text + ",";
  });
  EXPECT_EQ(seen, "cap,A,B,1,2,");
}

TEST(TableReader, PipeRowCells) {
  EXPECT_EQ(manuscript::pipe_row_cells("| a | b |"), 2u);
  EXPECT_EQ(manuscript::pipe_row_cells("a | b"), 2u);
  EXPECT_EQ(manuscript::pipe_row_cells("| a \\| b | c |  "), 2u);
  EXPECT_EQ(manuscript::pipe_row_cells("| a | | c"), 3u);
  EXPECT_EQ(manuscript::pipe_row_cells("   "), 0u);
}

// Both editions set a caption above its table, so its notes come before the cells' (the
// Wealth of Nations cites a note from a caption after rows that cite others): numbers and
// the section's notes follow that reading order, not the source's.
TEST(TableReader, ACaptionsNotesAreNumberedBeforeTheCells) {
  auto src = manuscript::memory_source(
      {{"book.yaml", "title: T\nauthor: A\nlang: en\n"},
       {"a.md",
        "Before.[^a]\n\n| Y | P |\n|---|--:|\n| 1642[^c] | 0 |\n| 1643 | 6[^d] |\n\n"
        "Table: Prices.[^b]\n\nAfter.[^e]\n\n[^a]: A.\n[^b]: B.\n[^c]: C.\n[^d]: D.\n[^e]: E.\n"}});
  support::Diagnostics diags;
  auto m = manuscript::read_manuscript(*src, diags);
  ASSERT_TRUE(m.has_value());
  EXPECT_TRUE(diags.items().empty());
  std::vector<std::pair<std::string, int>> refs;
  model::walk_blocks(m->document, [&](const model::Block& b) {
    model::walk_block_inlines(b, [&](const model::Inline& in) {
      if (in.is<model::NoteRef>())
        refs.emplace_back(in.as<model::NoteRef>().label, in.as<model::NoteRef>().number);
    });
  });
  EXPECT_EQ(refs, (std::vector<std::pair<std::string, int>>{
                      {"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}, {"e", 5}}));
  std::vector<std::string> notes;
  for (const model::Block& n : m->document.sections.at(0).footnotes)
    notes.push_back(n.as<model::Footnote>().label);
  EXPECT_EQ(notes, (std::vector<std::string>{"a", "b", "c", "d", "e"}));
}
