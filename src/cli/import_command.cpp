// `folio import FILE [-o DIR]`: an EPUB into a new manuscript folder, then `folio check` on it.
#include <fmt/format.h>

#include <csignal>

#include "cli/commands.hpp"
#include "cli/stop_signals.hpp"

namespace folio::cli {
namespace {

// Without -o: the file's stem beside it in the working folder (`dracula.epub` → `dracula/`);
// an unpacked folder gets `-manuscript` after its name, since its own name is taken.
std::filesystem::path default_output(const std::filesystem::path& input) {
  std::filesystem::path in = input;
  if (in.filename().empty()) in = in.parent_path();
  std::error_code ec;
  if (std::filesystem::is_directory(in, ec)) return in.filename().string() + "-manuscript";
  return in.stem();
}

// The report on the terminal: all of it but a long list of unmapped items, which the file keeps.
std::string shortened(const std::string& report, std::size_t max_items) {
  std::string out;
  std::size_t items = 0, left = 0, from = 0;
  while (from < report.size()) {
    std::size_t to = report.find('\n', from);
    if (to == std::string::npos) to = report.size();
    std::string_view line(report.data() + from, to - from);
    if (line.starts_with("- `") && ++items > max_items)
      ++left;
    else
      out.append(line).append("\n");
    from = to + 1;
  }
  if (left) out += fmt::format("- … {} more in import-report.md\n", left);
  return out;
}

}  // namespace

int run_import(const ImportOptions& options) {
  api::ImportRequest request{
      options.input, options.out_dir.empty() ? default_output(options.input) : options.out_dir};
  // Ctrl-C or SIGTERM while importing: taken between the steps of writing, so that the
  // temporary folder is removed rather than left beside the output.
  int taken = 0;
  api::ImportResult result;
  {
    StopSignals stop;
    request.stop_requested = [&] {
      if (!taken) taken = stop.take();
      return taken != 0;
    };
    result = api::import_book(request);
  }
  if (result.stopped) {
    fmt::print(stderr, "folio: import stopped ({}); nothing was written\n",
               taken == SIGINT ? "SIGINT" : "SIGTERM");
    // End as the signal would have ended folio (main's handler ends the process with the
    // signal's status), so a shell or a script sees why; unless it was ignored (nohup).
    std::raise(taken);
    return 128 + taken;
  }
  print_diagnostics(stderr, result.diagnostics, nullptr, ReportFormat::text, stderr_wants_color(),
                    false);
  if (!result.ok) {
    fmt::print(stderr, "folio: import failed; nothing was written\n");
    return kExitManuscript;
  }
  if (options.verbosity != Verbosity::quiet) {
    fmt::print("{}", shortened(result.report, 40));
    fmt::print("\nImported into {} ({} files, {} images) in {:.2f} s; checking it:\n",
               result.dir.string(), result.files, result.images, result.seconds);
  }
  CheckOptions check;
  check.dir = result.dir;
  return run_check(check);
}

}  // namespace folio::cli
