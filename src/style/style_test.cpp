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
