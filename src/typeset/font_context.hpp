// One Pango font map and context for the whole book, set up for print (72 dpi, unrounded).
#pragma once

#include <string>

#include "style/style.hpp"

typedef struct _PangoContext PangoContext;
typedef struct _PangoFontMap PangoFontMap;
typedef struct _PangoFontDescription PangoFontDescription;

namespace folio::typeset {

class FontContext {
 public:
  explicit FontContext(const std::string& lang);
  ~FontContext();
  FontContext(const FontContext&) = delete;
  FontContext& operator=(const FontContext&) = delete;

  PangoContext* context() const { return context_; }
  const std::string& lang() const { return lang_; }

  /// Whether fontconfig's match for `face` really is that family (not a silent fallback).
  bool has_family(const style::Face& face) const;

 private:
  PangoFontMap* map_ = nullptr;
  PangoContext* context_ = nullptr;
  std::string lang_;
};

/// A new font description for `face` (caller frees with pango_font_description_free).
PangoFontDescription* describe(const style::Face& face);

}  // namespace folio::typeset
