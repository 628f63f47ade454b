// The EPUB side of block designs: CSS rules from the style's designs, letter semantics.
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <filesystem>

#include "epub/content_document.hpp"
#include "epub/stylesheet.hpp"
#include "manuscript/reader.hpp"

using namespace folio;

namespace {

style::Style parse(const std::string& yaml) {
  support::Diagnostics diags;
  auto st = style::parse_style(yaml, "t.yaml", diags);
  EXPECT_TRUE(st);
  return st ? *st : style::Style{};
}

// The rule for exactly `selector` in `css` ("" when there is none).
std::string rule(const std::string& css, const std::string& selector) {
  std::string head = "\n" + selector + " {";
  std::size_t at = css.find(head);
  if (at == std::string::npos) return {};
  return css.substr(at + 1, css.find('}', at) - at);
}

}  // namespace

TEST(BlockDesignCss, OneRuleForEachDesignedClass) {
  std::string css = epub::stylesheet(
      parse("body: {size: 10}\n"
            "classes:\n"
            "  bridgehead: {align: center, italic: true, space-before: 1em, space-after: 0.5em, "
            "keep-with-next: true}\n"
            "  aside: {size: 8pt, small-caps: true, inset-left: 2em, indent: 0, "
            "page-break-before: true}\n"));
  std::string b = rule(css, ".bridgehead");
  EXPECT_NE(b.find("text-align: center;"), std::string::npos) << b;
  EXPECT_NE(b.find("font-style: italic;"), std::string::npos) << b;
  EXPECT_NE(b.find("margin-top: 1em;"), std::string::npos) << b;
  EXPECT_NE(b.find("margin-bottom: 0.5em;"), std::string::npos) << b;
  EXPECT_NE(b.find("page-break-after: avoid; break-after: avoid;"), std::string::npos) << b;
  // Its paragraphs are aligned and indented as the design says (the base justifies `p`).
  EXPECT_NE(rule(css, ".bridgehead p").find("text-align: center;"), std::string::npos);
  EXPECT_NE(rule(css, ".bridgehead p").find("text-indent: 0;"), std::string::npos);
  std::string a = rule(css, ".aside");
  EXPECT_NE(a.find("font-size: 0.8rem;"), std::string::npos) << a;
  EXPECT_NE(a.find("font-variant: small-caps;"), std::string::npos) << a;
  // 2em of the 10 pt body is 20 pt: 2.5em of the aside's own 8 pt.
  EXPECT_NE(a.find("margin-left: 2.5em;"), std::string::npos) << a;
  EXPECT_NE(a.find("page-break-before: always; break-before: page;"), std::string::npos) << a;
  // The built-in designs are written too.
  EXPECT_FALSE(rule(css, ".signature").empty());
}

TEST(BlockDesignCss, OwnRectoPageAndTheDedicationSection) {
  std::string css = epub::stylesheet(parse("name: t\n"));
  std::string d = rule(css, ".dedication, section[epub|type~=\"dedication\"]");
  EXPECT_NE(d.find("page-break-before: right; break-before: recto;"), std::string::npos) << d;
  EXPECT_NE(d.find("page-break-after: always;"), std::string::npos) << d;
  EXPECT_NE(d.find("margin-top: 30vh;"), std::string::npos) << d;  // sink: 30%
  EXPECT_NE(d.find("text-align: center;"), std::string::npos) << d;
  EXPECT_FALSE(
      rule(css, "section[epub|type~=\"dedication\"] > h1, section.dedication > h1").empty());
}

TEST(BlockDesignCss, ShippedStylesDiffer) {
  support::Diagnostics diags;
  auto classic =
      style::load_style(std::filesystem::path(FOLIO_SOURCE_DIR) / "styles" / "classic.yaml", diags);
  auto libertine = style::load_style(
      std::filesystem::path(FOLIO_SOURCE_DIR) / "styles" / "libertine.yaml", diags);
  ASSERT_TRUE(classic && libertine);
  std::string c = epub::stylesheet(*classic), l = epub::stylesheet(*libertine);
  EXPECT_NE(rule(c, ".bridgehead").find("text-align: center;"), std::string::npos);
  EXPECT_NE(rule(l, ".bridgehead").find("text-align: left;"), std::string::npos);
  EXPECT_NE(rule(c, "p.dateline.opening").find("text-align: right;"), std::string::npos);
  EXPECT_NE(rule(l, "p.dateline.opening").find("text-align: left;"), std::string::npos);
}

TEST(BlockDesignMarkup, LetterPartsAndOpeningDateline) {
  auto src = manuscript::memory_source(
      {{"book.yaml", "title: T\nauthor: A\nlang: en-GB\n"},
       {"a.md",
        "# P\n\n::: letter\n::: dateline\nWhitby\n:::\n\n::: salutation\nDear Lucy,\n:::\n\n"
        "Body.\n\n::: signature\nMina.\n:::\n\n::: postscript\nP.S. Soon.\n:::\n:::\n\n"
        "::: dedication\nTo you.\n:::\n\n::: dateline\nLondon\n:::\n"}});
  support::Diagnostics diags;
  auto m = manuscript::read_manuscript(*src, diags);
  ASSERT_TRUE(m);
  std::vector<std::string> files{"001.xhtml"};
  epub::ContentLinks links = epub::index_links(m->document, files);
  epub::SectionContext ctx{"T", "en-GB", "../css/book.css", epub::labels_for("en-GB"), links};
  epub::ContentDocument doc = epub::render_section(m->document.sections[0], files[0], ctx, diags);
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string(doc.xhtml.c_str()));
  auto type_of = [&](const char* cls) {
    std::string xpath = std::string("//div[@class='") + cls + "']";
    pugi::xpath_node n = xml.select_node(xpath.c_str());
    return n ? std::string(n.node().attribute("epub:type").value()) + "|" +
                   n.node().attribute("role").value()
             : std::string("missing");
  };
  EXPECT_EQ(type_of("letter"), "z3998:letter|");
  EXPECT_EQ(type_of("salutation"), "z3998:salutation|");
  EXPECT_EQ(type_of("signature"), "z3998:signature|");
  EXPECT_EQ(type_of("postscript"), "z3998:postscript|");
  EXPECT_EQ(type_of("dedication"), "dedication|doc-dedication");
  // The letter's dateline opens it; the section's closes it.
  EXPECT_TRUE(xml.select_node("//div[@class='letter']/p[@class='dateline opening']"));
  EXPECT_TRUE(xml.select_node("//section/p[@class='dateline']"));
}

// `# To Ada {.dedication}`: the class designs the section, in the EPUB as in print.
TEST(BlockDesignMarkup, RoleClassOnAHeadingIsTheSections) {
  auto src = manuscript::memory_source({{"book.yaml", "title: T\nauthor: A\nlang: en-GB\n"},
                                        {"a.md", "# To Ada {.dedication .special}\n\nFor Ada.\n"}});
  support::Diagnostics diags;
  auto m = manuscript::read_manuscript(*src, diags);
  ASSERT_TRUE(m);
  std::vector<std::string> files{"001.xhtml"};
  epub::ContentLinks links = epub::index_links(m->document, files);
  epub::SectionContext ctx{"T", "en-GB", "../css/book.css", epub::labels_for("en-GB"), links};
  epub::ContentDocument doc = epub::render_section(m->document.sections[0], files[0], ctx, diags);
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string(doc.xhtml.c_str()));
  EXPECT_TRUE(xml.select_node("//section[@class='dedication']/h1[@class='special']"));
}
