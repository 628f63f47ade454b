// BCP 47, ISBN and ISO 8601 validation on tables of good and bad values.
#include "check/metadata_values.hpp"

#include <gtest/gtest.h>

#include "check/nearest_name.hpp"

namespace folio::check {
namespace {

TEST(Bcp47, WellFormedTags) {
  for (const char* tag : {"en", "en-US", "fr-CA", "zh-Hant", "zh-Hant-TW", "sr-Latn-RS", "es-419",
                          "de-CH-1996", "sl-rozaj-biske", "en-GB-oed", "i-klingon", "x-private",
                          "en-a-bbb-x-a-ccc", "hy-Latn-IT-arevela", "zh-yue-HK", "qaa", "EN-us"})
    EXPECT_TRUE(is_bcp47(tag)) << tag;
}

TEST(Bcp47, IllFormedTags) {
  for (const char* tag : {"", "e", "en_US", "en-", "-en", "en--US", "en-Latn-Latn", "en-US-", "123",
                          "en-a", "en-x", "en-US-a-", "en-abcdefghi", "fr-CA!", "de-1"})
    EXPECT_FALSE(is_bcp47(tag)) << tag;
}

TEST(Isbn, Verdicts) {
  EXPECT_EQ(check_isbn("urn:isbn:978-0-306-40615-7").kind, IsbnVerdict::valid);
  EXPECT_EQ(check_isbn("9780306406157").kind, IsbnVerdict::valid);
  EXPECT_EQ(check_isbn("ISBN 0-8044-2957-X").kind, IsbnVerdict::valid);
  EXPECT_EQ(check_isbn("0 306 40615 2").kind, IsbnVerdict::valid);
  IsbnVerdict bad = check_isbn("978-0-306-40615-6");
  EXPECT_EQ(bad.kind, IsbnVerdict::bad_check_digit);
  EXPECT_EQ(bad.expected_check_digit, '7');
  EXPECT_EQ(check_isbn("0-8044-2957-1").expected_check_digit, 'X');
  EXPECT_EQ(check_isbn("isbn:12345").kind, IsbnVerdict::bad_format);
  EXPECT_EQ(check_isbn("isbn:97803064X6157").kind, IsbnVerdict::bad_format);
  // Not ISBNs at all: other identifiers are not checked.
  EXPECT_EQ(check_isbn("urn:uuid:6f1c2a1e-0000-4000-8000-000000000000").kind,
            IsbnVerdict::not_isbn);
  EXPECT_EQ(check_isbn("12345").kind, IsbnVerdict::not_isbn);
  EXPECT_EQ(check_isbn("https://example.org/book").kind, IsbnVerdict::not_isbn);
}

TEST(Iso8601, Dates) {
  for (const char* d :
       {"1989", "1989-07", "1989-07-28", "2000-02-29", "1989-07-28T10:00Z", "1989-07-28T10:00:00Z",
        "1989-07-28T10:00:00.5+02:00", "1989-07-28T23:59:60-05:30"})
    EXPECT_TRUE(is_iso8601_date(d)) << d;
  for (const char* d :
       {"", "89", "28 July 1989", "1989/07/28", "1989-7-28", "1989-13-01", "1989-02-29",
        "1900-02-29", "1989-07-32", "1989-07-28T10:00", "1989-07-28T24:00Z", "1989-07-28 10:00Z",
        "1989-07-28T10:00:00.Z", "1989-07-28T10:00+2:00", "1989-07-28Z"})
    EXPECT_FALSE(is_iso8601_date(d)) << d;
}

TEST(NearestName, SuggestsOnlyCloseNames) {
  constexpr std::string_view kNames[] = {"title", "author", "subtitle", "date"};
  EXPECT_EQ(nearest_name("autor", kNames), "author");
  EXPECT_EQ(nearest_name("Title", kNames), "title");
  EXPECT_EQ(nearest_name("tilte", kNames), "title");  // a swap is one edit
  EXPECT_EQ(nearest_name("toc", kNames), std::nullopt);
  EXPECT_EQ(nearest_name("publisher", kNames), std::nullopt);
}

}  // namespace
}  // namespace folio::check
