// Operations on a text run's source pieces: where each byte of model text came from.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "model/document.hpp"

namespace folio::model {

/// The text `literal` read from source bytes [begin, begin + length): one piece.
Text located_text(std::string literal, std::size_t begin, std::size_t length);

/// Text of unknown origin.
Text unplaced_text(std::string literal);

/// Appends `tail` (text and pieces) to `head`.
void append(Text& head, const Text& tail);

/// Bytes [from, to) of `t` with their pieces.
Text slice(const Text& t, std::size_t from, std::size_t to);

/// Where text byte `i` came from: its source offset, or nothing when unknown.
std::optional<std::size_t> source_offset(const Text& t, std::size_t i);

/// The piece text byte `i` belongs to (t.pieces must not be empty; i < t.text.size()).
const TextPiece& piece_at(const Text& t, std::size_t i);

/// Whether text byte `i` was written as a backslash escape (`\[` is a bracket, not markup).
bool escaped(const Text& t, std::size_t i);

/// The end of piece `k`'s text.
std::size_t piece_end(const Text& t, std::size_t k);

}  // namespace folio::model
