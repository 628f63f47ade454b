// Memo tables one book's paragraphs share: a novel repeats its words thousands of times.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "typeset/item_shaper.hpp"
#include "typeset/string_map.hpp"

namespace folio::typeset {

/// Results that depend only on their key, kept for the whole book. Not thread-safe: one per
/// typesetting thread. Serves one book's hyphenators (the points are kept per hyphenator).
struct ShapingCache {
  /// Hyphenator → word (as in the text) → its break points in it.
  std::unordered_map<const void*, StringMap<std::vector<std::size_t>>> hyphen_points;
  /// Face and settings → (spans, hyphen and bytes of a word fragment) → its shaped width
  /// (see paragraph.cpp). Two levels so the per-fragment key stays short.
  StringMap<StringMap<double>> fragment_widths;
  /// Face → whether its font has U+2010 HYPHEN.
  StringMap<bool> has_hyphen_glyph;
  /// Shaped words (see item_shaper.hpp).
  WordShapes words;
};

}  // namespace folio::typeset
