// Pandoc attribute blocks: `{#id .class key=value key="quoted value"}`.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace folio::manuscript {

struct Attributes {
  std::string id;
  std::vector<std::string> classes;
  std::map<std::string, std::string> pairs;
};

/// Parses the inside of `{…}` (without the braces); nullopt when it is not an attribute list.
std::optional<Attributes> parse_attributes(std::string_view inner);

/// If `text` ends with ` {…}` holding valid attributes, returns them and the length of
/// the text before the attribute block (trailing spaces trimmed).
std::optional<std::pair<Attributes, std::size_t>> trailing_attributes(std::string_view text);

}  // namespace folio::manuscript
