// Draws the full-wrap cover with Cairo and Pango; the PDF is finished by the post-pass.
#include "pdf/cover_wrap.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <memory>
#include <numbers>

#include "image/picture.hpp"
#include "image/raster_decode.hpp"
#include "pdf/cairo_bytes.hpp"
#include "pdf/post_pass.hpp"

namespace folio::pdf {
namespace {

constexpr double kSlug = 24;  // points around the sheet for crop marks, as the interior's

struct GObjectDeleter {
  void operator()(void* p) const { g_object_unref(p); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;

// A paragraph of `text` in `family` at `size` points, `width` wide (0: one line).
LayoutPtr set_text(cairo_t* cr, const std::string& text, const cover::CoverFace& face, double size,
                   double width, const std::string& lang) {
  LayoutPtr layout(pango_cairo_create_layout(cr));
  PangoContext* ctx = pango_layout_get_context(layout.get());
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(ctx, options);
  cairo_font_options_destroy(options);
  if (!lang.empty()) pango_context_set_language(ctx, pango_language_from_string(lang.c_str()));
  pango_layout_context_changed(layout.get());
  PangoFontDescription* desc = pango_font_description_new();
  pango_font_description_set_family(desc, face.family.c_str());
  pango_font_description_set_style(desc, face.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_font_description_set_absolute_size(desc, size * PANGO_SCALE);
  pango_layout_set_font_description(layout.get(), desc);
  pango_font_description_free(desc);
  if (face.small_caps) {
    PangoAttrList* attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_font_features_new("smcp 1"));
    pango_layout_set_attributes(layout.get(), attrs);
    pango_attr_list_unref(attrs);
  }
  if (width > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD);
  }
  pango_layout_set_text(layout.get(), text.c_str(), -1);
  return layout;
}

void size_of(PangoLayout* layout, double& w, double& h) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  w = logical.width / static_cast<double>(PANGO_SCALE);
  h = logical.height / static_cast<double>(PANGO_SCALE);
}

void set_ink(cairo_t* cr, cover::Ink ink) {
  cairo_set_source_rgb(cr, ink.r, ink.g, ink.b);
}

// The author's front image over the front panel and its bleed, scaled to cover it.
// A PNG or a JPEG (whose own bytes the PDF embeds, as the interior's figures).
bool draw_front_image(cairo_t* cr, const CoverGeometry& g, const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string why;
  std::optional<image::Picture> pic = image::measure_picture(std::move(bytes), why);
  if (!pic || pic->vector()) return false;
  cairo_surface_t* image = image::decode_raster(*pic, why);
  if (!image) return false;
  CoverRect area{g.front.x, 0, g.front.width + g.bleed, g.sheet_height};
  double iw = cairo_image_surface_get_width(image), ih = cairo_image_surface_get_height(image);
  double scale = std::max(area.width / iw, area.height / ih);
  cairo_save(cr);
  cairo_rectangle(cr, area.x, area.y, area.width, area.height);
  cairo_clip(cr);
  cairo_translate(cr, area.x + (area.width - iw * scale) / 2,
                  area.y + (area.height - ih * scale) / 2);
  cairo_scale(cr, scale, scale);
  cairo_set_source_surface(cr, image, 0, 0);
  cairo_paint(cr);
  cairo_restore(cr);
  cairo_surface_destroy(image);
  return true;
}

void draw_front(cairo_t* cr, const CoverGeometry& g, const CoverContent& c) {
  if (!c.front_image.empty() && draw_front_image(cr, g, c.front_image)) return;
  double scale = g.front.width / cover::kDesignWidth;
  cover::FrontDesign design(c.text, c.fonts, g.front.height / scale);
  cairo_save(cr);
  cairo_translate(cr, g.front.x, g.front.y);
  cairo_scale(cr, scale, scale);
  design.draw(cr, false);
  cairo_restore(cr);
}

// Title and author along the spine, reading top to bottom (as English-language books do),
// as large as the spine's safe width allows, at most 16 pt.
void draw_spine(cairo_t* cr, const CoverGeometry& g, const CoverContent& c) {
  if (!g.spine_text) return;
  std::string line = c.text.title;
  if (!c.text.authors.empty()) line += "   " + c.text.authors;
  double size = std::min(16.0, g.spine_safe.width * 0.75);
  LayoutPtr layout;
  double w = 0, h = 0;
  for (int attempt = 0; attempt < 20; ++attempt, size *= 0.92) {
    layout = set_text(cr, line, c.fonts.title, size, 0, c.text.lang);
    size_of(layout.get(), w, h);
    if (w <= g.spine_safe.height && h <= g.spine_safe.width) break;
  }
  cairo_save(cr);
  cairo_translate(cr, g.spine_panel.x + g.spine_panel.width / 2,
                  g.spine_panel.y + g.spine_panel.height / 2);
  cairo_rotate(cr, std::numbers::pi / 2);
  cairo_move_to(cr, -w / 2, -h / 2);
  set_ink(cr, cover::kText);
  pango_cairo_show_layout(cr, layout.get());
  cairo_restore(cr);
}

// The back: the description set in the body face above the barcode area, which is left as
// plain paper where the printer puts the ISBN's barcode (its corner is the printer's, so the
// back has no frame for it to break).
void draw_back(cairo_t* cr, const CoverGeometry& g, const CoverContent& c) {
  if (!c.description.empty()) {
    double margin = 36;  // half an inch inside the safe area
    double width = g.back_safe.width - 2 * margin;
    double top = g.back_safe.y + 54;
    double room = g.barcode.y - 18 - top;
    double size = 12;
    LayoutPtr layout;
    double w = 0, h = 0;
    cover::CoverFace face{c.body_family, false, false};
    for (int attempt = 0; attempt < 16; ++attempt, size *= 0.93) {
      layout = set_text(cr, c.description, face, size, width, c.text.lang);
      pango_layout_set_spacing(layout.get(), static_cast<int>(size * 0.35 * PANGO_SCALE));
      pango_layout_set_justify(layout.get(), TRUE);
      size_of(layout.get(), w, h);
      if (h <= room) break;
    }
    set_ink(cr, cover::kText);
    cairo_move_to(cr, g.back_safe.x + margin, top);
    pango_cairo_show_layout(cr, layout.get());
  }
  // The barcode area stays white: the printer prints the ISBN's barcode there.
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, g.barcode.x, g.barcode.y, g.barcode.width, g.barcode.height);
  cairo_fill(cr);
}

void draw_wrap(cairo_t* cr, const CoverGeometry& g, const CoverContent& c) {
  set_ink(cr, cover::kGround);
  cairo_rectangle(cr, 0, 0, g.sheet_width, g.sheet_height);
  cairo_fill(cr);
  draw_back(cr, g, c);
  draw_spine(cr, g, c);
  draw_front(cr, g, c);
}

// Trim marks at the sheet's corners and fold marks at the spine, in the slug.
void draw_marks(cairo_t* cr, const CoverGeometry& g) {
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.25);
  double left = g.bleed, right = g.sheet_width - g.bleed;
  double top = g.bleed, bottom = g.sheet_height - g.bleed;
  double gap = g.bleed + 3, length = kSlug - 6;
  for (double x : {left, right, g.spine_panel.x, g.spine_panel.x + g.spine}) {
    cairo_move_to(cr, x, top - gap);
    cairo_line_to(cr, x, top - gap - length);
    cairo_move_to(cr, x, bottom + gap);
    cairo_line_to(cr, x, bottom + gap + length);
  }
  for (double y : {top, bottom}) {
    cairo_move_to(cr, left - gap, y);
    cairo_line_to(cr, left - gap - length, y);
    cairo_move_to(cr, right + gap, y);
    cairo_line_to(cr, right + gap + length, y);
  }
  cairo_stroke(cr);
}

