// Aligns a text node's literal with the source bytes it was parsed from.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "model/document.hpp"

namespace folio::manuscript {

/// The pieces of `literal` read from `source` starting at `at` and ending before `end`:
/// bytes copied one for one, backslash escapes (the escaped character's byte), entities
/// (`&…;`, standing for the bytes they decode to). Nothing when the literal is not there.
std::optional<model::Text> align_literal(std::string_view literal, std::string_view source,
                                         std::size_t at, std::size_t end);

}  // namespace folio::manuscript
