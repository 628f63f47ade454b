// The covers' faces, read from the style.
#include "cover/cover_fonts.hpp"

namespace folio::cover {

CoverFonts fonts_of(const style::Style& style) {
  CoverFonts f;
  f.title = {style.chapter.face.family, style.chapter.face.italic, style.chapter.face.small_caps};
  f.subtitle = {style.body.family, true, false};
  f.author = {style.body.family, false, true};
  return f;
}

}  // namespace folio::cover
