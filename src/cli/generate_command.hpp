// `folio generate man|bash-completion`: documents made from the command line's own definition.
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>

namespace folio::cli {

struct GenerateOptions {
  std::string what;              ///< "man" or "bash-completion"
  std::filesystem::path output;  ///< empty: stdout
};

/// Adds the hidden `generate` subcommand that the build uses to write folio.1 and the bash
/// completion, so both always list exactly the commands and options `folio` accepts.
CLI::App* add_generate_command(CLI::App& app, GenerateOptions& options);

int run_generate(const CLI::App& app, const GenerateOptions& options);

}  // namespace folio::cli
