// Image checks: every figure, inline image and the cover must be a PNG, JPEG or (but for the
// cover) SVG file inside the manuscript folder, whole, decodable and, for SVG, safe (no
// scripts, nothing outside the file); pictures in the text need alt text for readers who
// cannot see them.
#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <system_error>
#include <utility>

#include "check/families.hpp"
#include "image/picture.hpp"
#include "image/raster_decode.hpp"
#include "image/svg_inspect.hpp"
#include "image/svg_load.hpp"
#include "model/walk.hpp"
#include "support/image_info.hpp"

namespace folio::check {
namespace {

namespace fs = std::filesystem;
using model::Block;
using model::Inline;

enum class Format { png, jpeg, svg, other };

Format format_by_name(const std::string& target) {
  std::string ext = fs::path(target).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".png") return Format::png;
  if (ext == ".jpg" || ext == ".jpeg") return Format::jpeg;
  if (ext == ".svg") return Format::svg;
  return Format::other;
}

Format format_by_content(const fs::path& file) {
  std::array<char, 4096> head{};
  std::ifstream in(file, std::ios::binary);
  in.read(head.data(), head.size());
  std::string_view h(head.data(), static_cast<std::size_t>(in.gcount()));
  switch (image::sniff(h).value_or(image::Format(-1))) {
    case image::Format::png:
      return Format::png;
    case image::Format::jpeg:
      return Format::jpeg;
    case image::Format::svg:
      return Format::svg;
  }
  return Format::other;
}

const char* format_name(Format f) {
  return f == Format::png ? "PNG" : f == Format::jpeg ? "JPEG" : "SVG";
}

bool looks_like_url(const std::string& target) {
  std::size_t colon = target.find(':');
  // One letter before the colon is a Windows drive, not a scheme.
  return colon != std::string::npos && colon > 1 &&
         std::all_of(
             target.begin(), target.begin() + static_cast<std::ptrdiff_t>(colon),
             [](unsigned char c) { return std::isalnum(c) || c == '+' || c == '-' || c == '.'; });
}

class ImageChecker {
 public:
  ImageChecker(const manuscript::Manuscript& m, support::Diagnostics& diags)
      : base_(m.document.base_dir), diags_(diags) {}

  // Checks one image; `alt` is null for the cover, which needs none.
  void check(const std::string& target, const std::string* alt, const support::SourcePos& pos);

 private:
  bool check_place(const std::string& target, const support::SourcePos& pos, fs::path& full);
  void check_content(const std::string& target, const fs::path& full,
                     const support::SourcePos& pos);

