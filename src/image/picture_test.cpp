// Pictures: measuring PNG, JPEG and SVG; what an SVG may not hold; decoding damaged data.
#include <gtest/gtest.h>

#include <string>

#include "image/picture.hpp"
#include "image/raster_decode.hpp"
#include "image/svg_inspect.hpp"
#include "image/svg_load.hpp"

namespace folio::image {
namespace {

std::string svg(const std::string& inner,
                const std::string& attrs = "width=\"200\" height=\"100\"") {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" " +
         attrs + ">\n" + inner + "\n</svg>\n";
}

std::string refusal(const std::string& bytes) {
  std::string why;
  auto p = measure_picture(bytes, why);
  EXPECT_FALSE(p) << bytes;
  return why;
}

// A 2×1 PNG (RGB, 8 bit) with a pHYs chunk of `ppm` pixels per metre when non-zero.
std::string png(unsigned ppm, bool damage_data = false) {
  auto chunk = [](const std::string& type, const std::string& data) {
    std::string c;
    auto be = [&](std::uint32_t v) {
      for (int s = 24; s >= 0; s -= 8) c += static_cast<char>((v >> s) & 0xFF);
    };
    be(static_cast<std::uint32_t>(data.size()));
    c += type + data;
    // CRC over type and data.
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char ch : type + data) {
      crc ^= ch;
      for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    be(crc ^ 0xFFFFFFFFu);
    return c;
  };
  std::string ihdr("\0\0\0\2\0\0\0\1\x08\x02\0\0\0", 13);
  std::string out("\x89PNG\r\n\x1A\n", 8);
  out += chunk("IHDR", ihdr);
  if (ppm) {
    std::string phys;
    for (int r = 0; r < 2; ++r)
      for (int s = 24; s >= 0; s -= 8) phys += static_cast<char>((ppm >> s) & 0xFF);
    phys += '\1';
    out += chunk("pHYs", phys);
  }
  // zlib of two scanlines' worth: filter 0 + 6 bytes, stored block.
  std::string raw("\0\xFF\0\0\0\0\xFF", 7);
  std::string z("\x78\x01\x01\x07\x00\xF8\xFF", 7);
  z += raw;
  std::uint32_t a = 1, b = 0;
  for (unsigned char ch : raw) {
    a = (a + ch) % 65521;
    b = (b + a) % 65521;
  }
  std::uint32_t adler = (b << 16) | a;
  for (int s = 24; s >= 0; s -= 8) z += static_cast<char>((adler >> s) & 0xFF);
  if (damage_data) z[0] = 0x12;  // not a zlib header
  out += chunk("IDAT", z);
  out += chunk("IEND", "");
  return out;
}

TEST(Picture, PngStatedResolutionSetsItsNaturalSize) {
  std::string why;
  auto p = measure_picture(png(11811), why);  // 300 ppi
  ASSERT_TRUE(p) << why;
  EXPECT_EQ(p->format, Format::png);
  EXPECT_NEAR(p->ppi, 300, 0.1);
  EXPECT_NEAR(p->width_pt, 2 * 72.0 / 300, 0.01);
  auto q = measure_picture(png(0), why);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->ppi, 0);
  EXPECT_NEAR(q->width_pt, 2 * 72.0 / kAssumedPpi, 0.001);  // none stated: print's 300 ppi
  EXPECT_NEAR(printed_ppi(*q, 144), 1, 0.001);              // 2 px over two inches
}

TEST(Picture, RasterDecodesAndDamagedDataIsRefused) {
  std::string why;
  auto good = measure_picture(png(0), why);
  ASSERT_TRUE(good) << why;
  EXPECT_TRUE(raster_decodes(*good, why)) << why;
  cairo_surface_t* s = decode_raster(*good, why);
  ASSERT_TRUE(s) << why;
  EXPECT_EQ(cairo_image_surface_get_width(s), 2);
  cairo_surface_destroy(s);
  auto bad = measure_picture(png(0, true), why);
  ASSERT_TRUE(bad);  // the chunks are whole: only decoding finds the damage
  EXPECT_FALSE(raster_decodes(*bad, why));
  EXPECT_NE(why.find("cannot be decoded"), std::string::npos) << why;
}

TEST(Picture, HugeDeclaredSizeIsRefusedFromTheHeader) {
  std::string bomb = png(0);
  // IHDR width and height 60000 × 60000 (CRC not checked by the header parse).
  bomb.replace(16, 8, std::string("\0\0\xEA\x60\0\0\xEA\x60", 8));
  std::string why = refusal(bomb);
  EXPECT_NE(why.find("larger than folio accepts"), std::string::npos) << why;
}

TEST(Picture, SvgSizeFromWidthHeightOrViewBox) {
  std::string why;
  auto p = measure_picture(svg("<path d=\"M0 0L10 10\"/>", "width=\"2in\" height=\"1in\""), why);
  ASSERT_TRUE(p) << why;
  EXPECT_EQ(p->format, Format::svg);
  EXPECT_NEAR(p->width_pt, 144, 1e-9);
  EXPECT_NEAR(p->aspect, 0.5, 1e-9);
  auto q = measure_picture(svg("<rect width=\"4\" height=\"3\"/>", "viewBox=\"0 0 400 300\""), why);
  ASSERT_TRUE(q) << why;
  EXPECT_EQ(q->width_pt, 0);  // takes the measure
  EXPECT_NEAR(q->aspect, 0.75, 1e-9);
  EXPECT_NE(refusal(svg("<rect/>", "")).find("no usable size"), std::string::npos);
}

TEST(Picture, SvgMayNotRunCodeOrReachOutside) {
  EXPECT_NE(refusal(svg("<script>alert(1)</script>"))
                .find("<script> element; folio never runs code "
                      "from a picture (line 2)"),
            std::string::npos);
  EXPECT_NE(refusal(svg("<rect onclick=\"x()\"/>")).find("event attribute"), std::string::npos);
  EXPECT_NE(
      refusal(svg("<image href=\"file:///etc/passwd\"/>")).find("'file:///etc/passwd' outside"),
      std::string::npos);
  EXPECT_NE(refusal(svg("<image xlink:href=\"../secret.png\"/>")).find("outside the file"),
            std::string::npos);
  EXPECT_NE(refusal(svg("<use href=\"http://example.com/a.svg#x\"/>")).find("outside the file"),
            std::string::npos);
  EXPECT_NE(refusal(svg("<rect fill=\"url(other.svg#g)\"/>")).find("url()"), std::string::npos);
  EXPECT_NE(refusal(svg("<style>@import 'x.css';</style>")).find("<style>"), std::string::npos);
  EXPECT_NE(refusal(svg("<foreignObject/>")).find("foreignObject"), std::string::npos);
  EXPECT_NE(
      refusal("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM \"/etc/passwd\">]>\n" +
              svg("<text>&x;</text>"))
          .find("entities (line 2)"),
      std::string::npos);
  EXPECT_NE(refusal(svg("<rect")).find("not well-formed"), std::string::npos);
  EXPECT_NE(refusal("<svg width=\"1\" height=\"1\"><rect/></svg>").find("namespace"),
            std::string::npos);
  // References to its own elements are fine, and librsvg reads it.
  std::string why;
  auto ok = measure_picture(
      svg("<defs><linearGradient id=\"g\"/></defs><rect id=\"r\" fill=\"url(#g)\" width=\"9\" "
          "height=\"9\"/><use xlink:href=\"#r\" x=\"20\"/>"),
      why);
  ASSERT_TRUE(ok) << why;
  RsvgHandle* h = load_svg(*ok, why);
  ASSERT_TRUE(h) << why;
  g_object_unref(h);
}

TEST(Picture, SvgOverTheLimitsIsRefused) {
  std::string many;
  for (std::size_t i = 0; i <= kMaxSvgElements; ++i) many += "<g/>";
  EXPECT_NE(refusal(svg(many)).find("more than 50000 elements"), std::string::npos);
  std::string deep;
  for (std::size_t i = 0; i < kMaxSvgDepth + 2; ++i) deep += "<g>";
  for (std::size_t i = 0; i < kMaxSvgDepth + 2; ++i) deep += "</g>";
  EXPECT_NE(refusal(svg(deep)).find("nest more than 64 deep"), std::string::npos);
  std::string big = svg("<!--" + std::string(kMaxSvgBytes, 'x') + "-->");
  EXPECT_NE(refusal(big).find("folio accepts SVG files of up to 4 MiB"), std::string::npos);
}

}  // namespace
}  // namespace folio::image
