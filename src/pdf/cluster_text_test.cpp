// The texts Cairo is given per cluster: format characters without a glyph dropped, fractions
// split glyph by glyph, everything else as written.
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

TEST(GlyphTexts, AFractionReadsGlyphByGlyph) {
  EXPECT_EQ(glyph_texts("\u2153", 3), (std::vector<std::string>{"1", "\u2044", "3"}));
  EXPECT_EQ(glyph_texts("1/16", 4), (std::vector<std::string>{"1", "/", "1", "6"}));
  EXPECT_TRUE(glyph_texts("\u2153", 2).empty());  // the counts differ: left to Cairo
  EXPECT_TRUE(glyph_texts("e\u0301", 1).empty());
}

}  // namespace
}  // namespace folio::pdf
