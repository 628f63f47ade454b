// The front cover's design: a quiet typographic layout on paper-coloured ground, set with Pango.
#include "cover/front_design.hpp"

#include <pango/pangocairo.h>

#include <algorithm>

namespace folio::cover {
namespace {

struct GObjectDeleter {
  void operator()(void* p) const { g_object_unref(p); }
};
struct FontDescriptionDeleter {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;

constexpr double kMargin = 190;  // design units from the left and right edges
constexpr double kTextWidth = kDesignWidth - 2 * kMargin;

// A centred, wrapped paragraph of `text` in `face` at `size`, shrunk until it fits within
// `max_height` (long titles).
LayoutPtr paragraph(PangoContext* ctx, const std::string& text, const CoverFace& face, double size,
                    double max_height, double letter_spacing) {
  LayoutPtr layout(pango_layout_new(ctx));
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

struct FrontDesign::Layouts {
  std::unique_ptr<PangoFontMap, GObjectDeleter> font_map;
  std::unique_ptr<PangoContext, GObjectDeleter> ctx;
  LayoutPtr title, subtitle, author;
  double title_top = 0, rule_y = 0, author_top = 0;
};

FrontDesign::FrontDesign(const CoverText& text, const CoverFonts& fonts, double height)
    : layouts_(std::make_unique<Layouts>()), height_(height) {
  Layouts& l = *layouts_;
  // A private font map at 72 dpi, so sizes are design units and no process-wide default is
  // touched.
  l.font_map.reset(pango_cairo_font_map_new());
  pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(l.font_map.get()), 72.0);
  l.ctx.reset(pango_font_map_create_context(l.font_map.get()));
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(l.ctx.get(), options);
  cairo_font_options_destroy(options);
  if (!text.lang.empty())
    pango_context_set_language(l.ctx.get(), pango_language_from_string(text.lang.c_str()));

  // The text is laid out once; where each piece goes follows from the title's height.
  l.title = paragraph(l.ctx.get(), text.title, fonts.title, 168, 900, 0);
  double title_h = height_of(l.title.get());
  l.title_top = 560 - std::min(title_h, 900.0) / 3;
  l.rule_y = l.title_top + title_h + 90;
  if (!text.subtitle.empty())
    l.subtitle = paragraph(l.ctx.get(), text.subtitle, fonts.subtitle, 84, 600, 0);
  if (!text.authors.empty())
    l.author = paragraph(l.ctx.get(), text.authors, fonts.author, 96, 420, 4);
  l.author_top = l.author ? height_ - 330 - height_of(l.author.get()) : 0;
}

FrontDesign::~FrontDesign() = default;

void FrontDesign::draw(cairo_t* cr, bool ground) const {
  const Layouts& l = *layouts_;
  if (ground) {
    cairo_set_source_rgb(cr, kGround.r, kGround.g, kGround.b);
    cairo_paint(cr);
  }
  // Frame: a thin double rule inset from the edge.
  cairo_set_source_rgb(cr, kAccent.r, kAccent.g, kAccent.b);
  cairo_set_line_width(cr, 6);
  cairo_rectangle(cr, 90, 90, kDesignWidth - 180, height_ - 180);
  cairo_stroke(cr);
  cairo_set_line_width(cr, 2);
  cairo_rectangle(cr, 112, 112, kDesignWidth - 224, height_ - 224);
  cairo_stroke(cr);
  show(cr, l.title.get(), l.title_top, kText);
  cairo_set_source_rgb(cr, kAccent.r, kAccent.g, kAccent.b);
  cairo_set_line_width(cr, 4);
  cairo_move_to(cr, kDesignWidth / 2.0 - 160, l.rule_y);
  cairo_line_to(cr, kDesignWidth / 2.0 + 160, l.rule_y);
  cairo_stroke(cr);
  if (l.subtitle) show(cr, l.subtitle.get(), l.rule_y + 80, kText);
  if (l.author) show(cr, l.author.get(), l.author_top, kAccent);
}

}  // namespace folio::cover
