// What an image file says about itself: its format, its size in pixels, and whether its
// bytes run to the end the format defines. Checked before an image is embedded in a book.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace folio::support {

/// Largest image file read (checked on the file's size before reading it): a print-quality
/// full-page photograph is 5–20 MB; an EPUB store refuses files of hundreds of megabytes.
inline constexpr std::uintmax_t kMaxImageBytes = 64u << 20;
/// Most bytes of image files in one book, each file counted once: the EPUB writer holds
/// them all, and the archive it builds, in memory.
inline constexpr std::uintmax_t kMaxBookImageBytes = 256u << 20;
/// Largest side and area accepted: 20,000 px is 6.7 ft at 250 dpi; 100 megapixels decode to
/// 400 MB of RGBA in a reading system.
inline constexpr std::uint32_t kMaxImageSide = 20000;
inline constexpr std::uint64_t kMaxImagePixels = 100'000'000;

struct ImageInfo {
  const char* format = "";  ///< "PNG" or "JPEG"
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  /// The resolution the file states (PNG pHYs in pixels per metre, JPEG JFIF density in dots
  /// per inch or centimetre), in pixels per inch; 0 when it states none or only an aspect.
  double ppi = 0;
};

/// Parses a PNG (signature, IHDR first, every chunk within the file, IDAT, IEND) or a JPEG
/// (SOI, segments within the file, a frame header before the scan, EOI after it). Returns
/// nullopt and says why in `why` (a phrase: "it ends before its IEND chunk") when the bytes
/// are neither format or are damaged or cut short. Dimensions are not limited here.
std::optional<ImageInfo> inspect_image(std::string_view bytes, std::string& why);

/// Empty when `info` is within kMaxImageSide and kMaxImagePixels, else why not.
std::string image_size_problem(const ImageInfo& info);

}  // namespace folio::support
