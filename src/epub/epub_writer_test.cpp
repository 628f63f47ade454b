// Unit tests for the writer as a whole: a failed build leaves the earlier EPUB as it was.
#include "epub/epub_writer.hpp"

#include <gtest/gtest.h>

#include "manuscript/reader.hpp"
#include "tests/support/file_bytes.hpp"

using namespace folio;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  return test_support::file_bytes(p);
}

model::Document read(const std::string& yaml) {
  auto src = manuscript::memory_source({{"book.yaml", yaml}, {"a.md", "# One\n\nText.\n"}});
  support::Diagnostics diags;
  auto m = manuscript::read_manuscript(*src, diags);
  EXPECT_TRUE(m);
  return m ? m->document : model::Document{};
}

}  // namespace

TEST(EpubWriter, WritesAZipWithMimetypeFirst) {
  fs::path dir = fs::temp_directory_path() / "folio-epub-writer-ok";
  fs::remove_all(dir);
  fs::create_directories(dir);
  model::Document doc = read("title: T\nauthor: A\nlang: en\n");
  support::Diagnostics diags;
  ASSERT_TRUE(epub::write_epub(doc, {dir / "t.epub", "0"}, diags));
  for (const auto& d : diags.items()) ADD_FAILURE() << d.message;
  std::string bytes = slurp(dir / "t.epub");
  EXPECT_EQ(bytes.substr(30, 28), "mimetypeapplication/epub+zip");
  // Same input, same bytes.
  ASSERT_TRUE(epub::write_epub(doc, {dir / "u.epub", "0"}, diags));
  EXPECT_EQ(slurp(dir / "u.epub"), bytes);
  fs::remove_all(dir);
}

TEST(EpubWriter, BadCoverLeavesEarlierFileUntouched) {
  fs::path dir = fs::temp_directory_path() / "folio-epub-writer-bad";
  fs::remove_all(dir);
  fs::create_directories(dir / "book");
  model::Document doc = read("title: T\nauthor: A\nlang: en\ncover-image: missing.png\n");
  doc.base_dir = dir / "book";
  std::ofstream(dir / "t.epub") << "earlier";
  support::Diagnostics diags;
  EXPECT_FALSE(epub::write_epub(doc, {dir / "t.epub", "0"}, diags));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "epub-image-missing");
  EXPECT_EQ(diags.items()[0].pos, (support::SourcePos{"book.yaml", 4, 14}));
  EXPECT_EQ(slurp(dir / "t.epub"), "earlier");
  fs::remove_all(dir);
}

TEST(EpubWriter, InvalidIsbnStopsTheBuild) {
  fs::path dir = fs::temp_directory_path() / "folio-epub-writer-isbn";
  fs::remove_all(dir);
  fs::create_directories(dir);
  model::Document doc = read("title: T\nauthor: A\nlang: en\nidentifier: 978-0-306-40615-8\n");
  support::Diagnostics diags;
  EXPECT_FALSE(epub::write_epub(doc, {dir / "t.epub", "0"}, diags));
  EXPECT_FALSE(fs::exists(dir / "t.epub"));
  ASSERT_FALSE(diags.items().empty());
  EXPECT_EQ(diags.items()[0].pos.line, 4);
  fs::remove_all(dir);
}
