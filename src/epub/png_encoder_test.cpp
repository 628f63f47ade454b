// The indexed cover PNG read back with libpng: every pixel within 2 levels of what Cairo drew.
#include "epub/png_encoder.hpp"

#include "epub/cover.hpp"

#include <gtest/gtest.h>
#include <png.h>

#include <cstdlib>
#include <cstring>
#include <vector>

namespace folio::epub {
namespace {

struct Image {
  int width = 0, height = 0;
  std::vector<unsigned char> rgb;
  bool indexed = false;
};

// Decodes PNG bytes with libpng's simplified API.
Image decode(const std::string& png) {
  Image out;
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, png.data(), png.size())) return out;
  out.indexed = (image.format & PNG_FORMAT_FLAG_COLORMAP) != 0;
  image.format = PNG_FORMAT_RGB;
  out.width = static_cast<int>(image.width);
  out.height = static_cast<int>(image.height);
  out.rgb.resize(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, out.rgb.data(), 0, nullptr)) out.rgb.clear();
  return out;
}

TEST(PngEncoder, IndexedCoverKeepsEveryPixelWithinTwoLevels) {
  const int w = 400, h = 300;
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 0.953, 0.933, 0.894);  // the cover's ground and inks
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0.129, 0.122, 0.110);
  cairo_set_line_width(cr, 3.3);  // antialiased edges: blends of ground and ink
  cairo_arc(cr, 150, 150, 90, 0, 6.283);
  cairo_stroke(cr);
  cairo_select_font_face(cr, "serif", CAIRO_FONT_SLANT_ITALIC, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 41);
  cairo_move_to(cr, 40, 260);
  cairo_show_text(cr, "Ledger, Qfi");
  cairo_set_source_rgb(cr, 0.553, 0.122, 0.106);
  cairo_move_to(cr, 260, 40);
  cairo_line_to(cr, 390, 290);
  cairo_stroke(cr);
  cairo_destroy(cr);
  cairo_surface_flush(s);

  std::string error;
  auto png = encode_png_indexed(s, {243, 238, 228}, {{33, 31, 28}, {141, 31, 27}}, error);
  ASSERT_TRUE(png) << error;
  Image img = decode(*png);
  ASSERT_EQ(img.width, w);
  ASSERT_EQ(img.height, h);
  ASSERT_FALSE(img.rgb.empty());
  EXPECT_TRUE(img.indexed);
  const unsigned char* data = cairo_image_surface_get_data(s);
  int stride = cairo_image_surface_get_stride(s);
  int worst = 0, blended = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      std::uint32_t px;
      std::memcpy(&px, data + y * stride + 4 * x, 4);
      int want[3] = {int(px >> 16 & 0xFF), int(px >> 8 & 0xFF), int(px & 0xFF)};
      const unsigned char* got = &img.rgb[3 * (static_cast<std::size_t>(y) * w + x)];
      for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(want[c] - got[c]));
      if (want[0] != 243 && want[0] != 33 && want[0] != 141) ++blended;
    }
  EXPECT_GT(blended, 500);  // the drawing did antialias: there were blends to map
  EXPECT_LE(worst, 2);
  cairo_surface_destroy(s);
}

// The cover is drawn a band of rows at a time: the bytes are those of one drawing of the whole
// (a long title and subtitle, so text and rules cross band edges).
TEST(PngEncoder, CoverDrawnInBandsIsTheWholeDrawing) {
  CoverText text{"The Extraordinarily Long and Winding Title of a Book That Wraps: \u00c6r\u00f8",
                 "A Subtitle, Also Long, That Crosses Band Boundaries Somewhere",
                 "Ada Lovelace, Charles Babbage", "en-US"};
  std::string error;
  auto whole = render_cover_png(text, CoverFonts{}, error, kCoverHeight);
  ASSERT_TRUE(whole) << error;
  Image image = decode(*whole);
  ASSERT_EQ(image.width, kCoverWidth);
  ASSERT_EQ(image.height, kCoverHeight);
  EXPECT_TRUE(*whole == *render_cover_png(text, CoverFonts{}, error));       // kCoverBandRows
  EXPECT_TRUE(*whole == *render_cover_png(text, CoverFonts{}, error, 100));  // a ragged last band
  EXPECT_TRUE(*whole == *render_cover_png(text, CoverFonts{}, error, 1));
}

TEST(PngEncoder, RefusesMoreThanTwoInks) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 4, 4);
  std::string error;
  EXPECT_FALSE(encode_png_indexed(s, {0, 0, 0}, {{1, 1, 1}, {2, 2, 2}, {3, 3, 3}}, error));
  EXPECT_FALSE(error.empty());
  cairo_surface_destroy(s);
}

}  // namespace
}  // namespace folio::epub
