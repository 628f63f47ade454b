// Items for plain Latin prose: one per attribute range, as pango_itemize makes them there.
#include "typeset/simple_itemizer.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pango.h>
#include <pango/pangofc-font.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string_view>

namespace folio::typeset {
namespace {

enum class CharClass { other, space, common, latin };

// What pango_itemize needs to know of a character, for the characters whose bidi class is
// L or neutral, whose script is Latin or Common, which start no emoji sequence and are not
// upright; `space`: what Pango's font selection skips (consider_as_space).
CharClass classify(gunichar c) {
  if (c == ' ' || c == 0xA0) return CharClass::space;
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::latin;
    return c > 0x20 && c < 0x7F ? CharClass::common : CharClass::other;
  }
  if (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7) return CharClass::latin;
  switch (c) {
    case 0x2010:  // hyphen
    case 0x2013:  // en dash
    case 0x2014:  // em dash
    case 0x2018:  // quotation marks
    case 0x2019:
    case 0x201C:
    case 0x201D:
    case 0x2026:  // ellipsis
      return CharClass::common;
    default:
      return CharClass::other;
  }
}

// The language pango_itemize gives an item: the range's, unless it does not write `script`.
PangoLanguage* derived_language(PangoLanguage* lang, PangoScript script) {
  if (lang && pango_language_includes_script(lang, script)) return lang;
  if (PangoLanguage* sample = pango_script_get_sample_language(script)) return sample;
  return pango_language_from_string("xx");
}

gboolean take_first(PangoFontset*, PangoFont* font, gpointer data) {
  *static_cast<PangoFont**>(data) = font;
  return TRUE;
}

struct FontDescFree {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};

// One item for bytes [a, b), all of one attribute range; null when the range's fontset
// would not set every character in its first font (or the range asks for anything else).
PangoItem* range_item(PangoContext* ctx, PangoAttrIterator* it, std::string_view text,
                      std::size_t a, std::size_t b, PangoScript script) {
  std::unique_ptr<PangoFontDescription, FontDescFree> desc(
      pango_font_description_copy(pango_context_get_font_description(ctx)));
  PangoLanguage* lang = nullptr;
  GSList* extra = nullptr;
  pango_attr_iterator_get_font(it, desc.get(), &lang, &extra);
  PangoItem* item = nullptr;
  auto give_up = [&] {
    g_slist_free_full(extra, reinterpret_cast<GDestroyNotify>(pango_attribute_destroy));
    if (item) pango_item_free(item);
    return nullptr;
  };
  // Fallback, gravity and the like change how Pango picks fonts: only features may ride along.
  for (GSList* l = extra; l; l = l->next)
    if (static_cast<PangoAttribute*>(l->data)->klass->type != PANGO_ATTR_FONT_FEATURES)
      return give_up();
  PangoGravity base = pango_context_get_gravity(ctx);
  if (PANGO_GRAVITY_IS_VERTICAL(base) ||
      (pango_font_description_get_set_fields(desc.get()) & PANGO_FONT_MASK_GRAVITY))
    return give_up();
  PangoGravity gravity = pango_gravity_get_for_script_and_width(
      script, FALSE, base, pango_context_get_gravity_hint(ctx));
  pango_font_description_set_gravity(desc.get(), gravity);
  if (!lang) lang = pango_context_get_language(ctx);
  PangoLanguage* derived = derived_language(lang, script);

  PangoFontset* fonts =
      pango_font_map_load_fontset(pango_context_get_font_map(ctx), ctx, desc.get(), derived);
  if (!fonts) return give_up();
  PangoFont* first = nullptr;
  pango_fontset_foreach(fonts, take_first, &first);
  if (first) g_object_ref(first);
  g_object_unref(fonts);
  if (!first) return give_up();
  item = pango_item_new();
  item->analysis.font = first;  // the item owns this reference

  // Pango picks, for each character but spaces, the first font of the set that has it.
  FcCharSet* charset = nullptr;
  if (!PANGO_IS_FC_FONT(first) ||
      FcPatternGetCharSet(pango_fc_font_get_pattern(PANGO_FC_FONT(first)), FC_CHARSET, 0,
                          &charset) != FcResultMatch)
    return give_up();
  std::array<signed char, 256> known{};  // Latin-1 answers: 0 not asked, 1 yes, -1 no
  auto has = [&](gunichar c) {
    if (c >= 256) return FcCharSetHasChar(charset, c) != 0;
    if (!known[c]) known[c] = FcCharSetHasChar(charset, c) ? 1 : -1;
    return known[c] == 1;
  };
  bool only_spaces = true;
  int chars = 0;
  for (const char* p = text.data() + a; p < text.data() + b; p = g_utf8_next_char(p), ++chars) {
    gunichar c = g_utf8_get_char(p);
    if (classify(c) == CharClass::space) continue;
    only_spaces = false;
    if (!has(c)) return give_up();
  }
  // A range of spaces alone takes the font Pango picks for U+0020.
  if (only_spaces && !has(' ')) return give_up();

  item->offset = static_cast<int>(a);
  item->length = static_cast<int>(b - a);
  item->num_chars = chars;
  item->analysis.level = 0;
  item->analysis.gravity = static_cast<guint8>(gravity);
  item->analysis.flags = 0;
  item->analysis.script = static_cast<guint8>(script);
  item->analysis.language = derived;
  item->analysis.extra_attrs = extra;
  return item;
}

}  // namespace

