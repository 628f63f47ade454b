// An SVG handed to librsvg from memory, with no base file: it can load nothing beside itself.
#pragma once

#include <librsvg/rsvg.h>

#include <string>

#include "image/picture.hpp"

namespace folio::image {

/// A librsvg handle for an SVG picture (inspected: svg_inspect.hpp), made from its bytes
/// alone, with no base file or URL, so that librsvg resolves no reference to another file;
/// null with `why` when librsvg cannot read it. Release with g_object_unref.
RsvgHandle* load_svg(const Picture& p, std::string& why);

/// Draws `handle` into the rectangle (x, y, width, height) of `cr`, as vectors.
bool render_svg(RsvgHandle* handle, cairo_t* cr, double x, double y, double width, double height,
                std::string& why);

}  // namespace folio::image
