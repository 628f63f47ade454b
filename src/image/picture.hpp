// A picture file of the manuscript, read and measured: what a figure is sized by and drawn from.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace folio::image {

enum class Format { png, jpeg, svg };

/// The resolution a raster picture is taken to have when its file states none: print's.
inline constexpr double kAssumedPpi = 300;
/// The resolution below which a printed picture looks soft (`image-resolution`).
inline constexpr double kPrintPpi = 300;

/// A picture's bytes and what they say of its size.
struct Picture {
  Format format = Format::png;
  std::string bytes;
  std::uint32_t width_px = 0;  ///< raster only
  std::uint32_t height_px = 0;
  double ppi = 0;  ///< the resolution the file states (raster), 0 when none
  /// The size it is set at when nothing is in the way, in points: a raster at its stated
  /// resolution (kAssumedPpi when none), an SVG at its width and height. 0 for an SVG that
  /// gives only a viewBox: it takes the measure.
  double width_pt = 0;
  double height_pt = 0;
  double aspect = 1;  ///< height / width
  bool vector() const { return format == Format::svg; }
};

const char* format_name(Format f);

/// The format by the file's first bytes ("<svg" or "<?xml" for SVG), or nullopt.
std::optional<Format> sniff(std::string_view bytes);

/// Measures `bytes` (PNG, JPEG or SVG): nullopt with `why` (a phrase) when they are none of
/// these, damaged, larger than folio accepts, or an SVG that is unsafe (svg_inspect.hpp).
/// Nothing is decoded here: a raster's size comes from its header.
std::optional<Picture> measure_picture(std::string bytes, std::string& why);

/// Reads `target` from the manuscript folder `base_dir` and measures it: nullopt with `why`
/// when it is a URL, lies outside the folder (symlinks resolved), is missing or too large.
std::optional<Picture> read_picture(const std::filesystem::path& base_dir,
                                    const std::string& target, std::string& why);

/// The printed resolution of a raster set `width_pt` wide (0 for a vector).
double printed_ppi(const Picture& p, double width_pt);

}  // namespace folio::image
