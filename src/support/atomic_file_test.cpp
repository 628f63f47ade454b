// Unit tests for atomic output files.
#include "support/atomic_file.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

static std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(AtomicFile, WritesAndReplaces) {
  fs::path dir = fs::temp_directory_path() / "folio-atomic-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::path f = dir / "book.epub";
  EXPECT_EQ(folio::support::write_file_atomically(f, "one"), "");
  EXPECT_EQ(slurp(f), "one");
  EXPECT_EQ(folio::support::write_file_atomically(f, "two"), "");
  EXPECT_EQ(slurp(f), "two");
  // No temporary files are left behind.
  int n = 0;
  for ([[maybe_unused]] auto& e : fs::directory_iterator(dir)) ++n;
  EXPECT_EQ(n, 1);
  fs::remove_all(dir);
}

TEST(AtomicFile, FailureLeavesEarlierFileUntouched) {
  fs::path dir = fs::temp_directory_path() / "folio-atomic-test2";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::path f = dir / "book.pdf";
  ASSERT_EQ(folio::support::write_file_atomically(f, "old"), "");
  // Renaming a file over a non-empty directory fails: the write must report it.
  fs::path blocked = dir / "blocked";
  fs::create_directories(blocked / "inner");
  EXPECT_NE(folio::support::write_file_atomically(blocked, "new"), "");
  EXPECT_EQ(slurp(f), "old");
  int n = 0;
  for ([[maybe_unused]] auto& e : fs::directory_iterator(dir)) ++n;
  EXPECT_EQ(n, 2);  // book.pdf and blocked/, no temporaries
  fs::remove_all(dir);
}

TEST(AtomicFile, StagedFilesAppearOnlyWhenCommitted) {
  fs::path dir = fs::temp_directory_path() / "folio-atomic-test3";
  fs::remove_all(dir);
  fs::create_directories(dir);
  ASSERT_EQ(folio::support::write_file_atomically(dir / "b.epub", "old epub"), "");
  ASSERT_EQ(folio::support::write_file_atomically(dir / "b.pdf", "old pdf"), "");
  fs::path epub, pdf;
  ASSERT_EQ(folio::support::stage_file(dir / "b.epub", "new epub", epub), "");
  ASSERT_EQ(folio::support::stage_file(dir / "b.pdf", "new pdf", pdf), "");
  EXPECT_TRUE(folio::support::is_temporary_of(epub.filename().string(), "b.epub"));
  EXPECT_EQ(slurp(dir / "b.epub"), "old epub");
  EXPECT_EQ(slurp(epub), "new epub");
  EXPECT_EQ(folio::support::commit_temporaries({{epub, dir / "b.epub"}, {pdf, dir / "b.pdf"}}), "");
  EXPECT_EQ(slurp(dir / "b.epub"), "new epub");
  EXPECT_EQ(slurp(dir / "b.pdf"), "new pdf");
  int n = 0;
  for ([[maybe_unused]] auto& e : fs::directory_iterator(dir)) ++n;
  EXPECT_EQ(n, 2);
  fs::remove_all(dir);
}

TEST(AtomicFile, TemporaryNamesAreRecognisedExactly) {
  using folio::support::is_temporary_of;
  EXPECT_TRUE(is_temporary_of("b.pdf.tmp-aZ09xY", "b.pdf"));
  EXPECT_FALSE(is_temporary_of("b.pdf.tmp-aZ09x", "b.pdf"));
  EXPECT_FALSE(is_temporary_of("b.pdf.tmp-aZ09xYz", "b.pdf"));
  EXPECT_FALSE(is_temporary_of("b.pdf.tmp-aZ0-xY", "b.pdf"));
  EXPECT_FALSE(is_temporary_of("c.pdf.tmp-aZ09xY", "b.pdf"));
  EXPECT_FALSE(is_temporary_of("b.pdf", "b.pdf"));
}

TEST(AtomicFile, TheFolderLockSweepsOnlyStaleTemporariesOfItsOutputs) {
  fs::path dir = fs::temp_directory_path() / "folio-atomic-test4";
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const char* name :
       {"b.pdf.tmp-abcdef", "b.epub.tmp-ABC123", "c.pdf.tmp-abcdef", "b.pdf.tmp-abc", "notes.txt"})
    std::ofstream(dir / name) << "x";
  fs::create_directory(dir / "b.pdf.tmp-folder");
  {
    folio::support::OutputFolderLock first(dir, {"b.pdf", "b.epub"});
    EXPECT_EQ(first.removed(), 2u);
    // While one build holds the folder, another sweeps nothing (the files may be live).
    std::ofstream(dir / "b.pdf.tmp-live12") << "x";
    folio::support::OutputFolderLock second(dir, {"b.pdf", "b.epub"});
    EXPECT_EQ(second.removed(), 0u);
    EXPECT_TRUE(fs::exists(dir / "b.pdf.tmp-live12"));
  }
  EXPECT_TRUE(fs::exists(dir / "c.pdf.tmp-abcdef"));
  EXPECT_TRUE(fs::exists(dir / "b.pdf.tmp-abc"));
  EXPECT_TRUE(fs::exists(dir / "notes.txt"));
  EXPECT_TRUE(fs::is_directory(dir / "b.pdf.tmp-folder"));
  fs::remove_all(dir);
}
