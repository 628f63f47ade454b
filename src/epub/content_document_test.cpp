// Unit tests for the XHTML of individual constructs, read from small in-memory manuscripts.
#include "epub/content_document.hpp"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "epub/xhtml_page.hpp"
#include "manuscript/reader.hpp"

using namespace folio;

namespace {

model::Document read(const std::string& md) {
  auto src = manuscript::memory_source(
      {{"book.yaml", "title: T\nauthor: A\nlang: en-GB\n"}, {"a.md", md}});
  support::Diagnostics diags;
  auto m = manuscript::read_manuscript(*src, diags);
  EXPECT_TRUE(m);
  for (const auto& d : diags.items()) ADD_FAILURE() << d.pos.line << ": " << d.message;
  return m ? m->document : model::Document{};
}

// Renders every section; returns the parsed XHTML of section `index`.
struct Rendered {
  std::vector<epub::ContentDocument> docs;
  pugi::xml_document xml;
  support::Diagnostics diags;
};

void render(const model::Document& doc, std::size_t index, Rendered& out) {
  std::vector<std::string> files;
  for (std::size_t i = 0; i < doc.sections.size(); ++i)
    files.push_back("00" + std::to_string(i + 1) + ".xhtml");
  epub::ContentLinks links = epub::index_links(doc, files);
  for (std::size_t i = 0; i < doc.sections.size(); ++i) {
    epub::SectionContext ctx{"T", "en-GB", "../css/book.css", epub::labels_for("en-GB"), links};
    out.docs.push_back(epub::render_section(doc.sections[i], files[i], ctx, out.diags));
  }
  pugi::xml_parse_result r = out.xml.load_string(out.docs.at(index).xhtml.c_str());
  ASSERT_TRUE(r) << r.description() << "\n" << out.docs.at(index).xhtml;
}

pugi::xml_node one(const pugi::xml_document& xml, const char* xpath) {
  pugi::xpath_node_set set = xml.select_nodes(xpath);
  EXPECT_EQ(set.size(), 1u) << xpath;
  return set.empty() ? pugi::xml_node() : set.first().node();
}

std::string attr(pugi::xml_node n, const char* name) {
  return n.attribute(name).value();
}

}  // namespace

TEST(ContentDocument, SectionSemanticsAndLanguage) {
  Rendered r;
  render(read("# Preface {epub:type=preface}\n\nText.\n"), 0, r);
  pugi::xml_node html = one(r.xml, "/html");
  EXPECT_EQ(attr(html, "lang"), "en-GB");
  EXPECT_EQ(attr(html, "xml:lang"), "en-GB");
  EXPECT_EQ(attr(one(r.xml, "//body"), "epub:type"), "frontmatter");
  pugi::xml_node sec = one(r.xml, "//section");
  EXPECT_EQ(attr(sec, "epub:type"), "preface");
  EXPECT_EQ(attr(sec, "role"), "doc-preface");
  pugi::xml_node h1 = one(r.xml, "//section/h1");
  EXPECT_EQ(attr(sec, "aria-labelledby"), attr(h1, "id"));
  EXPECT_EQ(std::string(one(r.xml, "//title").text().get()), "Preface");
  EXPECT_EQ(r.docs[0].title, "Preface");
}

TEST(ContentDocument, FootnotesPopUpAndLinkBack) {
  Rendered r;
  render(read("# One\n\nA claim.[^n] Again.[^n]\n\n[^n]: The source.\n"), 0, r);
  pugi::xml_node ref = one(r.xml, "//p/sup/a[@id='fnref-1']");
  EXPECT_EQ(attr(ref, "epub:type"), "noteref");
  EXPECT_EQ(attr(ref, "role"), "doc-noteref");
  EXPECT_EQ(attr(ref, "href"), "#fn-1");
  EXPECT_EQ(std::string(ref.text().get()), "1");
  // A second reference to the same note gets its own id.
  EXPECT_EQ(attr(one(r.xml, "//p/sup/a[@id='fnref-1-2']"), "href"), "#fn-1");
  pugi::xml_node aside = one(r.xml, "//section/aside");
  EXPECT_EQ(attr(aside, "id"), "fn-1");
  EXPECT_EQ(attr(aside, "epub:type"), "footnote");
  EXPECT_EQ(attr(aside, "role"), "doc-footnote");
  pugi::xml_node back = one(r.xml, "//aside/p/a");
  EXPECT_EQ(attr(back, "href"), "#fnref-1");
  EXPECT_EQ(attr(back, "role"), "doc-backlink");
  // The note's text follows its back link in the same paragraph.
  std::string text;
  for (pugi::xpath_node t : r.xml.select_nodes("//aside/p//text()")) text += t.node().value();
  EXPECT_EQ(text, "1. The source.");
}

