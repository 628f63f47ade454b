// What an SVG file may hold before folio draws or embeds it: no scripts, nothing outside it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace folio::image {

/// Limits on one SVG: a map or a line of music is tens of kilobytes and a few thousand
/// elements; more is a drawing no page needs, or a file made to exhaust the reader.
inline constexpr std::size_t kMaxSvgBytes = 4u << 20;
inline constexpr std::size_t kMaxSvgElements = 50'000;
inline constexpr std::size_t kMaxSvgDepth = 64;

/// An SVG's own size: width and height in points (0 when not given in absolute units) and
/// its aspect (height / width) from them or from its viewBox.
struct SvgFacts {
  double width_pt = 0;
  double height_pt = 0;
  double aspect = 0;
};

/// Parses `bytes` as an SVG document and refuses, with `why` naming the line in the SVG,
/// what would run code or read anything outside the file: <script>, on* event attributes,
/// <foreignObject>, entity declarations, and references (href, xlink:href, url(…), @import)
/// other than to its own elements (`#id`). Also refuses an SVG over the limits above, one
/// that is not XML, or whose root is not an <svg> in the SVG namespace, or that gives
/// no size (width and height, or a viewBox).
std::optional<SvgFacts> inspect_svg(std::string_view bytes, std::string& why);

}  // namespace folio::image
