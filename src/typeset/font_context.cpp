// Pango setup per typesetting.md §2.1: own font map, 72 dpi, no hinting, no rounding.
#include "typeset/font_context.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <pango/pangofc-fontmap.h>

#include <glib.h>

#include <algorithm>
#include <array>
#include <vector>

namespace folio::typeset {
namespace {

// Characters no font needs a glyph for: spaces and breaks (Pango sets them itself), format
// and zero-width characters, the soft hyphen.
bool needs_glyph(gunichar c) {
  if (c < 0x80) return c > 0x20 && c != 0x7F;
  return c >= 0x20 && c != 0xAD && !g_unichar_isspace(c) && !g_unichar_iszerowidth(c) &&
         g_unichar_type(c) != G_UNICODE_FORMAT;
}

// Whether fontconfig made the variant up: emboldening a lighter face, or slanting an upright
// one by a matrix, because the family has no such face (or none usable for the language —
// Debian's EB Garamond 12 Bold lacks English's letters, so fontconfig emboldens the Regular).
bool is_synthetic(PangoFont* font, bool bold, bool italic) {
  if (!PANGO_IS_FC_FONT(font)) return false;
  FcPattern* pat = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
  FcBool embolden = FcFalse;
  if (bold && FcPatternGetBool(pat, FC_EMBOLDEN, 0, &embolden) == FcResultMatch && embolden)
    return true;
  int slant = FC_SLANT_ROMAN;
  return italic && FcPatternGetInteger(pat, FC_SLANT, 0, &slant) == FcResultMatch &&
         slant == FC_SLANT_ROMAN;
}

// Whether `font` is a face of `family`. A face may carry several family names ("EB Garamond",
// "EB Garamond 12"): any matches.
bool is_family(PangoFont* font, const std::string& family) {
  if (!PANGO_IS_FC_FONT(font)) return false;
  FcPattern* pat = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
  FcChar8* fam = nullptr;
  for (int i = 0; FcPatternGetString(pat, FC_FAMILY, i, &fam) == FcResultMatch; ++i)
    if (g_ascii_strcasecmp(reinterpret_cast<const char*>(fam), family.c_str()) == 0) return true;
  return false;
}

}  // namespace

FontContext::FontContext(const std::string& lang, std::shared_ptr<const FontConfig> fonts)
    : fonts_(std::move(fonts)), lang_(lang) {
  if (fonts_ && fonts_->config()) {
    // The author's fonts: a font map of our own on the private configuration, so the
    // process-wide fontconfig state is never touched.
    map_ = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map_), fonts_->config());
  } else {
    map_ = pango_cairo_font_map_new();
  }
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
  for (auto& [key, font] : variants_)
    if (font) g_object_unref(font);
  g_object_unref(context_);
  g_object_unref(map_);
}

bool FontContext::has_family(const style::Face& face) const {
  PangoFontDescription* d = describe(face);
  PangoFont* font = pango_context_load_font(context_, d);
  pango_font_description_free(d);
  if (!font) return false;
  bool found = is_family(font, face.family);
  g_object_unref(font);
  return found;
}

