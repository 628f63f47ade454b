// Source text checks before parsing: UTF-8, characters XML forbids, bidi controls, mark floods.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "support/diagnostic.hpp"
#include "support/utf8.hpp"

namespace folio::manuscript {

using support::find_unsafe_character;
using support::UnsafeCharacter;
using support::UnsafeKind;

/// The byte offset of the first run of more than kMaxCombiningMarks combining marks in valid
/// UTF-8 `s` (a "Zalgo" flood: it hangs some renderers and is never real text), or nullopt.
std::optional<std::size_t> find_combining_flood(std::string_view s);

/// "U+202E (RIGHT-TO-LEFT OVERRIDE)"-style name for a diagnostic.
std::string describe(const UnsafeCharacter& c);

/// Checks a source file's bytes: invalid UTF-8 (overlongs, surrogates included), characters
/// XML forbids (NUL included), bidi controls and combining-mark floods, each reported as an
/// error at its line, column and byte offset (at most a few per kind, then a count).
/// Returns false when any was found: then the text must not be parsed.
bool text_is_usable(const std::string& name, std::string_view text, support::Diagnostics& diags);

/// Checks text a parser decoded from escapes (Markdown character references such as `&#x202E;`,
/// YAML escapes such as "\u0001"), which the check of the raw bytes cannot see: the same
/// rules, reported once as an error at `where`, the place of the escape's node or value.
bool decoded_text_is_usable(std::string_view text, const support::SourcePos& where,
                            support::Diagnostics& diags);

}  // namespace folio::manuscript