void stroke_rect(cairo_t* cr, const CoverRect& r) {
  cairo_rectangle(cr, r.x, r.y, r.width, r.height);
  cairo_stroke(cr);
}

void draw_guides(cairo_t* cr, const CoverGeometry& g) {
  cairo_set_line_width(cr, 0.75);
  cairo_set_source_rgb(cr, 0.0, 0.35, 0.85);  // trim
  stroke_rect(cr, {g.bleed, g.bleed, g.sheet_width - 2 * g.bleed, g.sheet_height - 2 * g.bleed});
  cairo_set_source_rgb(cr, 0.85, 0.0, 0.6);  // folds
  for (double x : {g.spine_panel.x, g.spine_panel.x + g.spine}) {
    cairo_move_to(cr, x, 0);
    cairo_line_to(cr, x, g.sheet_height);
  }
  cairo_stroke(cr);
  double dash = 4;
  cairo_set_dash(cr, &dash, 1, 0);
  cairo_set_source_rgb(cr, 0.0, 0.6, 0.2);  // safe areas
  for (const CoverRect& r : {g.back_safe, g.front_safe}) stroke_rect(cr, r);
  if (g.spine_safe.width > 0) stroke_rect(cr, g.spine_safe);
  cairo_set_dash(cr, nullptr, 0, 0);
  cairo_set_source_rgb(cr, 0.85, 0.1, 0.1);  // barcode
  stroke_rect(cr, g.barcode);
}

// PDF coordinates (y up, points) of a box `inset` inside a page `w` × `h`.
void box(double out[4], double w, double h, double inset) {
  out[0] = inset;
  out[1] = inset;
  out[2] = w - inset;
  out[3] = h - inset;
}

}  // namespace

std::string cover_pdf(const CoverGeometry& g, const CoverContent& c, const CoverPdfOptions& o,
                      std::string& error) {
  double slug = o.crop_marks ? kSlug : 0;
  double media_w = g.sheet_width + 2 * slug, media_h = g.sheet_height + 2 * slug;
  std::string bytes;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(append_to_string, &bytes, media_w, media_h);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, o.title.c_str());
  cairo_t* cr = cairo_create(surface);
  cairo_translate(cr, slug, slug);
  draw_wrap(cr, g, c);
  if (o.crop_marks) draw_marks(cr, g);
  cairo_show_page(cr);
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    error = std::string("Cairo: ") + cairo_status_to_string(status);
    return {};
  }
  PostPassInput in;
  in.pdf = std::move(bytes);
  PageBoxes boxes{};
  box(boxes.trim, media_w, media_h, slug + g.bleed);
  box(boxes.bleed, media_w, media_h, slug);
  in.boxes = {boxes};
  in.labels = {"Cover"};
  in.lang = c.text.lang;
  in.producer = o.producer;
  in.outline = false;
  in.date = o.date;
  in.threads = 1;
  in.colour = o.colour;
  in.pdfx = o.pdfx;
  return post_process(in, error);
}

std::string cover_proof_png(const CoverGeometry& g, const CoverContent& c, double dpi,
                            std::string& error) {
  double scale = dpi / 72;
  int w = static_cast<int>(std::ceil(g.sheet_width * scale));
  int h = static_cast<int>(std::ceil(g.sheet_height * scale));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, scale, scale);
  draw_wrap(cr, g, c);
  draw_guides(cr, g);
  return finish_png(cr, surface, error);
}

}  // namespace folio::pdf
