// The EPUB's generated cover: the front design (cover/front_design) drawn into an indexed PNG.
#include "epub/cover.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>

#include "epub/png_encoder.hpp"

namespace folio::epub {
namespace {

struct CairoSurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};

}  // namespace

static_assert(kCoverWidth == cover::kDesignWidth,
              "the EPUB cover is the design at one pixel a unit");

std::optional<std::string> render_cover_png(const CoverText& text, const CoverFonts& fonts,
                                            std::string& error, int band_rows) {
  band_rows = std::clamp(band_rows, 1, kCoverHeight);
  const cover::FrontDesign design(text, fonts, kCoverHeight);
  auto draw = [&](cairo_t* cr) { design.draw(cr); };

  // Drawn a band of rows at a time into one small surface, each band the whole design moved
  // up by whole pixels (so its pixels are those of one big drawing): a 16 MB image would cost
  // more in fresh pages and fills than all the rest of the cover.
  std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter> band(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, kCoverWidth, band_rows));
  if (cairo_surface_status(band.get()) != CAIRO_STATUS_SUCCESS) {
    error = cairo_status_to_string(cairo_surface_status(band.get()));
    return std::nullopt;
  }
  int stride = cairo_image_surface_get_stride(band.get());
  int band_top = -1;
  auto row = [&](int y) -> const unsigned char* {
    if (band_top < 0 || y >= band_top + band_rows) {
      band_top = y - y % band_rows;
      std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(band.get()));
      cairo_translate(cr.get(), 0, -band_top);
      draw(cr.get());
      cairo_status_t status = cairo_status(cr.get());
      if (status != CAIRO_STATUS_SUCCESS) {
        error = cairo_status_to_string(status);
        return nullptr;
      }
      cairo_surface_flush(band.get());
    }
    return cairo_image_surface_get_data(band.get()) +
           static_cast<std::ptrdiff_t>(y - band_top) * stride;
  };
  auto byte = [](double v) { return static_cast<std::uint8_t>(std::lround(v * 255)); };
  auto rgb = [&](cover::Ink i) { return Rgb{byte(i.r), byte(i.g), byte(i.b)}; };
  std::string draw_error;
  auto png = encode_png_indexed(kCoverWidth, kCoverHeight, row, rgb(cover::kGround),
                                {rgb(cover::kText), rgb(cover::kAccent)}, draw_error);
  if (!png && error.empty()) error = draw_error;
  return png;
}

}  // namespace folio::epub
