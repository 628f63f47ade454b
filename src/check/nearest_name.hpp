// "Did you mean …?": the known name closest to a misspelt one.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace folio::check {

/// The candidate within a small edit distance of `name` (adjacent swaps count as one edit),
/// preferring the closest and then the first listed; nullopt when none is close enough.
std::optional<std::string> nearest_name(std::string_view name,
                                        std::span<const std::string_view> candidates);

}  // namespace folio::check
