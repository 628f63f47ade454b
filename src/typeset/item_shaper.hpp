// Shapes one Pango item, word by word through a cache where that gives HarfBuzz's exact result.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "typeset/string_map.hpp"

typedef struct _PangoFont PangoFont;
typedef struct _PangoItem PangoItem;
typedef struct _PangoGlyphString PangoGlyphString;

namespace folio::typeset {

struct ShapedGlyph {
  std::uint32_t id;
  double width;
  double x_offset;
  double y_offset;
  std::size_t cluster;  ///< byte offset in the shaped text
};

/// Shaped words of one book, keyed by font, shaping settings and bytes. A novel sets its
/// hundred thousand words from a vocabulary of a few thousand, so most words are shaped once.
///
/// Shaping a word alone gives the same glyphs as shaping it inside its line only when nothing
/// in the font reaches across the space between words: no substitution or positioning lookup
/// that involves the space glyph (Blink's word cache uses the same test), no legacy `kern` or
/// AAT tables, a simple left-to-right script, and no word opening on a combining mark. An item
/// that fails any of these is shaped whole, as before. Not thread-safe: one per thread.
class WordShapes {
 public:
  WordShapes() = default;
  ~WordShapes();
  WordShapes(const WordShapes&) = delete;
  WordShapes& operator=(const WordShapes&) = delete;
  WordShapes(WordShapes&& other) noexcept
      : safe_(std::move(other.safe_)), words_(std::move(other.words_)), count_(other.count_) {
    other.safe_.clear();  // the references moved with the map
    other.words_.clear();
    other.count_ = 0;
  }
  WordShapes& operator=(WordShapes&&) = delete;

  /// Shaped words kept, for tests and measurement.
  std::size_t size() const { return count_; }

 private:
  friend void shape_item(std::string_view text, const PangoItem& item, WordShapes* words,
                         PangoGlyphString* scratch, std::vector<ShapedGlyph>& out);
  bool word_safe(PangoFont* font);

  // Fonts are keys by address, so each one is referenced here until the cache goes: a freed
  // font's address reused by another face would otherwise find the first one's glyphs.
  std::unordered_map<PangoFont*, bool> safe_;
  // By the item's analysis (font, language, script, features…), then by the word's bytes:
  // a word is hashed alone, not with the forty-odd bytes of its analysis.
  StringMap<StringMap<std::vector<ShapedGlyph>>> words_;
  std::size_t count_ = 0;
  std::string key_;  // the analysis key, reused for every item
};

/// Appends the glyphs of `item`, an item of paragraph `text`, to `out`, clusters as byte
/// offsets in `text`. With `words` null every item is shaped whole. `scratch` is any glyph
/// string, reused between calls.
void shape_item(std::string_view text, const PangoItem& item, WordShapes* words,
                PangoGlyphString* scratch, std::vector<ShapedGlyph>& out);

}  // namespace folio::typeset