PangoFont* FontContext::variant(const std::string& family, bool bold, bool italic) const {
  auto key = std::make_tuple(family, bold, italic);
  auto it = variants_.find(key);
  if (it != variants_.end()) return it->second;
  PangoFontDescription* d = pango_font_description_new();
  pango_font_description_set_family(d, family.c_str());
  pango_font_description_set_size(d, 10 * PANGO_SCALE);
  pango_font_description_set_weight(d, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(d, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  PangoFont* font = pango_context_load_font(context_, d);
  pango_font_description_free(d);
  if (font && !is_family(font, family)) {
    g_object_unref(font);  // fontconfig's stand-in for a family it does not have
    font = nullptr;
  }
  variants_.emplace(key, font);
  return font;
}

std::vector<GlyphGap> FontContext::coverage_gaps(const StyledText& text, const style::Face& face,
                                                 style::Strong strong,
                                                 const std::string& mono_family,
                                                 const std::vector<std::string>& fallbacks) const {
  std::vector<GlyphGap> gaps;
  const char* s = text.text.c_str();
  const char* end = s + text.text.size();
  PangoFont* font = nullptr;
  FcCharSet* charset = nullptr;
  bool synthetic = false, have = false, last_mono = false, last_bold = false, last_italic = false;
  bool strong_italic = strong == style::Strong::italic, strong_bold = strong == style::Strong::bold;
  // Whether the current variant has each ASCII character (0: not asked yet, 1 yes, -1 no):
  // prose is mostly ASCII, and asking fontconfig for every letter was a tenth of the layout.
  std::array<signed char, 128> ascii{};
  // How many spans make each byte italic, bold and mono: changes at the spans' ends, summed
  // along the text (a walk over every span for each character was characters × spans).
  std::size_t n = text.text.size();
  std::vector<std::array<int, 3>> change(text.spans.empty() ? 0 : n + 1);
  for (const Span& sp : text.spans) {
    std::size_t a = std::min(sp.start, n), b = std::min(sp.end, n);
    if (a >= b) continue;
    int flags[3] = {sp.italic || (sp.bold && strong_italic), sp.bold && strong_bold, sp.mono};
    for (int k = 0; k < 3; ++k) {
      change[a][k] += flags[k];
      change[b][k] -= flags[k];
    }
  }
  std::array<int, 3> count{};
  std::size_t counted = 0;  // bytes [0, counted) are in `count`
  for (const char* p = s; p < end; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char_validated(p, end - p);
    if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) break;
    if (!needs_glyph(c)) continue;
    // The variant this character is set in: paragraph.cpp's attributes, reduced to the font.
    auto at = static_cast<std::size_t>(p - s);
    if (!change.empty())
      for (; counted <= at; ++counted)
        for (int k = 0; k < 3; ++k) count[k] += change[counted][k];
    bool italic = face.italic || count[0] > 0, bold = count[1] > 0, mono = count[2] > 0;
    const std::string& family = mono ? mono_family : face.family;
    // Runs of one variant are long: look the font up only when the variant changes.
    if (!have || mono != last_mono || bold != last_bold || italic != last_italic) {
      font = variant(family, bold, italic);
      synthetic = font && is_synthetic(font, bold, italic);
      charset = nullptr;
      if (font && PANGO_IS_FC_FONT(font))
        FcPatternGetCharSet(pango_fc_font_get_pattern(PANGO_FC_FONT(font)), FC_CHARSET, 0,
                            &charset);
      have = true, last_mono = mono, last_bold = bold, last_italic = italic;
      ascii.fill(0);
    }
    // fontconfig's charset is the font's cmap, as Pango's coverage is, and a lookup in it
    // costs a fiftieth of pango_font_has_char's.
    auto covered = [&] {
      return charset ? FcCharSetHasChar(charset, c) : pango_font_has_char(font, c);
    };
    if (font && !synthetic) {
      if (c >= 128) {
        if (covered()) continue;
      } else {
        if (ascii[c] == 0) ascii[c] = covered() ? 1 : -1;
        if (ascii[c] == 1) continue;
      }
    }
    // The family Pango takes it from instead: the first fallback that has it in this variant
    // or in its roman (fontconfig sorts by family before style, so a family's roman comes
    // before the next family; an upright or slanted stand-in glyph is good enough here).
    std::string lender;
    if (font && !synthetic)
      for (const std::string& fb : fallbacks) {
        PangoFont* same = variant(fb, bold, italic);
        PangoFont* roman = variant(fb, false, false);
        if ((same && pango_font_has_char(same, c)) || (roman && pango_font_has_char(roman, c))) {
          lender = fb;
          break;
        }
      }
    std::string name = !font ? family : family + (bold ? " Bold" : "") + (italic ? " Italic" : "");
    auto gap =
        std::find_if(gaps.begin(), gaps.end(), [&](const GlyphGap& g) { return g.font == name; });
    if (gap == gaps.end())
      gap = gaps.insert(gaps.end(), GlyphGap{name, family, {}, synthetic, font == nullptr, {}});
    auto ch = static_cast<char32_t>(c);
    if (!lender.empty()) {
      if (std::find_if(gap->borrowed.begin(), gap->borrowed.end(),
                       [&](const auto& b) { return b.first == ch; }) == gap->borrowed.end())
        gap->borrowed.emplace_back(ch, lender);
      continue;
    }
    if (font && !synthetic &&
        std::find(gap->missing.begin(), gap->missing.end(), ch) == gap->missing.end())
      gap->missing.push_back(ch);
  }
  return gaps;
}

PangoFont* FontContext::equivalent(PangoFont* foreign) const {
  if (!foreign || !PANGO_IS_FC_FONT(foreign)) return nullptr;
  FcPattern* theirs = pango_fc_font_get_pattern(PANGO_FC_FONT(foreign));
  PangoFontDescription* d = pango_font_describe_with_absolute_size(foreign);
  PangoFont* found = nullptr;
  // The description names the face's first family ("EB Garamond"), which may match another
  // file of it (an optical size: "EB Garamond 08"); each of the face's names is tried.
  FcChar8* family = nullptr;
  for (int i = 0; !found && FcPatternGetString(theirs, FC_FAMILY, i, &family) == FcResultMatch;
       ++i) {
    pango_font_description_set_family(d, reinterpret_cast<const char*>(family));
    PangoFont* mine = pango_font_map_load_font(map_, context_, d);
    // Pango keeps one font object per rendered pattern (and context options, equal here): an
    // equal pattern is the very object this context's own shaping gets for that face, so the
    // PDF embeds it once, as when one thread sets the whole book.
    if (mine && PANGO_IS_FC_FONT(mine) &&
        FcPatternEqual(theirs, pango_fc_font_get_pattern(PANGO_FC_FONT(mine))))
      found = mine;
    else if (mine)
      g_object_unref(mine);
  }
  pango_font_description_free(d);
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
