// Reading a picture inside the manuscript folder and measuring it from its header or SVG root.
#include "image/picture.hpp"

#include <algorithm>
#include <fstream>
#include <system_error>

#include "image/svg_inspect.hpp"
#include "support/image_info.hpp"

namespace folio::image {
namespace {

namespace fs = std::filesystem;

// A stated resolution outside this range is a mistake of the program that wrote the file
// (1 ppi, 65535 ppi), not a size the author meant: it is treated as none.
constexpr double kMinStatedPpi = 20;
constexpr double kMaxStatedPpi = 5000;

}  // namespace

const char* format_name(Format f) {
  switch (f) {
    case Format::png:
      return "PNG";
    case Format::jpeg:
      return "JPEG";
    case Format::svg:
      return "SVG";
  }
  return "";
}

std::optional<Format> sniff(std::string_view b) {
  if (b.starts_with(std::string_view("\x89PNG\r\n\x1A\n", 8))) return Format::png;
  if (b.starts_with("\xFF\xD8\xFF")) return Format::jpeg;
  // SVG: XML text (after a byte-order mark and white space) whose first element is <svg.
  if (b.starts_with("\xEF\xBB\xBF")) b.remove_prefix(3);
  std::size_t first = b.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::nullopt;
  b.remove_prefix(first);
  if (b.starts_with("<svg") || b.starts_with("<?xml") || b.starts_with("<!--") ||
      b.starts_with("<!DOCTYPE svg")) {
    std::string_view head = b.substr(0, 4096);
    if (head.find("<svg") != std::string_view::npos) return Format::svg;
  }
  return std::nullopt;
}

std::optional<Picture> measure_picture(std::string bytes, std::string& why) {
  std::optional<Format> format = sniff(bytes);
  if (!format) {
    why = "it is not a PNG, JPEG or SVG file";
    return std::nullopt;
  }
  Picture p;
  p.format = *format;
  if (p.vector()) {
    auto facts = inspect_svg(bytes, why);
    if (!facts) return std::nullopt;
    p.width_pt = facts->width_pt;
    p.height_pt = facts->height_pt;
    p.aspect = facts->aspect;
  } else {
    auto info = support::inspect_image(bytes, why);
    if (!info) return std::nullopt;
    if (std::string problem = support::image_size_problem(*info); !problem.empty()) {
      why = problem;
      return std::nullopt;
    }
    p.width_px = info->width;
    p.height_px = info->height;
    if (info->ppi >= kMinStatedPpi && info->ppi <= kMaxStatedPpi) p.ppi = info->ppi;
    double ppi = p.ppi > 0 ? p.ppi : kAssumedPpi;
    p.width_pt = info->width * 72.0 / ppi;
    p.height_pt = info->height * 72.0 / ppi;
    p.aspect = static_cast<double>(info->height) / info->width;
  }
  p.bytes = std::move(bytes);
  return p;
}

std::optional<Picture> read_picture(const fs::path& base_dir, const std::string& target,
                                    std::string& why) {
  if (target.empty() || target.find("://") != std::string::npos) {
    why = target.empty() ? "it has no file name" : "it is a URL, not a file of the manuscript";
    return std::nullopt;
  }
  fs::path rel = fs::path(target).lexically_normal();
  if (base_dir.empty() || rel.is_absolute() || (!rel.empty() && *rel.begin() == "..")) {
    why =
        base_dir.empty() ? "the manuscript has no folder" : "it lies outside the manuscript folder";
    return std::nullopt;
  }
  std::error_code ec;
  fs::path base = fs::weakly_canonical(fs::absolute(base_dir, ec), ec);
  fs::path full = fs::weakly_canonical(base / rel, ec);
  auto [b, f] = std::mismatch(base.begin(), base.end(), full.begin(), full.end());
  if (ec || b != base.end()) {
    why = "it leads outside the manuscript folder";
    return std::nullopt;
  }
  if (!fs::is_regular_file(full, ec)) {
    why = "it does not exist in the manuscript folder";
    return std::nullopt;
  }
  std::uintmax_t size = fs::file_size(full, ec);
  if (ec || size > support::kMaxImageBytes) {
    why = ec ? "it cannot be read" : "it is larger than folio embeds";
    return std::nullopt;
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  std::ifstream in(full, std::ios::binary);
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (!in || static_cast<std::uintmax_t>(in.gcount()) != size) {
    why = "it cannot be read";
    return std::nullopt;
  }
  return measure_picture(std::move(bytes), why);
}

double printed_ppi(const Picture& p, double width_pt) {
  if (p.vector() || width_pt <= 0) return 0;
  return p.width_px * 72.0 / width_pt;
}

}  // namespace folio::image
