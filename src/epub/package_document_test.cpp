// Unit tests for package.opf: names, dates and the accessibility claim.
#include "epub/package_document.hpp"

#include <gtest/gtest.h>
#include <pugixml.hpp>

using namespace folio;

TEST(PackageDocument, FileAs) {
  EXPECT_EQ(epub::file_as("David North"), "North, David");
  EXPECT_EQ(epub::file_as("Leon Davidovich Trotsky"), "Trotsky, Leon Davidovich");
  EXPECT_EQ(epub::file_as("Homer"), "Homer");
  EXPECT_EQ(epub::file_as("North, David"), "North, David");
}

TEST(PackageDocument, W3cDates) {
  for (const char* ok : {"1989", "1989-07", "1989-07-28", "1989-07-28T10:00:00Z",
                         "1989-07-28T10:00+02:00", "1989-07-31T23:59:59.25-05:00"})
    EXPECT_TRUE(epub::is_w3c_date(ok)) << ok;
  for (const char* bad : {"July 1989", "1989-13-01", "89-07-28", "1989-07-28 10:00", "", "1989-00",
                          "1989-07-32", "1989-07-28T10:00", "1989-07-28T24:00Z",
                          "1989-07-28T10:00:00.Z", "1989-07-28T10:00Z ", "1989-7-28"})
    EXPECT_FALSE(epub::is_w3c_date(bad)) << bad;
}

namespace {

pugi::xml_document package(const epub::AccessibilityFacts& facts, model::Metadata& meta,
                           support::Diagnostics& diags) {
  meta.title.value = "T";
  meta.subtitle.value = "S";
  meta.authors = {{"Ann Author", {}}};
  epub::BookInfo book{meta,
                      {"urn:isbn:9780929087405", "9780929087405"},
                      "de",
                      "2024-01-01T00:00:00Z",
                      epub::labels_for("de")};
  std::vector<epub::ManifestItem> items{
      {"nav", "nav.xhtml", "application/xhtml+xml", "nav", true, ""},
      {"ncx", "toc.ncx", "application/x-dtbncx+xml", "", false, ""},
      {"cover-image", "images/cover.png", "image/png", "cover-image", false, ""}};
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(epub::package_document(book, items, facts, diags).c_str()));
  return doc;
}

std::vector<std::string> values(const pugi::xml_document& doc, const char* property) {
  std::vector<std::string> out;
  for (auto n : doc.select_nodes((std::string("//meta[@property='") + property + "']").c_str()))
    out.push_back(n.node().text().get());
  return out;
}

}  // namespace

TEST(PackageDocument, MetadataAndSpine) {
  model::Metadata meta;
  meta.date = {"28 July 1989", {"book.yaml", 4, 7}};
  support::Diagnostics diags;
  auto doc = package({}, meta, diags);
  EXPECT_EQ(std::string(doc.child("package").attribute("xml:lang").value()), "de");
  EXPECT_EQ(std::string(doc.select_node("//*[@id='pub-id']").node().text().get()),
            "urn:isbn:9780929087405");
  EXPECT_EQ(values(doc, "identifier-type"), std::vector<std::string>{"15"});
  EXPECT_EQ(values(doc, "title-type"), (std::vector<std::string>{"main", "subtitle"}));
  EXPECT_EQ(values(doc, "file-as"), std::vector<std::string>{"Author, Ann"});
  EXPECT_EQ(values(doc, "dcterms:modified"), std::vector<std::string>{"2024-01-01T00:00:00Z"});
  EXPECT_EQ(std::string(doc.select_node("//spine").node().attribute("toc").value()), "ncx");
  EXPECT_EQ(doc.select_nodes("//spine/itemref").size(), 1u);
  // A date EPUB cannot carry is left out, with a warning at its position.
  EXPECT_EQ(doc.select_nodes("//*[local-name()='date']").size(), 0u);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "epub-date-format");
  EXPECT_EQ(diags.items()[0].pos.line, 4);
  // The English summary is marked as English inside a German book.
  EXPECT_EQ(std::string(doc.select_node("//meta[@property='schema:accessibilitySummary']")
                            .node()
                            .attribute("xml:lang")
                            .value()),
            "en");
}

TEST(PackageDocument, AccessibilityFollowsTheContent) {
  model::Metadata meta;
  support::Diagnostics diags;
  epub::AccessibilityFacts text_only{.has_headings = true, .has_toc = true};
  auto doc = package(text_only, meta, diags);
  EXPECT_EQ(values(doc, "schema:accessMode"), std::vector<std::string>{"textual"});
  EXPECT_EQ(values(doc, "schema:accessModeSufficient"), std::vector<std::string>{"textual"});
  auto features = values(doc, "schema:accessibilityFeature");
  EXPECT_NE(std::find(features.begin(), features.end(), "tableOfContents"), features.end());
  EXPECT_EQ(std::find(features.begin(), features.end(), "alternativeText"), features.end());
  EXPECT_EQ(values(doc, "schema:accessibilityHazard"), std::vector<std::string>{"none"});
  EXPECT_EQ(values(doc, "dcterms:conformsTo"),
            std::vector<std::string>{"EPUB Accessibility 1.1 - WCAG 2.2 Level AA"});

  epub::AccessibilityFacts pictures{.has_images = true, .all_images_have_alt = true};
  auto with_alt = package(pictures, meta, diags);
  features = values(with_alt, "schema:accessibilityFeature");
  EXPECT_NE(std::find(features.begin(), features.end(), "alternativeText"), features.end());
  EXPECT_EQ(values(with_alt, "schema:accessMode"), (std::vector<std::string>{"textual", "visual"}));

  // One image without a text alternative: text alone no longer suffices, and no claim.
  pictures.all_images_have_alt = false;
  auto without = package(pictures, meta, diags);
  EXPECT_EQ(values(without, "schema:accessModeSufficient"),
            std::vector<std::string>{"textual,visual"});
  EXPECT_TRUE(values(without, "dcterms:conformsTo").empty());
  features = values(without, "schema:accessibilityFeature");
  EXPECT_EQ(std::find(features.begin(), features.end(), "alternativeText"), features.end());
}
