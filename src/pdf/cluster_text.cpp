// Picks the text of a glyph cluster for Cairo (see cluster_text.hpp).
#include "pdf/cluster_text.hpp"

#include <cairo-ft.h>

#include <array>
#include <cstdint>
#include <utility>

#include "support/utf8.hpp"

namespace folio::pdf {
namespace {

// Unicode's default-ignorable format characters that a book's text carries: drawn as nothing.
bool without_ink(std::uint32_t c) {
  return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x180E || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
         (c >= 0x2066 && c <= 0x206F) || c == 0xFEFF;
}

// The Latin ligatures of Unicode's Alphabetic Presentation Forms, with what they stand for.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kLigatures{{
    {"ff", "\uFB00"},
    {"fi", "\uFB01"},
    {"fl", "\uFB02"},
    {"ffi", "\uFB03"},
    {"ffl", "\uFB04"},
    {"\u017Ft", "\uFB05"},
    {"st", "\uFB06"},
}};

// True when `font`'s cmap maps `ligature` (one character, UTF-8) to `glyph`.
bool encodes(cairo_scaled_font_t* font, std::string_view ligature, unsigned long glyph) {
  if (!font || cairo_scaled_font_get_type(font) != CAIRO_FONT_TYPE_FT) return false;
  FT_Face face = cairo_ft_scaled_font_lock_face(font);
  if (!face) return false;
  std::size_t len = 0;
  bool found = FT_Get_Char_Index(face, support::decode_utf8(ligature, 0, len)) == glyph;
  cairo_ft_scaled_font_unlock_face(font);
  return found;
}

}  // namespace

std::string cluster_text(std::string_view text, int glyphs, unsigned long glyph,
                         cairo_scaled_font_t* font) {
  if (glyphs == 0) {
    for (std::size_t i = 0, len = 0; i < text.size(); i += len)
      if (!without_ink(support::decode_utf8(text, i, len))) return std::string(text);
    return {};
  }
  if (glyphs == 1 && text.size() > 1)
    for (const auto& [letters, ligature] : kLigatures)
      if (text == letters && encodes(font, ligature, glyph)) return std::string(ligature);
  return std::string(text);
}

}  // namespace folio::pdf
