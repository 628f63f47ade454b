// The bash completion script for folio, generated from the CLI11 definition of the commands.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace folio::cli {

/// A script defining `_folio` and `complete -F _folio folio`: commands, each command's
/// options, the values of options with a fixed set (`--format text|json`), folders for
/// DIR, files for other values, nothing for numbers. Hidden commands are left out.
std::string bash_completion(const CLI::App& app);

}  // namespace folio::cli
