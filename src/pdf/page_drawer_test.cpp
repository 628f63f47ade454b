// Drawing while typesetting: the same bytes as drawing the finished pages, pages in order.
#include "pdf/page_drawer.hpp"

#include <gtest/gtest.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "manuscript/reader.hpp"
#include "pdf/pdf_writer.hpp"
#include "tests/support/file_bytes.hpp"
#include "tests/support/read_fixture.hpp"

namespace folio::pdf {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  return test_support::file_bytes(p);
}

model::Document read(const fs::path& dir) {
  return test_support::read_fixture(dir);
}

// The PDF of `doc`, drawn while typeset (`streamed`) or from the finished pages.
std::string pdf_of(const model::Document& doc, unsigned threads, bool streamed,
                   const fs::path& out) {
  support::Diagnostics diags;
  PdfOptions o;
  o.output = out;
  o.threads = threads;
  o.source_date_epoch = "1700000000";
  bool wrote = false;
  if (streamed) {
    auto set = typeset_and_draw(doc, o, diags);
    EXPECT_TRUE(set && set->drawing);
    if (set) wrote = write_typeset_pdf(doc, set->paged, o, diags, set->drawing.get());
  } else {
    auto set = typeset_for_print(doc, o, diags);
    if (set) wrote = write_typeset_pdf(doc, *set, o, diags);
  }
  EXPECT_TRUE(wrote) << (diags.empty() ? "" : diags.items()[0].message);
  return slurp(out);
}

class PageDrawerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("folio-drawer-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(PageDrawerTest, DrawingWhileTypesettingGivesTheSameBytes) {
  for (const char* fixture : {"tests/manuscripts/chapters", "tests/editions/fixtures/long"}) {
    SCOPED_TRACE(fixture);
    model::Document doc = read(fs::path(FOLIO_SOURCE_DIR) / fixture);
    std::string finished = pdf_of(doc, 1, false, dir_ / "finished.pdf");
    ASSERT_GT(finished.size(), 1000u);
    EXPECT_TRUE(finished == pdf_of(doc, 1, true, dir_ / "streamed-1.pdf"));
    EXPECT_TRUE(finished == pdf_of(doc, 2, true, dir_ / "streamed-2.pdf"));
    EXPECT_TRUE(finished == pdf_of(doc, 4, true, dir_ / "streamed-4.pdf"));
  }
}

// The contents are drawn last; the post-pass puts their page back in its place, and their
// structure elements before the chapters'.
TEST_F(PageDrawerTest, ContentsDrawnLastComeBackInPlace) {
  model::Document doc = read(fs::path(FOLIO_SOURCE_DIR) / "tests/manuscripts/chapters");
  support::Diagnostics diags;
  PdfOptions o;
  o.output = dir_ / "chapters.pdf";
  auto set = typeset_and_draw(doc, o, diags);
  ASSERT_TRUE(set);
  const typeset::PagedDocument& paged = set->paged;
  ASSERT_LT(paged.late_begin, paged.late_end);
  ASSERT_TRUE(write_typeset_pdf(doc, paged, o, diags, set->drawing.get()));

  QPDF pdf;
  pdf.processFile(o.output.string().c_str());
  auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
  ASSERT_EQ(pages.size(), paged.pages.size());
  std::map<QPDFObjGen, std::size_t> rank;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    QPDFObjectHandle page = pages[i].getObjectHandle();
    rank[page.getObjGen()] = i;
    // Only the contents page has links: it is back at its own index.
    EXPECT_EQ(page.getKey("/Annots").isArray(), !paged.pages[i].links.empty()) << i;
  }
  EXPECT_TRUE(pages[paged.late_begin].getObjectHandle().getKey("/Annots").isArray());

  // The Document element's kids follow the pages, the contents heading among the first.
  QPDFObjectHandle document = pdf.getRoot().getKey("/StructTreeRoot").getKey("/K");
  if (document.isArray()) document = document.getArrayItem(0);
  QPDFObjectHandle kids = document.getKey("/K");
  ASSERT_TRUE(kids.isArray());
  std::size_t last = 0, contents_at = 0;
  for (int k = 0; k < kids.getArrayNItems(); ++k) {
    QPDFObjectHandle kid = kids.getArrayItem(k);
    QPDFObjectHandle pg = kid.getKey("/Pg");
    if (!pg.isIndirect()) continue;
    std::size_t p = rank.at(pg.getObjGen());
    EXPECT_GE(p, last) << "structure element " << k << " is out of page order";
    last = p;
    if (kid.getKey("/S").isNameAndEquals("/TOCI") && contents_at == 0)
      contents_at = static_cast<std::size_t>(k);
  }
  EXPECT_GT(contents_at, 0u);
  EXPECT_LT(contents_at, 10u);
}

