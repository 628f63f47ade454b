// typeset_for_print + draw_page: the seed set into pages and painted on an image surface.
#include <cairo.h>
#include <gtest/gtest.h>

#include "manuscript/reader.hpp"
#include "pdf/cairo_render.hpp"
#include "pdf/pdf_writer.hpp"

namespace folio::pdf {
namespace {

TEST(DrawPage, PaintsTheSeedsTextInsideTheTextBlock) {
  support::Diagnostics diags;
  auto src = manuscript::open_folder(std::filesystem::path(FOLIO_SOURCE_DIR) / "manuscript", diags);
  ASSERT_TRUE(src);
  auto m = manuscript::read_manuscript(*src, diags);
  ASSERT_TRUE(m && !diags.has_errors());
  PdfOptions o;
  o.output = "seed.pdf";
  auto pages = typeset_for_print(m->document, o, diags);
  ASSERT_TRUE(pages) << (diags.empty() ? "" : diags.items()[0].message);
  ASSERT_GE(pages->pages.size(), 6u);
  EXPECT_DOUBLE_EQ(pages->width, 432);
  EXPECT_EQ(pages->pages[4].label, "v");  // the preface opens on the first roman recto after
                                          // half-title, blank, title and copyright pages

  // Page vi (a verso full of text) at 1 px per point on white.
  cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 432, 648);
  cairo_t* cr = cairo_create(img);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  draw_page(cr, *pages, 5);
  cairo_destroy(cr);
  cairo_surface_flush(img);
  const unsigned char* px = cairo_image_surface_get_data(img);
  int stride = cairo_image_surface_get_stride(img);
  auto dark = [&](int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x)
        if (px[y * stride + 4 * x + 1] < 128) ++n;
    return n;
  };
  // Verso: outside margin 50.4 pt on the left, inside 57.6 pt on the right.
  EXPECT_GT(dark(51, 60, 374, 580), 5000);  // the text block is full of ink
  EXPECT_EQ(dark(0, 45, 49, 600), 0);       // nothing in the outside margin
  EXPECT_EQ(dark(377, 0, 432, 648), 0);     // nothing in the inside margin
  EXPECT_GT(dark(51, 20, 380, 40), 50);     // the running head
  cairo_surface_destroy(img);
}

}  // namespace
}  // namespace folio::pdf
