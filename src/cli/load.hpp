// Reading a manuscript folder for a command, with its diagnostics printed.
#pragma once

#include <optional>

#include "manuscript/reader.hpp"
#include "support/diagnostic.hpp"

namespace folio::cli {

/// Opens and reads `dir`; nullopt (diagnostics in `diags`) when no model could be built.
std::optional<manuscript::Manuscript> load_manuscript(const std::filesystem::path& dir,
                                                      support::Diagnostics& diags);

}  // namespace folio::cli
