// Picture drawing: gdk-pixbuf for PNG and JPEG (image/raster_decode), librsvg for SVG.
#include "pdf/image_drawer.hpp"

#include "image/raster_decode.hpp"
#include "image/svg_load.hpp"

namespace folio::pdf {

bool draw_picture(cairo_t* cr, const typeset::PagePicture& p, double dx, double dy,
                  std::string& why) {
  if (!p.picture || p.width <= 0 || p.height <= 0) return true;
  const image::Picture& pic = *p.picture;
  double x = dx + p.x, y = dy + p.y;
  if (pic.vector()) {
    RsvgHandle* handle = image::load_svg(pic, why);
    if (!handle) return false;
    cairo_save(cr);
    // Only its box: an SVG drawing past its viewBox stays inside it on the page.
    cairo_rectangle(cr, x, y, p.width, p.height);
    cairo_clip(cr);
    bool ok = image::render_svg(handle, cr, x, y, p.width, p.height, why);
    cairo_restore(cr);
    g_object_unref(handle);
    return ok;
  }
  cairo_surface_t* surface = image::decode_raster(pic, why);
  if (!surface) return false;
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, p.width / pic.width_px, p.height / pic.height_px);
  // The picture's pixels as they are (one image XObject, a JPEG's own bytes): the PDF viewer
  // or RIP scales them. A plain paint of an unextended surface is what Cairo writes as an
  // image with its MIME data; a fill or a padded pattern would be re-encoded.
  cairo_set_source_surface(cr, surface, 0, 0);
  cairo_paint(cr);
  cairo_restore(cr);
  cairo_surface_destroy(surface);
  return true;
}

}  // namespace folio::pdf
