// Unit tests for toc.ncx: the print edition's pages as an NCX pageList.
#include "epub/navigation.hpp"

#include <gtest/gtest.h>

#include <pugixml.hpp>

using namespace folio;

namespace {

pugi::xml_document ncx(const std::vector<epub::NavPoint>& pages) {
  model::Metadata meta;
  meta.title.value = "T";
  epub::BookInfo book{
      meta, {"urn:uuid:x", "x"}, "en", "2024-01-01T00:00:00Z", epub::labels_for("en")};
  std::vector<epub::NavPoint> toc{{"One", "text/001-chapter.xhtml", {}},
                                  {"Two", "text/002-chapter.xhtml", {}}};
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(epub::ncx_document(book, toc, pages).c_str()));
  return doc;
}

std::string meta(const pugi::xml_document& doc, const char* name) {
  return doc.child("ncx")
      .child("head")
      .find_child_by_attribute("meta", "name", name)
      .attribute("content")
      .value();
}

}  // namespace

TEST(NcxDocument, NoPagesNoPageList) {
  auto doc = ncx({});
  EXPECT_FALSE(doc.child("ncx").child("pageList"));
  EXPECT_EQ(meta(doc, "dtb:totalPageCount"), "0");
  EXPECT_EQ(meta(doc, "dtb:maxPageNumber"), "0");
}

TEST(NcxDocument, PageListFollowsTheNavMapInPlayOrder) {
  auto doc = ncx({{"ix", "text/001-chapter.xhtml#page-ix", {}},
                  {"1", "text/001-chapter.xhtml#page-1", {}},
                  {"2", "text/002-chapter.xhtml#page-2", {}}});
  pugi::xml_node list = doc.child("ncx").child("pageList");
  ASSERT_TRUE(list);
  EXPECT_STREQ(list.child("navLabel").child("text").text().get(), "Pages");
  std::vector<pugi::xml_node> targets;
  for (pugi::xml_node t : list.children("pageTarget")) targets.push_back(t);
  ASSERT_EQ(targets.size(), 3u);
  // Roman front-matter folios have no numeric value.
  EXPECT_STREQ(targets[0].attribute("type").value(), "front");
  EXPECT_FALSE(targets[0].attribute("value"));
  EXPECT_STREQ(targets[1].attribute("type").value(), "normal");
  EXPECT_EQ(targets[2].attribute("value").as_int(), 2);
  // Two navPoints hold playOrder 1 and 2; the pages go on from 3 without gaps.
  for (int k = 0; k < 3; ++k) EXPECT_EQ(targets[k].attribute("playOrder").as_int(), 3 + k);
  EXPECT_STREQ(targets[2].child("content").attribute("src").value(),
               "text/002-chapter.xhtml#page-2");
  EXPECT_STREQ(targets[0].child("navLabel").child("text").text().get(), "ix");
  EXPECT_EQ(meta(doc, "dtb:totalPageCount"), "2");
  EXPECT_EQ(meta(doc, "dtb:maxPageNumber"), "2");
}
