// Parses --pages values strictly: a typo should be an error, not a surprising preview.
#include "cli/page_range.hpp"

#include <fmt/format.h>

#include <charconv>

namespace folio::cli {
namespace {

constexpr int kMaxPage = 100000;

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::optional<int> page_number(std::string_view s) {
  s = trimmed(s);
  int value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || value < 1 || value > kMaxPage)
    return std::nullopt;
  return value;
}

}  // namespace

std::optional<PageRange> parse_page_range(std::string_view text, std::string& error) {
  std::size_t dash = text.find('-');
  auto first = page_number(text.substr(0, dash));
  auto last = dash == std::string_view::npos ? first : page_number(text.substr(dash + 1));
  if (!first || !last) {
    // fmt, not "'" + std::string: GCC 12 at -O3 warns falsely (-Wrestrict) on the latter.
    error = fmt::format("'{}' is not a page or a range of pages (write e.g. 3 or 1-8)", text);
    return std::nullopt;
  }
  if (*last < *first) {
    error = fmt::format("the range '{}' ends before it starts", text);
    return std::nullopt;
  }
  return PageRange{*first, *last};
}

}  // namespace folio::cli
