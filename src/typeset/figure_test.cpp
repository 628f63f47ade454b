// Figures in the typesetter: sizes by folio's rule, the float, the full page, bad pictures.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "manuscript/reader.hpp"
#include "style/style.hpp"
#include "typeset/book_layout.hpp"

namespace folio::typeset {
namespace {

namespace fs = std::filesystem;
const fs::path kSource = FOLIO_SOURCE_DIR;

struct Laid {
  PagedDocument doc;
  support::Diagnostics diags;
};

// The figures fixture's pictures with the given Markdown as its one chapter.
Laid lay_out(const std::string& markdown,
             const fs::path& base = kSource / "tests/manuscripts/figures") {
  support::Diagnostics read_diags;
  std::vector<manuscript::SourceFile> files{
      {"book.yaml", "title: T\nauthor: A\nlang: en\ncontents: [a.md]\n"}, {"a.md", markdown}};
  auto m = manuscript::read_manuscript(*manuscript::memory_source(files), read_diags);
  EXPECT_TRUE(m);
  m->document.base_dir = base;
  auto st = style::load_style(kSource / "styles/classic.yaml", read_diags);
  EXPECT_TRUE(st);
  LayoutOptions o;
  o.threads = 1;
  o.front_matter = false;
  Laid out;
  out.doc = layout_book(m->document, *st, o, out.diags);
  return out;
}

std::vector<const PageBlock*> pictures(const Page& p) {
  std::vector<const PageBlock*> out;
  for (const PageBlock& b : p.blocks)
    if (b.picture) out.push_back(&b);
  return out;
}

std::string filler(int paragraphs) {
  std::string s;
  for (int i = 0; i < paragraphs; ++i)
    s +=
        "The keeper rows out on Mondays with a week of bread and a box of candles he no longer "
        "needs, for the lamp has been electric since before the war, and he keeps them anyway.\n\n";
  return s;
}

TEST(Figures, APictureIsSetAtItsNaturalSizeUnderTheMeasure) {
  Laid l = lay_out("# One\n\n" + filler(1) +
                   "![Harbour](images/harbour.png)\n\n![Music](images/music.svg)\n\n" + filler(1));
  EXPECT_TRUE(l.diags.empty());
  std::vector<const PageBlock*> found;
  for (const Page& p : l.doc.pages)
    for (const PageBlock* b : pictures(p)) found.push_back(b);
  ASSERT_EQ(found.size(), 2u);
  // harbour.png: 1200 × 720 px at 300 ppi, 4 × 2.4 in; within classic's measure.
  EXPECT_NEAR(found[0]->picture->width, 288, 0.01);  // pHYs holds 11811 px/m, 299.9994 ppi
  EXPECT_NEAR(found[0]->picture->height, 172.8, 0.01);
  EXPECT_EQ(found[0]->picture->alt, "Harbour");
  // music.svg: 5 in wide, wider than the measure: the measure, its aspect kept.
  EXPECT_LT(found[1]->picture->width, 360);
  EXPECT_NEAR(found[1]->picture->height / found[1]->picture->width, 0.9 / 5, 1e-6);
}

TEST(Figures, AFigureThatDoesNotFitFloatsAndTheTextFillsThePage) {
  // Enough text to leave less room than the lighthouse needs at the foot of the first page.
  Laid l = lay_out("# One\n\n" + filler(5) + "![Lighthouse](images/lighthouse.jpg)\n\n" +
                   "After the picture comes this paragraph, which fills the page it left.\n");
  ASSERT_GE(l.doc.pages.size(), 2u);
  const Page& first = l.doc.pages[0];
  const Page& second = l.doc.pages[1];
  EXPECT_TRUE(pictures(first).empty());
  ASSERT_EQ(pictures(second).size(), 1u);
  EXPECT_EQ(second.blocks.front().role, Role::figure);  // it opens the page
  bool after_on_first = false;
  for (const PageBlock& b : first.blocks)
    for (const GlyphRun& r : b.runs) after_on_first |= r.text.find("After") != std::string::npos;
  EXPECT_TRUE(after_on_first);
}

TEST(Figures, AFullPageFigureStandsAloneWithoutRunningHead) {
  Laid l = lay_out("# One\n\n" + filler(2) + "::: full-page\n![Map](images/map.svg)\n:::\n\n" +
                   filler(2));
  const Page* alone = nullptr;
  for (const Page& p : l.doc.pages)
    if (!pictures(p).empty()) alone = &p;
  ASSERT_TRUE(alone);
  EXPECT_EQ(alone->blocks.size(), 2u);  // the picture and its caption
  EXPECT_TRUE(alone->furniture.empty());
  // map.svg gives only a viewBox (300 × 440): as large as the text block allows.
  const PagePicture& pic = *pictures(*alone)[0]->picture;
  EXPECT_GT(pic.height, 400);
  EXPECT_NEAR(pic.height / pic.width, 440.0 / 300, 1e-6);
}

TEST(Figures, AnUnreadablePictureIsAnErrorAtTheFigure) {
  Laid l = lay_out("# One\n\nText.\n\n![Gone](images/missing.png)\n");
  ASSERT_EQ(l.diags.items().size(), 1u);
  EXPECT_EQ(l.diags.items()[0].code, "pdf-figure-unreadable");
  EXPECT_EQ(l.diags.items()[0].pos.line, 5);
}

TEST(Figures, ALowResolutionPictureIsAWarningAtTheFigure) {
  // screen.png states 72 ppi: 600 px set at its natural 600 pt, narrowed to the measure.
  Laid l = lay_out("# One\n\n![Screen](screen.png)\n", kSource / "tests/checks/image-resolution");
  ASSERT_EQ(l.diags.items().size(), 1u);
  EXPECT_EQ(l.diags.items()[0].code, "image-resolution");
  EXPECT_NE(l.diags.items()[0].message.find("prints at 133 ppi"), std::string::npos)
      << l.diags.items()[0].message;
}

}  // namespace
}  // namespace folio::typeset
