// One Pango font map and context for the whole book, set up for print (72 dpi, unrounded).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "style/style.hpp"
#include "typeset/font_config.hpp"
#include "typeset/styled_text.hpp"

typedef struct _PangoContext PangoContext;
typedef struct _PangoFont PangoFont;
typedef struct _PangoFontMap PangoFontMap;
typedef struct _PangoFontDescription PangoFontDescription;

namespace folio::typeset {

/// Characters of a text that the font it is set in has no glyph for.
struct GlyphGap {
  std::string font;  ///< "EB Garamond 12 Bold": the family and the variant asked for
  std::string family;
  std::vector<char32_t> missing;  ///< each character once, in order of appearance
  /// The family has no real face for the variant: fontconfig emboldens or slants another.
  bool synthetic = false;
  /// fontconfig has no face of the family at all (nothing is measured against another one).
  bool no_family = false;
  /// Characters the face lacks that a fallback family of the style supplies (each once, in
  /// order of appearance), with that family: set from it, reported as a note.
  std::vector<std::pair<char32_t, std::string>> borrowed;
};

class FontContext {
 public:
  /// `fonts`: the private fontconfig configuration with the author's fonts; null (or one
  /// without a configuration of its own) uses fontconfig's default, the system fonts.
  explicit FontContext(const std::string& lang, std::shared_ptr<const FontConfig> fonts = nullptr);
  ~FontContext();
  FontContext(const FontContext&) = delete;
  FontContext& operator=(const FontContext&) = delete;

  PangoContext* context() const { return context_; }
  const std::string& lang() const { return lang_; }

  /// Whether fontconfig's match for `face` really is that family (not a silent fallback).
  bool has_family(const style::Face& face) const;

  /// The characters of `text` that the font chosen for each span (the face's family, or
  /// `mono_family` for code, at the span's weight and slant) lacks: Pango would set them in
  /// another face; also a variant the family has no face for (bold or italic made up by the
  /// renderer from another face), as a gap with `synthetic` set. `strong` is the style's setting
  /// for strong text.
  /// `fallbacks`: the style's fallback families; a character one of them has is `borrowed`,
  /// not `missing`.
  std::vector<GlyphGap> coverage_gaps(const StyledText& text, const style::Face& face,
                                      style::Strong strong, const std::string& mono_family,
                                      const std::vector<std::string>& fallbacks = {}) const;

  /// This context's font for `foreign`, a font of another FontContext on the same fonts (a
  /// typesetting thread's): the font this context's own shaping would have chosen, checked by
  /// fontconfig pattern (file, face index, size, synthetic bold or slant, …) to be the same.
  /// A new reference (caller unrefs), or null when no equal font could be found.
  PangoFont* equivalent(PangoFont* foreign) const;

  /// The font fontconfig gives `family` in that variant (loaded once, owned here), or null
  /// when it gives another family's in its place.
  PangoFont* variant(const std::string& family, bool bold, bool italic) const;

 private:
  std::shared_ptr<const FontConfig> fonts_;
  PangoFontMap* map_ = nullptr;
  PangoContext* context_ = nullptr;
  std::string lang_;
  // The primary font of each (family, bold, italic) asked for, loaded once.
  mutable std::map<std::tuple<std::string, bool, bool>, PangoFont*> variants_;
};

/// A new font description for `face` (caller frees with pango_font_description_free).
PangoFontDescription* describe(const style::Face& face);

}  // namespace folio::typeset
