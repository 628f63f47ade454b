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
