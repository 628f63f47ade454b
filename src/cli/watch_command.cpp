// `folio watch`: build, then rebuild whenever the manuscript changes, until Ctrl-C.
#include <fmt/format.h>

#include <chrono>
#include <system_error>

#include "cli/commands.hpp"
#include "cli/folder_watcher.hpp"
#include "cli/progress_line.hpp"
#include "cli/stop_signals.hpp"

namespace folio::cli {
namespace {

namespace fs = std::filesystem;

// "[3] built in 0.41 s: out/book.epub, out/book.pdf; 1 warning" — one line per build.
std::string summary_line(int number, const BuildOutcome& outcome, double seconds) {
  std::string counts;
  if (outcome.errors + outcome.warnings > 0)
    counts =
        fmt::format("; {} error{}, {} warning{}", outcome.errors, outcome.errors == 1 ? "" : "s",
                    outcome.warnings, outcome.warnings == 1 ? "" : "s");
  std::string files;
  for (const auto& w : outcome.written) files += (files.empty() ? "" : ", ") + w.path.string();
  // An error after a writer ran (the editions check) leaves that output written.
  if (outcome.status != kExitOk)
    return fmt::format("folio: [{}] build failed in {:.2f} s{}; {}", number, seconds, counts,
                       files.empty() ? "earlier outputs are unchanged" : "wrote " + files);
  return fmt::format("folio: [{}] built in {:.2f} s: {}{}", number, seconds, files, counts);
}

}  // namespace

int run_watch(const WatchOptions& options) {
  const BuildOptions& build = options.build;
  std::error_code ec;
  if (!fs::is_directory(build.dir, ec)) {
    fmt::print(stderr, "{}: error: no such manuscript folder [no-manuscript]\n",
               build.dir.string());
    return kExitManuscript;
  }
  // Signals first: a Ctrl-C from now on ends the loop cleanly instead of killing a write.
  StopSignals stop;
  // The watch is set up before the first build, so a save during that build is not missed.
  FolderWatcher watcher(build.dir);
  if (!watcher.error().empty()) {
    fmt::print(stderr, "folio: error: cannot watch {}: {}\n", build.dir.string(), watcher.error());
    return kExitUsage;
  }
  bool quiet = build.verbosity == Verbosity::quiet;
  bool verbose = build.verbosity == Verbosity::verbose;
  if (!quiet) fmt::print(stderr, "folio: watching {} (Ctrl-C to stop)\n", build.dir.string());

  ProgressLine progress(stderr, !quiet && is_terminal(stderr));
  for (int number = 1;; ++number) {
    auto start = std::chrono::steady_clock::now();
    BuildOutcome outcome = build_manuscript(build, progress);
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    if (!quiet) fmt::print(stderr, "{}\n", summary_line(number, outcome, took.count()));
    std::fflush(stderr);
    // A usage problem (an output folder inside the manuscript) will not fix itself.
    if (outcome.status == kExitUsage) return kExitUsage;

    FolderWatcher::Result change =
        watcher.wait(stop.fd(), std::chrono::milliseconds(options.debounce_ms));
    switch (change.wake) {
      case FolderWatcher::Wake::changed:
        if (verbose)
          for (const auto& path : change.changed) fmt::print(stderr, "folio: changed {}\n", path);
        continue;
      case FolderWatcher::Wake::stop: {
        int signal = stop.take();
        if (!quiet)
          fmt::print(stderr, "folio: stopped watching ({})\n",
                     signal == SIGTERM ? "SIGTERM" : "SIGINT");
        return kExitOk;
      }
      case FolderWatcher::Wake::gone:
        fmt::print(stderr, "folio: error: the manuscript folder {} was moved or deleted\n",
                   build.dir.string());
        return kExitManuscript;
      case FolderWatcher::Wake::failed:
        fmt::print(stderr, "folio: error: watching {} failed\n", build.dir.string());
        return kExitUsage;
    }
  }
}

}  // namespace folio::cli
