// `folio`: the command line. Parses arguments with CLI11 and hands off to one command.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <exception>

#include "cli/commands.hpp"

#ifndef FOLIO_VERSION
#define FOLIO_VERSION "0.0.0"
#endif

int main(int argc, char** argv) try {
  using namespace folio::cli;
  CLI::App app{"folio: one manuscript in, a store-ready EPUB 3 and a print-ready PDF out."};
  app.set_version_flag("--version", "folio " FOLIO_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  folio build                 build out/<slug>.epub and out/<slug>.pdf from manuscript/\n"
      "  folio build mybook -o dist  build from mybook/ into dist/\n"
      "  folio check --format json   validate manuscript/ and print diagnostics as JSON\n"
      "  folio dump mybook | jq .    show the document model\n\n"
      "Exit status: 0 success, 1 manuscript errors, 2 usage or I/O errors.");

  BuildOptions build;
  auto* build_cmd = app.add_subcommand("build", "Build the EPUB and the PDF (both by default)");
  build_cmd->add_option("DIR", build.dir, "Manuscript folder (default: manuscript)");
  build_cmd->add_option("-o,--output", build.out_dir, "Output folder (default: out)");
  build_cmd->add_flag("--epub", build.epub, "Build the EPUB only");
  build_cmd->add_flag("--pdf", build.pdf, "Build the PDF only");
  build_cmd->add_flag("--werror", build.werror, "Treat warnings as errors");

  CheckOptions check;
  std::string format = "text";
  auto* check_cmd = app.add_subcommand("check", "Validate the manuscript; write nothing");
  check_cmd->add_option("DIR", check.dir, "Manuscript folder (default: manuscript)");
  check_cmd->add_option("--format", format, "Diagnostics as text or json")
      ->check(CLI::IsMember({"text", "json"}));
  check_cmd->add_flag("--werror", check.werror, "Treat warnings as errors");

  std::filesystem::path dump_dir = "manuscript";
  auto* dump_cmd = app.add_subcommand("dump", "Print the document model as JSON");
  dump_cmd->add_option("DIR", dump_dir, "Manuscript folder (default: manuscript)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }

  if (*build_cmd) return run_build(build);
  if (*check_cmd) {
    check.format = format == "json" ? ReportFormat::json : ReportFormat::text;
    return run_check(check);
  }
  if (*dump_cmd) return run_dump(dump_dir);
  return kExitUsage;
} catch (const std::exception& e) {
  // Stages report through diagnostics; reaching here is a bug, but never a crash.
  fmt::print(stderr, "folio: internal error: {}\n", e.what());
  return 2;
}
