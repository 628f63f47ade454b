// Optical margin alignment: how far punctuation at a justified line's edges hangs into the margin.
#pragma once

#include <map>

namespace folio::style {

/// How far a character hangs past the measure, as fractions of its advance: `left` when it
/// starts a line, `right` when it ends one (microtype's protrusion factors, in units of 1).
struct Hang {
  double left = 0;
  double right = 0;
};

/// Character (a Unicode scalar value) → its hang. Empty: no protrusion.
using Protrusion = std::map<char32_t, Hang>;

/// The shipped table, microtype's default set for the characters body text ends lines with:
/// hyphens, periods, commas, colons, semicolons, dashes, and quotes straight and curly,
/// single and double.
Protrusion default_protrusion();

/// The hang of `c` in `table` (none when the table does not list it).
inline Hang hang_of(const Protrusion& table, char32_t c) {
  auto it = table.find(c);
  return it == table.end() ? Hang{} : it->second;
}

}  // namespace folio::style
