// Encoding checks: every rejected kind of character, with its position, raw or escaped.
#include "manuscript/encoding.hpp"

#include <gtest/gtest.h>

#include "manuscript/reader.hpp"

using namespace folio;
using manuscript::UnsafeKind;

namespace {

support::Diagnostics read_md(const std::string& md,
                             const std::string& yaml = "title: T\nauthor: A\nlang: en\n") {
  support::Diagnostics diags;
  auto src = manuscript::memory_source({{"book.yaml", yaml}, {"a.md", md}});
  auto m = manuscript::read_manuscript(*src, diags);
  EXPECT_TRUE(m.has_value());
  return diags;
}

}  // namespace

TEST(Encoding, FindsEveryBidiControl) {
  for (char32_t c : {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}) {
    std::string s = "ab";
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
    auto found = manuscript::find_unsafe_character(s);
    ASSERT_TRUE(found) << static_cast<unsigned>(c);
    EXPECT_EQ(found->offset, 2u);
    EXPECT_EQ(found->code_point, c);
    EXPECT_EQ(found->kind, UnsafeKind::bidi_control);
  }
  // Marks that only hint a direction (LRM, RLM, ALM) are ordinary text.
  EXPECT_FALSE(manuscript::find_unsafe_character("a\u200Eb\u200Fc\u061Cd"));
}

TEST(Encoding, FindsXmlForbiddenCharacters) {
  EXPECT_EQ(manuscript::find_unsafe_character(std::string("ab\0c", 4))->offset, 2u);
  EXPECT_EQ(manuscript::find_unsafe_character("a\x1B")->code_point, 0x1Bu);
  EXPECT_EQ(manuscript::find_unsafe_character("\xEF\xBF\xBE")->code_point, 0xFFFEu);
  EXPECT_FALSE(manuscript::find_unsafe_character("tab\there\r\nline é ü 漢字 😀"));
}

TEST(Encoding, CombiningFloodAboveTheStreamSafeLimit) {
  std::string ok = "e", flood = "xe";
  for (int i = 0; i < 30; ++i) ok += "\u0301";
  for (int i = 0; i < 31; ++i) flood += "\u0301";
  EXPECT_FALSE(manuscript::find_combining_flood(ok));
  EXPECT_EQ(manuscript::find_combining_flood(flood), 2u);
  // Real scripts with many marks per letter stay well inside (Devanagari, Vietnamese).
  EXPECT_FALSE(manuscript::find_combining_flood("क्षत्रिय Tiếng Việt"));
}

TEST(Encoding, RawBidiControlReportedWithLineColumnAndOffset) {
  auto diags = read_md("line one\nsay \u202Eevil\n");
  ASSERT_EQ(diags.items().size(), 1u);
  const auto& d = diags.items()[0];
  EXPECT_EQ(d.code, "bidi-control");
  EXPECT_EQ(d.pos.file, "a.md");
  EXPECT_EQ(d.pos.line, 2);
  EXPECT_EQ(d.pos.column, 5);
  EXPECT_NE(d.message.find("U+202E (RIGHT-TO-LEFT OVERRIDE)"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("byte offset 13"), std::string::npos) << d.message;
}

TEST(Encoding, NulAndOverlongAndSurrogateAreRejected) {
  auto nul = read_md(std::string("a\nb\0c\n", 6));
  ASSERT_EQ(nul.items().size(), 1u);
  EXPECT_EQ(nul.items()[0].code, "control-character");
  EXPECT_EQ(nul.items()[0].pos.line, 2);
  EXPECT_NE(nul.items()[0].message.find("U+0000"), std::string::npos);
  for (std::string bad :
       {"ok \xC0\xAF", "ok \xE0\x80\xAF", "ok \xED\xA0\x80", "ok \xF4\x90\x80\x80"}) {
    auto diags = read_md(bad);
    ASSERT_EQ(diags.items().size(), 1u) << bad;
    EXPECT_EQ(diags.items()[0].code, "invalid-utf8");
    EXPECT_EQ(diags.items()[0].pos.column, 4);
  }
}

TEST(Encoding, ManyFindingsAreCappedAndCounted) {
  auto diags = read_md(std::string(100000, '\x01'));
  // Ten at their places, then one line with the count: never 100,000 diagnostics.
  ASSERT_EQ(diags.items().size(), 11u);
  EXPECT_NE(diags.items()[10].message.find("99990 more"), std::string::npos);
}

TEST(Encoding, EscapedCharactersCannotSlipThrough) {
  for (std::string md :
       {"a &#x202E; b\n", "a &#1; b\n", "[x](http://e.com/&#x2066;)\n", "a &#xFFFE; b\n"}) {
    auto diags = read_md("Para.\n\n" + md);
    ASSERT_EQ(diags.items().size(), 1u) << md;
    EXPECT_EQ(diags.items()[0].code, "escaped-character") << md;
    EXPECT_EQ(diags.items()[0].pos.line, 3) << md;
  }
  for (std::string yaml :
       {"title: \"T\\u202E\"\nauthor: A\nlang: en\n", "title: T\nauthor: [\"A\\x01\"]\nlang: en\n",
        "title: T\nauthor: A\nlang: en\nrights: \"\\e\"\n",
        "title: T\nauthor: A\nlang: en\nseries: \"\\u2066\"\n"}) {
    auto diags = read_md("x\n", yaml);
    ASSERT_FALSE(diags.items().empty()) << yaml;
    EXPECT_EQ(diags.items()[0].code, "escaped-character") << yaml;
  }
  // yaml-cpp itself refuses an escaped surrogate.
  EXPECT_TRUE(read_md("x\n", "title: \"\\uD800\"\nauthor: A\nlang: en\n").has_errors());
}
