// Unit tests for EditionFacts: one decision of date, identifier, style, labels and imprint.
#include "facts/edition_facts.hpp"

#include <gtest/gtest.h>

using namespace folio;

namespace {

model::Document book(std::string lang) {
  model::Document doc;
  doc.metadata.title.value = "Dracula";
  doc.metadata.authors.push_back({"Bram Stoker", {}});
  doc.metadata.lang.value = std::move(lang);
  doc.metadata.date.value = "1897-05-26";
  return doc;
}

std::vector<std::string> kinds(const std::vector<facts::CopyrightLine>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines) out.push_back(l.kind);
  return out;
}

}  // namespace

// The edition line is book.yaml's `edition:` as written; `date:` never makes one up.
TEST(EditionFacts, EditionLineOnlyFromTheEditionKey) {
  model::Document doc = book("en-GB");
  doc.metadata.rights.value =
      "This ebook is released under the CC0 1.0 Universal Public Domain "
      "Dedication; the text itself is in the public domain.";
  doc.metadata.publisher.value = "Archibald Constable and Company";
  support::Diagnostics diags;
  auto f = facts::edition_facts(doc, {std::string("0"), "", {}}, diags);
  ASSERT_TRUE(f);
  EXPECT_EQ(kinds(f->copyright), (std::vector<std::string>{"rights", "publisher"}));
  for (const auto& l : f->copyright) EXPECT_EQ(l.text.find("1897"), std::string::npos) << l.text;

  doc.metadata.edition.value = "First edition 1897";
  f = facts::edition_facts(doc, {std::string("0"), "", {}}, diags);
  ASSERT_TRUE(f);
  EXPECT_EQ(kinds(f->copyright), (std::vector<std::string>{"rights", "edition", "publisher"}));
  EXPECT_EQ(f->copyright[1].text, "First edition 1897");
  EXPECT_EQ(f->copyright[2].text, "Published by Archibald Constable and Company");
  EXPECT_TRUE(diags.empty());
}

TEST(EditionFacts, CopyrightLinesInTheBooksLanguage) {
  model::Document doc = book("de");
  doc.metadata.publisher.value = "Insel";
  doc.metadata.identifier.value = "978-0-929087-40-5";
  support::Diagnostics diags;
  auto f = facts::edition_facts(doc, {std::string("0"), "", {}}, diags);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->labels->contents, "Inhalt");
  ASSERT_EQ(f->copyright.size(), 2u);
  EXPECT_EQ(f->copyright[0].text, "Erschienen bei Insel");
  EXPECT_EQ(f->copyright[1].kind, "isbn");
  EXPECT_EQ(f->copyright[1].text, "ISBN 978-0-929087-40-5");  // as written, hyphens kept
  EXPECT_EQ(f->identifier.value, "urn:isbn:9780929087405");
  for (const char* written :
       {"urn:isbn:9780929087405", "ISBN 9780929087405", "isbn:9780929087405"}) {
    doc.metadata.identifier.value = written;
    f = facts::edition_facts(doc, {std::string("0"), "", {}}, diags);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->copyright[1].text, "ISBN 9780929087405") << written;
  }
}

// A generated urn:uuid is no line of the copyright page; an identifier the author gives is.
TEST(EditionFacts, IdentifierLine) {
  model::Document doc = book("en");
  support::Diagnostics diags;
  auto f = facts::edition_facts(doc, {std::string("0"), "", {}}, diags);
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->copyright.empty());
  EXPECT_EQ(f->identifier.value.rfind("urn:uuid:", 0), 0u);
  doc.metadata.identifier.value = "doi:10.1000/182";
  f = facts::edition_facts(doc, {std::string("0"), "", {}}, diags);
  ASSERT_TRUE(f);
  ASSERT_EQ(f->copyright.size(), 1u);
  EXPECT_EQ(f->copyright[0].text, "doi:10.1000/182");
}

TEST(EditionFacts, BuildTimeFromSourceDateEpochBefore1970) {
  model::Document doc = book("en");
  support::Diagnostics diags;
  auto f = facts::edition_facts(doc, {std::string("-2291068800"), "", {}}, diags);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->build_time, -2291068800);
}

TEST(EditionFacts, ErrorsStopIt) {
  model::Document doc = book("en");
  support::Diagnostics diags;
  EXPECT_FALSE(facts::edition_facts(doc, {std::string("soon"), "", {}}, diags));
  EXPECT_TRUE(diags.has_errors());
  doc.metadata.identifier.value = "978-0-929087-40-6";  // wrong check digit
  support::Diagnostics isbn;
  EXPECT_FALSE(facts::edition_facts(doc, {std::string("0"), "", {}}, isbn));
  ASSERT_EQ(isbn.items().size(), 1u);
  EXPECT_EQ(isbn.items()[0].code, "epub-isbn-invalid");
}

TEST(EditionFacts, StyleChosenOnce) {
  model::Document doc = book("en");
  auto classic = facts::choose_style(doc, "", {});
  EXPECT_EQ(classic.name, "classic");
  EXPECT_FALSE(classic.from_book_yaml);
  ASSERT_TRUE(classic.path);
  EXPECT_EQ(classic.path->filename(), "classic.yaml");
  doc.metadata.style = {"libertine", {"book.yaml", 4, 8}};
  auto from_book = facts::choose_style(doc, "", {});
  EXPECT_EQ(from_book.name, "libertine");
  EXPECT_TRUE(from_book.from_book_yaml);
  EXPECT_EQ(from_book.where.line, 4);
  auto option = facts::choose_style(doc, "nonesuch", {});
  EXPECT_EQ(option.name, "nonesuch");
  EXPECT_FALSE(option.path);
}

// Without a build's facts (a stage called on its own), the metadata's are used, never failing.
TEST(EditionFacts, MetadataFactsNeverFail) {
  model::Document doc = book("fr");
  doc.metadata.identifier.value = "978-0-929087-40-6";
  facts::EditionFacts f = facts::metadata_facts(doc.metadata);
  EXPECT_EQ(f.labels->contents, "Table des matières");
  ASSERT_EQ(f.copyright.size(), 1u);
  EXPECT_EQ(f.copyright[0].text, "978-0-929087-40-6");
}
