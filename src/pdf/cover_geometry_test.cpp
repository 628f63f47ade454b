// The wrap's geometry against the printers' formulas, and the cover PDF's boxes and bytes.
#include "pdf/cover_geometry.hpp"

#include <gtest/gtest.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include "pdf/cover_wrap.hpp"

using namespace folio;

namespace {

constexpr double kInch = 72;

std::vector<double> box_of(QPDFObjectHandle page, const char* key) {
  std::vector<double> out;
  for (auto& v : page.getKey(key).getArrayAsVector()) out.push_back(v.getNumericValue());
  return out;
}

}  // namespace

TEST(CoverGeometry, KdpSpineAndSheetFor24_300_800Pages) {
  const style::PrintProfile& kdp = style::print_profile(style::Printer::kdp);
  for (std::size_t pages : {24u, 300u, 800u}) {
    for (auto [paper, per_page] :
         {std::pair{style::Paper::white, 0.002252}, std::pair{style::Paper::cream, 0.0025}}) {
      pdf::CoverGeometry g = pdf::cover_geometry(kdp, paper, pages, 6 * kInch, 9 * kInch);
      double spine_in = static_cast<double>(pages) * per_page;
      EXPECT_NEAR(g.spine, spine_in * kInch, 1e-9) << pages;
      // KDP: width = bleed + back + spine + front + bleed; height = bleed + trim + bleed.
      EXPECT_NEAR(g.sheet_width, (0.125 + 6 + spine_in + 6 + 0.125) * kInch, 1e-9) << pages;
      EXPECT_NEAR(g.sheet_height, (0.125 + 9 + 0.125) * kInch, 1e-9);
      EXPECT_NEAR(g.front.x, (0.125 + 6 + spine_in) * kInch, 1e-9);
      // Spine text only from 79 pages.
      EXPECT_EQ(g.spine_text, pages >= 79) << pages;
    }
  }
}

TEST(CoverGeometry, IngramSparkKeepsItsOwnSafeAreaAndSpineTextMinimum) {
  const style::PrintProfile& is = style::print_profile(style::Printer::ingramspark);
  // Below 48 pages no spine text; at 48 (0.12 in) the folds' 0.0625 in clearances leave no
  // room; at 60 (0.15 in) there is.
  EXPECT_FALSE(pdf::cover_geometry(is, style::Paper::cream, 47, 432, 648).spine_text);
  EXPECT_FALSE(pdf::cover_geometry(is, style::Paper::cream, 48, 432, 648).spine_text);
  pdf::CoverGeometry thick = pdf::cover_geometry(is, style::Paper::cream, 60, 432, 648);
  EXPECT_TRUE(thick.spine_text);
  EXPECT_NEAR(thick.front_safe.x - thick.front.x, 0.25 * kInch, 1e-9);
  // The barcode area sits inside the back, clear of the trim by its margin.
  EXPECT_NEAR(thick.back.x + thick.back.width - (thick.barcode.x + thick.barcode.width),
              0.25 * kInch, 1e-9);
  EXPECT_NEAR(thick.barcode.width, 1.75 * kInch, 1e-9);
  EXPECT_LT(thick.barcode.x + thick.barcode.width, thick.spine_panel.x);
}

TEST(CoverWrap, PdfHasTheSheetAsBleedBoxAndTheWrapAsTrimBoxAndIsDeterministic) {
  const style::PrintProfile& kdp = style::print_profile(style::Printer::kdp);
  pdf::CoverGeometry g = pdf::cover_geometry(kdp, style::Paper::white, 300, 432, 648);
  pdf::CoverContent c;
  c.text = {"A Test of Covers", "With a Subtitle", "A. N. Author", "en"};
  c.description = "A book about covers, their spines and their backs, long enough to wrap.";
  c.body_family = "EB Garamond 12";
  pdf::CoverPdfOptions o;
  o.date = "D:20240101000000Z";
  o.title = c.text.title;
  for (bool marks : {false, true}) {
    o.crop_marks = marks;
    std::string error;
    std::string a = pdf::cover_pdf(g, c, o, error);
    ASSERT_FALSE(a.empty()) << error;
    EXPECT_EQ(a, pdf::cover_pdf(g, c, o, error)) << "the same cover gives the same bytes";
    QPDF q;
    q.processMemoryFile("cover.pdf", a.data(), a.size());
    auto pages = QPDFPageDocumentHelper(q).getAllPages();
    ASSERT_EQ(pages.size(), 1u);
    QPDFObjectHandle page = pages[0].getObjectHandle();
    double slug = marks ? 24 : 0;
    std::vector<double> media = box_of(page, "/MediaBox"), trim = box_of(page, "/TrimBox"),
                        bleed = box_of(page, "/BleedBox");
    EXPECT_NEAR(media[2], g.sheet_width + 2 * slug, 0.01);
    EXPECT_NEAR(media[3], g.sheet_height + 2 * slug, 0.01);
    EXPECT_NEAR(bleed[2] - bleed[0], g.sheet_width, 0.01);
    EXPECT_NEAR(trim[2] - trim[0], 2 * 432 + g.spine, 0.01);
    EXPECT_NEAR(trim[3] - trim[1], 648, 0.01);
  }
}
