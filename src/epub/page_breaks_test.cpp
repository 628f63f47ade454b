// Unit tests for page-break markers: placed before the right letter, words never split.
#include "epub/page_breaks.hpp"

#include <gtest/gtest.h>

#include <sstream>

using namespace folio;

namespace {

std::string xml_of(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration);
  return out.str();
}

TEST(PageBreaks, LettersSkipSpacesAndNoBreakSpaces) {
  EXPECT_EQ(epub::letters_before("ab cd", 3), 2u);
  EXPECT_EQ(epub::letters_before("a\u00A0b\nc", 5), 2u);
  EXPECT_EQ(epub::letters_before("é f", 3), 1u);  // code points, not bytes
}

TEST(PageBreaks, SplitsTheTextNodeBeforeTheWord) {
  pugi::xml_document doc;
  doc.load_string("<section><p>one <em>two three</em> four</p></section>");
  epub::insert_page_break(doc.child("section").child("p"), 6, "12", "page-12");
  EXPECT_EQ(xml_of(doc),
            "<section><p>one <em>two <span epub:type=\"pagebreak\" role=\"doc-pagebreak\" "
            "id=\"page-12\" aria-label=\"12\"/>three</em> four</p></section>");
}

TEST(PageBreaks, NoteReferencesDoNotCount) {
  pugi::xml_document doc;
  doc.load_string("<section><p>ab<sup><a epub:type=\"noteref\">1</a></sup> cd</p></section>");
  epub::insert_page_break(doc.child("section").child("p"), 2, "3", "page-3");
  EXPECT_NE(xml_of(doc).find("</sup> <span epub:type=\"pagebreak\""), std::string::npos)
      << xml_of(doc);
}

TEST(PageBreaks, AtTheFirstLetterTheMarkerPrecedesTheBlock) {
  pugi::xml_document doc;
  doc.load_string("<section><h1>Title</h1></section>");
  epub::insert_page_break(doc.child("section").child("h1"), 0, "v", "page-v");
  EXPECT_EQ(xml_of(doc),
            "<section><span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"page-v\" "
            "aria-label=\"v\"/><h1>Title</h1></section>");
}

}  // namespace