  fs::path base_;
  // What is wrong with each file read so far ("" when nothing): an image used on many pages
  // is read once.
  std::map<fs::path, std::pair<support::Code, std::string>> verdicts_;
  std::uintmax_t total_bytes_ = 0;  // of the distinct image files read so far
  support::Diagnostics& diags_;
};

bool ImageChecker::check_place(const std::string& target, const support::SourcePos& pos,
                               fs::path& full) {
  if (target.empty()) {
    diags_.error("image-missing", pos, "this image has no file name");
    return false;
  }
  if (looks_like_url(target)) {
    diags_.error("image-outside", pos,
                 "the image '" + target +
                     "' is a URL; books carry their images, so put the file in the "
                     "manuscript folder");
    return false;
  }
  fs::path rel = fs::path(target).lexically_normal();
  if (rel.is_absolute() || (!rel.empty() && *rel.begin() == "..")) {
    diags_.error(
        "image-outside", pos,
        "the image '" + target + "' lies outside the manuscript folder; copy it into the folder");
    return false;
  }
  if (base_.empty()) {  // an in-memory manuscript (tests, fuzzing): the EPUB cannot embed it
    diags_.error("image-missing", pos,
                 "the image '" + target + "' cannot be read: the manuscript has no folder");
    return false;
  }
  std::error_code ec;
  full = fs::weakly_canonical(base_ / rel, ec);
  auto [b, f] = std::mismatch(base_.begin(), base_.end(), full.begin(), full.end());
  if (ec || b != base_.end()) {
    diags_.error("image-outside", pos,
                 "the image '" + target + "' leads outside the manuscript folder (a symlink?)");
    return false;
  }
  if (!fs::is_regular_file(full, ec)) {
    diags_.error("image-missing", pos,
                 "the image '" + target + "' does not exist in the manuscript folder");
    return false;
  }
  return true;
}

// What is wrong with an image's bytes: its structure (the header, the size in pixels, that
// the bytes run to the format's end: a cut-short download would be embedded as it is), then
// its data, decoded whole (a raster; its size was checked first, so a decompression bomb is
// refused before any pixel is made), or an SVG's content and librsvg's reading of it.
std::pair<support::Code, std::string> content_verdict(const std::string& target,
                                                      std::string bytes) {
  std::string why;
  if (image::sniff(bytes) == image::Format::svg) {
    auto picture = image::measure_picture(std::move(bytes), why);
    if (!picture)
      return {support::Code("image-svg-unsafe"),
              "the SVG '" + target + "' cannot go into the book: " + why};
    RsvgHandle* handle = image::load_svg(*picture, why);
    if (!handle)
      return {support::Code("image-damaged"), "the SVG '" + target + "' is damaged: " + why};
    g_object_unref(handle);
    return {};
  }
  auto info = support::inspect_image(bytes, why);
  if (!info)
    return {support::Code("image-damaged"),
            "the image '" + target + "' is damaged or incomplete: " + why};
  if (std::string problem = support::image_size_problem(*info); !problem.empty())
    return {support::Code("image-too-large"), "the image '" + target + "' is " + problem};
  auto picture = image::measure_picture(std::move(bytes), why);
  if (!picture || !image::raster_decodes(*picture, why))
    return {support::Code("image-damaged"),
            "the image '" + target + "' is damaged or incomplete: " + why};
  return {};
}

// The file's size before reading it, then its content (content_verdict).
void ImageChecker::check_content(const std::string& target, const fs::path& full,
                                 const support::SourcePos& pos) {
  auto found = verdicts_.find(full);
  if (found == verdicts_.end()) {
    std::pair<support::Code, std::string> verdict;  // {code, message}
    std::error_code ec;
    std::uintmax_t size = fs::file_size(full, ec);
    std::string bytes;
    if (!ec && size > support::kMaxImageBytes) {
      verdict = {support::Code("image-too-large"),
                 "the image '" + target + "' is " + std::to_string(size >> 20) +
                     " MiB; folio embeds image files of up to " +
                     std::to_string(support::kMaxImageBytes >> 20) + " MiB"};
    } else if (!ec && total_bytes_ + size > support::kMaxBookImageBytes) {
      verdict = {support::Code("image-too-large"),
                 "with the image '" + target + "' the book's images come to more than " +
                     std::to_string(support::kMaxBookImageBytes >> 20) +
                     " MiB, more than folio embeds in one book"};
    } else if (!ec) {
      total_bytes_ += size;
      std::ifstream in(full, std::ios::binary);
      bytes.resize(static_cast<std::size_t>(size));
      in.read(bytes.data(), static_cast<std::streamsize>(size));
      bytes.resize(static_cast<std::size_t>(in.gcount()));
      verdict = content_verdict(target, std::move(bytes));
    }
    found = verdicts_.emplace(full, std::move(verdict)).first;
  }
  if (!found->second.first.empty()) diags_.error(found->second.first, pos, found->second.second);
}

void ImageChecker::check(const std::string& target, const std::string* alt,
                         const support::SourcePos& pos) {
  fs::path full;
  bool present = check_place(target, pos, full);
  Format named = format_by_name(target);
  if (!target.empty() && (named == Format::other || (named == Format::svg && !alt))) {
    diags_.error("image-format", pos,
                 "the image '" + target +
                     (alt ? "' is not a PNG, JPEG or SVG file (.png, .jpg, .jpeg, .svg), "
                            "the formats folio embeds in both the EPUB and the PDF"
                          : "' is not a PNG or JPEG file (.png, .jpg, .jpeg): a cover must be "
                            "one of these, the formats every reading system and store shows"));
  } else if (present) {
    Format actual = format_by_content(full);
    if (actual != named)
      diags_.error("image-format", pos,
                   "the image '" + target + "' is named as " + format_name(named) +
                       " but its content is " +
                       (actual == Format::other ? std::string("neither PNG, JPEG nor SVG")
                                                : std::string(format_name(actual))));
    else
      check_content(target, full, pos);
  }
  if (alt && alt->find_first_not_of(" \t\n") == std::string::npos)
    diags_.warning("image-alt", pos,
                   "this image has no alt text; describe it for readers who cannot see it "
                   "(![description](" +
                       target + "))");
}

}  // namespace

void check_images(const manuscript::Manuscript& m, support::Diagnostics& diags) {
  ImageChecker checker(m, diags);
  const model::MetaString& cover = m.document.metadata.cover_image;
  if (!cover.empty()) checker.check(cover.value, nullptr, cover.source);
  model::walk_blocks(m.document, [&](const Block& b) {
    if (auto* figure = b.get_if<model::Figure>())
      checker.check(figure->src, &figure->alt, b.source);
    model::walk_block_inlines(b, [&](const Inline& in) {
      if (auto* image = in.get_if<model::Image>())
        checker.check(image->src, &image->alt, in.source);
    });
  });
}

}  // namespace folio::check
