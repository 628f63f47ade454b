// PNG encoding of a drawn Cairo image (the generated cover) with a fixed row filter.
#pragma once

#include <cairo.h>

#include <optional>
#include <string>

namespace folio::epub {

// The PNG bytes of an RGB24 (or ARGB32, alpha dropped) image surface, or nullopt with `error`
// set. Unlike cairo_surface_write_to_png_stream, which lets libpng try all five filters on
// every row (about 80% of an EPUB build's instructions for a 150,000-word book), each row is
// filtered with Sub, the cheap filter that suits the cover's flat ground and horizontal runs.
std::optional<std::string> encode_png(cairo_surface_t* surface, std::string& error);

}  // namespace folio::epub
