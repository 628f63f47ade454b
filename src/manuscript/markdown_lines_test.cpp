// The shared line scanner: container prefixes and code fences as CommonMark reads them.
#include "manuscript/markdown_lines.hpp"

#include <gtest/gtest.h>

#include "manuscript/fenced_divs.hpp"

namespace folio::manuscript {
namespace {

TEST(MarkdownLines, ContainerPrefix) {
  EXPECT_EQ(container_prefix("text").length, 0u);
  ContainerPrefix p = container_prefix("> > quoted");
  EXPECT_EQ(p.length, 4u);
  EXPECT_EQ(p.depth, 2);
  p = container_prefix("   >>x");  // three spaces allowed, no space needed after `>`
  EXPECT_EQ(p.length, 5u);
  EXPECT_EQ(p.depth, 2);
  EXPECT_EQ(container_prefix("    > indented code").depth, 0);
}

TEST(MarkdownLines, CodeFenceOpening) {
  auto f = code_fence_opening("````python");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->marker, '`');
  EXPECT_EQ(f->length, 4u);
  ASSERT_TRUE(code_fence_opening("~~~ a`b"));  // a tilde fence's info may hold backticks
  EXPECT_FALSE(code_fence_opening("``"));
  EXPECT_FALSE(code_fence_opening("```a`b"));  // inline code, not a fence
  EXPECT_FALSE(code_fence_opening("text"));
  EXPECT_FALSE(code_fence_opening(""));
}

TEST(MarkdownLines, ClosesCodeFence) {
  CodeFence backticks{'`', 4};
  EXPECT_TRUE(closes_code_fence("````", backticks));
  EXPECT_TRUE(closes_code_fence("`````  \r", backticks));
  EXPECT_FALSE(closes_code_fence("```", backticks));  // shorter than the opener
  EXPECT_FALSE(closes_code_fence("```` x", backticks));
  EXPECT_FALSE(closes_code_fence("~~~~", backticks));
  EXPECT_EQ(block_indent("   x"), 3u);
  EXPECT_EQ(block_indent("     x"), 3u);
}

// "```a`b" opens no code fence, so the div after it is a div. The reader's div scan used to
// take the line for a fence and read the div as code, where the checker's prose map read a
// div (check_test's BacktickInfoStringOpensNoFence shows the checker's side).
TEST(MarkdownLines, BacktickInInfoStringOpensNoFenceForTheDivScan) {
  support::Diagnostics diags;
  DivScan scan = scan_fenced_divs("a.md", "```a`b\n\n::: signature\nYours,\n:::\n", diags);
  ASSERT_EQ(scan.divs.size(), 1u);
  EXPECT_TRUE(scan.divs[0].closed);
  EXPECT_TRUE(diags.empty());
  // A real fence still hides a div fence from the scan.
  scan = scan_fenced_divs("a.md", "```a\n::: signature\n```\n", diags);
  EXPECT_TRUE(scan.divs.empty());
}

}  // namespace
}  // namespace folio::manuscript
