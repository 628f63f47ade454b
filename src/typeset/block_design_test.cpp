// Block designs in the PDF: alignment, keep-with-next, own pages, opening datelines.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "manuscript/reader.hpp"
#include "typeset/book_layout.hpp"

namespace folio::typeset {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = FOLIO_SOURCE_DIR;

std::string messages(const support::Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) out += std::string(d.code.name()) + ": " + d.message + "\n";
  return out;
}

// `md` as the one chapter file of a book, laid out in `style_yaml` over classic.yaml (or
// classic itself when empty), without front matter.
PagedDocument lay_out(const std::string& md, const std::string& style_yaml = {}) {
  std::vector<manuscript::SourceFile> files{
      {"book.yaml", "title: Designs\nauthor: A. Uthor\nlang: en-US\ncontents:\n  - one.md\n"},
      {"one.md", md}};
  support::Diagnostics diags;
  auto m = manuscript::read_manuscript(*manuscript::memory_source(files), diags);
  EXPECT_TRUE(m) << messages(diags);
  if (!m) return {};
  auto st = style::load_style(kSource / "styles/classic.yaml", diags);
  EXPECT_TRUE(st);
  if (!style_yaml.empty()) {
    auto own = style::parse_style(style_yaml, "own.yaml", diags);
    EXPECT_TRUE(own) << messages(diags);
    if (own) st = own;
  }
  LayoutOptions o;
  o.threads = 1;
  o.front_matter = false;
  return layout_book(m->document, *st, o, diags);
}

std::string text_of(const PageBlock& b) {
  std::string t;
  for (const GlyphRun& r : b.runs) t += r.text;
  return t;
}

// The index of the page and the block whose text starts with `start` (the pages are a deque:
// indices, not pointers, are compared).
std::pair<long, const PageBlock*> find_block(const PagedDocument& doc, const std::string& start) {
  for (std::size_t p = 0; p < doc.pages.size(); ++p)
    for (const PageBlock& b : doc.pages[p].blocks)
      if (text_of(b).starts_with(start)) return {static_cast<long>(p), &b};
  return {-1, nullptr};
}

const Page& page_at(const PagedDocument& doc, long p) {
  return doc.pages.at(static_cast<std::size_t>(p));
}

double left_edge(const PageBlock& b) {
  double x = 1e9;
  for (const GlyphRun& r : b.runs) x = std::min(x, r.x);
  return x;
}

double right_edge(const PageBlock& b) {
  double x = -1e9;
  for (const GlyphRun& r : b.runs) x = std::max(x, r.x + r.width);
  return x;
}

// classic: 6 × 9 in, inside 0.8 in, outside 0.7 in; the text block's edges on a recto.
constexpr double kLeft = 57.6, kRight = 432 - 50.4;

TEST(BlockDesigns, SignatureSetAsItsDesignSays) {
  std::string md =
      "# One\n\nSome text before the letter ends, long enough to fill the measure once or "
      "twice over.\n\n::: signature\nAda\n:::\n";
  PagedDocument right = lay_out(md);
  auto [page, block] = find_block(right, "Ada");
  ASSERT_TRUE(block);
  ASSERT_TRUE(page_at(right, page).recto);
  EXPECT_NEAR(right_edge(*block), kRight, 0.5);  // classic: flush right
  PagedDocument centred = lay_out(md, "classes:\n  signature: {align: center}\n");
  auto [cpage, cblock] = find_block(centred, "Ada");
  ASSERT_TRUE(cblock);
  EXPECT_NEAR((left_edge(*cblock) + right_edge(*cblock)) / 2, (kLeft + kRight) / 2, 0.5);
  // Undesigned, the same div is a body paragraph: flush left after the one before.
  PagedDocument plain = lay_out("# One\n\nText.\n\n::: sidebar\nAda\n:::\n");
  auto [ppage, pblock] = find_block(plain, "Ada");
  ASSERT_TRUE(pblock);
  EXPECT_GT(left_edge(*pblock), kLeft + 1);  // indented as a following paragraph is
  EXPECT_LT(left_edge(*pblock), kLeft + 20);
}

