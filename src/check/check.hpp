// Manuscript validation: checks over the model and the sources, reporting diagnostics.
#pragma once

#include "manuscript/reader.hpp"
#include "support/diagnostic.hpp"

namespace folio::check {

/// Runs every check on a read manuscript, appending to `diags`, then drops the warnings
/// book.yaml's `check: ignore:` setting silences (those the reader reported included).
void check_manuscript(const manuscript::Manuscript& m, support::Diagnostics& diags);

}  // namespace folio::check
