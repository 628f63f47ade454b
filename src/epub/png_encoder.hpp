// PNG encoding of a drawn Cairo image (the generated cover) as an indexed, two-ink PNG.
#pragma once

#include <cairo.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace folio::epub {

/// An sRGB colour, 8 bits a channel.
struct Rgb {
  std::uint8_t r, g, b;
};

/// The PNG bytes of an RGB24 image drawn with up to two `inks` on a `ground` (every pixel the
/// ground blended with one ink, as antialiased text and strokes are), as an indexed PNG: each
/// pixel becomes the nearest of the ground and 127 blends towards each ink (on the generated
/// cover 0.2% of the pixels, all on antialiased edges, change, by at most 2 of 255 on a
/// channel). A third of the bytes of RGB to deflate: for a 1600 × 2560 cover 4 MB, not 12 MB.
/// nullopt with `error` set on failure.
std::optional<std::string> encode_png_indexed(cairo_surface_t* surface, Rgb ground,
                                              const std::vector<Rgb>& inks, std::string& error);

}  // namespace folio::epub
