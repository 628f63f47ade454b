// The generated pages: half-title, title and copyright set line by line, never one over another.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "facts/edition_facts.hpp"
#include "style/style.hpp"
#include "tests/support/read_fixture.hpp"
#include "typeset/book_layout.hpp"

namespace folio::typeset {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = FOLIO_SOURCE_DIR;

// A manuscript of two chapters with `yaml` as its book.yaml, read into its model.
model::Document book(const std::string& name, const std::string& yaml) {
  fs::path dir = fs::temp_directory_path() / ("folio-front-matter-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "book.yaml") << yaml << "contents: [one.md, two.md]\n";
  std::ofstream(dir / "one.md") << "# Chapter One\n\nIt was a dark night.\n";
  std::ofstream(dir / "two.md") << "# Chapter Two\n\nThe morning came.\n";
  model::Document doc = test_support::read_fixture(dir);
  fs::remove_all(dir);
  return doc;
}

PagedDocument set(const model::Document& doc, const style::Style& st) {
  support::Diagnostics diags;
  LayoutOptions o;
  o.threads = 1;
  facts::EditionFacts facts = facts::metadata_facts(doc.metadata);
  o.facts = &facts;
  return layout_book(doc, st, o, diags);
}

// A page's lines: the runs on one baseline, with their extent and text.
struct Line {
  double baseline = 0;
  double left = 1e9, right = -1e9;
  std::string text;
  std::size_t block = 0;
};
std::vector<Line> lines_of(const Page& page) {
  std::map<double, Line> by_baseline;
  for (std::size_t b = 0; b < page.blocks.size(); ++b)
    for (const GlyphRun& r : page.blocks[b].runs) {
      Line& l = by_baseline[r.y];
      l.baseline = r.y;
      l.left = std::min(l.left, r.x);
      // A line keeps the space it broke at as a glyph; the ink ends where that space begins.
      bool spaced = !r.text.empty() && r.text.back() == ' ' && !r.glyphs.empty();
      l.right = std::max(l.right, r.x + (spaced ? r.glyphs.back().x : r.width));
      l.text += spaced ? r.text.substr(0, r.text.size() - 1) : r.text;
      l.block = b;
    }
  std::vector<Line> out;
  for (auto& [y, l] : by_baseline) out.push_back(l);
  return out;
}

std::string text_of(const Page& page) {
  std::string all;
  for (const Line& l : lines_of(page)) all += l.text + "\n";
  return all;
}

constexpr const char* kRights =
    "This ebook is released under the CC0 1.0 Universal Public Domain Dedication; the text "
    "itself, first published in 1897 by Archibald Constable and Company of Westminster, is in "
    "the public domain in the United States and in most other countries.";

// The case: a rights notice of several lines printed over the edition line below it.
// Every line of the copyright page has a baseline of its own, at least a line's leading below
// the one before, inside the text block; the edition line comes after the whole notice.
TEST(FrontMatter, CopyrightLinesStackWithoutOverlap) {
  style::Style st;
  model::Document doc =
      book("copyright", std::string("title: Dracula\nauthor: Bram Stoker\nlang: en-GB\n") +
                            "rights: \"" + kRights + "\"\nedition: First edition 1897\n" +
                            "publisher: Archibald Constable and Company\n" +
                            "identifier: 978-0-929087-40-5\ndate: 1897-05-26\n");
  PagedDocument paged = set(doc, st);
  ASSERT_GT(paged.pages.size(), 4u);
  const Page& page = paged.pages[3];  // half-title, blank, title, copyright
  std::vector<Line> lines = lines_of(page);
  ASSERT_GE(lines.size(), 6u) << text_of(page);
  const double leading = st.footnotes.face.leading;
  const double left = st.page.outside;  // a verso
  const double measure = st.page.width - st.page.inside - st.page.outside;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    SCOPED_TRACE(lines[i].text);
    if (i > 0) {
      EXPECT_GE(lines[i].baseline - lines[i - 1].baseline, leading - 0.01);
    }
    EXPECT_GE(lines[i].baseline - st.footnotes.face.size, st.page.top - 0.01);
    EXPECT_LE(lines[i].baseline, st.page.height - st.page.bottom + 0.01);
    EXPECT_GE(lines[i].left, left - 0.01);
    EXPECT_LE(lines[i].right, left + measure + 0.5);
  }
  // The notice wrapped onto lines of its own, all above the edition line; the page ends with
  // the colophon on the text block's last line.
  auto at = [&](const std::string& text) {
    for (std::size_t i = 0; i < lines.size(); ++i)
      if (lines[i].text == text) return static_cast<int>(i);
    return -1;
  };
  int edition = at("First edition 1897");
  ASSERT_GE(edition, 2) << text_of(page);
  for (int i = 0; i < edition; ++i) EXPECT_EQ(lines[i].block, lines[0].block) << lines[i].text;
  EXPECT_GE(lines[edition].baseline - lines[edition - 1].baseline, leading * 1.5 - 0.01);
  EXPECT_GE(at("Published by Archibald Constable and Company"), edition + 1);
  EXPECT_GE(at("ISBN 978-0-929087-40-5"), edition + 1);
  EXPECT_NEAR(lines.back().baseline, st.page.height - st.page.bottom, 0.01);
  EXPECT_EQ(lines.back().text.rfind("Typeset with folio in ", 0), 0u);
  // `date:` makes no edition line of its own.
  EXPECT_EQ(text_of(page).find("First edition 1897"), text_of(page).rfind("First edition 1897"));
}

TEST(FrontMatter, NoEditionKeyNoEditionLine) {
  style::Style st;
  model::Document doc = book("no-edition",
                             "title: Dracula\nauthor: Bram Stoker\nlang: en\n"
                             "date: 1897-05-26\nrights: Public domain.\n");
  PagedDocument paged = set(doc, st);
  ASSERT_GT(paged.pages.size(), 4u);
  std::string text = text_of(paged.pages[3]);
  EXPECT_NE(text.find("Public domain."), std::string::npos) << text;
  EXPECT_EQ(text.find("edition"), std::string::npos) << text;
  EXPECT_EQ(text.find("1897"), std::string::npos) << text;
}

// A title longer than the measure wraps onto centred lines, on the half-title and the title
// page alike; what follows it on the title page starts below its last line.
TEST(FrontMatter, LongTitleWrapsCentred) {
  style::Style st;
  const std::string title =
      "The History of the Decline and Fall of the Roman Empire, with Notes by the Rev. H. H. "
      "Milman and a Preface";
  model::Document doc =
      book("title", "title: \"" + title + "\"\nauthor: Edward Gibbon\nlang: en\n" +
                        "subtitle: Volume the First\npublisher: Strahan and Cadell\n");
  PagedDocument paged = set(doc, st);
  ASSERT_GT(paged.pages.size(), 4u);
  const double measure = st.page.width - st.page.inside - st.page.outside;
  for (std::size_t p : {std::size_t{0}, std::size_t{2}}) {
    SCOPED_TRACE(p);
    const Page& page = paged.pages[p];
    std::vector<Line> lines = lines_of(page);
    const double left = page.recto ? st.page.inside : st.page.outside;
    std::string joined;
    std::size_t title_lines = 0;
    for (const Line& l : lines) {
      if (l.block != lines[0].block) break;
      ++title_lines;
      joined += (joined.empty() ? "" : " ") + l.text;
      EXPECT_NEAR(l.left - left, left + measure - l.right, 1.0) << l.text;  // centred
      EXPECT_LE(l.right - l.left, measure + 0.5) << l.text;
    }
    EXPECT_GE(title_lines, 2u) << text_of(page);
    EXPECT_EQ(joined, title) << text_of(page);
    for (std::size_t i = 1; i < lines.size(); ++i)
      EXPECT_GT(lines[i].baseline - lines[i - 1].baseline, 10.0) << lines[i].text;
  }
  std::vector<Line> title_page = lines_of(paged.pages[2]);
  ASSERT_FALSE(title_page.empty());
  EXPECT_EQ(title_page.back().text, "Strahan and Cadell");
  EXPECT_NEAR(title_page.back().baseline, st.page.height - st.page.bottom, 0.01);
}

// A rights notice taller than the page goes on to a further page, never past the margin.
TEST(FrontMatter, OverlongCopyrightGoesOnToAnotherPage) {
  style::Style st;
  std::string rights;
  for (int i = 0; i < 60; ++i) rights += std::string(kRights) + " ";
  model::Document doc = book("overlong", "title: T\nauthor: A\nlang: en\nrights: \"" + rights +
                                             "\"\nedition: First edition 1897\n");
  PagedDocument paged = set(doc, st);
  std::size_t edition_page = 0;
  for (std::size_t p = 3; p < paged.pages.size() && !edition_page; ++p)
    if (text_of(paged.pages[p]).find("First edition 1897") != std::string::npos) edition_page = p;
  ASSERT_GT(edition_page, 3u);
  for (std::size_t p = 3; p <= edition_page; ++p) {
    SCOPED_TRACE(p);
    std::vector<Line> lines = lines_of(paged.pages[p]);
    ASSERT_FALSE(lines.empty());
    EXPECT_GE(lines.front().baseline - st.footnotes.face.size, st.page.top - 0.01);
    for (std::size_t i = 1; i < lines.size(); ++i)
      EXPECT_GE(lines[i].baseline - lines[i - 1].baseline, st.footnotes.face.leading - 0.01);
    EXPECT_LE(lines.back().baseline, st.page.height - st.page.bottom + 0.01);
  }
}

// The contents page's heading and its outline entry are in the book's language; a language
// folio has no words for gets English.
TEST(FrontMatter, ContentsHeadingInTheBooksLanguage) {
  style::Style st;
  const std::vector<std::pair<std::string, std::string>> cases{
      {"en-GB", "Contents"}, {"de", "Inhalt"}, {"fr", "Table des matières"},
      {"es", "Índice"},      {"it", "Indice"}, {"tlh", "Contents"}};
  for (const auto& [lang, heading] : cases) {
    SCOPED_TRACE(lang);
    model::Document doc = book("contents-" + lang, "title: T\nauthor: A\nlang: " + lang + "\n");
    PagedDocument paged = set(doc, st);
    std::string found;
    for (const Page& page : paged.pages)
      for (const PageBlock& b : page.blocks)
        if (b.role == Role::chapter_title && b.dest == "contents")
          for (const GlyphRun& r : b.runs) found += r.text;
    EXPECT_EQ(found, heading);
    ASSERT_FALSE(paged.outline.empty());
    EXPECT_EQ(paged.outline.front().title, heading);
  }
}

// A style from `yaml`, which must load.
style::Style style_of(const std::string& yaml) {
  support::Diagnostics diags;
  auto st = style::parse_style(yaml, "t.yaml", diags);
  EXPECT_TRUE(st) << (diags.empty() ? "" : diags.items()[0].message);
  return st ? *st : style::Style{};
}

// The line whose text is `text` on `page`, or null.
const Line* line_with(const std::vector<Line>& lines, const std::string& text) {
  for (const Line& l : lines)
    if (l.text == text) return &l;
  return nullptr;
}

// The title page as the style designs it: the title lower and bigger, set flush left; the
// subtitle and author the design's space below; the half-title's title where it says.
TEST(FrontMatter, TheStyleMovesAndSizesTheTitlePage) {
  model::Document doc = book("designed",
                             "title: Dracula\nsubtitle: A Novel\n"
                             "author: Bram Stoker\nlang: en\n");
  style::Style plain = style_of("name: plain\n");
  style::Style designed = style_of(
      "front-matter:\n"
      "  half-title: {first-baseline: 200pt}\n"
      "  title-page:\n"
      "    first-baseline: 180pt\n"
      "    title: {scale: 2, align: left}\n"
      "    subtitle: {space-before: 40pt}\n"
      "    author: {space-before: 10pt}\n");
  PagedDocument before = set(doc, plain), after = set(doc, designed);
  ASSERT_GT(after.pages.size(), 4u);
  const double top = plain.page.top;
  // The half-title's title: its baseline moves from 130 pt to 200 pt below the text block's top.
  std::vector<Line> half0 = lines_of(before.pages[0]), half1 = lines_of(after.pages[0]);
  ASSERT_EQ(half0.size(), 1u);
  ASSERT_EQ(half1.size(), 1u);
  EXPECT_NEAR(half0[0].baseline, top + 130, 0.01);
  EXPECT_NEAR(half1[0].baseline, top + 200, 0.01);
  std::vector<Line> t0 = lines_of(before.pages[2]), t1 = lines_of(after.pages[2]);
  const Line *title0 = line_with(t0, "Dracula"), *title1 = line_with(t1, "Dracula");
  ASSERT_TRUE(title0 && title1) << text_of(after.pages[2]);
  EXPECT_NEAR(title0->baseline, top + 100, 0.01);
  EXPECT_NEAR(title1->baseline, top + 180, 0.01);
  // Twice the chapter size rather than 1.3 times it: the word is that much wider.
  EXPECT_NEAR((title1->right - title1->left) / (title0->right - title0->left), 2 / 1.3, 0.02);
  // Flush left on the recto's text block, where it was centred.
  EXPECT_NEAR(title1->left, plain.page.inside, 0.5);
  EXPECT_GT(title0->left, plain.page.inside + 50);
  // Below it, each line the line before's leading and the design's space below that line.
  const Line *sub = line_with(t1, "A Novel"), *author = line_with(t1, "Bram Stoker");
  ASSERT_TRUE(sub && author) << text_of(after.pages[2]);
  style::Face title = style::display_face(designed, designed.front_matter.title_page.title);
  style::Face subtitle = style::display_face(designed, designed.front_matter.title_page.subtitle);
  EXPECT_NEAR(sub->baseline - title1->baseline, title.leading + 40, 0.01);
  EXPECT_NEAR(author->baseline - sub->baseline, subtitle.leading + 10, 0.01);
}

// The copyright page's lines centred and spaced a whole line apart; the contents' entries in a
// bigger face, their page numbers still flush with the measure's right edge.
TEST(FrontMatter, TheStyleDesignsTheCopyrightPageAndContents) {
  model::Document doc = book("designed-toc",
                             "title: T\nauthor: A\nlang: en\nrights: Public domain.\n"
                             "edition: First edition\n");
  style::Style st = style_of(
      "front-matter:\n"
      "  copyright-page: {text: {align: center}, paragraph-space: 1}\n"
      "  contents: {entry: {size: 14pt, leading: 20pt}, number-width: 60pt}\n");
  PagedDocument paged = set(doc, st);
  ASSERT_GT(paged.pages.size(), 5u);
  const double measure = st.page.width - st.page.inside - st.page.outside;
  std::vector<Line> imprint = lines_of(paged.pages[3]);
  ASSERT_GE(imprint.size(), 2u) << text_of(paged.pages[3]);
  const double left = st.page.outside;  // a verso
  for (std::size_t i = 0; i < imprint.size(); ++i) {
    SCOPED_TRACE(imprint[i].text);
    EXPECT_NEAR(imprint[i].left - left, left + measure - imprint[i].right, 1.0);  // centred
    if (i > 0) {
      EXPECT_NEAR(imprint[i].baseline - imprint[i - 1].baseline, 2 * st.footnotes.face.leading,
                  0.01);
    }
  }
  // The contents: a recto after the copyright page.
  const Page& toc = paged.pages[4];
  std::vector<Line> entries;
  for (const Line& l : lines_of(toc))
    if (toc.blocks[l.block].role == Role::contents_entry) entries.push_back(l);
  ASSERT_EQ(entries.size(), 2u) << text_of(toc);
  EXPECT_NEAR(entries[1].baseline - entries[0].baseline, 20, 0.01);
  EXPECT_NEAR(entries[0].right, st.page.inside + measure, 0.5);  // the page number
  ASSERT_EQ(toc.links.size(), 2u);
  EXPECT_NEAR(toc.links[0].height, 20, 0.01);
  // The heading is centred across the title column: the measure less the number column.
  for (const Line& l : lines_of(toc)) {
    if (toc.blocks[l.block].role == Role::chapter_title) {
      EXPECT_NEAR(l.left - st.page.inside, st.page.inside + measure - 60 - l.right, 1.0);
    }
  }
}

}  // namespace
}  // namespace folio::typeset
