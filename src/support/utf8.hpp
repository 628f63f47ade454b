// UTF-8 validation, and the characters XML 1.0 forbids or that reorder text, found by byte offset.
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

/// Why a character may not reach an output (or a terminal).
enum class UnsafeKind {
  xml_forbidden,  ///< C0 controls other than tab/LF/CR, U+FFFE, U+FFFF (XML 1.0 forbids them)
  bidi_control,   ///< U+202A–U+202E, U+2066–U+2069: invisible, they reorder the text shown
};

struct UnsafeCharacter {
  std::size_t offset;  ///< byte offset in the text scanned
  char32_t code_point;
  UnsafeKind kind;
};

/// The first character of valid UTF-8 `s`, at or after byte `from`, that may not reach an
/// output, or nullopt.
std::optional<UnsafeCharacter> find_unsafe_character(std::string_view s, std::size_t from = 0);

/// The code point at byte `i` of valid UTF-8 `s`, and its length in bytes.
char32_t decode_utf8(std::string_view s, std::size_t i, std::size_t& len);

/// 1-based line and byte column of `offset` in `s`.
struct LineColumn {
  int line;
  int column;
};
LineColumn line_column_at(std::string_view s, std::size_t offset);

}  // namespace folio::support