// Text in another language than the book's is a /Span with its /Lang, in reading order, with
// the contents page (drawn last) between the title pages and the chapters. The rest of a
// paragraph holding one is in /Spans of no /Lang: Cairo gives marked content only to
// elements without children, so no element has both (its own text would be left unmarked).
TEST_F(PageDrawerTest, SpansInOtherLanguagesCarryLang) {
  std::vector<manuscript::SourceFile> files{
      {"book.yaml",
       "title: Tongues\nauthor: A. Uthor\nlang: en-GB\ncontents:\n  - one.md\n  - two.md\n"},
      {"one.md",
       "# One\n\nHe said [Guten Morgen, mein Herr]{lang=de} and sang [una canzone]{lang=it}.\n\n"
       "::: {lang=fr}\nIl \u00e9tait une fois.\n:::\n\nBack in [English]{lang=en-GB} here.\n"},
      {"two.md", "# Two\n\nAnd then [adi\u00f3s, amigos]{lang=es-MX} at last.\n"}};
  support::Diagnostics diags;
  auto m = manuscript::read_manuscript(*manuscript::memory_source(files), diags);
  ASSERT_TRUE(m);
  for (bool streamed : {false, true}) {
    fs::path out = dir_ / (streamed ? "streamed.pdf" : "finished.pdf");
    pdf_of(m->document, 2, streamed, out);
    QPDF pdf;
    pdf.processFile(out.string().c_str());
    EXPECT_EQ(pdf.getRoot().getKey("/Lang").getUTF8Value(), "en-GB");
    std::vector<std::string> langs;
    int spans_without_lang = 0;
    std::function<void(QPDFObjectHandle, int)> walk = [&](QPDFObjectHandle e, int depth) {
      if (!e.isDictionary() || depth > 64) return;
      if (e.getKey("/S").isNameAndEquals("/Span")) {
        if (e.getKey("/Lang").isString())
          langs.push_back(e.getKey("/Lang").getUTF8Value());
        else
          ++spans_without_lang;
      } else {
        EXPECT_FALSE(e.hasKey("/Lang"));
      }
      QPDFObjectHandle k = e.getKey("/K");
      if (k.isArray()) {
        bool mcids = false, elements = false;
        for (int i = 0; i < k.getArrayNItems(); ++i) {
          mcids = mcids || k.getArrayItem(i).isInteger();
          elements = elements || k.getArrayItem(i).getKey("/S").isName();
          walk(k.getArrayItem(i), depth + 1);
        }
        EXPECT_FALSE(mcids && elements) << "an element with both text and child elements";
      } else {
        walk(k, depth + 1);
      }
    };
    walk(pdf.getRoot().getKey("/StructTreeRoot"), 0);
    EXPECT_EQ(langs, (std::vector<std::string>{"de", "it", "fr", "es-MX"})) << streamed;
    // "He said ", " and sang ", "." and "And then ", " at last."
    EXPECT_EQ(spans_without_lang, 5) << streamed;
  }
}

}  // namespace
}  // namespace folio::pdf
