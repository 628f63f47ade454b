// Pango setup per typesetting.md §2.1: own font map, 72 dpi, no hinting, no rounding.
#include "typeset/font_context.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>

#include <glib.h>

namespace folio::typeset {

FontContext::FontContext(const std::string& lang) : lang_(lang) {
  map_ = pango_cairo_font_map_new();
  pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(map_), 72.0);
  context_ = pango_font_map_create_context(map_);
  pango_context_set_round_glyph_positions(context_, FALSE);
  cairo_font_options_t* fo = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_, fo);
  cairo_font_options_destroy(fo);
  pango_context_set_language(context_, pango_language_from_string(lang.c_str()));
}

FontContext::~FontContext() {
  g_object_unref(context_);
  g_object_unref(map_);
}

bool FontContext::has_family(const style::Face& face) const {
  PangoFontDescription* d = describe(face);
  PangoFont* font = pango_context_load_font(context_, d);
  pango_font_description_free(d);
  if (!font) return false;
  bool found = false;
  if (PANGO_IS_FC_FONT(font)) {
    // A face may carry several family names ("EB Garamond", "EB Garamond 12"): any matches.
    FcPattern* pat = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    FcChar8* fam = nullptr;
    for (int i = 0; !found && FcPatternGetString(pat, FC_FAMILY, i, &fam) == FcResultMatch; ++i)
      found = g_ascii_strcasecmp(reinterpret_cast<const char*>(fam), face.family.c_str()) == 0;
  }
  g_object_unref(font);
  return found;
}

PangoFontDescription* describe(const style::Face& face) {
  PangoFontDescription* d = pango_font_description_new();
  pango_font_description_set_family(d, face.family.c_str());
  pango_font_description_set_size(d, static_cast<int>(face.size * PANGO_SCALE + 0.5));
  pango_font_description_set_style(d, face.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  return d;
}

}  // namespace folio::typeset
