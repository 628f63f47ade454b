// The printers' pass read back with libqpdf: PDF/X-1a keys, grey content, no transparency.
#include <cairo-pdf.h>
#include <cairo.h>
#include <gtest/gtest.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <fstream>
#include <functional>
#include <iterator>
#include <set>
#include <string>

#include "manuscript/reader.hpp"
#include "pdf/pdf_writer.hpp"
#include "pdf/post_pass.hpp"

namespace folio::pdf {
namespace {

using QOH = QPDFObjectHandle;

cairo_status_t append(void* out, const unsigned char* data, unsigned int n) {
  static_cast<std::string*>(out)->append(reinterpret_cast<const char*>(data), n);
  return CAIRO_STATUS_SUCCESS;
}

// A one-page Cairo PDF with what a figure can bring: red text, a half-transparent RGB image
// (an /SMask), a blue-to-white gradient, and optionally a shape drawn at 50 % opacity.
std::string cairo_page(bool with_opacity) {
  std::string pdf;
  cairo_surface_t* s = cairo_pdf_surface_create_for_stream(append, &pdf, 200, 200);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, "Grey test");
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2020-01-01T00:00:00Z");
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 0.8, 0.1, 0.1);
  cairo_move_to(cr, 20, 40);
  cairo_set_font_size(cr, 14);
  cairo_show_text(cr, "Red words");
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_rectangle(cr, 20, 50, 100, 1);
  cairo_fill(cr);
  cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 8, 8);
  unsigned char* px = cairo_image_surface_get_data(img);
  for (int i = 0; i < 64; ++i) {  // premultiplied: pure red at half alpha
    px[4 * i + 0] = 0, px[4 * i + 1] = 0, px[4 * i + 2] = 128, px[4 * i + 3] = 128;
  }
  cairo_surface_mark_dirty(img);
  cairo_set_source_surface(cr, img, 20, 60);
  cairo_paint(cr);
  cairo_surface_destroy(img);
  cairo_pattern_t* g = cairo_pattern_create_linear(20, 0, 180, 0);
  cairo_pattern_add_color_stop_rgb(g, 0, 0, 0, 1);
  cairo_pattern_add_color_stop_rgb(g, 1, 1, 1, 1);
  cairo_set_source(cr, g);
  cairo_rectangle(cr, 20, 100, 160, 30);
  cairo_fill(cr);
  cairo_pattern_destroy(g);
  if (with_opacity) {
    cairo_set_source_rgba(cr, 0, 0, 0, 0.5);
    cairo_rectangle(cr, 20, 150, 40, 40);
    cairo_fill(cr);
  }
  cairo_destroy(cr);
  cairo_surface_destroy(s);
  return pdf;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

PostPassInput input(bool with_opacity, PrintColour colour, bool pdfx) {
  PostPassInput in;
  in.pdf = cairo_page(with_opacity);
  PageBoxes b;
  for (double* r : {b.trim, b.bleed}) r[0] = 9, r[1] = 9, r[2] = 191, r[3] = 191;
  in.boxes = {b};
  in.labels = {"1"};
  in.producer = "test";
  in.outline = false;
  in.threads = 1;
  in.colour = colour;
  if (pdfx)
    in.pdfx = OutputIntent{read(kOutputIntentProfile), "Artifex CMYK SWOP Profile", "Custom"};
  return in;
}

// Every stream and dictionary reachable from the trailer, each once.
void walk(QOH o, std::set<QPDFObjGen>& seen, const std::function<void(QOH)>& visit) {
  if (o.isIndirect() && !seen.insert(o.getObjGen()).second) return;
  visit(o);
  if (o.isArray())
    for (QOH k : o.getArrayAsVector()) walk(k, seen, visit);
  QOH dict = o.isStream() ? o.getDict() : o;
  if (dict.isDictionary())
    for (auto& [key, v] : dict.getDictAsMap())
      if (key != "/Parent" && key != "/P") walk(v, seen, visit);
}