TEST(ContentDocument, DatelineIsItsOwnBlockAtTheClose) {
  Rendered r;
  render(read("# P\n\nText.\n\n::: dateline\nDetroit, Michigan\\\nJuly 28, 1989\n:::\n"), 0, r);
  pugi::xml_node last = one(r.xml, "//section").last_child();
  while (last && last.type() != pugi::node_element) last = last.previous_sibling();
  EXPECT_EQ(std::string(last.name()), "p");
  EXPECT_EQ(attr(last, "class"), "dateline");
  EXPECT_EQ(r.xml.select_nodes("//p[@class='dateline']/br").size(), 1u);
  EXPECT_EQ(std::string(last.first_child().value()), "Detroit, Michigan");
}

TEST(ContentDocument, EpigraphSceneBreakLineBlock) {
  Rendered r;
  render(read("# C\n\n::: epigraph\nAll happy families.\n\nTolstoy\n:::\n\nOne.\n\n* * *\n\n"
              "Two.\n\n| The first line\n|    indented\n| the last\n"),
         0, r);
  pugi::xml_node ep = one(r.xml, "//div[@class='epigraph']");
  EXPECT_EQ(attr(ep, "epub:type"), "epigraph");
  EXPECT_EQ(attr(ep, "role"), "doc-epigraph");
  EXPECT_EQ(ep.select_nodes("p").size(), 2u);
  EXPECT_EQ(attr(one(r.xml, "//hr"), "class"), "scene-break");
  EXPECT_EQ(attr(one(r.xml, "//hr"), "role"), "separator");
  pugi::xpath_node_set lines = r.xml.select_nodes("//div[@class='line-block']/div[@class='line']");
  ASSERT_EQ(lines.size(), 3u);
  // Leading spaces survive as no-break spaces.
  EXPECT_TRUE(std::string(lines[1].node().text().get()).starts_with("\u00A0\u00A0"));
}

TEST(ContentDocument, SmallCapsAndLanguageSpans) {
  Rendered r;
  render(read("# C\n\n[Detroit]{.smallcaps} and [perestroika]{lang=ru} and "
              "[Weltanschauung]{lang=de .term}.\n"),
         0, r);
  EXPECT_EQ(std::string(one(r.xml, "//span[@class='smallcaps']").text().get()), "Detroit");
  pugi::xml_node ru = one(r.xml, "//span[@lang='ru']");
  EXPECT_EQ(attr(ru, "xml:lang"), "ru");
  pugi::xml_node de = one(r.xml, "//span[@lang='de']");
  EXPECT_EQ(attr(de, "class"), "term");
}

TEST(ContentDocument, BlockQuotesKeepTheirParagraphs) {
  Rendered r;
  render(read("# P\n\nIntro.\n\n> One.\n>\n> Two.\n\nAfter.\n"), 0, r);
  EXPECT_EQ(r.xml.select_nodes("//section/blockquote/p").size(), 2u);
}

