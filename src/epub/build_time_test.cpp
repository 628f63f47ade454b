// Unit tests for the build time: SOURCE_DATE_EPOCH, file times, and its written forms.
#include "epub/build_time.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

using namespace folio;
namespace fs = std::filesystem;

TEST(BuildTime, SourceDateEpochWins) {
  model::Document doc;
  support::Diagnostics diags;
  EXPECT_EQ(epub::build_time(doc, std::string("617587200"), diags), 617587200);
  EXPECT_TRUE(diags.empty());
}

TEST(BuildTime, BadSourceDateEpochIsAnError) {
  model::Document doc;
  for (const char* bad : {"yesterday", "12abc", "-5"}) {
    support::Diagnostics diags;
    EXPECT_FALSE(epub::build_time(doc, std::string(bad), diags)) << bad;
    EXPECT_TRUE(diags.has_errors()) << bad;
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
  EXPECT_EQ(epub::build_time(doc, std::nullopt, diags), 1100000000);
  fs::remove_all(dir);
}

TEST(BuildTime, Formats) {
  EXPECT_EQ(epub::w3c_datetime(617587200), "1989-07-28T00:00:00Z");
  epub::DosTime d = epub::dos_time(617587200 + 13 * 3600 + 14 * 60 + 15);
  EXPECT_EQ(d.date, ((1989 - 1980) << 9) | (7 << 5) | 28);
  EXPECT_EQ(d.time, (13 << 11) | (14 << 5) | 7);  // DOS keeps seconds / 2
  // Zip cannot store dates before 1980: they clamp to its first day.
  EXPECT_EQ(epub::dos_time(0).date, (0 << 9) | (1 << 5) | 1);
}
