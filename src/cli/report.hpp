// Prints diagnostics for people (GCC style, with the source line and a caret) or as JSON.
#pragma once

#include <cstdio>
#include <string>

#include <folio/folio.hpp>

namespace folio::cli {

enum class ReportFormat { text, json };

/// Writes the diagnostics to `out`, sorted by file (in book order) and position. `sources`
/// supplies the lines quoted under each diagnostic (may be null); colour only when `color`.
void print_diagnostics(std::FILE* out, const api::Diagnostics& diags, const api::Book* sources,
                       ReportFormat format, bool color, bool summary);

/// The diagnostics as a JSON array of {file, line, column, end_line, end_column,
/// severity, code, message, fix}.
std::string diagnostics_json(const api::Diagnostics& diags);

}  // namespace folio::cli
