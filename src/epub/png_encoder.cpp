// PNG encoding of a drawn Cairo image with libpng: one fixed row filter, run-length deflate.
#include "epub/png_encoder.hpp"

#include <png.h>
#include <zlib.h>

#include <csetjmp>
#include <cstdint>
#include <cstring>
#include <vector>

namespace folio::epub {
namespace {

void append_to_string(png_structp png, png_bytep data, png_size_t size) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), size);
}

void flush_nothing(png_structp) {}

// Cairo stores a pixel as a native-endian 32-bit xRGB word; PNG wants R, G, B bytes.
void to_rgb(const unsigned char* cairo_row, int width, png_byte* out) {
  for (int x = 0; x < width; ++x) {
    std::uint32_t px;
    std::memcpy(&px, cairo_row + 4 * x, 4);
    out[3 * x] = static_cast<png_byte>(px >> 16);
    out[3 * x + 1] = static_cast<png_byte>(px >> 8);
    out[3 * x + 2] = static_cast<png_byte>(px);
  }
}

}  // namespace

std::optional<std::string> encode_png(cairo_surface_t* surface, std::string& error) {
  cairo_surface_flush(surface);
  cairo_format_t format = cairo_image_surface_get_format(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  if (!data || (format != CAIRO_FORMAT_RGB24 && format != CAIRO_FORMAT_ARGB32)) {
    error = "the cover is not an RGB image";
    return std::nullopt;
  }
  int width = cairo_image_surface_get_width(surface);
  int height = cairo_image_surface_get_height(surface);
  int stride = cairo_image_surface_get_stride(surface);
  // Everything with a destructor lives before setjmp, so libpng's longjmp skips none.
  std::string png;
  std::vector<png_byte> row(static_cast<std::size_t>(width) * 3);
  png_structp writer = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = writer ? png_create_info_struct(writer) : nullptr;
  if (!info) {
    png_destroy_write_struct(&writer, nullptr);
    error = "libpng could not start";
    return std::nullopt;
  }
  if (setjmp(png_jmpbuf(writer))) {
    png_destroy_write_struct(&writer, &info);
    error = "libpng could not encode the cover";
    return std::nullopt;
  }
  png_set_write_fn(writer, &png, append_to_string, flush_nothing);
  png_set_IHDR(writer, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
               PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_set_filter(writer, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
  // A drawn cover is flat ground and a few strokes: after the SUB filter its rows are mostly
  // zeros, which run-length deflate packs at a third of the default strategy's time (12 MB of
  // rows: 77 ms → 22 ms) for a file 148 KB instead of 84 KB.
  png_set_compression_strategy(writer, Z_RLE);
  png_write_info(writer, info);
  for (int y = 0; y < height; ++y) {
    to_rgb(data + static_cast<std::ptrdiff_t>(y) * stride, width, row.data());
    png_write_row(writer, row.data());
  }
  png_write_end(writer, nullptr);
  png_destroy_write_struct(&writer, &info);
  return png;
}

}  // namespace folio::epub
