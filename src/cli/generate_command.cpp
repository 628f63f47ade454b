// Writes the man page or the bash completion script for the parsed-definition `app`.
#include "cli/generate_command.hpp"

#include <fmt/format.h>

#include "cli/bash_completion.hpp"
#include "cli/commands.hpp"
#include "cli/man_page.hpp"
#include "support/atomic_file.hpp"

namespace folio::cli {

CLI::App* add_generate_command(CLI::App& app, GenerateOptions& options) {
  auto* cmd = app.add_subcommand("generate", "Write the man page or the bash completion");
  cmd->group("");  // hidden: a build-time tool, not part of the author's workflow
  cmd->add_option("WHAT", options.what, "man or bash-completion")
      ->required()
      ->check(CLI::IsMember({"man", "bash-completion"}));
  cmd->add_option("-o,--output", options.output, "The file to write (default: stdout)");
  return cmd;
}

int run_generate(const CLI::App& app, const GenerateOptions& options) {
  std::string text = options.what == "man" ? man_page(app) : bash_completion(app);
  if (options.output.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return kExitOk;
  }
  std::string error = support::write_file_atomically(options.output, text);
  if (!error.empty()) {
    fmt::print(stderr, "folio: error: {}\n", error);
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace folio::cli