std::string content(QPDFPageObjectHelper& page) {
  std::string out;
  for (QOH s : page.getPageContents()) {
    std::shared_ptr<Buffer> b = s.getStreamData();
    out.append(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
  }
  return out;
}

TEST(PrintPdfx, IngramSparkInteriorIsPdfX1aInGreyWithoutTransparency) {
  std::string error;
  std::string bytes = post_process(input(false, PrintColour::grey, true), error);
  ASSERT_FALSE(bytes.empty()) << error;
  EXPECT_EQ(bytes.rfind("%PDF-1.3", 0), 0u);
  EXPECT_EQ(bytes.find("/ObjStm"), std::string::npos);
  EXPECT_EQ(bytes.find("/XRef"), std::string::npos);
  QPDF pdf;
  pdf.processMemoryFile("out.pdf", bytes.data(), bytes.size());
  QOH info = pdf.getTrailer().getKey("/Info");
  EXPECT_EQ(info.getKey("/GTS_PDFXVersion").getUTF8Value(), "PDF/X-1:2001");
  EXPECT_EQ(info.getKey("/GTS_PDFXConformance").getUTF8Value(), "PDF/X-1a:2001");
  EXPECT_TRUE(info.getKey("/Trapped").isNameAndEquals("/False"));
  EXPECT_EQ(info.getKey("/Title").getUTF8Value(), "Grey test");
  EXPECT_TRUE(pdf.getTrailer().getKey("/ID").isArray());
  QOH intents = pdf.getRoot().getKey("/OutputIntents");
  ASSERT_TRUE(intents.isArray());
  ASSERT_EQ(intents.getArrayNItems(), 1);
  QOH oi = intents.getArrayItem(0);
  EXPECT_TRUE(oi.getKey("/S").isNameAndEquals("/GTS_PDFX"));
  EXPECT_FALSE(oi.getKey("/OutputConditionIdentifier").getUTF8Value().empty());
  QOH icc = oi.getKey("/DestOutputProfile");
  ASSERT_TRUE(icc.isStream());
  EXPECT_EQ(icc.getDict().getKey("/N").getIntValue(), 4);
  for (const char* gone : {"/StructTreeRoot", "/MarkInfo", "/Metadata", "/Outlines"})
    EXPECT_FALSE(pdf.getRoot().hasKey(gone)) << gone;

  int pages = 0;
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    ++pages;
    QOH d = page.getObjectHandle();
    EXPECT_FALSE(d.hasKey("/Group"));
    EXPECT_FALSE(d.hasKey("/Annots"));
    EXPECT_TRUE(d.getKey("/TrimBox").isRectangle());
    EXPECT_TRUE(d.getKey("/BleedBox").isRectangle());
    EXPECT_FALSE(d.hasKey("/ArtBox"));  // X-1a: TrimBox or ArtBox, not both
    std::string c = content(page);
    EXPECT_EQ(c.find(" rg"), std::string::npos) << c;
    EXPECT_EQ(c.find(" RG"), std::string::npos);
    EXPECT_NE(c.find("0 g"), std::string::npos) << "black is pure K: " << c;
  }
  EXPECT_EQ(pages, 1);

  int images = 0, shadings = 0;
  std::set<QPDFObjGen> seen;
  walk(pdf.getTrailer(), seen, [&](QOH o) {
    QOH d = o.isStream() ? o.getDict() : o;
    if (!d.isDictionary()) return;
    EXPECT_FALSE(d.hasKey("/SMask")) << "soft mask left";
    for (const char* a : {"/CA", "/ca"})
      if (d.hasKey(a)) {
        EXPECT_GE(d.getKey(a).getNumericValue(), 1.0);
      }
    QOH cs = d.getKey("/ColorSpace");
    EXPECT_FALSE(cs.isNameAndEquals("/DeviceRGB"));
    EXPECT_FALSE(cs.isArray() && cs.getArrayItem(0).isNameAndEquals("/ICCBased"));
    if (d.getKey("/Subtype").isNameAndEquals("/Image")) {
      ++images;
      EXPECT_TRUE(cs.isNameAndEquals("/DeviceGray"));
      // Red at half alpha over white paper: (1, .5, .5) -> luma .299 + .5 × .701 = .65.
      std::shared_ptr<Buffer> px = o.getStreamData();
      ASSERT_GE(px->getSize(), 64u);
      EXPECT_NEAR(px->getBuffer()[0], 166, 2);
    }
    if (d.hasKey("/ShadingType")) {
      ++shadings;
      EXPECT_TRUE(cs.isNameAndEquals("/DeviceGray"));
    }
  });
  EXPECT_EQ(images, 1);
  EXPECT_EQ(shadings, 1);
}

