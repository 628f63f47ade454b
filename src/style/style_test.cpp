// Style loading: the shipped classic style, units, and positioned errors for bad input.
#include "style/style.hpp"

#include <gtest/gtest.h>

namespace folio::style {
namespace {

TEST(Style, ClassicFileMatchesTheDefaults) {
  support::Diagnostics diags;
  auto s = load_style(std::filesystem::path(FOLIO_SOURCE_DIR) / "styles" / "classic.yaml", diags);
  ASSERT_TRUE(s) << (diags.empty() ? "" : diags.items()[0].message);
  EXPECT_EQ(s->name, "classic");
  EXPECT_DOUBLE_EQ(s->page.width, 432);
  EXPECT_DOUBLE_EQ(s->page.height, 648);
  EXPECT_EQ(s->body.family, "EB Garamond 12");
  EXPECT_DOUBLE_EQ(s->body.size, 11);
  EXPECT_NEAR(s->indent, 16.5, 1e-9);
}

TEST(Style, UnitsConvertToPoints) {
  support::Diagnostics diags;
  auto s = parse_style("page: {width: 5.5in, height: 216mm, inside: 2em}\nbody: {size: 10}\n",
                       "t.yaml", diags);
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(s->page.width, 396);
  EXPECT_NEAR(s->page.height, 612.28, 0.01);
  EXPECT_DOUBLE_EQ(s->page.inside, 20);
}

TEST(Style, UnknownKeyIsReportedWithPosition) {
  support::Diagnostics diags;
  auto s = parse_style("page:\n  width: 6in\n  colour: red\n", "t.yaml", diags);
  EXPECT_FALSE(s);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "style-unknown-key");
  EXPECT_EQ(diags.items()[0].pos.line, 3);
  EXPECT_EQ(diags.items()[0].pos.column, 3);
}

TEST(Style, ImpossibleValuesAreErrors) {
  support::Diagnostics diags;
  EXPECT_FALSE(parse_style("body: {size: -3}\n", "t.yaml", diags));
  EXPECT_FALSE(parse_style("page: {width: 2in, inside: 1in, outside: 1in}\n", "t.yaml", diags));
  EXPECT_FALSE(parse_style("page: {top: 3furlongs}\n", "t.yaml", diags));
  EXPECT_EQ(diags.count(support::Severity::error), 3u);
}

}  // namespace
}  // namespace folio::style

namespace folio::style {
namespace {

TEST(Style, KdpTrimNamesGiveThePageSize) {
  EXPECT_EQ(trim_size("6x9"), (std::pair<double, double>{432, 648}));
  EXPECT_EQ(trim_size("5.5x8.5"), (std::pair<double, double>{396, 612}));
  EXPECT_EQ(trim_size("5 x 8"), (std::pair<double, double>{360, 576}));
  EXPECT_EQ(trim_size("5.25 × 8 in"), (std::pair<double, double>{378, 576}));
  EXPECT_FALSE(trim_size("6x10"));
  EXPECT_FALSE(trim_size(""));
}

TEST(Style, TrimInTheFileSetsWidthAndHeight) {
  support::Diagnostics diags;
  auto s = parse_style("page:\n  trim: 5.25x8\n  inside: 0.6in\n", "t.yaml", diags);
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(s->page.width, 378);
  EXPECT_DOUBLE_EQ(s->page.height, 576);
  EXPECT_NEAR(s->page.inside, 43.2, 1e-9);
}

TEST(Style, UnknownTrimIsAnErrorAtItsPosition) {
  support::Diagnostics diags;
  EXPECT_FALSE(parse_style("name: x\npage:\n  trim: 6x10\n", "t.yaml", diags));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "style-invalid");
  EXPECT_EQ(diags.items()[0].pos.file, "t.yaml");
  EXPECT_EQ(diags.items()[0].pos.line, 3);
  EXPECT_EQ(diags.items()[0].pos.column, 9);
  EXPECT_NE(diags.items()[0].message.find("5.5x8.5"), std::string::npos);
}

TEST(Style, TrimAndWidthTogetherAreAnError) {
  support::Diagnostics diags;
  EXPECT_FALSE(parse_style("page: {trim: 6x9, width: 5in}\n", "t.yaml", diags));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_NE(diags.items()[0].message.find("not both"), std::string::npos);
}

TEST(Style, BadValuesCarryLineAndColumn) {
  support::Diagnostics diags;
  EXPECT_FALSE(parse_style("body:\n  size: 11pt\n  strong: heavy\n", "t.yaml", diags));
  EXPECT_FALSE(parse_style("page:\n  top: -1in\n", "t.yaml", diags));
  EXPECT_FALSE(parse_style("hyphenation:\n  enabled: maybe\n", "t.yaml", diags));
  ASSERT_EQ(diags.items().size(), 3u);
  EXPECT_EQ(diags.items()[0].pos.line, 3);
  EXPECT_EQ(diags.items()[0].pos.column, 11);
  EXPECT_EQ(diags.items()[1].pos.line, 2);
  EXPECT_EQ(diags.items()[1].pos.column, 8);
  EXPECT_EQ(diags.items()[2].pos.line, 2);
  EXPECT_EQ(diags.items()[2].pos.column, 12);
}

TEST(Style, MarginsWiderThanATrimSizedPageAreAnError) {
  support::Diagnostics diags;
  EXPECT_FALSE(parse_style("page: {trim: 5x8, inside: 3in, outside: 2.5in}\n", "t.yaml", diags));
  EXPECT_EQ(diags.count(support::Severity::error), 1u);
}

TEST(Style, EpubOptions) {
  support::Diagnostics diags;
  auto s = parse_style("epub:\n  embed-fonts: false\n  extra-css: 'a { color: red; }'\n", "t.yaml",
                       diags);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->epub.extra_css, "a { color: red; }");
  EXPECT_FALSE(s->epub.embed_fonts);
  auto e = parse_style("epub:\n  embed-fonts: true\n", "t.yaml", diags);
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->epub.embed_fonts);
  EXPECT_FALSE(parse_style("epub:\n  embed-fonts: sometimes\n", "t.yaml", diags));
  EXPECT_EQ(diags.items().back().pos.line, 2);
}

TEST(Style, LibertineFileLoads) {
  support::Diagnostics diags;
  auto s = load_style(std::filesystem::path(FOLIO_SOURCE_DIR) / "styles" / "libertine.yaml", diags);
  ASSERT_TRUE(s) << (diags.empty() ? "" : diags.items()[0].message);
  EXPECT_EQ(s->name, "libertine");
  EXPECT_DOUBLE_EQ(s->page.width, 396);
  EXPECT_DOUBLE_EQ(s->page.height, 612);
  EXPECT_EQ(s->body.family, "Linux Libertine O");
  EXPECT_EQ(s->chapter.face.family, "Linux Libertine O");  // inherited from the body
  EXPECT_EQ(s->strong, "bold");
  EXPECT_FALSE(s->opening.recto);
}

}  // namespace
}  // namespace folio::style
