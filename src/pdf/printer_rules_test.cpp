// KDP margin rules: the page-count table's edges and the warning's numbers.
#include "pdf/printer_rules.hpp"

#include <gtest/gtest.h>

namespace folio::pdf {
namespace {

TEST(PrinterRules, InsideMinimumGrowsWithThePageCount) {
  EXPECT_DOUBLE_EQ(kdp_min_inside(24), 27);  // 0.375 in
  EXPECT_DOUBLE_EQ(kdp_min_inside(150), 27);
  EXPECT_DOUBLE_EQ(kdp_min_inside(151), 36);  // 0.5 in
  EXPECT_DOUBLE_EQ(kdp_min_inside(300), 36);
  EXPECT_DOUBLE_EQ(kdp_min_inside(301), 45);  // 0.625 in
  EXPECT_DOUBLE_EQ(kdp_min_inside(500), 45);
  EXPECT_DOUBLE_EQ(kdp_min_inside(501), 54);  // 0.75 in
  EXPECT_DOUBLE_EQ(kdp_min_inside(700), 54);
  EXPECT_DOUBLE_EQ(kdp_min_outside(false), 18);
  EXPECT_DOUBLE_EQ(kdp_min_outside(true), 27);
}

TEST(PrinterRules, NarrowInsideMarginWarnsWithTheNumbers) {
  style::Page page;
  page.inside = 0.3 * 72;
  support::Diagnostics diags;
  EXPECT_EQ(check_printer_rules(page, 40, false, {"narrow.yaml", 0, 0}, diags), 1);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "printer-margin");
  EXPECT_EQ(diags.items()[0].severity, support::Severity::warning);
  EXPECT_EQ(diags.items()[0].message,
            "the inside margin is 0.3 in, below KDP's 0.375 in minimum for a 40-page book");
}

TEST(PrinterRules, TheSameMarginPassesForAThinBookButNotAThickOne) {
  style::Page page;
  page.inside = 0.5 * 72;
  support::Diagnostics diags;
  EXPECT_EQ(check_printer_rules(page, 300, false, {"s.yaml", 0, 0}, diags), 0);
  EXPECT_EQ(check_printer_rules(page, 301, false, {"s.yaml", 0, 0}, diags), 1);
  EXPECT_NE(diags.items()[0].message.find("0.625 in minimum for a 301-page book"),
            std::string::npos);
}

TEST(PrinterRules, BleedRaisesTheOutsideMinimum) {
  style::Page page;
  page.outside = page.top = page.bottom = 0.3 * 72;
  support::Diagnostics diags;
  EXPECT_EQ(check_printer_rules(page, 100, false, {"s.yaml", 0, 0}, diags), 0);
  EXPECT_EQ(check_printer_rules(page, 100, true, {"s.yaml", 0, 0}, diags), 3);
  EXPECT_NE(diags.items()[0].message.find("outside margin is 0.3 in, below KDP's 0.375 in"),
            std::string::npos);
}

}  // namespace
}  // namespace folio::pdf
