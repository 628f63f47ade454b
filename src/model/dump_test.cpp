// The JSON dump's shape for a table: caption as inlines, alignments, header and rows of cells.
#include "model/dump.hpp"

#include <gtest/gtest.h>

using namespace folio::model;

namespace {

TableCell cell(const std::string& t, int line, int column) {
  return TableCell{.inlines = {Inline{.node = Text{t}, .source = {"a.md", line, column}}},
                   .source = {"a.md", line, column}};
}

}  // namespace

TEST(Dump, TableShape) {
  Block b{
      .node =
          Table{.alignments = {ColumnAlign::none, ColumnAlign::right},
                .header = {.cells = {cell("A", 1, 3), cell("B", 1, 7)}, .source = {"a.md", 1, 1}},
                .rows = {{.cells = {cell("1", 3, 3), cell("2", 3, 7)}, .source = {"a.md", 3, 1}}}},
      .source = {"a.md", 1, 1},
      .inlines = {Inline{.node = Text{"Cap"}, .source = {"a.md", 5, 8}}}};
  Document doc;
  doc.sections.emplace_back();
  doc.sections.back().blocks.push_back(b);
  std::string json = dump_json(doc);
  auto has = [&](const std::string& s) { return json.find(s) != std::string::npos; };
  EXPECT_TRUE(has("\"version\": 1")) << json;
  EXPECT_TRUE(has("\"type\": \"table\"")) << json;
  EXPECT_TRUE(has("\"alignments\": [\n")) << json;
  EXPECT_TRUE(has("\"default\",")) << json;
  EXPECT_TRUE(has("\"right\"\n")) << json;
  // The caption's inlines come before the header and the rows; every row has its cells.
  std::size_t caption = json.find("\"Cap\""), header = json.find("\"header\""),
              rows = json.find("\"rows\""), two = json.find("\"text\": \"2\"");
  ASSERT_NE(caption, std::string::npos);
  EXPECT_LT(caption, header);
  EXPECT_LT(header, rows);
  EXPECT_LT(rows, two);
  EXPECT_TRUE(has("\"cells\"")) << json;
}
