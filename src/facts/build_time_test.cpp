// Unit tests for the build time: SOURCE_DATE_EPOCH, file times, and its written forms.
#include "facts/build_time.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

using namespace folio;
namespace fs = std::filesystem;

TEST(BuildTime, SourceDateEpochWins) {
  model::Document doc;
  support::Diagnostics diags;
  EXPECT_EQ(facts::build_time(doc, std::string("617587200"), diags), 617587200);
  EXPECT_TRUE(diags.empty());
}

TEST(BuildTime, SourceDateEpochBefore1970) {
  model::Document doc;
  support::Diagnostics diags;
  // 1897-05-26, as `date -d 1897-05-26 +%s` prints it; and the first second of year 0000.
  EXPECT_EQ(facts::build_time(doc, std::string("-2291068800"), diags), -2291068800);
  EXPECT_EQ(facts::build_time(doc, std::string("-62167219200"), diags), facts::kEarliestTime);
  EXPECT_EQ(facts::build_time(doc, std::string("253402300799"), diags), facts::kLatestTime);
  EXPECT_TRUE(diags.empty());
}

TEST(BuildTime, BadSourceDateEpochIsAnError) {
  model::Document doc;
  for (const char* bad :
       {"yesterday", "12abc", "1.5", "-62167219201", "253402300800", "99999999999999999999"}) {
    support::Diagnostics diags;
    EXPECT_FALSE(facts::build_time(doc, std::string(bad), diags)) << bad;
    ASSERT_TRUE(diags.has_errors()) << bad;
    EXPECT_EQ(diags.items()[0].code, "source-date-epoch") << bad;
  }
}

TEST(BuildTime, NewestManuscriptFile) {
  fs::path dir = fs::temp_directory_path() / "folio-epub-build-time";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "book.yaml") << "title: T\n";
  std::ofstream(dir / "a.md") << "# A\n";
  std::ofstream(dir / "notes.txt") << "not part of the book\n";
  auto at = [](std::int64_t s) {
    return std::chrono::file_clock::from_sys(std::chrono::sys_seconds(std::chrono::seconds(s)));
  };
  fs::last_write_time(dir / "book.yaml", at(1000000000));
  fs::last_write_time(dir / "a.md", at(1100000000));
  fs::last_write_time(dir / "notes.txt", at(1200000000));  // ignored: not a manuscript file
  model::Document doc;
  doc.base_dir = dir;
  support::Diagnostics diags;
  EXPECT_EQ(facts::build_time(doc, std::nullopt, diags), 1100000000);
  fs::remove_all(dir);
}

TEST(BuildTime, Formats) {
  EXPECT_EQ(facts::w3c_datetime(617587200), "1989-07-28T00:00:00Z");
  EXPECT_EQ(facts::pdf_date(617587200 + 13 * 3600 + 14 * 60 + 15), "D:19890728131415Z");
}

// Before 1970 the count is negative; the calendar goes on backwards (proleptic Gregorian).
TEST(BuildTime, NegativeEpochs) {
  EXPECT_EQ(facts::w3c_datetime(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(facts::w3c_datetime(-86400), "1969-12-31T00:00:00Z");
  EXPECT_EQ(facts::w3c_datetime(-2291068800), "1897-05-26T00:00:00Z");
  EXPECT_EQ(facts::w3c_datetime(-2291068800 + 10 * 3600 + 15 * 60 + 7), "1897-05-26T10:15:07Z");
  EXPECT_EQ(facts::w3c_datetime(-2208988800), "1900-01-01T00:00:00Z");  // not a leap year
  EXPECT_EQ(facts::w3c_datetime(-2203891200), "1900-03-01T00:00:00Z");  // 1900-02-28 + 1
  EXPECT_EQ(facts::w3c_datetime(-12219292800), "1582-10-15T00:00:00Z");
  EXPECT_EQ(facts::w3c_datetime(-62162035200), "0000-03-01T00:00:00Z");  // 0000 is a leap year
  EXPECT_EQ(facts::w3c_datetime(facts::kEarliestTime), "0000-01-01T00:00:00Z");
  EXPECT_EQ(facts::w3c_datetime(facts::kLatestTime), "9999-12-31T23:59:59Z");
}

// PDF date strings: four-digit years 0000–9999, clamped beyond; before 1930 without the "Z"
// that makes poppler read 1897 as 2774 (pdf_output_test reads them back with pdfinfo).
TEST(BuildTime, PdfDates) {
  EXPECT_EQ(facts::pdf_date(0), "D:19700101000000Z");
  EXPECT_EQ(facts::pdf_date(-1), "D:19691231235959Z");
  EXPECT_EQ(facts::pdf_date(-2291068800), "D:18970526000000");
  EXPECT_EQ(facts::pdf_date(-1262304000), "D:19300101000000Z");
  EXPECT_EQ(facts::pdf_date(-1262304001), "D:19291231235959");
  EXPECT_EQ(facts::pdf_date(facts::kEarliestTime), "D:00000101000000");
  EXPECT_EQ(facts::pdf_date(facts::kLatestTime), "D:99991231235959Z");
  EXPECT_EQ(facts::pdf_date(facts::kEarliestTime - 1000), "D:00000101000000");
  EXPECT_EQ(facts::pdf_date(facts::kLatestTime + 1000), "D:99991231235959Z");
}

// Every day from 0000 to 9999 round-trips through the calendar fields (a check against the
// days-from-civil inverse, so a slip at a century or leap day cannot hide).
TEST(BuildTime, CalendarRoundTrip) {
  auto days_from_civil = [](std::int64_t y, int m, int d) {
    y -= m <= 2;
    std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    std::int64_t yoe = y - era * 400;
    std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  };
  int previous_day = 0;
  for (std::int64_t s = facts::kEarliestTime; s <= facts::kLatestTime; s += 86400) {
    facts::UtcTime t = facts::utc_time(s + 3661);
    ASSERT_EQ(days_from_civil(t.year, t.month, t.day) * 86400, s) << s;
    ASSERT_EQ(t.hour * 3600 + t.minute * 60 + t.second, 3661) << s;
    ASSERT_TRUE(t.day == previous_day + 1 || t.day == 1) << s;
    previous_day = t.day;
  }
}
