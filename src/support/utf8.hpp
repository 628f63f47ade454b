// UTF-8 validation and the characters XML 1.0 forbids, reported with byte offsets.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace folio::support {

/// The byte offset of the first byte that does not start a well-formed UTF-8 sequence
/// (overlongs, surrogates and code points above U+10FFFF included), or nullopt.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

/// The byte offset of the first character XML 1.0 forbids in text (C0 controls other than
/// tab, LF and CR; U+FFFE; U+FFFF), or nullopt. `s` must be valid UTF-8.
std::optional<std::size_t> find_xml_forbidden(std::string_view s, std::size_t from = 0);

/// 1-based line and byte column of `offset` in `s`.
struct LineColumn {
  int line;
  int column;
};
LineColumn line_column_at(std::string_view s, std::size_t offset);

}  // namespace folio::support
