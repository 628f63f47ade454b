// The Markdown written for a model reads back as the same model: escapes, breaks, notes.
#include "import/markdown_writer.hpp"

#include <gtest/gtest.h>

namespace folio::import {
namespace {

using model::Block;
using model::Inline;

Inline text(std::string s) {
  Inline in;
  in.node = model::Text{std::move(s)};
  return in;
}

model::Section section(std::vector<Inline> para) {
  model::Section s;
  Block h;
  h.node = model::Heading{1};
  h.inlines.push_back(text("One"));
  s.heading = h;
  Block p;
  p.node = model::Paragraph{};
  p.inlines = std::move(para);
  s.blocks.push_back(std::move(p));
  return s;
}

TEST(MarkdownWriter, SyntaxInTextIsEscapedOnlyWhereItWouldRead) {
  EXPECT_EQ(write_markdown({section({text("1. a *b* [c] `d` <e> & f &amp; _g_ | h!")})}),
            "# One\n\n1\\. a \\*b\\* \\[c\\] \\`d\\` \\<e> & f \\&amp; \\_g\\_ | h!\n");
  EXPECT_EQ(write_markdown({section({text("- not a list")})}), "# One\n\n\\- not a list\n");
  EXPECT_EQ(write_markdown({section({text("# not a heading")})}), "# One\n\n\\# not a heading\n");
  EXPECT_EQ(write_markdown({section({text("::: not a div")})}), "# One\n\n\\::: not a div\n");
}

TEST(MarkdownWriter, RolesBreaksAndNestedEmphasis) {
  model::Section s = section({});
  s.role = "preface";
  Inline em;
  em.node = model::Emphasis{};
  Inline inner;
  inner.node = model::Emphasis{};
  inner.children.push_back(text("b"));
  em.children = {text("a "), inner};
  Inline br;
  br.node = model::LineBreak{};
  s.blocks[0].inlines = {em, br, text("next")};
  EXPECT_EQ(write_markdown({s}), "# One {epub:type=preface}\n\n*a _b_*\\\nnext\n");
}

TEST(MarkdownWriter, BookYamlQuotesEveryValue) {
  model::Metadata m;
  m.title.value = "A \"Quoted\" Title: Yes";
  m.authors = {{"Ada", {}}, {"Ben", {}}};
  m.lang.value = "en";
  EXPECT_EQ(write_book_yaml(m, {"a.md"}, "made"),
            "# made\ntitle: \"A \\\"Quoted\\\" Title: Yes\"\nauthor:\n  - \"Ada\"\n  - \"Ben\"\n"
            "lang: \"en\"\ncontents:\n  - \"a.md\"\n");
}

}  // namespace
}  // namespace folio::import
