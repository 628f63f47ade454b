// Unit tests for the model walkers: document order, headings and footnotes included.
#include "model/walk.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace folio::model;

namespace {

Inline text(const std::string& t) {
  return Inline{.node = Text{t}};
}

Block para(const std::string& t) {
  return Block{.node = Paragraph{}, .inlines = {text(t)}};
}

// # H          (heading, its text "h")
// p1           (a paragraph with *e* inside: "p1", emphasis, "e")
// > q          (a block quote holding a paragraph "q")
// [^1]: n      (a footnote holding a paragraph "n")
Document sample() {
  Section s;
  s.heading = Block{.node = Heading{1}, .inlines = {text("h")}};
  Block p1 = para("p1");
  Inline em{.node = Emphasis{}, .children = {text("e")}};
  p1.inlines.push_back(em);
  s.blocks.push_back(p1);
  s.blocks.push_back(Block{.node = BlockQuote{}, .blocks = {para("q")}});
  s.footnotes.push_back(Block{.node = Footnote{"1", 1}, .blocks = {para("n")}});
  Document doc;
  doc.sections.push_back(s);
  return doc;
}

std::string label(const Block& b) {
  return kind_name(b.kind());
}

std::string label(const Inline& in) {
  if (auto* t = in.get_if<Text>()) return t->text;
  return kind_name(in.kind());
}

}  // namespace

TEST(Walk, BlocksInDocumentOrder) {
  Document doc = sample();
  std::vector<std::string> seen;
  walk_blocks(doc, [&](const Block& b) { seen.push_back(label(b)); });
  EXPECT_EQ(seen, (std::vector<std::string>{"heading", "paragraph", "block_quote", "paragraph",
                                            "footnote", "paragraph"}));
}

TEST(Walk, InlinesParentsBeforeChildren) {
  Document doc = sample();
  std::vector<std::string> seen;
  walk_inlines(doc, [&](const Inline& in) { seen.push_back(label(in)); });
  EXPECT_EQ(seen, (std::vector<std::string>{"h", "p1", "emphasis", "e", "q", "n"}));
  seen.clear();
  walk_inlines(doc.sections[0].footnotes, [&](const Inline& in) { seen.push_back(label(in)); });
  EXPECT_EQ(seen, (std::vector<std::string>{"n"}));
}

TEST(Walk, NumberNodesGivesDocumentOrderIds) {
  Document doc = sample();
  number_nodes(doc);
  std::vector<std::uint32_t> ids;
  walk_blocks(doc, [&](const Block& b) {
    ids.push_back(b.node_id.value);
    walk_inlines(b.inlines, [&](const Inline& in) { ids.push_back(in.node_id.value); });
  });
  std::vector<std::uint32_t> expected(ids.size());
  for (std::size_t i = 0; i < expected.size(); ++i) expected[i] = static_cast<std::uint32_t>(i + 1);
  EXPECT_EQ(ids, expected);
  // The heading comes first, the footnote's paragraph text last.
  EXPECT_EQ(doc.sections[0].heading->node_id.value, 1u);
  EXPECT_EQ(doc.sections[0].footnotes[0].blocks[0].inlines[0].node_id.value, ids.back());
}

TEST(Walk, VisitPicksTheKindsOverload) {
  Block h{.node = Heading{3}};
  int level = visit(
      h, [](const Heading& x) { return x.level; }, [](const auto&) { return 0; });
  EXPECT_EQ(level, 3);
  Block p = para("x");
  EXPECT_EQ(visit(
                p, [](const Heading& x) { return x.level; }, [](const auto&) { return 0; }),
            0);
}

TEST(Model, EveryFieldHasOneMeaning) {
  // A figure's alt and an image's alt live in the same-named field of their kind.
  Block fig{.node = Figure{.src = "a.png", .alt = "A"}};
  Inline img{.node = Image{.src = "b.png", .alt = "B"}};
  EXPECT_EQ(fig.as<Figure>().alt, "A");
  EXPECT_EQ(img.as<Image>().alt, "B");
  // A code block's info string is not a language.
  Block code{.node = CodeBlock{.info = "python", .text = "x = 1\n"}};
  EXPECT_TRUE(code.attr.lang.empty());
  EXPECT_EQ(code.kind(), BlockKind::code_block);
  EXPECT_STREQ(kind_name(code.kind()), "code_block");
}
