// Cairo's output into memory: a stream writer for PDF surfaces, and a drawing finished as PNG.
#pragma once

#include <cairo.h>

#include <string>

namespace folio::pdf {

/// A cairo_write_func_t appending to the std::string `closure` points to.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);

/// Ends the drawing `cr` on the image `surface` and encodes it as PNG; both are destroyed.
/// "" with `error` set when Cairo failed.
std::string finish_png(cairo_t* cr, cairo_surface_t* surface, std::string& error);

}  // namespace folio::pdf
