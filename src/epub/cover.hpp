// A typographic cover (title, subtitle, authors) drawn with Cairo and Pango, as PNG bytes.
#pragma once

#include <optional>
#include <string>

namespace folio::epub {

inline constexpr int kCoverWidth = 1600;  ///< pixels; 1:1.6, the proportion stores ask for
inline constexpr int kCoverHeight = 2560;

/// What the cover shows, and the language it is shaped in.
struct CoverText {
  std::string title;
  std::string subtitle;
  std::string authors;
  std::string lang;
};

/// A face on the cover: a Pango family name, italic or not, small capitals or not.
struct CoverFace {
  std::string family = "EB Garamond 12";
  bool italic = false;
  bool small_caps = false;
};

/// The faces the cover is set in; the book's style decides them (see cover_fonts_of).
struct CoverFonts {
  CoverFace title;
  CoverFace subtitle{"EB Garamond 12", true, false};
  CoverFace author{"EB Garamond 12", false, true};
};

/// Rows of the cover drawn at a time (kCoverHeight is a multiple of it).
inline constexpr int kCoverBandRows = 128;

/// Renders the cover as a PNG of kCoverWidth × kCoverHeight, drawn `band_rows` rows at a time
/// (the same bytes for any number). The same text and fonts give the same bytes. Returns
/// nullopt with `error` set when Cairo fails.
std::optional<std::string> render_cover_png(const CoverText& text, const CoverFonts& fonts,
                                            std::string& error, int band_rows = kCoverBandRows);

}  // namespace folio::epub