TEST(ContentDocument, LinksAcrossDocuments) {
  Rendered r;
  render(
      read("# One\n\nSee [there](#target) and [web](https://example.org) and [nowhere](x.md).\n\n"
           "# Two {#target}\n\nText.\n"),
      0, r);
  EXPECT_EQ(attr(one(r.xml, "//a[text()='there']"), "href"), "002.xhtml#target");
  EXPECT_EQ(attr(one(r.xml, "//a[text()='web']"), "href"), "https://example.org");
  // A link to a file the EPUB does not carry is written as text, with a warning.
  EXPECT_EQ(r.xml.select_nodes("//a[text()='nowhere']").size(), 0u);
  ASSERT_EQ(r.diags.items().size(), 1u);
  EXPECT_EQ(r.diags.items()[0].code, "epub-link-target");
  EXPECT_EQ(r.diags.items()[0].pos.line, 3);
  // The author's id is kept on the second section's heading.
  pugi::xml_document two;
  ASSERT_TRUE(two.load_string(r.docs[1].xhtml.c_str()));
  EXPECT_EQ(two.select_nodes("//h1[@id='target']").size(), 1u);
}

TEST(ContentDocument, TextLosesCharactersXmlForbids) {
  pugi::xml_document doc;
  pugi::xml_node p = doc.append_child("p");
  epub::append_text(p, std::string("a\x01") + "b\xEF\xBF\xBF" + "c");
  EXPECT_EQ(std::string(p.text().get()), "abc");
}

TEST(ContentDocument, HeadingLevelsNeverSkip) {
  Rendered r;
  render(read("# C\n\n### Three\n\nText.\n\n#### Four\n\n## Two\n"), 0, r);
  EXPECT_EQ(r.xml.select_nodes("//h2").size(), 2u);  // ### after # and the real ##
  EXPECT_EQ(r.xml.select_nodes("//h3").size(), 1u);  // #### after it
  EXPECT_EQ(r.xml.select_nodes("//h4").size(), 0u);
}

// A note's body is written after the section's blocks; a quote in it has blocks {0}, {1} of
// its own, which must not stand in for the section's: the Prince's chapter XVIII (note 37,
// a quote, referenced from the heading) had its page 2 marker drawn into the note.
TEST(ContentDocument, PageBreaksStayInTheBodyWhenANoteHoldsAQuote) {
  model::Document doc = read(
      "# Keeping Faith[^q]\n\nEveryone admits how praiseworthy it is.\n\nSecond paragraph.\n\n"
      "[^q]:\n    > The present chapter has given offence.\n    >\n    > A second quoted "
      "paragraph.\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  ASSERT_EQ(doc.sections[0].footnotes.size(), 1u);
  ASSERT_EQ(doc.sections[0].footnotes[0].blocks.at(0).kind(), model::BlockKind::block_quote);
  std::vector<std::string> files{"001.xhtml"};
  epub::ContentLinks links = epub::index_links(doc, files);
  epub::SectionContext ctx{"T", "en-GB", "../css/book.css", epub::labels_for("en-GB"), links};
  std::string body = "Everyone admits how praiseworthy it is.";
  const model::Section& sec = doc.sections[0];
  ctx.page_starts = {{"1", 0, sec.heading->node_id, 0},
                     {"2", 0, sec.blocks.at(0).node_id, body.find("praiseworthy")},
                     {"3", 0, sec.blocks.at(1).node_id, 0}};
  support::Diagnostics diags;
  epub::ContentDocument out = epub::render_section(doc.sections[0], files[0], ctx, diags);
  EXPECT_TRUE(diags.items().empty());
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string(out.xhtml.c_str())) << out.xhtml;
  EXPECT_TRUE(xml.select_nodes("//aside//span[@epub:type='pagebreak']").empty()) << out.xhtml;
  pugi::xml_node two = one(xml, "//span[@id='page-2']");
  EXPECT_EQ(std::string(two.parent().name()), "p");
  EXPECT_EQ(std::string(two.parent().parent().name()), "section");
  EXPECT_EQ(std::string(two.previous_sibling().value()), "Everyone admits how ");
  EXPECT_EQ(std::string(two.next_sibling().value()), "praiseworthy it is.");
  pugi::xml_node three = one(xml, "//span[@id='page-3']");
  EXPECT_EQ(std::string(three.parent().name()), "section");
  EXPECT_EQ(std::string(three.next_sibling("p").child_value()), "Second paragraph.");
  EXPECT_EQ(out.page_breaks.size(), 3u);
}
