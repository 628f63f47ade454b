// Cairo's output into memory.
#include "pdf/cairo_bytes.hpp"

namespace folio::pdf {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string finish_png(cairo_t* cr, cairo_surface_t* surface, std::string& error) {
  std::string bytes;
  cairo_status_t status = cairo_status(cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream(surface, append_to_string, &bytes);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    error = std::string("Cairo: ") + cairo_status_to_string(status);
    return {};
  }
  return bytes;
}

}  // namespace folio::pdf
