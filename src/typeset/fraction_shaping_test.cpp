// Fractions built from EB Garamond's figures: which are rewritten, offsets, the text layer.
#include "typeset/fraction_shaping.hpp"

#include <gtest/gtest.h>

#include <string>

namespace folio::typeset {
namespace {

class FractionTest : public ::testing::Test {
 protected:
  FractionTest() : fonts("en-US") {}

  ParagraphSettings settings(const std::string& family = "EB Garamond 12") const {
    ParagraphSettings s;
    s.face = {family, 11, 13.6, false, false, 0, ""};
    s.measure = 300;
    return s;
  }

  FontContext fonts;
  FontTable table;
};

TEST(FractionSpelling, VulgarFractionsOnly) {
  EXPECT_EQ(fraction_spelled_out(U'⅓'), "1\u20443");
  EXPECT_EQ(fraction_spelled_out(U'⅒'), "1\u204410");
  EXPECT_EQ(fraction_spelled_out(U'↉'), "0\u20443");
  EXPECT_EQ(fraction_spelled_out(U'¾'), "3\u20444");
  EXPECT_EQ(fraction_spelled_out(U'⅟'), "");  // no denominator
  EXPECT_EQ(fraction_spelled_out(U'²'), "");
  EXPECT_EQ(fraction_spelled_out(U'a'), "");
}

TEST_F(FractionTest, OnlyWhatTheFaceLacksIsRewritten) {
  StyledText t;
  t.text = "a ½ b 2⅓ c ⅐ d ⅒.";
  EXPECT_FALSE(plan_fractions(fonts, StyledText{"½ and ¼ and ⅐", {}, {}}, settings()));
  EXPECT_FALSE(plan_fractions(fonts, StyledText{"no fractions here", {}, {}}, settings()));
  auto plan = plan_fractions(fonts, t, settings());
  ASSERT_TRUE(plan);
  // ½ and ⅐ are EB Garamond 12's own; ⅓ and ⅒ are built. The 2 stays outside the fraction.
  EXPECT_EQ(plan->text.text, "a ½ b 21\u20443 c ⅐ d 1\u204410.");
  ASSERT_EQ(plan->fractions.size(), 2u);
  EXPECT_EQ(plan->fractions[0].original, "⅓");
  EXPECT_EQ(plan->text.text.substr(plan->fractions[0].start,
                                   plan->fractions[0].end - plan->fractions[0].start),
            "1\u20443");
  ASSERT_EQ(plan->text.spans.size(), 2u);
  EXPECT_EQ(plan->text.spans[0].features, "frac 1");
  EXPECT_EQ(plan->text.spans[0].start, plan->fractions[0].start);
  // Offsets back into the text as written: before, inside and after a fraction.
  std::size_t before = t.text.find("2");
  EXPECT_EQ(plan->original_offset(before), before);
  EXPECT_EQ(plan->original_offset(plan->fractions[0].start + 2), t.text.find("⅓"));
  std::size_t c = plan->text.text.find(" c");
  EXPECT_EQ(plan->original_offset(c), t.text.find(" c"));
  EXPECT_EQ(plan->original_offset(plan->text.text.size()), t.text.size());
}

TEST_F(FractionTest, SpansAndNotesMoveWithTheText) {
  StyledText t;
  t.text = "⅓ of *it* and more";
  Span it;
  it.start = t.text.find("it"), it.end = it.start + 2, it.italic = true;
  t.spans.push_back(it);
  t.notes.push_back({t.text.size(), 4});
  auto plan = plan_fractions(fonts, t, settings());
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->text.text.substr(plan->text.spans[0].start, 2), "it");
  EXPECT_TRUE(plan->text.spans[0].italic);
  EXPECT_EQ(plan->text.notes[0].first, plan->text.text.size());
}

TEST_F(FractionTest, TheTextLayerKeepsTheCharacterAsWritten) {
  StyledText t;
  t.text = "Take ⅓ of it, 2⅘ of that and ½ of the rest.";
  auto plan = plan_fractions(fonts, t, settings());
  ASSERT_TRUE(plan);
  SetParagraph p = set_paragraph(fonts, table, plan->text, settings());
  restore_fraction_text(p, *plan);
  ASSERT_EQ(p.lines.size(), 1u);
  std::string text;
  bool one_cluster = false;
  for (const GlyphRun& r : p.lines[0].runs) {
    text += r.text;
    std::size_t off = 0;
    for (auto [bytes, glyphs] : r.clusters) {
      // ⅓ drawn as three glyphs (numerator, slash, denominator) under its own text.
      if (r.text.compare(off, static_cast<std::size_t>(bytes), "⅓") == 0 && glyphs == 3)
        one_cluster = true;
      off += static_cast<std::size_t>(bytes);
    }
  }
  EXPECT_EQ(text.substr(0, t.text.size()), t.text);
  EXPECT_TRUE(one_cluster);
  EXPECT_EQ(p.lines[0].start, 0u);
  EXPECT_EQ(p.missing_glyphs, 0);
}

TEST_F(FractionTest, AFaceThatHasThemIsLeftAlone) {
  // Linux Libertine O has ⅓ … ⅞ of its own; it builds ⅐ ⅑ ⅒ ↉ only.
  auto plan = plan_fractions(fonts, StyledText{"⅓ ⅞ ⅑", {}, {}}, settings("Linux Libertine O"));
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->text.text, "⅓ ⅞ 1\u20449");
}

}  // namespace
}  // namespace folio::typeset
