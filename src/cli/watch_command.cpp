// `folio watch`: build, then rebuild whenever the manuscript changes, until Ctrl-C.
#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <system_error>
#include <thread>

#include "cli/commands.hpp"
#include "cli/folder_watcher.hpp"
#include "cli/progress_line.hpp"
#include "cli/stop_signals.hpp"
#include "support/atomic_file.hpp"

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
  // A failed build renames nothing into place (the outputs are committed together).
  if (outcome.status != kExitOk)
    return fmt::format("folio: [{}] build failed in {:.2f} s{}; {}", number, seconds, counts,
                       files.empty() ? "earlier outputs are unchanged" : "wrote " + files);
  return fmt::format("folio: [{}] built in {:.2f} s: {}{}", number, seconds, files, counts);
}

const char* signal_name(int signal) {
  return signal == SIGTERM ? "SIGTERM" : "SIGINT";
}

// While a build runs, a thread of its own waits for Ctrl-C or SIGTERM; one arriving abandons
// the build at once (a long build is not waited for): the temporary files are removed, the
// outputs already renamed into place stay, and the process ends with status 0. Without a
// thread to be had, the signal is taken after the build, as before.
class AbandonOnStop {
 public:
  AbandonOnStop(StopSignals& stop, bool quiet, bool terminal) {
    if (stop.fd() < 0 || ::pipe2(done_, O_CLOEXEC) != 0) return;
    try {
      thread_ = std::thread([this, &stop, quiet, terminal] { run(stop, quiet, terminal); });
    } catch (const std::system_error&) {
    }
  }
  ~AbandonOnStop() {
    if (thread_.joinable()) {
      char c = 'd';
      while (::write(done_[1], &c, 1) < 0 && errno == EINTR) {
      }
      thread_.join();
    }
    for (int fd : done_)
      if (fd >= 0) ::close(fd);
  }
  AbandonOnStop(const AbandonOnStop&) = delete;
  AbandonOnStop& operator=(const AbandonOnStop&) = delete;

 private:
  void run(StopSignals& stop, bool quiet, bool terminal) {
    pollfd fds[2] = {{stop.fd(), POLLIN, 0}, {done_[0], POLLIN, 0}};
    for (;;) {
      int ready = ::poll(fds, 2, -1);
      if (ready < 0 && errno == EINTR) continue;
      if (ready < 0 || (fds[1].revents & POLLIN)) return;  // the build ended first
      if (fds[0].revents & POLLIN) break;
    }
    int signal = stop.take();
    if (signal == 0) return;
    if (!quiet)
      fmt::print(stderr, "{}folio: stopped watching ({}); the build in progress was abandoned\n",
                 terminal ? "\r\x1b[K" : "", signal_name(signal));
    support::abandon_and_exit(kExitOk);
  }

  int done_[2] = {-1, -1};
  std::thread thread_;
};

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
  FolderWatcher watcher(build.dir, stop.fd());
  bool quiet = build.verbosity == Verbosity::quiet;
  if (watcher.stopped()) {
    if (!quiet) fmt::print(stderr, "folio: stopped watching ({})\n", signal_name(stop.take()));
    return kExitOk;
  }
  if (!watcher.error().empty()) {
    fmt::print(stderr, "folio: error: cannot watch {}: {}\n", build.dir.string(), watcher.error());
    return kExitUsage;
  }
  bool verbose = build.verbosity == Verbosity::verbose;
  if (!quiet) fmt::print(stderr, "folio: watching {} (Ctrl-C to stop)\n", build.dir.string());

  ProgressLine progress(stderr, !quiet && is_terminal(stderr));
  for (int number = 1;; ++number) {
    // What the build writes must not look like an edit (an output folder reached through a
    // bind mount; links to folders are not followed at all).
    watcher.ignore(build.out_dir);
    auto start = std::chrono::steady_clock::now();
    BuildOutcome outcome;
    {
      AbandonOnStop abandon(stop, quiet, progress.enabled());
      outcome = build_manuscript(build, progress);
    }
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    watcher.ignore(build.out_dir);  // made by the first build
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
        if (!quiet) fmt::print(stderr, "folio: stopped watching ({})\n", signal_name(signal));
        return kExitOk;
      }
      case FolderWatcher::Wake::gone:
        fmt::print(stderr, "folio: error: the manuscript folder {} was moved or deleted\n",
                   build.dir.string());
        return kExitManuscript;
      case FolderWatcher::Wake::failed:
        fmt::print(stderr, "folio: error: watching {} failed{}{}\n", build.dir.string(),
                   watcher.error().empty() ? "" : ": ", watcher.error());
        return kExitUsage;
    }
  }
}

}  // namespace folio::cli
