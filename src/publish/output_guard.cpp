// Outputs never land in the manuscript: the author's only copy of a book.
#include "publish/output_guard.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <system_error>

namespace folio::publish {

namespace fs = std::filesystem;

bool is_within(const fs::path& inner, const fs::path& outer) {
  std::error_code ec;
  fs::path a = fs::weakly_canonical(fs::absolute(inner, ec), ec);
  fs::path b = fs::weakly_canonical(fs::absolute(outer, ec), ec);
  auto [ai, bi] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  return bi == b.end();
}

std::string output_refusal(const fs::path& output, const fs::path& manuscript,
                           const std::string& style) {
  if (is_within(output, manuscript))
    return fmt::format("{} lies inside the manuscript folder {}", output.string(),
                       manuscript.string());
  std::error_code ec;
  if (style.ends_with(".yaml") && fs::equivalent(output, style, ec))
    return fmt::format("{} is the style file the book is built with", output.string());
  return {};
}

}  // namespace folio::publish
