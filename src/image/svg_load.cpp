// librsvg from memory: rsvg_handle_new_from_stream_sync with a null base file.
#include "image/svg_load.hpp"

namespace folio::image {

RsvgHandle* load_svg(const Picture& p, std::string& why) {
  GInputStream* stream = g_memory_input_stream_new_from_data(
      p.bytes.data(), static_cast<gssize>(p.bytes.size()), nullptr);
  GError* error = nullptr;
  // No base file and no RSVG_HANDLE_FLAG_UNLIMITED: librsvg's own limits hold, and a
  // reference to another file has nothing to be resolved against.
  RsvgHandle* h =
      rsvg_handle_new_from_stream_sync(stream, nullptr, RSVG_HANDLE_FLAGS_NONE, nullptr, &error);
  g_object_unref(stream);
  if (!h) {
    why = std::string("librsvg cannot read it: ") + (error ? error->message : "?");
    if (error) g_error_free(error);
  }
  return h;
}

bool render_svg(RsvgHandle* handle, cairo_t* cr, double x, double y, double width, double height,
                std::string& why) {
  RsvgRectangle viewport{x, y, width, height};
  GError* error = nullptr;
  if (!rsvg_handle_render_document(handle, cr, &viewport, &error)) {
    why = std::string("librsvg cannot draw it: ") + (error ? error->message : "?");
    if (error) g_error_free(error);
    return false;
  }
  return true;
}

}  // namespace folio::image
