// The generated cover: a quiet typographic design on paper-coloured ground, drawn with Pango.
#include "epub/cover.hpp"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>

#include "epub/png_encoder.hpp"

namespace folio::epub {
namespace {

struct CairoSurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct GObjectDeleter {
  void operator()(void* p) const { g_object_unref(p); }
};
struct FontDescriptionDeleter {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};

constexpr double kMargin = 190;  // px from the left and right edges
constexpr double kTextWidth = kCoverWidth - 2 * kMargin;

struct Ink {
  double r, g, b;
};
constexpr Ink kGround{0.953, 0.933, 0.894};  // warm paper
constexpr Ink kText{0.129, 0.122, 0.110};    // near-black ink
constexpr Ink kAccent{0.553, 0.122, 0.106};  // deep red rule and author

// A centred, wrapped paragraph of `text` in `face` at `size` px, shrunk until it fits
// within `max_height` px (long titles).
std::unique_ptr<PangoLayout, GObjectDeleter> paragraph(PangoContext* ctx, const std::string& text,
                                                       const CoverFace& face, double size,
                                                       double max_height, double letter_spacing) {
  std::unique_ptr<PangoLayout, GObjectDeleter> layout(pango_layout_new(ctx));
  pango_layout_set_text(layout.get(), text.c_str(), -1);
  pango_layout_set_width(layout.get(), static_cast<int>(kTextWidth * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD);
  pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
  PangoAttrList* attrs = pango_attr_list_new();
  if (letter_spacing > 0)
    pango_attr_list_insert(
        attrs, pango_attr_letter_spacing_new(static_cast<int>(letter_spacing * PANGO_SCALE)));
  if (face.small_caps) pango_attr_list_insert(attrs, pango_attr_font_features_new("smcp 1"));
  pango_layout_set_attributes(layout.get(), attrs);
  pango_attr_list_unref(attrs);
  for (int attempt = 0; attempt < 12; ++attempt) {
    std::unique_ptr<PangoFontDescription, FontDescriptionDeleter> desc(
        pango_font_description_new());
    pango_font_description_set_family(desc.get(), face.family.c_str());
    pango_font_description_set_style(desc.get(),
                                     face.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_font_description_set_absolute_size(desc.get(), size * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), desc.get());
    pango_layout_set_spacing(layout.get(), static_cast<int>(size * 0.12 * PANGO_SCALE));
    int w = 0, h = 0;
    pango_layout_get_pixel_size(layout.get(), &w, &h);
    if (h <= max_height) break;
    size *= 0.88;
  }
  return layout;
}

double height_of(PangoLayout* layout) {
  int w = 0, h = 0;
  pango_layout_get_pixel_size(layout, &w, &h);
  return h;
}

void show(cairo_t* cr, PangoLayout* layout, double top, Ink ink) {
  cairo_set_source_rgb(cr, ink.r, ink.g, ink.b);
  cairo_move_to(cr, kMargin, top);
  pango_cairo_show_layout(cr, layout);
}

}  // namespace

std::optional<std::string> render_cover_png(const CoverText& text, const CoverFonts& fonts,
                                            std::string& error, int band_rows) {
  band_rows = std::clamp(band_rows, 1, kCoverHeight);
  // A private font map at 72 dpi, so sizes are pixels and no process-wide default is touched.
  std::unique_ptr<PangoFontMap, GObjectDeleter> font_map(pango_cairo_font_map_new());
  pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(font_map.get()), 72.0);
  std::unique_ptr<PangoContext, GObjectDeleter> ctx(pango_font_map_create_context(font_map.get()));
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(ctx.get(), options);
  cairo_font_options_destroy(options);
  if (!text.lang.empty())
    pango_context_set_language(ctx.get(), pango_language_from_string(text.lang.c_str()));

  // The text is laid out once; where each piece goes follows from the title's height.
  auto title = paragraph(ctx.get(), text.title, fonts.title, 168, 900, 0);
  double title_h = height_of(title.get());
  double title_top = 560 - std::min(title_h, 900.0) / 3;
  double rule_y = title_top + title_h + 90;
  std::unique_ptr<PangoLayout, GObjectDeleter> sub, author;
  if (!text.subtitle.empty()) sub = paragraph(ctx.get(), text.subtitle, fonts.subtitle, 84, 600, 0);
  if (!text.authors.empty()) author = paragraph(ctx.get(), text.authors, fonts.author, 96, 420, 4);
  double author_top = author ? kCoverHeight - 330 - height_of(author.get()) : 0;

  auto draw = [&](cairo_t* cr) {
    cairo_set_source_rgb(cr, kGround.r, kGround.g, kGround.b);
    cairo_paint(cr);
    // Frame: a thin double rule inset from the edge.
    cairo_set_source_rgb(cr, kAccent.r, kAccent.g, kAccent.b);
    cairo_set_line_width(cr, 6);
    cairo_rectangle(cr, 90, 90, kCoverWidth - 180, kCoverHeight - 180);
    cairo_stroke(cr);
    cairo_set_line_width(cr, 2);
    cairo_rectangle(cr, 112, 112, kCoverWidth - 224, kCoverHeight - 224);
    cairo_stroke(cr);
    show(cr, title.get(), title_top, kText);
    cairo_set_source_rgb(cr, kAccent.r, kAccent.g, kAccent.b);
    cairo_set_line_width(cr, 4);
    cairo_move_to(cr, kCoverWidth / 2.0 - 160, rule_y);
    cairo_line_to(cr, kCoverWidth / 2.0 + 160, rule_y);
    cairo_stroke(cr);
    if (sub) show(cr, sub.get(), rule_y + 80, kText);
    if (author) show(cr, author.get(), author_top, kAccent);
  };

  // Drawn a band of rows at a time into one small surface, each band the whole design moved
  // up by whole pixels (so its pixels are those of one big drawing): a 16 MB image would cost
  // more in fresh pages and fills than all the rest of the cover.
  std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter> band(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, kCoverWidth, band_rows));
  if (cairo_surface_status(band.get()) != CAIRO_STATUS_SUCCESS) {
    error = cairo_status_to_string(cairo_surface_status(band.get()));
    return std::nullopt;
  }
  int stride = cairo_image_surface_get_stride(band.get());
  int band_top = -1;
  auto row = [&](int y) -> const unsigned char* {
    if (band_top < 0 || y >= band_top + band_rows) {
      band_top = y - y % band_rows;
      std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(band.get()));
      cairo_translate(cr.get(), 0, -band_top);
      draw(cr.get());
      cairo_status_t status = cairo_status(cr.get());
      if (status != CAIRO_STATUS_SUCCESS) {
        error = cairo_status_to_string(status);
        return nullptr;
      }
      cairo_surface_flush(band.get());
    }
    return cairo_image_surface_get_data(band.get()) +
           static_cast<std::ptrdiff_t>(y - band_top) * stride;
  };
  auto byte = [](double v) { return static_cast<std::uint8_t>(std::lround(v * 255)); };
  auto rgb = [&](Ink i) { return Rgb{byte(i.r), byte(i.g), byte(i.b)}; };
  std::string draw_error;
  auto png = encode_png_indexed(kCoverWidth, kCoverHeight, row, rgb(kGround),
                                {rgb(kText), rgb(kAccent)}, draw_error);
  if (!png && error.empty()) error = draw_error;
  return png;
}

}  // namespace folio::epub
