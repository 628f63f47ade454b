// The EPUB's generated pages take their words and copyright lines from the shared facts.
#include "epub/front_matter.hpp"

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "epub/navigation.hpp"
#include "facts/edition_facts.hpp"

using namespace folio;

namespace {

model::Metadata metadata(std::string lang) {
  model::Metadata m;
  m.title.value = "Dracula";
  m.authors.push_back({"Bram Stoker", {}});
  m.lang.value = std::move(lang);
  m.date.value = "1897-05-26";
  return m;
}

epub::BookInfo info(const model::Metadata& meta, const facts::EditionFacts& f) {
  return {meta, f.identifier, f.lang, "2024-01-01T00:00:00Z", *f.labels, f.copyright};
}

pugi::xml_node by_class(const pugi::xml_document& doc, const char* cls) {
  return doc.find_node(
      [&](pugi::xml_node n) { return std::string(n.attribute("class").value()) == cls; });
}

}  // namespace

// The navigation document's contents heading is in the book's language, as the PDF's contents
// page is (typeset/front_matter_test); a language folio has no words for gets English, marked.
TEST(FrontMatterEpub, ContentsHeadingInTheBooksLanguage) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"en-GB", "Contents"}, {"de", "Inhalt"}, {"fr", "Table des matières"},
      {"es", "Índice"},      {"it", "Indice"}, {"tlh", "Contents"}};
  for (const auto& [lang, heading] : cases) {
    SCOPED_TRACE(lang);
    model::Metadata meta = metadata(lang);
    facts::EditionFacts f = facts::metadata_facts(meta);
    pugi::xml_document nav;
    ASSERT_TRUE(nav.load_string(
        epub::nav_document(info(meta, f), {{"One", "text/001.xhtml", {}}}, {}, "css/book.css", {})
            .c_str()));
    pugi::xml_node h1 =
        nav.find_node([](pugi::xml_node n) { return std::string(n.name()) == "h1"; });
    ASSERT_TRUE(h1);
    EXPECT_EQ(std::string(h1.text().get()), heading);
    EXPECT_EQ(std::string(nav.child("html").child("head").child("title").text().get()), heading);
    // Generated English in a book of another language says so; in its own language, nothing.
    EXPECT_EQ(std::string(h1.attribute("lang").value()), lang == "tlh" ? "en" : "");
  }
}

// The copyright page shows the facts' lines: the edition only from `edition:`, never from the
// date; the publisher line in the book's language.
TEST(FrontMatterEpub, ImprintShowsTheSharedCopyrightLines) {
  model::Metadata meta = metadata("de");
  meta.rights.value = "Gemeinfrei.";
  meta.publisher.value = "Insel";
  {
    facts::EditionFacts f = facts::metadata_facts(meta);
    pugi::xml_document page;
    ASSERT_TRUE(page.load_string(epub::imprint_page(info(meta, f), "../css/book.css").c_str()));
    EXPECT_FALSE(by_class(page, "edition"));
    EXPECT_EQ(std::string(by_class(page, "publisher").text().get()), "Erschienen bei Insel");
    EXPECT_EQ(std::string(by_class(page, "rights").text().get()), "Gemeinfrei.");
  }
  meta.edition.value = "Erste Auflage 1897";
  facts::EditionFacts f = facts::metadata_facts(meta);
  epub::BookInfo book = info(meta, f);
  EXPECT_TRUE(epub::has_imprint(book));
  pugi::xml_document page;
  ASSERT_TRUE(page.load_string(epub::imprint_page(book, "../css/book.css").c_str()));
  EXPECT_EQ(std::string(by_class(page, "edition").text().get()), "Erste Auflage 1897");
}

TEST(FrontMatterEpub, NoCopyrightLinesNoImprint) {
  model::Metadata meta = metadata("en");
  facts::EditionFacts f = facts::metadata_facts(meta);
  EXPECT_FALSE(epub::has_imprint(info(meta, f)));
}
