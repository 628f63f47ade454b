// A typographic cover (title, subtitle, authors) drawn with Cairo and Pango, as PNG bytes.
#pragma once

#include <optional>
#include <string>

namespace folio::epub {

inline constexpr int kCoverWidth = 1600;   ///< pixels; 1:1.6, the proportion stores ask for
inline constexpr int kCoverHeight = 2560;

/// What the cover shows, and the language it is shaped in.
struct CoverText {
  std::string title;
  std::string subtitle;
  std::string authors;
  std::string lang;
};

/// The fonts the cover is set in (Pango family names); the style decides them.
struct CoverFonts {
  std::string title = "EB Garamond 12";
  std::string subtitle = "EB Garamond 12 Italic";
  std::string author = "EB Garamond 12";
};

/// Renders the cover as a PNG of kCoverWidth × kCoverHeight. The same text and fonts give
/// the same bytes. Returns nullopt with `error` set when Cairo fails.
std::optional<std::string> render_cover_png(const CoverText& text, const CoverFonts& fonts,
                                            std::string& error);

}  // namespace folio::epub