TEST(BlockDesigns, InsetsAndIndentFromTheDesign) {
  std::string md = "# One\n\nText.\n\n::: aside\nInset words here.\n:::\n";
  PagedDocument doc =
      lay_out(md, "classes:\n  aside: {inset-left: 30pt, indent: 0, align: left}\n");
  auto [page, block] = find_block(doc, "Inset");
  ASSERT_TRUE(block);
  EXPECT_NEAR(left_edge(*block), kLeft + 30, 0.5);
}

// Two bridgeheads in a row, then text: wherever the page ends, neither is the last thing on
// a page (the classic design keeps a bridgehead with what follows).
TEST(BlockDesigns, BridgeheadsNeverEndAPage) {
  int tested_at_foot = 0;
  for (int lines = 20; lines < 56; ++lines) {
    std::string md = "# One\n\n";
    for (int i = 0; i < lines; ++i) md += "Line " + std::to_string(i) + ".\n\n";
    md += "::: bridgehead\nBridge one.\n:::\n\n::: bridgehead\nBridge two.\n:::\n\n";
    for (int i = 0; i < 40; ++i) md += "After " + std::to_string(i) + ".\n\n";
    PagedDocument doc = lay_out(md);
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
      const auto& blocks = doc.pages[p].blocks;
      if (blocks.empty()) continue;
      std::string last = text_of(blocks.back());
      EXPECT_FALSE(last.starts_with("Bridge"))
          << lines << " lines: page " << p << " ends with '" << last << "'";
      // The case that matters: the bridgeheads moved over rather than split.
      if (p + 1 < doc.pages.size() && !doc.pages[p + 1].blocks.empty() &&
          text_of(doc.pages[p + 1].blocks.front()).starts_with("Bridge one"))
        ++tested_at_foot;
    }
    auto [p1, b1] = find_block(doc, "Bridge one");
    auto [p2, b2] = find_block(doc, "Bridge two");
    auto [p3, b3] = find_block(doc, "After 0");
    ASSERT_TRUE(b1 && b2 && b3);
    EXPECT_EQ(p1, p2) << lines;
    EXPECT_EQ(p2, p3) << lines;
  }
  EXPECT_GT(tested_at_foot, 0);  // some run put them at a page foot
  // Without keep-with-next the same text does leave a bridgehead last on a page.
  int alone = 0;
  for (int lines = 20; lines < 56; ++lines) {
    std::string md = "# One\n\n";
    for (int i = 0; i < lines; ++i) md += "Line " + std::to_string(i) + ".\n\n";
    md += "::: bridgehead\nBridge one.\n:::\n\n::: bridgehead\nBridge two.\n:::\n\n";
    for (int i = 0; i < 40; ++i) md += "After " + std::to_string(i) + ".\n\n";
    PagedDocument doc = lay_out(md, "classes:\n  bridgehead: {keep-with-next: false}\n");
    for (const Page& p : doc.pages)
      if (!p.blocks.empty() && text_of(p.blocks.back()).starts_with("Bridge")) ++alone;
  }
  EXPECT_GT(alone, 0);
}

TEST(BlockDesigns, PageBreakBefore) {
  PagedDocument doc = lay_out("# One\n\nFirst.\n\n::: part\nNew page.\n:::\n\nAfter.\n",
                              "classes:\n  part: {page-break-before: true}\n");
  auto [p1, b1] = find_block(doc, "First");
  auto [p2, b2] = find_block(doc, "New page");
  auto [p3, b3] = find_block(doc, "After");
  ASSERT_TRUE(b1 && b2 && b3);
  EXPECT_EQ(p2 - p1, 1);
  EXPECT_EQ(p3, p2);
}

