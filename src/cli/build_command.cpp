// `folio build`: the library's build (folio::api::build) with its progress and diagnostics shown.
#include <fmt/format.h>

#include <utility>

#include "cli/commands.hpp"
#include "cli/progress_line.hpp"

namespace folio::cli {

BuildOutcome build_manuscript(const BuildOptions& options, ProgressLine& progress) {
  api::BuildRequest request;
  request.dir = options.dir;
  request.out_dir = options.out_dir;
  request.epub = options.epub;
  request.pdf = options.pdf;
  request.werror = options.werror;
  request.page_list = !options.no_page_list;
  request.style.name = options.style;
  request.print = {
      .bleed = options.bleed, .crop_marks = options.crop_marks, .threads = options.jobs};
  // Unset, book.yaml's `print:` decides, then the style's.
  if (!options.printer.empty()) request.printer = printer_of(options.printer);
  request.cover = options.cover;
  if (!options.paper.empty()) request.paper = paper_of(options.paper);
  request.on_stage = [&](std::string_view stage) { progress.stage(stage); };
  api::BuildResult result = api::build(request);
  progress.clear();
  const api::Diagnostics& diags = result.diagnostics;
  print_diagnostics(stderr, diags, result.book ? &*result.book : nullptr, ReportFormat::text,
                    stderr_wants_color(), true);
  if (!result.failure.empty()) fmt::print(stderr, "folio: error: {}\n", result.failure);
  BuildOutcome outcome;
  outcome.status = static_cast<int>(result.status);
  outcome.errors = diags.count(api::Severity::error);
  outcome.warnings = diags.count(api::Severity::warning);
  for (auto& w : result.written) outcome.written.push_back({std::move(w.path), w.seconds});
  outcome.editions_check = std::move(result.editions_check);
  return outcome;
}

api::Printer printer_of(const std::string& name) {
  return name == "kdp"           ? api::Printer::kdp
         : name == "ingramspark" ? api::Printer::ingramspark
                                 : api::Printer::screen;
}

api::Paper paper_of(const std::string& name) {
  return name == "cream" ? api::Paper::cream : api::Paper::white;
}

int run_build(const BuildOptions& options) {
  ProgressLine progress(stderr, options.verbosity != Verbosity::quiet && is_terminal(stderr));
  BuildOutcome outcome = build_manuscript(options, progress);
  if (options.verbosity == Verbosity::quiet) return outcome.status;
  if (options.verbosity == Verbosity::verbose && !outcome.editions_check.empty())
    fmt::print(stderr, "{}\n", outcome.editions_check);
  for (const auto& w : outcome.written) {
    if (options.verbosity == Verbosity::verbose)
      fmt::print(stderr, "wrote {} in {:.2f} s\n", w.path.string(), w.seconds);
    else
      fmt::print(stderr, "wrote {}\n", w.path.string());
  }
  return outcome.status;
}

}  // namespace folio::cli
