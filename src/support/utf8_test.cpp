// Unit tests for UTF-8 validation and XML-forbidden characters.
#include "support/utf8.hpp"

#include <gtest/gtest.h>

using namespace folio::support;

TEST(Utf8, AcceptsWellFormed) {
  EXPECT_EQ(find_invalid_utf8("plain ascii"), std::nullopt);
  EXPECT_EQ(find_invalid_utf8("“quoted” — ok \xF0\x9F\x93\x96"), std::nullopt);
}

TEST(Utf8, RejectsMalformedWithOffset) {
  EXPECT_EQ(find_invalid_utf8("ab\xFF"), 2u);
  EXPECT_EQ(find_invalid_utf8("a\xC0\x80"), 1u);          // overlong
  EXPECT_EQ(find_invalid_utf8("ab\xED\xA0\x80"), 2u);     // surrogate
  EXPECT_EQ(find_invalid_utf8("\xE2\x80"), 0u);           // truncated
  EXPECT_EQ(find_invalid_utf8("x\xF4\x90\x80\x80"), 1u);  // above U+10FFFF
}

TEST(Utf8, FindsXmlForbiddenCharacters) {
  EXPECT_EQ(find_xml_forbidden("tab\tand\nnewline"), std::nullopt);
  EXPECT_EQ(find_xml_forbidden("bell\x07"), 4u);
  EXPECT_EQ(find_xml_forbidden("x\xEF\xBF\xBF"), 1u);
}

TEST(Utf8, LineColumn) {
  auto lc = line_column_at("ab\ncd\nef", 7);
  EXPECT_EQ(lc.line, 3);
  EXPECT_EQ(lc.column, 2);
}
