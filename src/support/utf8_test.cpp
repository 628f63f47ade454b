// Unit tests for UTF-8 validation and XML-forbidden characters.
#include "support/utf8.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

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

// The boundaries of each row of RFC 3629's table, so a validator whose range for one lead
// byte is empty or shifted fails here (a mutation run once passed with no 2-byte range).
TEST(Utf8, AcceptsEachRowsBoundaries) {
  for (const char* s :
       {"\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xE0\xBF\xBF", "\xE1\x80\x80", "\xEC\xBF\xBF",
        "\xED\x80\x80", "\xED\x9F\xBF", "\xEE\x80\x80", "\xEF\xBF\xBD", "\xF0\x90\x80\x80",
        "\xF0\xBF\xBF\xBF", "\xF1\x80\x80\x80", "\xF3\xBF\xBF\xBF", "\xF4\x80\x80\x80",
        "\xF4\x8F\xBF\xBF", "caf\xC3\xA9 na\xC3\xAFve"})
    EXPECT_EQ(find_invalid_utf8(s), std::nullopt) << testing::PrintToString(s);
}

namespace {
// The definition, written independently of the table: decode the bits, then require the
// shortest form, no surrogate and nothing above U+10FFFF.
bool valid_by_definition(const unsigned char* b, std::size_t n) {
  if (n == 1) return b[0] < 0x80;
  const unsigned char lead_bits[] = {0, 0, 0xC0, 0xE0, 0xF0};
  const unsigned char lead_mask[] = {0, 0, 0xE0, 0xF0, 0xF8};
  if ((b[0] & lead_mask[n]) != lead_bits[n]) return false;
  std::uint32_t cp = b[0] & static_cast<unsigned char>(~lead_mask[n]);
  for (std::size_t k = 1; k < n; ++k) {
    if ((b[k] & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (b[k] & 0x3F);
  }
  const std::uint32_t min_for_length[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min_for_length[n]) return false;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  return cp <= 0x10FFFF;
}

// A string is valid when it splits, by the lead bytes' bit patterns, into valid sequences.
bool string_valid_by_definition(const unsigned char* b, std::size_t n) {
  for (std::size_t i = 0; i < n;) {
    std::size_t len = b[i] < 0x80             ? 1
                      : (b[i] & 0xE0) == 0xC0 ? 2
                      : (b[i] & 0xF0) == 0xE0 ? 3
                      : (b[i] & 0xF8) == 0xF0 ? 4
                                              : 0;
    if (len == 0 || i + len > n || !valid_by_definition(b + i, len)) return false;
    i += len;
  }
  return true;
}
}  // namespace

// Every 1-, 2- and 3-byte sequence, and every 4-byte one over the lead bytes and the second
// byte's range with fixed continuation bytes, against the definition above.
TEST(Utf8, AgreesWithTheDefinitionExhaustively) {
  unsigned char b[4];
  auto agrees = [&](std::size_t n) {
    std::string_view s(reinterpret_cast<const char*>(b), n);
    bool ok = !find_invalid_utf8(s).has_value();
    return ok == string_valid_by_definition(b, n);
  };
  int mismatches = 0;
  for (int x = 0; x < 256; ++x) {
    b[0] = static_cast<unsigned char>(x);
    if (!agrees(1)) ++mismatches;
    for (int y = 0; y < 256; ++y) {
      b[1] = static_cast<unsigned char>(y);
      if (!agrees(2)) ++mismatches;
      for (int z = 0; z < 256; ++z) {
        b[2] = static_cast<unsigned char>(z);
        if (!agrees(3)) ++mismatches;
      }
      for (int w : {0x00, 0x80, 0xBF, 0xC0}) {
        b[2] = 0x80;
        b[3] = static_cast<unsigned char>(w);
        if (!agrees(4)) ++mismatches;
      }
    }
  }
  EXPECT_EQ(mismatches, 0);
}
