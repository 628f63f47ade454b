// Text pieces: appending, slicing and looking up where text bytes came from.
#include "model/text_pieces.hpp"

#include <gtest/gtest.h>

namespace folio::model {
namespace {

TEST(TextPieces, AppendShiftsAndSliceCuts) {
  Text t = located_text("ab", 10, 2);
  Text amp = located_text("&", 20, 5);  // `&amp;`
  append(t, amp);
  append(t, located_text("cd", 30, 2));
  ASSERT_EQ(t.text, "ab&cd");
  EXPECT_EQ(source_offset(t, 1), 11u);
  EXPECT_EQ(source_offset(t, 2), 20u);  // the entity's `&`
  EXPECT_EQ(source_offset(t, 4), 31u);
  Text s = slice(t, 1, 4);
  ASSERT_EQ(s.text, "b&c");
  EXPECT_EQ(source_offset(s, 0), 11u);
  EXPECT_EQ(source_offset(s, 1), 20u);
  EXPECT_EQ(source_offset(s, 2), 30u);
  EXPECT_FALSE(source_offset(s, 3));
}

TEST(TextPieces, UnknownStaysUnknownAndEscapesAreMarked) {
  Text t = unplaced_text("x");
  append(t, located_text("y", 5, 1));
  EXPECT_FALSE(source_offset(t, 0));
  EXPECT_EQ(source_offset(t, 1), 5u);
  Text e = located_text("[", 7, 1);
  e.pieces[0].escaped = true;
  append(t, e);
  EXPECT_TRUE(escaped(t, 2));
  EXPECT_FALSE(escaped(t, 1));
  EXPECT_TRUE(escaped(slice(t, 2, 3), 0));
}

}  // namespace
}  // namespace folio::model
