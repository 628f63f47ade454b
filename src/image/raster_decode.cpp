// gdk-pixbuf's loader fed from memory (no file is opened by name), its pixels copied for Cairo.
#include "image/raster_decode.hpp"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <zlib.h>

#include <cstring>
#include <vector>

namespace folio::image {
namespace {

struct Expected {
  int width = 0;
  int height = 0;
  bool differs = false;
};

// Called before the decoder allocates its pixels: a size other than the header's (which
// folio's limits were checked on) is refused by asking for a 1×1 image and failing after.
void size_prepared(GdkPixbufLoader* loader, int width, int height, gpointer data) {
  auto* e = static_cast<Expected*>(data);
  if (width != e->width || height != e->height) {
    e->differs = true;
    gdk_pixbuf_loader_set_size(loader, 1, 1);
  }
}

std::uint32_t be32(const std::string& b, std::size_t at) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 24) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 8) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3]));
}

// A PNG's IDAT data inflated whole, and (not interlaced) to exactly the bytes its rows need:
// gdk-pixbuf shows an image whose data breaks off or is garbled as far as it got, rather
// than failing. The chunks were checked whole by the header parse (support/image_info).
bool png_data_whole(const std::string& b, std::string& why) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return true;  // cannot check: leave it to the decoder
  std::uint64_t expected = 0;
  bool interlaced = false;
  std::vector<unsigned char> out(1 << 16);
  std::uint64_t total = 0;
  int status = Z_OK;
  for (std::size_t at = 8; at + 12 <= b.size();) {
    std::uint32_t length = be32(b, at);
    std::string_view type(b.data() + at + 4, 4);
    if (type == "IHDR") {
      std::uint64_t width = be32(b, at + 8), height = be32(b, at + 12);
      int depth = static_cast<unsigned char>(b[at + 16]);
      int color = static_cast<unsigned char>(b[at + 17]);
      interlaced = b[at + 20] != 0;
      int channels = color == 2 ? 3 : color == 4 ? 2 : color == 6 ? 4 : 1;
      expected = height * (1 + (width * static_cast<std::uint64_t>(channels * depth) + 7) / 8);
    } else if (type == "IDAT" && status == Z_OK) {
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(b.data() + at + 8));
      z.avail_in = length;
      while (z.avail_in > 0 && status == Z_OK) {
        z.next_out = out.data();
        z.avail_out = static_cast<uInt>(out.size());
        status = inflate(&z, Z_NO_FLUSH);
        total += out.size() - z.avail_out;
        if (status == Z_BUF_ERROR) status = Z_OK;  // needs the next chunk
        if (expected && total > expected) break;
      }
    }
    at += 12 + static_cast<std::size_t>(length);
  }
  inflateEnd(&z);
  if (status != Z_STREAM_END && status != Z_OK) {
    why = "its image data cannot be decoded (the compressed data is damaged)";
    return false;
  }
  if (status != Z_STREAM_END || (!interlaced && total != expected)) {
    why = "its image data " +
          std::string(total < expected ? "ends early" : "is longer than its size") +
          " (the file is damaged)";
    return false;
  }
  return true;
}

GdkPixbuf* decode(const Picture& p, std::string& why) {
  if (p.format == Format::png && !png_data_whole(p.bytes, why)) return nullptr;
  if (p.vector()) {
    why = "it is not a raster image";
    return nullptr;
  }
  GError* error = nullptr;
  GdkPixbufLoader* loader =
      gdk_pixbuf_loader_new_with_type(p.format == Format::png ? "png" : "jpeg", &error);
  if (!loader) {
    why = std::string("no decoder for it: ") + (error ? error->message : "?");
    if (error) g_error_free(error);
    return nullptr;
  }
  Expected e{static_cast<int>(p.width_px), static_cast<int>(p.height_px)};
  g_signal_connect(loader, "size-prepared", G_CALLBACK(size_prepared), &e);
  bool ok = gdk_pixbuf_loader_write(loader, reinterpret_cast<const guchar*>(p.bytes.data()),
                                    p.bytes.size(), &error);
  // Closed in any case (a loader must be); the first error is the one reported.
  GError* close_error = nullptr;
  bool closed = gdk_pixbuf_loader_close(loader, ok ? &close_error : nullptr);
  if (!ok || !closed) {
    GError* err = error ? error : close_error;
    why = std::string("its image data cannot be decoded: ") + (err ? err->message : "damaged");
    if (error) g_error_free(error);
    if (close_error) g_error_free(close_error);
    g_object_unref(loader);
    return nullptr;
  }
  GdkPixbuf* pixbuf = gdk_pixbuf_loader_get_pixbuf(loader);
  if (pixbuf) g_object_ref(pixbuf);
  g_object_unref(loader);
  if (e.differs || !pixbuf) {
    why = e.differs ? "its image data is of another size than its header says"
                    : "its image data cannot be decoded";
    if (pixbuf) g_object_unref(pixbuf);
    return nullptr;
  }
  return pixbuf;
}

}  // namespace

cairo_surface_t* decode_raster(const Picture& p, std::string& why) {
  GdkPixbuf* pixbuf = decode(p, why);
  if (!pixbuf) return nullptr;
  int w = gdk_pixbuf_get_width(pixbuf), h = gdk_pixbuf_get_height(pixbuf);
  int channels = gdk_pixbuf_get_n_channels(pixbuf);
  bool alpha = gdk_pixbuf_get_has_alpha(pixbuf);
  int stride = gdk_pixbuf_get_rowstride(pixbuf);
  const guchar* pixels = gdk_pixbuf_read_pixels(pixbuf);
  cairo_surface_t* s =
      cairo_image_surface_create(alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, w, h);
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
    why = "there is not memory enough to decode it";
    cairo_surface_destroy(s);
    g_object_unref(pixbuf);
    return nullptr;
  }
  cairo_surface_flush(s);
  unsigned char* out = cairo_image_surface_get_data(s);
  int out_stride = cairo_image_surface_get_stride(s);
  for (int y = 0; y < h; ++y) {
    const guchar* in = pixels + static_cast<std::ptrdiff_t>(y) * stride;
    auto* row = reinterpret_cast<std::uint32_t*>(out + static_cast<std::ptrdiff_t>(y) * out_stride);
    for (int x = 0; x < w; ++x, in += channels) {
      std::uint32_t a = alpha ? in[3] : 255;
      // Cairo's ARGB32 is premultiplied.
      std::uint32_t r = in[0] * a / 255, g = in[1] * a / 255, b = in[2] * a / 255;
      row[x] = (a << 24) | (r << 16) | (g << 8) | b;
    }
  }
  cairo_surface_mark_dirty(s);
  g_object_unref(pixbuf);
  if (p.format == Format::jpeg) {
    auto* copy = static_cast<unsigned char*>(g_malloc(p.bytes.size()));
    std::memcpy(copy, p.bytes.data(), p.bytes.size());
    cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, copy, p.bytes.size(), g_free, copy);
  }
  return s;
}

bool raster_decodes(const Picture& p, std::string& why) {
  GdkPixbuf* pixbuf = decode(p, why);
  if (!pixbuf) return false;
  g_object_unref(pixbuf);
  return true;
}

}  // namespace folio::image
