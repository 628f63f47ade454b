// Where a command may write: never into the manuscript, never over a source.
#pragma once

#include <filesystem>
#include <string>

namespace folio::publish {

/// True when `inner` is `outer` or lies inside it (both made absolute, symlinks resolved as
/// far as they exist).
bool is_within(const std::filesystem::path& inner, const std::filesystem::path& outer);

/// Why `output` (a file a command is about to write) must not be written, or empty: it lies
/// inside the manuscript folder `manuscript` (resolved through symlinks, so every chapter,
/// book.yaml, image and font is covered), or it is the style file `style` names by path.
std::string output_refusal(const std::filesystem::path& output,
                           const std::filesystem::path& manuscript, const std::string& style);

}  // namespace folio::publish
