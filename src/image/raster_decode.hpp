// Decoding PNG and JPEG with gdk-pixbuf into Cairo image surfaces, after their header is checked.
#pragma once

#include <cairo.h>

#include <string>

#include "image/picture.hpp"

namespace folio::image {

/// Decodes a raster picture (measured: its header is within folio's limits) into a new
/// CAIRO_FORMAT_ARGB32 or RGB24 surface; null with `why` when the data is damaged. A JPEG's
/// surface carries the file's bytes as CAIRO_MIME_TYPE_JPEG, so a PDF embeds them unchanged.
/// The decoder is told the size the header promised and stops if the data claims another.
cairo_surface_t* decode_raster(const Picture& p, std::string& why);

/// Decodes and drops: true when the whole image decodes (what `folio check` asks).
bool raster_decodes(const Picture& p, std::string& why);

}  // namespace folio::image
