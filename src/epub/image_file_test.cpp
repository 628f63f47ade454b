// Unit tests for image lookup: types by magic bytes, and the three ways a path can be wrong.
#include "epub/image_file.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

using namespace folio;
namespace fs = std::filesystem;

TEST(ImageFile, SniffsCoreTypes) {
  EXPECT_EQ(epub::sniff_image_type("\x89PNG\r\n\x1a\n...."), "image/png");
  EXPECT_EQ(epub::sniff_image_type("\xFF\xD8\xFF\xE0...."), "image/jpeg");
  EXPECT_EQ(epub::sniff_image_type("GIF89a..."), "image/gif");
  EXPECT_EQ(epub::sniff_image_type(std::string_view("RIFF\x10\0\0\0WEBPVP8 ", 16)), "image/webp");
  EXPECT_EQ(epub::sniff_image_type("# A Markdown file"), "");
  EXPECT_EQ(epub::sniff_image_type(""), "");
}

class ImageFileOnDisk : public ::testing::Test {
 protected:
  void SetUp() override {
    // One folder per test and process: CTest runs this file's tests in parallel.
    root_ = fs::temp_directory_path() /
            ("folio-epub-image-test-" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
             std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "book" / "img");
    fs::copy_file(fs::path(FOLIO_SOURCE_DIR) / "tests/checks/image-alt/ok.png",
                  root_ / "book" / "img" / "a.png");
    std::ofstream(root_ / "book" / "img" / "cut.png", std::ios::binary) << "\x89PNG\r\n\x1a\nrest";
    std::ofstream(root_ / "book" / "img" / "three.jpg", std::ios::binary) << "\xFF\xD8\xFF";
    // A sparse file over the limit: refused on its size, never read.
    std::ofstream(root_ / "book" / "img" / "huge.png", std::ios::binary) << "\x89PNG\r\n\x1a\n";
    fs::resize_file(root_ / "book" / "img" / "huge.png", (64u << 20) + 1);
    std::ofstream(root_ / "book" / "notes.md") << "# not an image\n";
    std::ofstream(root_ / "outside.png", std::ios::binary) << "\x89PNG\r\n\x1a\nrest";
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string code_for(const std::string& target) {
    support::Diagnostics diags;
    auto img = epub::read_image(root_ / "book", target, {"book.yaml", 9, 14}, "cover image", diags);
    EXPECT_FALSE(img) << target;
    if (diags.items().size() != 1)
      return "(" + std::to_string(diags.items().size()) + " diagnostics)";
    EXPECT_EQ(diags.items()[0].pos, (support::SourcePos{"book.yaml", 9, 14}));
    return std::string(diags.items()[0].code.name());
  }

  fs::path root_;
};

TEST_F(ImageFileOnDisk, ReadsAnImageInside) {
  support::Diagnostics diags;
  auto img = epub::read_image(root_ / "book", "img/a.png", {}, "image", diags);
  ASSERT_TRUE(img);
  EXPECT_EQ(img->media_type, "image/png");
  EXPECT_TRUE(diags.empty());
}

TEST_F(ImageFileOnDisk, ReportsWhatIsWrongAtThePosition) {
  EXPECT_EQ(code_for("img/missing.png"), "epub-image-missing");
  EXPECT_EQ(code_for("notes.md"), "epub-image-type");
  EXPECT_EQ(code_for("../outside.png"), "epub-image-outside");
  EXPECT_EQ(code_for((root_ / "outside.png").string()), "epub-image-outside");
  EXPECT_EQ(code_for("https://example.org/cover.png"), "epub-image-remote");
  fs::create_symlink(root_ / "outside.png", root_ / "book" / "link.png");
  EXPECT_EQ(code_for("link.png"), "epub-image-outside");
  EXPECT_EQ(code_for("img/cut.png"), "epub-image-unreadable");
  EXPECT_EQ(code_for("img/three.jpg"), "epub-image-unreadable");
  EXPECT_EQ(code_for("img/huge.png"), "epub-image-unreadable");
}