GList* itemize_simple(PangoContext* ctx, std::string_view text, std::size_t start, std::size_t end,
                      PangoAttrList* attrs) {
  if (end <= start || end > text.size() || !attrs) return nullptr;
  // Bidi base direction: a paragraph without strong right-to-left characters is level 0
  // only when the context does not ask for right-to-left.
  PangoDirection dir = pango_context_get_base_dir(ctx);
  if (dir != PANGO_DIRECTION_LTR && dir != PANGO_DIRECTION_WEAK_LTR &&
      dir != PANGO_DIRECTION_NEUTRAL)
    return nullptr;
  bool latin = false;
  for (const char* p = text.data() + start; p < text.data() + end; p = g_utf8_next_char(p)) {
    CharClass k = classify(g_utf8_get_char(p));
    if (k == CharClass::other) return nullptr;
    latin = latin || k == CharClass::latin;
  }
  // Common characters join the script run of the letters around them: one run in all.
  PangoScript script = latin ? PANGO_SCRIPT_LATIN : PANGO_SCRIPT_COMMON;

  PangoAttrIterator* it = pango_attr_list_get_iterator(attrs);
  GList* items = nullptr;
  std::size_t pos = start;
  bool ok = true;
  while (ok && pos < end) {
    gint range_start = 0, range_end = 0;
    pango_attr_iterator_range(it, &range_start, &range_end);
    auto stop = static_cast<std::size_t>(std::max(range_end, 0));
    if (stop <= pos) {
      ok = pango_attr_iterator_next(it);
      continue;
    }
    std::size_t b = std::min(stop, end);
    // An attribute that starts or ends inside a character: Pango splits that character.
    if ((static_cast<unsigned char>(text[b == end ? pos : b]) & 0xC0) == 0x80) {
      ok = false;
      break;
    }
    PangoItem* item = range_item(ctx, it, text, pos, b, script);
    if (!item) {
      ok = false;
      break;
    }
    items = g_list_prepend(items, item);
    pos = b;
    if (pos < end) ok = pango_attr_iterator_next(it);
  }
  pango_attr_iterator_destroy(it);
  if (!ok) {
    g_list_free_full(items, reinterpret_cast<GDestroyNotify>(pango_item_free));
    return nullptr;
  }
  return g_list_reverse(items);
}

}  // namespace folio::typeset