TEST(PrintPdfx, KdpInteriorKeepsRgbButHasNoTransparency) {
  std::string error;
  std::string bytes = post_process(input(false, PrintColour::flat, false), error);
  ASSERT_FALSE(bytes.empty()) << error;
  QPDF pdf;
  pdf.processMemoryFile("out.pdf", bytes.data(), bytes.size());
  EXPECT_FALSE(pdf.getRoot().hasKey("/OutputIntents"));
  std::set<QPDFObjGen> seen;
  int rgb_images = 0;
  walk(pdf.getTrailer(), seen, [&](QOH o) {
    QOH d = o.isStream() ? o.getDict() : o;
    if (!d.isDictionary()) return;
    EXPECT_FALSE(d.hasKey("/SMask"));
    EXPECT_FALSE(d.getKey("/S").isNameAndEquals("/Transparency")) << "a transparency group";
    if (d.getKey("/Subtype").isNameAndEquals("/Image") &&
        d.getKey("/ColorSpace").isNameAndEquals("/DeviceRGB")) {
      ++rgb_images;
      std::shared_ptr<Buffer> px = o.getStreamData();
      EXPECT_EQ(px->getBuffer()[0], 255);  // red over white
      EXPECT_NEAR(px->getBuffer()[1], 127, 1);
    }
  });
  EXPECT_EQ(rgb_images, 1);

  // The screen PDF, for contrast, is Cairo's: a transparency group and the soft mask.
  std::string screen = post_process(input(false, PrintColour::as_drawn, false), error);
  EXPECT_NE(screen.find("/SMask"), std::string::npos);
}

TEST(PrintPdfx, OpacityBelowOneCannotBeFlattenedAndIsRefused) {
  std::string error;
  EXPECT_TRUE(post_process(input(true, PrintColour::grey, true), error).empty());
  EXPECT_NE(error.find("opacity"), std::string::npos) << error;
}

TEST(PrintPdfx, AMissingOutputIntentProfileIsAnError) {
  support::Diagnostics diags;
  auto src = manuscript::open_folder(std::filesystem::path(FOLIO_SOURCE_DIR) / "manuscript", diags);
  ASSERT_TRUE(src);
  auto m = manuscript::read_manuscript(*src, diags);
  ASSERT_TRUE(m && !diags.has_errors());
  PdfOptions o;
  o.output = std::filesystem::path(::testing::TempDir()) / "no-profile.pdf";
  o.printer = style::Printer::ingramspark;
  o.navigation = false;
  o.output_intent_profile = "/nonexistent/cmyk.icc";
  o.style_dirs = {std::filesystem::path(FOLIO_SOURCE_DIR) / "styles"};
  o.source_date_epoch = "0";
  o.threads = 1;
  EXPECT_FALSE(write_pdf(m->document, o, diags));
  ASSERT_FALSE(diags.items().empty());
  EXPECT_EQ(diags.items().back().code, "pdf-output-intent");
  EXPECT_FALSE(std::filesystem::exists(o.output));
}

}  // namespace
}  // namespace folio::pdf
