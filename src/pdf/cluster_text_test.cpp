// The texts Cairo is given per cluster: format characters without a glyph dropped, the rest
// as written unless a font encodes a ligature.
#include "pdf/cluster_text.hpp"

#include <gtest/gtest.h>

namespace folio::pdf {
namespace {

TEST(ClusterText, AWordJoinerWithoutAGlyphGivesNoText) {
  EXPECT_EQ(cluster_text("\u2060", 0, 0, nullptr), "");
  EXPECT_EQ(cluster_text("\u200B\u00AD", 0, 0, nullptr), "");
  // Visible text without a glyph (a missing glyph) keeps its text.
  EXPECT_EQ(cluster_text("\u2720", 0, 0, nullptr), "\u2720");
}

TEST(ClusterText, OneGlyphForOneCharacterIsLeftAlone) {
  EXPECT_EQ(cluster_text("a", 1, 68, nullptr), "a");
  EXPECT_EQ(cluster_text("\u2014", 1, 1200, nullptr), "\u2014");
}

TEST(ClusterText, ALigatureWithoutAFontToAskKeepsItsLetters) {
  // Only a font whose cmap encodes the glyph as U+FB02 makes "fl" read as the ligature.
  EXPECT_EQ(cluster_text("fl", 1, 500, nullptr), "fl");
  EXPECT_EQ(cluster_text("Th", 1, 500, nullptr), "Th");
}

}  // namespace
}  // namespace folio::pdf
