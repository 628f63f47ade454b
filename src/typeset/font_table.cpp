// Reference-counted Pango font handles indexed for glyph runs.
#include "typeset/font_table.hpp"

#include <pango/pango.h>

#include <algorithm>

namespace folio::typeset {

FontTable::~FontTable() {
  for (PangoFont* f : fonts_)
    if (f) g_object_unref(f);
}

FontTable& FontTable::operator=(FontTable&& other) noexcept {
  if (this != &other) {
    for (PangoFont* f : fonts_)
      if (f) g_object_unref(f);
    fonts_ = std::move(other.fonts_);
    other.fonts_.clear();
  }
  return *this;
}

int FontTable::index_of(PangoFont* font) {
  auto it = std::find(fonts_.begin(), fonts_.end(), font);
  if (it != fonts_.end()) return static_cast<int>(it - fonts_.begin());
  // No font at all (an empty font configuration): kept as null; the missing family is an
  // error, so such a document is never drawn.
  fonts_.push_back(font ? static_cast<PangoFont*>(g_object_ref(font)) : nullptr);
  return static_cast<int>(fonts_.size() - 1);
}

}  // namespace folio::typeset
