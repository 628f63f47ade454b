// Unit tests for model queries: slugs, roles, lines and plain text.
#include "model/document.hpp"

#include <gtest/gtest.h>

using namespace folio::model;

TEST(Slug, FromTitle) {
  EXPECT_EQ(slug("Perestroika versus Socialism"), "perestroika-versus-socialism");
  EXPECT_EQ(slug("  The Keller’s Dispatch: 1989!  "), "the-kellers-dispatch-1989");
  EXPECT_EQ(slug("Éducation sentimentale"), "education-sentimentale");
  EXPECT_EQ(slug("???"), "book");
}

TEST(Roles, MatterOfRole) {
  EXPECT_EQ(matter_of_role("preface"), Matter::front);
  EXPECT_EQ(matter_of_role("chapter"), Matter::body);
  EXPECT_EQ(matter_of_role("appendix"), Matter::back);
  EXPECT_EQ(matter_of_role("nonsense"), std::nullopt);
}

TEST(Lines, SplitAtLineBreaks) {
  Block b{.node = Dateline{}};
  Inline t1{.node = Text{"Detroit, Michigan"}};
  Inline br{.node = LineBreak{}};
  Inline t2{.node = Text{"July 28, 1989"}};
  b.inlines = {t1, br, t2};
  auto lines = lines_of(b);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(plain_text(lines[0]), "Detroit, Michigan");
  EXPECT_EQ(plain_text(lines[1]), "July 28, 1989");
  EXPECT_EQ(plain_text(b.inlines), "Detroit, Michigan\nJuly 28, 1989");
}

TEST(Slug, BoundedAtAWordBoundary) {
  std::string title;
  for (int i = 0; i < 38; ++i) title += "Word" + std::to_string(100 + i) + " ";
  std::string s = slug(title);
  EXPECT_LE(s.size(), kMaxSlugBytes);
  // Twelve words of 7 bytes and their 11 dashes (95 bytes); a thirteenth would make 103.
  EXPECT_EQ(s.size(), 12u * 7 + 11);
  EXPECT_EQ(s.substr(s.size() - 8), "-word111");
  EXPECT_EQ(slug(std::string(300, 'a')), std::string(kMaxSlugBytes, 'a'));
}
