// The scaffold reads back as written: titles survive YAML, and the book checks clean.
#include "cli/scaffold.hpp"

#include <gtest/gtest.h>

#include "check/check.hpp"
#include "manuscript/reader.hpp"

using namespace folio;

namespace {

std::optional<manuscript::Manuscript> read_scaffold(const cli::ScaffoldInfo& info,
                                                    support::Diagnostics& diags) {
  std::vector<manuscript::SourceFile> files;
  for (const auto& f : cli::scaffold_files(info)) files.push_back({f.name, f.text});
  auto src = manuscript::memory_source(std::move(files));
  return manuscript::read_manuscript(*src, diags);
}

TEST(Scaffold, TitleFromFolderName) {
  EXPECT_EQ(cli::title_from_folder_name("my-first-novel"), "My First Novel");
  EXPECT_EQ(cli::title_from_folder_name("notes_on_snow"), "Notes On Snow");
  EXPECT_EQ(cli::title_from_folder_name("mybook"), "Mybook");
  EXPECT_EQ(cli::title_from_folder_name("--"), "Untitled");
  EXPECT_EQ(cli::title_from_folder_name("été-2024"), "été 2024");  // bytes kept, not mangled
}

TEST(Scaffold, QuotedValuesReadBackUnchanged) {
  for (std::string title : {"Plain", "Colon: A Subtitle", "\"Quoted\" \\ back", "# not a comment",
                            "[not a list]", "yes", "1989", "Ünïcödé — dash"}) {
    cli::ScaffoldInfo info{title, "Ada \"A.\" Writer", "en-GB", "book"};
    support::Diagnostics diags;
    auto m = read_scaffold(info, diags);
    ASSERT_TRUE(m) << title;
    EXPECT_FALSE(diags.has_errors()) << title;
    EXPECT_EQ(m->document.metadata.title.value, title);
    ASSERT_EQ(m->document.metadata.authors.size(), 1u);
    EXPECT_EQ(m->document.metadata.authors[0].value, "Ada \"A.\" Writer");
    EXPECT_EQ(m->document.metadata.lang.value, "en-GB");
  }
}

TEST(Scaffold, ChecksWithoutAnyDiagnostic) {
  support::Diagnostics diags;
  auto m = read_scaffold({"My Book", "Your Name", "en-US", "mybook"}, diags);
  ASSERT_TRUE(m);
  check::check_manuscript(*m, diags);
  for (const auto& d : diags.items())
    ADD_FAILURE() << d.pos.file << ":" << d.pos.line << ": " << d.message;
  // A preface (front matter) and one chapter, in that order.
  ASSERT_EQ(m->document.sections.size(), 2u);
}

TEST(Scaffold, BookYamlNamesEveryKeyWithAComment) {
  std::string yaml;
  for (const auto& f : cli::scaffold_files({"T", "A", "en", "t"}))
    if (f.name == "book.yaml") yaml = f.text;
  // Every key folio reads (check/metadata_checks.cpp's list), each after a comment line.
  for (std::string key :
       {"title", "subtitle", "author", "lang", "date", "identifier", "publisher", "rights",
        "description", "subject", "cover-image", "style", "contents", "check"}) {
    std::size_t at = yaml.find("\n" + key + ":");
    if (at == std::string::npos) at = yaml.find("\n# " + key + ":");
    ASSERT_NE(at, std::string::npos) << key;
    std::size_t line_start = yaml.rfind('\n', at - 1) + 1;
    EXPECT_EQ(yaml.substr(line_start, 2), "# ") << "no comment line before " << key;
  }
}

}  // namespace
