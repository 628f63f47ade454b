// Unit tests for the run-time data search path.
#include "support/data_dirs.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <optional>
#include <string>

namespace fs = std::filesystem;
using folio::support::data_subdirs;
using folio::support::default_data_dirs;

namespace {

// Sets FOLIO_DATA_DIR for one test and restores what ctest gave it.
class DataDirVariable {
 public:
  explicit DataDirVariable(const std::string& value) {
    if (const char* old = ::getenv(folio::support::kDataDirVariable)) old_ = old;
    ::setenv(folio::support::kDataDirVariable, value.c_str(), 1);
  }
  ~DataDirVariable() {
    if (old_)
      ::setenv(folio::support::kDataDirVariable, old_->c_str(), 1);
    else
      ::unsetenv(folio::support::kDataDirVariable);
  }

 private:
  std::optional<std::string> old_;
};

fs::path fresh_folder(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST(DataDirs, TheVariableComesFirstInOrderAndMissingFoldersAreLeftOut) {
  fs::path a = fresh_folder("folio-data-a"), b = fresh_folder("folio-data-b");
  DataDirVariable set(b.string() + ":" + (a / "missing").string() + "::" + a.string() + ":" +
                      b.string());
  std::vector<fs::path> dirs = default_data_dirs();
  ASSERT_GE(dirs.size(), 2u);
  EXPECT_EQ(dirs[0], b);
  EXPECT_EQ(dirs[1], a);  // the missing one, the empty entry and the repeated b are dropped
  for (std::size_t i = 2; i < dirs.size(); ++i) EXPECT_NE(dirs[i], b);
}

TEST(DataDirs, SubfoldersAreThoseThatExist) {
  fs::path a = fresh_folder("folio-data-c"), b = fresh_folder("folio-data-d");
  fs::create_directories(b / "styles");
  fs::create_directories(a / "fonts");
  EXPECT_EQ(data_subdirs({a, b}, "styles"), std::vector<fs::path>{b / "styles"});
  EXPECT_EQ(data_subdirs({a, b}, "fonts"), std::vector<fs::path>{a / "fonts"});
  EXPECT_TRUE(data_subdirs({a, b}, "hyphen").empty());
}

TEST(DataDirs, TheBuildTreeFindsTheStylesFolioShips) {
  // ctest runs the unit tests with FOLIO_DATA_DIR at the build tree's share/folio.
  std::vector<fs::path> styles = data_subdirs(default_data_dirs(), "styles");
  ASSERT_FALSE(styles.empty());
  EXPECT_TRUE(fs::is_regular_file(styles[0] / "classic.yaml"));
}
