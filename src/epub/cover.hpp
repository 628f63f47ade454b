// A typographic cover (title, subtitle, authors) drawn with Cairo and Pango, as PNG bytes.
#pragma once

#include <optional>
#include <string>

#include "cover/front_design.hpp"

namespace folio::epub {

inline constexpr int kCoverWidth = 1600;  ///< pixels; 1:1.6, the proportion stores ask for
inline constexpr int kCoverHeight = 2560;

// The design is cover/front_design's, shared with the print wrap's front panel.
using cover::CoverFace;
using cover::CoverFonts;
using cover::CoverText;

/// Rows of the cover drawn at a time (kCoverHeight is a multiple of it).
inline constexpr int kCoverBandRows = 128;

/// Renders the cover as a PNG of kCoverWidth × kCoverHeight, drawn `band_rows` rows at a time
/// (the same bytes for any number). The same text and fonts give the same bytes. Returns
/// nullopt with `error` set when Cairo fails.
std::optional<std::string> render_cover_png(const CoverText& text, const CoverFonts& fonts,
                                            std::string& error, int band_rows = kCoverBandRows);

}  // namespace folio::epub
