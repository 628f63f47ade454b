// --pages parsing: the forms authors type, and the typos that must not pass.
#include "cli/page_range.hpp"

#include <gtest/gtest.h>

using folio::cli::parse_page_range;

TEST(PageRange, AcceptsOnePageOrARange) {
  std::string error;
  auto r = parse_page_range("1-8", error);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->first, 1);
  EXPECT_EQ(r->last, 8);
  r = parse_page_range("5", error);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->first, 5);
  EXPECT_EQ(r->last, 5);
  r = parse_page_range(" 3 - 4 ", error);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->last, 4);
}

TEST(PageRange, RejectsWhatIsNotARange) {
  for (const char* bad : {"", "0", "0-3", "8-1", "a-b", "1-", "-3", "1-2-3", "1,3", "2.5", "100001",
                          "99999999999999999999"}) {
    std::string error;
    EXPECT_FALSE(parse_page_range(bad, error)) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
}