// A dedication (the built-in design: own recto, 30% down, centred) stands alone on a recto,
// with a blank verso before it when needed, and what follows starts a new page.
TEST(BlockDesigns, OwnRectoPage) {
  PagedDocument doc = lay_out("# One\n\nFirst.\n\n::: dedication\nTo my friend\n:::\n\nAfter.\n");
  auto [p1, b1] = find_block(doc, "First");
  auto [p2, b2] = find_block(doc, "To my");
  auto [p3, b3] = find_block(doc, "After");
  ASSERT_TRUE(b1 && b2 && b3);
  EXPECT_TRUE(page_at(doc, p2).recto);
  EXPECT_EQ(p2 - p1, 2);
  EXPECT_TRUE(page_at(doc, p1 + 1).blank);
  EXPECT_EQ(page_at(doc, p2).blocks.size(), 1u);
  // A page of its own shows no running head or folio; the next page does.
  EXPECT_TRUE(page_at(doc, p2).furniture.empty());
  EXPECT_FALSE(page_at(doc, p3).furniture.empty());
  EXPECT_EQ(p3 - p2, 1);
  // Its first baseline 30% down the text block (57.6 top, 64.8 bottom margins).
  double room = 648 - 57.6 - 64.8;
  double y = b2->runs.front().y;
  EXPECT_GT(y, 57.6 + 0.3 * room);
  EXPECT_LT(y, 57.6 + 0.3 * room + 2 * 13.6 + 1);
  EXPECT_NEAR((left_edge(*b2) + right_edge(*b2)) / 2, (kLeft + kRight) / 2, 0.5);
}

// A section of role dedication: its own recto, centred, heading and text together.
TEST(BlockDesigns, DedicationSectionIsCentredOnItsOwnRecto) {
  PagedDocument doc = lay_out(
      "# Dedication {epub:type=dedication}\n\nTo\\\nMy Dear Friend\\\nHommy-Beg\n\n"
      "# One\n\nText.\n");
  auto [p, b] = find_block(doc, "To");
  ASSERT_TRUE(b);
  EXPECT_TRUE(page_at(doc, p).recto);
  for (const GlyphRun& r : b->runs) {
    // Every line centred on the measure.
    EXPECT_NEAR(r.x + r.width / 2, (kLeft + kRight) / 2, 0.5) << r.text;
  }
  auto [hp, hb] = find_block(doc, "Dedication");
  ASSERT_TRUE(hb);
  EXPECT_EQ(hp, p);
  EXPECT_EQ(hb->role, Role::chapter_title);
  EXPECT_EQ(hb->dest, "section-1");  // the outline still leads to it
}

// A dateline that opens a letter is set by dateline.opening (flush right, italic in classic)
// above what follows; one that closes it as before.
TEST(BlockDesigns, OpeningDatelineSetFlushRightAbove) {
  PagedDocument doc = lay_out(
      "# One\n\n::: letter\n::: dateline\nWhitby, 24 July\n:::\n\nMy dearest Lucy,\n\n"
      "Body of the letter.\n\n::: dateline\nLondon\n:::\n:::\n");
  auto [p1, open] = find_block(doc, "Whitby");
  auto [p2, salutation] = find_block(doc, "My dearest");
  auto [p3, close] = find_block(doc, "London");
  ASSERT_TRUE(open && salutation && close);
  EXPECT_NEAR(right_edge(*open), kRight, 0.5);
  EXPECT_LT(open->runs.front().y, salutation->runs.front().y);
  EXPECT_NEAR(right_edge(*close), kRight, 0.5);
  // Different faces: italic (opening) and small capitals (closing) use different fonts.
  EXPECT_NE(open->runs.front().font, close->runs.front().font);
  // libertine sets an opening dateline flush left.
  PagedDocument left =
      lay_out("# One\n\n::: letter\n::: dateline\nWhitby, 24 July\n:::\n\nMy dearest Lucy,\n:::\n",
              "dateline:\n  opening: {align: left}\n");
  auto [lp, lopen] = find_block(left, "Whitby");
  ASSERT_TRUE(lopen);
  EXPECT_NEAR(left_edge(*lopen), kLeft, 0.5);
}

}  // namespace
}  // namespace folio::typeset

namespace folio::typeset {
namespace {

// `# To Ada {.dedication}`: a heading class that names a design designs its section too.
TEST(BlockDesigns, HeadingClassDesignsTheSection) {
  PagedDocument doc = lay_out("# One\n\nText.\n\n# To Ada {.dedication}\n\nFor Ada, always.\n");
  auto [p, b] = find_block(doc, "For Ada");
  ASSERT_TRUE(b);
  EXPECT_TRUE(page_at(doc, p).recto);
  EXPECT_NEAR((left_edge(*b) + right_edge(*b)) / 2, (kLeft + kRight) / 2, 0.5);
  EXPECT_TRUE(page_at(doc, p).furniture.empty());
}

}  // namespace
}  // namespace folio::typeset
