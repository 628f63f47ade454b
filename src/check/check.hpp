// Manuscript validation: checks over the model and the sources, reporting diagnostics.
#pragma once

#include <set>
#include <string>

#include "manuscript/reader.hpp"
#include "support/diagnostic.hpp"

namespace folio::check {

/// Runs every check on a read manuscript, appending to `diags`, then drops the warnings
/// book.yaml's `check: ignore:` setting silences (those the reader reported included).
/// `designed_classes`: the div classes the book's resolved style designs (its `classes:` over
/// the built-in designs); null: the built-in designs' classes.
void check_manuscript(const manuscript::Manuscript& m, support::Diagnostics& diags,
                      const std::set<std::string>* designed_classes = nullptr);

}  // namespace folio::check
