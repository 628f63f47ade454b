// Image lookup: inside-the-folder check, magic-byte sniffing, and the book's image inventory.
#include "epub/image_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <system_error>

#include "image/picture.hpp"
#include "image/svg_inspect.hpp"
#include "model/walk.hpp"
#include "support/image_info.hpp"

namespace folio::epub {
namespace {

namespace fs = std::filesystem;

bool is_within(const fs::path& inner, const fs::path& outer) {
  auto [ai, bi] = std::mismatch(inner.begin(), inner.end(), outer.begin(), outer.end());
  return bi == outer.end();
}

void note_use(const std::string& target, const support::SourcePos& pos, bool has_alt,
              std::vector<ImageUse>& out) {
  for (auto& u : out) {
    if (u.target == target) {
      u.has_alt = u.has_alt && has_alt;
      return;
    }
  }
  out.push_back({target, pos, has_alt});
}

}  // namespace

std::string_view sniff_image_type(std::string_view b) {
  if (b.starts_with("\x89PNG\r\n\x1a\n")) return "image/png";
  if (b.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
  if (b.starts_with("GIF87a") || b.starts_with("GIF89a")) return "image/gif";
  if (b.size() >= 12 && b.starts_with("RIFF") && b.substr(8, 4) == "WEBP") return "image/webp";
  if (image::sniff(b) == image::Format::svg) return "image/svg+xml";
  return {};
}

std::string_view extension_of(std::string_view media_type) {
  if (media_type == "image/png") return ".png";
  if (media_type == "image/jpeg") return ".jpg";
  if (media_type == "image/gif") return ".gif";
  if (media_type == "image/webp") return ".webp";
  if (media_type == "image/svg+xml") return ".svg";
  return ".bin";
}

std::optional<ImageFile> read_image(const fs::path& base_dir, const std::string& target,
                                    const support::SourcePos& where, std::string_view what,
                                    support::Diagnostics& diags) {
  if (target.find("://") != std::string::npos) {
    diags.error("epub-image-remote", where,
                fmt::format("{} '{}' is a URL; an EPUB must carry its images, so put the file in "
                            "the manuscript folder and give its path",
                            what, target));
    return std::nullopt;
  }
  // A manuscript read from memory has no folder, so no image can lie inside it (and an
  // empty base would make every path count as inside).
  if (base_dir.empty()) {
    diags.error("epub-image-missing", where,
                fmt::format("{} '{}' cannot be read: the manuscript has no folder", what, target));
    return std::nullopt;
  }
  std::error_code ec;
  fs::path base = fs::weakly_canonical(fs::absolute(base_dir, ec), ec);
  fs::path path = fs::path(target).is_absolute() ? fs::path(target) : base / target;
  fs::path real = fs::weakly_canonical(path, ec);
  if (ec || !is_within(real, base)) {
    diags.error("epub-image-outside", where,
                fmt::format("{} '{}' lies outside the manuscript folder; copy it into the "
                            "folder and give a path relative to it",
                            what, target));
    return std::nullopt;
  }
  if (!fs::is_regular_file(real, ec)) {
    diags.error("epub-image-missing", where,
                fmt::format("{} '{}' does not exist (looked for {})", what, target, real.string()));
    return std::nullopt;
  }
  // The size first: a 1 GB file is refused without being read, and the bytes are read
  // into one buffer of their size (no growing copies).
  std::uintmax_t size = fs::file_size(real, ec);
  if (ec || size > support::kMaxImageBytes) {
    diags.error("epub-image-unreadable", where,
                ec ? fmt::format("cannot read {} '{}': {}", what, target, ec.message())
                   : fmt::format("{} '{}' is {} MiB; folio embeds image files of up to {} MiB",
                                 what, target, size >> 20, support::kMaxImageBytes >> 20));
    return std::nullopt;
  }
  std::ifstream in(real, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (!in || static_cast<std::uintmax_t>(in.gcount()) != size) {
    diags.error("epub-image-unreadable", where, fmt::format("cannot read {} '{}'", what, target));
    return std::nullopt;
  }
  std::string_view type = sniff_image_type(bytes);
  if (type.empty()) {
    diags.error("epub-image-type", where,
                fmt::format("{} '{}' is not a PNG, JPEG, GIF, WebP or SVG image", what, target));
    return std::nullopt;
  }
  // An SVG goes in as it is, so it must hold no script and refer to nothing outside it
  // (folio check's image-svg-unsafe stops a build before this).
  if (type == "image/svg+xml") {
    std::string why;
    if (!image::inspect_svg(bytes, why)) {
      diags.error("epub-image-unreadable", where,
                  fmt::format("{} '{}' cannot go into the EPUB: {}", what, target, why));
      return std::nullopt;
    }
  }
  // A PNG or JPEG must be whole and of a size a reading system can decode (folio check's
  // image-damaged and image-too-large; they stop a build before this).
  if (type == "image/png" || type == "image/jpeg") {
    std::string why;
    auto info = support::inspect_image(bytes, why);
    std::string problem =
        info ? support::image_size_problem(*info) : "damaged or incomplete: " + why;
    if (!problem.empty()) {
      diags.error("epub-image-unreadable", where,
                  fmt::format("{} '{}' is {}", what, target, problem));
      return std::nullopt;
    }
  }
  return ImageFile{target, std::string(type), std::move(bytes)};
}

std::vector<ImageUse> images_in(const model::Document& doc) {
  std::vector<ImageUse> out;
  model::walk_blocks(doc, [&](const model::Block& b) {
    if (auto* figure = b.get_if<model::Figure>())
      note_use(figure->src, b.source, !figure->alt.empty(), out);
    model::walk_block_inlines(b, [&](const model::Inline& in) {
      if (auto* image = in.get_if<model::Image>())
        note_use(image->src, in.source, !image->alt.empty(), out);
    });
  });
  return out;
}

}  // namespace folio::epub
