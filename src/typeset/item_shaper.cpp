// Item shaping: whole, or word by word from a cache when the font cannot tell the difference.
#include "typeset/item_shaper.hpp"

#include <hb-aat.h>
#include <hb-ot.h>
#include <hb.h>
#include <pango/pango.h>

#include <cstring>

namespace folio::typeset {
namespace {

constexpr hb_tag_t kGsub = HB_OT_TAG_GSUB;
// HarfBuzz stops applying lookups once a buffer has used up its operations budget, so in a
// run of a hundred thousand characters the glyphs past some point lost their small caps and
// kerning (and differed from the same text reshaped at a break: overfull lines). A longer
// run is shaped in pieces of at most this many bytes, cut after a space where there is one.
constexpr std::size_t kMaxShapeBytes = 4096;
constexpr hb_tag_t kGpos = HB_OT_TAG_GPOS;

// Shapes bytes [a, b) of `text` in the item's analysis, clusters relative to `a`.
void shape_bytes(std::string_view text, std::size_t a, std::size_t b, const PangoItem& item,
                 PangoGlyphString* gs, std::vector<ShapedGlyph>& out, std::size_t base) {
  pango_shape_with_flags(text.data() + a, static_cast<int>(b - a), text.data(),
                         static_cast<int>(text.size()), &item.analysis, gs, PANGO_SHAPE_NONE);
  out.reserve(out.size() + static_cast<std::size_t>(gs->num_glyphs));
  for (int i = 0; i < gs->num_glyphs; ++i) {
    const PangoGlyphInfo& g = gs->glyphs[i];
    out.push_back({g.glyph, g.geometry.width / double(PANGO_SCALE),
                   g.geometry.x_offset / double(PANGO_SCALE),
                   g.geometry.y_offset / double(PANGO_SCALE),
                   base + static_cast<std::size_t>(gs->log_clusters[i])});
  }
}

bool is_space(char c) {
  return c == ' ';
}

// shape_bytes for a run of any length: pieces of at most kMaxShapeBytes, each cut after the
// last space in its second half, else before a character that is not a combining mark.
void shape_run(std::string_view text, std::size_t a, std::size_t b, const PangoItem& item,
               PangoGlyphString* gs, std::vector<ShapedGlyph>& out, std::size_t base) {
  while (b - a > kMaxShapeBytes) {
    std::size_t cut = a + kMaxShapeBytes;
    std::size_t space = cut;
    while (space > a + kMaxShapeBytes / 2 && !is_space(text[space - 1])) --space;
    if (is_space(text[space - 1])) {
      cut = space;
    } else {
      while (cut > a + 1 && ((static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80 ||
                             g_unichar_ismark(g_utf8_get_char(text.data() + cut))))
        --cut;
    }
    shape_bytes(text, a, cut, item, gs, out, base);
    base += cut - a;
    a = cut;
  }
  shape_bytes(text, a, b, item, gs, out, base);
}

bool has_table(hb_face_t* face, hb_tag_t tag) {
  hb_blob_t* blob = hb_face_reference_table(face, tag);
  bool has = hb_blob_get_length(blob) > 0;
  hb_blob_destroy(blob);
  return has;
}

bool has_feature(hb_face_t* face, hb_tag_t table, hb_tag_t feature) {
  unsigned total = hb_ot_layout_table_get_feature_tags(face, table, 0, nullptr, nullptr);
  std::vector<hb_tag_t> tags(total);
  unsigned n = total;
  hb_ot_layout_table_get_feature_tags(face, table, 0, &n, tags.data());
  for (unsigned i = 0; i < n; ++i)
    if (tags[i] == feature) return true;
  return false;
}

// Whether any lookup of `table` reads or matches the glyph `g` (as input or as context).
bool lookups_touch(hb_face_t* face, hb_tag_t table, hb_codepoint_t g) {
  hb_set_t* before = hb_set_create();
  hb_set_t* input = hb_set_create();
  hb_set_t* after = hb_set_create();
  bool touched = false;
  unsigned n = hb_ot_layout_table_get_lookup_count(face, table);
  for (unsigned i = 0; i < n && !touched; ++i) {
    hb_set_clear(before);
    hb_set_clear(input);
    hb_set_clear(after);
    hb_ot_layout_lookup_collect_glyphs(face, table, i, before, input, after, nullptr);
    touched = hb_set_has(before, g) || hb_set_has(input, g) || hb_set_has(after, g);
  }
  hb_set_destroy(before);
  hb_set_destroy(input);
  hb_set_destroy(after);
  return touched;
}

// The analysis holds GLib's script number (guint8), which may be past PangoScript's last
// enumerator (Tangut is 137): compared as a number, never converted to the enum.
bool is_simple_script(int s) {
  return s == PANGO_SCRIPT_LATIN || s == PANGO_SCRIPT_COMMON || s == PANGO_SCRIPT_INHERITED;
}

void append_raw(std::string& key, const void* p, std::size_t n) {
  key.append(static_cast<const char*>(p), n);
}

// The part of the key the item's analysis decides; false if it holds something we cannot
// describe (then the item is shaped whole).
bool analysis_key(const PangoAnalysis& an, std::string& key) {
  key.clear();
  append_raw(key, &an.font, sizeof an.font);
  append_raw(key, &an.language, sizeof an.language);
  append_raw(key, &an.script, sizeof an.script);
  append_raw(key, &an.gravity, sizeof an.gravity);
  // Bit 7 is Pango 1.50's private HAS_CHAR_OFFSET, set by pango_itemize and not by
  // itemize_simple; shaping does not read it, so words are shared across both.
  guint8 flags = an.flags & 0x7F;
  append_raw(key, &flags, sizeof flags);
  for (GSList* l = an.extra_attrs; l; l = l->next) {
    auto* attr = static_cast<PangoAttribute*>(l->data);
    if (attr->klass->type != PANGO_ATTR_FONT_FEATURES) return false;
    const char* f = reinterpret_cast<PangoAttrFontFeatures*>(attr)->features;
    key.append(f ? f : "");
    key += '\x1f';
  }
  key += '\x1e';
  return true;
}

}  // namespace

WordShapes::~WordShapes() {
  for (auto& [font, safe] : safe_) g_object_unref(font);
}

bool WordShapes::word_safe(PangoFont* font) {
  if (!font) return false;
  auto it = safe_.find(font);
  if (it != safe_.end()) return it->second;
  g_object_ref(font);
  bool safe = false;
  if (hb_font_t* hb = pango_font_get_hb_font(font)) {
    hb_face_t* face = hb_font_get_face(hb);
    hb_codepoint_t space = 0;
    // HarfBuzz applies a legacy `kern` table only where GPOS has no kerning of its own.
    bool legacy_kern = has_table(face, HB_TAG('k', 'e', 'r', 'n')) &&
                       !has_feature(face, kGpos, HB_TAG('k', 'e', 'r', 'n'));
    safe = hb_font_get_nominal_glyph(hb, ' ', &space) && !legacy_kern &&
           !hb_aat_layout_has_substitution(face) && !hb_aat_layout_has_positioning(face) &&
           !lookups_touch(face, kGsub, space) && !lookups_touch(face, kGpos, space);
  }
  safe_.emplace(font, safe);
  return safe;
}

void shape_item(std::string_view text, const PangoItem& item, WordShapes* words,
                PangoGlyphString* scratch, std::vector<ShapedGlyph>& out) {
  auto start = static_cast<std::size_t>(item.offset);
  std::size_t end = start + static_cast<std::size_t>(item.length);
  const PangoAnalysis& an = item.analysis;
  bool by_words = words && an.level % 2 == 0 && is_simple_script(an.script) &&
                  words->word_safe(an.font) && analysis_key(an, words->key_);
  // A word opening on a combining mark would be shaped apart from the letter it sits on.
  for (std::size_t i = start; by_words && i < end; ++i)
    if (is_space(text[i]) && i + 1 < end && !is_space(text[i + 1]) &&
        g_unichar_ismark(g_utf8_get_char(text.data() + i + 1)))
      by_words = false;
  if (!by_words) {
    shape_run(text, start, end, item, scratch, out, start);
    return;
  }
  auto& shapes = words->words_[words->key_];
  std::size_t a = start;
  while (a < end) {
    // A segment: a run of spaces, or of everything else.
    bool spaces = is_space(text[a]);
    std::size_t b = a;
    while (b < end && is_space(text[b]) == spaces) ++b;
    std::string_view word(text.data() + a, b - a);
    auto it = shapes.find(word);
    if (it == shapes.end()) {
      std::vector<ShapedGlyph> glyphs;
      shape_run(text, a, b, item, scratch, glyphs, 0);
      it = shapes.emplace(std::string(word), std::move(glyphs)).first;
      ++words->count_;
    }
    for (const ShapedGlyph& g : it->second) {
      out.push_back(g);
      out.back().cluster += a;
    }
    a = b;
  }
}

}  // namespace folio::typeset
