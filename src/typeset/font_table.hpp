// Owns the Pango fonts that glyph runs refer to by index (so pages stay plain data).
#pragma once

#include <vector>

typedef struct _PangoFont PangoFont;

namespace folio::typeset {

class FontTable {
 public:
  FontTable() = default;
  ~FontTable();
  FontTable(FontTable&& other) noexcept : fonts_(std::move(other.fonts_)) { other.fonts_.clear(); }
  FontTable& operator=(FontTable&& other) noexcept;
  FontTable(const FontTable&) = delete;
  FontTable& operator=(const FontTable&) = delete;

  /// The index of `font`, adding a reference to it the first time.
  int index_of(PangoFont* font);
  PangoFont* at(int i) const { return fonts_.at(static_cast<std::size_t>(i)); }
  std::size_t size() const { return fonts_.size(); }

 private:
  std::vector<PangoFont*> fonts_;
};

}  // namespace folio::typeset
