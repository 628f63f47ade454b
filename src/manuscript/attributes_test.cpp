// Unit tests for Pandoc attribute lists.
#include "manuscript/attributes.hpp"

#include <gtest/gtest.h>

using namespace folio::manuscript;

TEST(Attributes, IdClassesAndPairs) {
  auto a = parse_attributes("#intro .smallcaps .x epub:type=preface lang=\"fr-CA\"");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->id, "intro");
  EXPECT_EQ(a->classes, (std::vector<std::string>{"smallcaps", "x"}));
  EXPECT_EQ(a->pairs.at("epub:type"), "preface");
  EXPECT_EQ(a->pairs.at("lang"), "fr-CA");
}

TEST(Attributes, RejectsNonAttributes) {
  EXPECT_FALSE(parse_attributes(""));
  EXPECT_FALSE(parse_attributes("just words"));
  EXPECT_FALSE(parse_attributes("key=\"unterminated"));
  EXPECT_FALSE(parse_attributes(". #"));
}

TEST(Attributes, Trailing) {
  auto t = trailing_attributes("Preface  {epub:type=preface}");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->second, 7u);
  EXPECT_EQ(t->first.pairs.at("epub:type"), "preface");
  EXPECT_FALSE(trailing_attributes("A set {not attributes here}"));
  EXPECT_FALSE(trailing_attributes("No braces"));
}
