// `folio build`: the library's build (publish::build) with its progress and diagnostics shown.
#include <fmt/format.h>

#include <utility>

#include "cli/commands.hpp"
#include "cli/progress_line.hpp"
#include "publish/build.hpp"

namespace folio::cli {

BuildOutcome build_manuscript(const BuildOptions& options, ProgressLine& progress) {
  publish::BuildRequest request{.dir = options.dir,
                                .out_dir = options.out_dir,
                                .epub = options.epub,
                                .pdf = options.pdf,
                                .werror = options.werror,
                                .bleed = options.bleed,
                                .crop_marks = options.crop_marks,
                                .no_page_list = options.no_page_list,
                                .style = options.style,
                                .jobs = options.jobs};
  publish::BuildResult result =
      publish::build(request, [&](std::string_view stage) { progress.stage(stage); });
  progress.clear();
  const support::Diagnostics& diags = result.diagnostics;
  print_diagnostics(stderr, diags, result.manuscript ? &*result.manuscript : nullptr,
                    ReportFormat::text, stderr_wants_color(), true);
  if (!result.failure.empty()) fmt::print(stderr, "folio: error: {}\n", result.failure);
  BuildOutcome outcome;
  outcome.status = static_cast<int>(result.status);
  outcome.errors = diags.count(support::Severity::error);
  outcome.warnings = diags.count(support::Severity::warning);
  for (auto& w : result.written) outcome.written.push_back({std::move(w.path), w.seconds});
  outcome.editions_check = std::move(result.editions_check);
  return outcome;
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
