// PNG and JPEG structure: enough parsing to know the size and that the file is whole.
#include "support/image_info.hpp"

#include <string>

namespace folio::support {
namespace {

std::uint32_t be32(std::string_view b, std::size_t at) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 24) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 8) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3]));
}

std::uint32_t be16(std::string_view b, std::size_t at) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 8) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1]));
}

std::optional<ImageInfo> inspect_png(std::string_view b, std::string& why) {
  ImageInfo info{"PNG", 0, 0};
  std::size_t at = 8;
  bool first = true, data = false;
  while (true) {
    if (b.size() - at < 12) {
      why = "it ends before its IEND chunk (the file is cut short)";
      return std::nullopt;
    }
    std::uint32_t length = be32(b, at);
    std::string_view type = b.substr(at + 4, 4);
    if (length > 0x7FFFFFFFu || b.size() - at - 12 < length) {
      why = "its '" + std::string(type) + "' chunk runs past the end of the file (cut short?)";
      return std::nullopt;
    }
    if (first) {
      if (type != "IHDR" || length != 13) {
        why = "it does not begin with an IHDR chunk";
        return std::nullopt;
      }
      info.width = be32(b, at + 8);
      info.height = be32(b, at + 12);
      auto depth = static_cast<unsigned char>(b[at + 16]);
      auto color = static_cast<unsigned char>(b[at + 17]);
      bool ok_depth = depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
      bool ok_color = color == 0 || color == 2 || color == 3 || color == 4 || color == 6;
      if (info.width == 0 || info.height == 0 || info.width > 0x7FFFFFFFu ||
          info.height > 0x7FFFFFFFu || !ok_depth || !ok_color) {
        why = "its IHDR chunk is invalid";
        return std::nullopt;
      }
      first = false;
    } else if (type == "pHYs" && length == 9 && b[at + 16] == 1) {
      // Pixels per metre (unit 1); unit 0 states only the pixels' aspect.
      info.ppi = static_cast<double>(be32(b, at + 8)) * 0.0254;
    } else if (type == "IDAT") {
      data = true;
    } else if (type == "IEND") {
      if (!data) {
        why = "it has no image data (no IDAT chunk)";
        return std::nullopt;
      }
      return info;
    }
    at += 12 + static_cast<std::size_t>(length);
  }
}

bool is_frame_header(unsigned char m) {
  // SOF0–SOF15, leaving out DHT (C4), JPG (C8) and DAC (CC).
  return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

std::optional<ImageInfo> inspect_jpeg(std::string_view b, std::string& why) {
  ImageInfo info{"JPEG", 0, 0};
  bool frame = false;
  std::size_t at = 2;
  const std::string cut = "it ends before its end-of-image marker (the file is cut short)";
  while (true) {
    // Fill bytes (FF FF …) may come before a marker.
    while (at < b.size() && static_cast<unsigned char>(b[at]) == 0xFF && at + 1 < b.size() &&
           static_cast<unsigned char>(b[at + 1]) == 0xFF)
      ++at;
    if (b.size() - at < 2) {
      why = cut;
      return std::nullopt;
    }
    if (static_cast<unsigned char>(b[at]) != 0xFF) {
      why = "a segment does not start with a marker (damaged?)";
      return std::nullopt;
    }
    auto marker = static_cast<unsigned char>(b[at + 1]);
    at += 2;
    if (marker == 0xD9) {
      why = "it ends before any image data";
      return std::nullopt;
    }
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;  // no length
    if (b.size() - at < 2) {
      why = cut;
      return std::nullopt;
    }
    std::uint32_t length = be16(b, at);
    if (length < 2 || b.size() - at < length) {
      why = length < 2 ? "a segment has an invalid length" : cut;
      return std::nullopt;
    }
    if (marker == 0xE0 && length >= 14 && b.substr(at + 2, 5) == std::string_view("JFIF\0", 5)) {
      // JFIF density: units 1 dots per inch, 2 per centimetre (0: an aspect only).
      auto units = static_cast<unsigned char>(b[at + 9]);
      double density = be16(b, at + 10);
      if (units == 1) info.ppi = density;
      if (units == 2) info.ppi = density * 2.54;
    }
    if (is_frame_header(marker)) {
      if (length < 8) {
        why = "its frame header is invalid";
        return std::nullopt;
      }
      info.height = be16(b, at + 3);
      info.width = be16(b, at + 5);
      if (info.width == 0 || info.height == 0) {
        why = "its frame header gives no size";
        return std::nullopt;
      }
      frame = true;
    }
    at += length;
    if (marker != 0xDA) continue;  // not the start of a scan
    if (!frame) {
      why = "its image data comes before a frame header";
      return std::nullopt;
    }
    // Entropy-coded data: FF 00 is a data byte, FF D0–D7 restart markers; any other marker
    // ends the scan (another scan, tables, or the end of the image).
    while (true) {
      std::size_t ff = b.find('\xFF', at);
      if (ff == std::string_view::npos || ff + 1 >= b.size()) {
        why = cut;
        return std::nullopt;
      }
      auto next = static_cast<unsigned char>(b[ff + 1]);
      if (next == 0x00 || next == 0xFF || (next >= 0xD0 && next <= 0xD7)) {
        at = ff + (next == 0xFF ? 1 : 2);
        continue;
      }
      if (next == 0xD9) return info;
      at = ff;
      break;
    }
  }
}

}  // namespace

std::optional<ImageInfo> inspect_image(std::string_view bytes, std::string& why) {
  if (bytes.starts_with(std::string_view("\x89PNG\r\n\x1A\n", 8))) return inspect_png(bytes, why);
  if (bytes.starts_with("\xFF\xD8")) return inspect_jpeg(bytes, why);
  why = "it is neither a PNG nor a JPEG file";
  return std::nullopt;
}

std::string image_size_problem(const ImageInfo& info) {
  auto pixels = static_cast<std::uint64_t>(info.width) * info.height;
  if (info.width <= kMaxImageSide && info.height <= kMaxImageSide && pixels <= kMaxImagePixels)
    return {};
  return std::to_string(info.width) + "×" + std::to_string(info.height) +
         " pixels, larger than folio accepts (" + std::to_string(kMaxImageSide) + " px a side, " +
         std::to_string(kMaxImagePixels / 1'000'000) + " megapixels)";
}

}  // namespace folio::support
