// PNG encoding of a drawn Cairo image (the generated cover) as an indexed, two-ink PNG.
#pragma once

#include <cairo.h>

#include <cstdint>
#include <functional>
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

/// The same for a `width` × `height` image whose rows `row(y)` hands out in order, top to
/// bottom, as xRGB words (Cairo's RGB24): so an image can be drawn a band of rows at a time.
/// `row` returns null when it cannot draw; the encoding then fails with `error` set.
std::optional<std::string> encode_png_indexed(int width, int height,
                                              const std::function<const unsigned char*(int)>& row,
                                              Rgb ground, const std::vector<Rgb>& inks,
                                              std::string& error);

}  // namespace folio::epub
