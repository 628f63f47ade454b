// Inline runs as a reader collects them → as the model holds them: adjacent text merged,
// empty containers dropped, the space at the edges of lines trimmed.
#pragma once

#include <vector>

#include "model/document.hpp"

namespace folio::import {

/// Merges adjacent text (and adjacent containers of one kind and attributes, as Word's runs
/// split them) and drops empty containers, recursively.
void tidy(std::vector<model::Inline>& ins);

/// Trims the space at the start or end of a run, descending into its edge containers.
void trim_edge(std::vector<model::Inline>& ins, bool front);

/// Trims each line between hard breaks on both sides; drops breaks at the end.
void trim_lines(std::vector<model::Inline>& ins);

}  // namespace folio::import
