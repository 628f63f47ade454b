// The covers' text, from the metadata, and faces, from the style.
#include "cover/cover_fonts.hpp"

namespace folio::cover {

CoverFonts fonts_of(const style::Style& style) {
  CoverFonts f;
  f.title = {style.chapter.face.family, style.chapter.face.italic, style.chapter.face.small_caps};
  f.subtitle = {style.body.family, true, false};
  f.author = {style.body.family, false, true};
  return f;
}

std::string authors_line(const model::Metadata& meta) {
  std::string out;
  for (const auto& a : meta.authors) {
    if (!out.empty()) out += ", ";
    out += a.value;
  }
  return out;
}

CoverText text_of(const model::Metadata& meta, const std::string& lang) {
  return {meta.title.value, meta.subtitle.value, authors_line(meta), lang};
}

}  // namespace folio::cover
