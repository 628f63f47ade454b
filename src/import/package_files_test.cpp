// Entry names an import refuses, and hrefs resolved inside the package (never out of it).
#include "import/package_files.hpp"

#include <gtest/gtest.h>

namespace folio::import {
namespace {

TEST(PackageFiles, UnsafeEntryNames) {
  for (const char* bad : {"../x", "a/../../x", "/etc/passwd", "C:/x", "a\\..\\x", "..", ""})
    EXPECT_TRUE(is_unsafe_entry_name(bad)) << bad;
  for (const char* good : {"OEBPS/text/ch1.xhtml", "a..b/c", "mimetype", "x/..y"})
    EXPECT_FALSE(is_unsafe_entry_name(good)) << good;
}

TEST(PackageFiles, HrefsResolveInsideThePackage) {
  EXPECT_EQ(resolve_href("OEBPS/text/ch1.xhtml", "../images/map%20one.png"),
            "OEBPS/images/map one.png");
  EXPECT_EQ(resolve_href("OEBPS/text/ch1.xhtml", "ch2.xhtml#note-1"), "OEBPS/text/ch2.xhtml");
  EXPECT_EQ(resolve_href("OEBPS/text/ch1.xhtml", "#note-1"), "OEBPS/text/ch1.xhtml");
  EXPECT_EQ(resolve_href("OEBPS/text/ch1.xhtml", "../../../etc/passwd"), "");
  EXPECT_EQ(resolve_href("OEBPS/text/ch1.xhtml", "/etc/passwd"), "");
  EXPECT_EQ(resolve_href("OEBPS/text/ch1.xhtml", "https://example.org/x.png"), "");
}

TEST(PackageFiles, NotAZipIsRefusedWithAReason) {
  std::string error;
  PackageProblem problem = PackageProblem::too_large;
  auto pkg = PackageFiles::open(std::string(FOLIO_SOURCE_DIR) + "/README.md", error, {}, &problem);
  EXPECT_FALSE(pkg);
  EXPECT_EQ(problem, PackageProblem::unreadable);
  EXPECT_EQ(error, "not a zip archive");
}

}  // namespace
}  // namespace folio::import
