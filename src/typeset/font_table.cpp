// Reference-counted Pango font handles indexed for glyph runs.
#include "typeset/font_table.hpp"

#include <pango/pango.h>

#include <algorithm>

namespace folio::typeset {

FontTable::~FontTable() {
  for (PangoFont* f : fonts_) g_object_unref(f);
}

FontTable& FontTable::operator=(FontTable&& other) noexcept {
  if (this != &other) {
    for (PangoFont* f : fonts_) g_object_unref(f);
    fonts_ = std::move(other.fonts_);
    other.fonts_.clear();
  }
  return *this;
}

int FontTable::index_of(PangoFont* font) {
  auto it = std::find(fonts_.begin(), fonts_.end(), font);
  if (it != fonts_.end()) return static_cast<int>(it - fonts_.begin());
  fonts_.push_back(static_cast<PangoFont*>(g_object_ref(font)));
  return static_cast<int>(fonts_.size() - 1);
}

}  // namespace folio::typeset
