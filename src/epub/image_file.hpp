// Images the EPUB carries: resolved inside the manuscript folder, typed by their bytes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"
#include "support/diagnostic.hpp"

namespace folio::epub {

/// The EPUB core media type of an image from its first bytes (PNG, JPEG, GIF, WebP), or
/// empty when the bytes are none of these.
std::string_view sniff_image_type(std::string_view bytes);

/// The file extension for a core image media type ("image/png" → ".png").
std::string_view extension_of(std::string_view media_type);

/// An image read from the manuscript folder.
struct ImageFile {
  std::string target;      ///< the path as written in the manuscript
  std::string media_type;  ///< e.g. "image/png"
  std::string bytes;
};

/// Reads `target` (relative to `base_dir`). Reports an error at `where` and returns nullopt
/// when it is a URL, does not exist, lies outside the manuscript folder (symlinks resolved),
/// or is not a PNG, JPEG, GIF or WebP image. `what` names it in messages ("cover image").
std::optional<ImageFile> read_image(const std::filesystem::path& base_dir,
                                    const std::string& target, const support::SourcePos& where,
                                    std::string_view what, support::Diagnostics& diags);

/// Every image the sections refer to (figures and inline images), in reading order, each
/// target once, with the position of its first use.
struct ImageUse {
  std::string target;
  support::SourcePos source;
  bool has_alt = false;  ///< true when every use has alt text
};
std::vector<ImageUse> images_in(const model::Document& doc);

}  // namespace folio::epub
