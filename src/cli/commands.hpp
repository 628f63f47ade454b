// The subcommands of `folio`; each returns the process exit status.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/report.hpp"

namespace folio::cli {

/// Exit statuses shared by every command.
enum ExitStatus : int { kExitOk = 0, kExitManuscript = 1, kExitUsage = 2 };

/// The largest `-j`: more threads than this only cost memory (each has its own font map).
constexpr unsigned kMaxJobs = 256;

/// How much a command says besides its diagnostics: --quiet, the default, --verbose.
enum class Verbosity { quiet, normal, verbose };

class ProgressLine;

struct BuildOptions {
  std::filesystem::path dir = "manuscript";
  std::filesystem::path out_dir = "out";
  bool epub = false;  ///< neither flag: both formats
  bool pdf = false;
  bool werror = false;
  bool bleed = false;       ///< PDF: 0.125 in bleed on the outside, top and bottom
  bool crop_marks = false;  ///< PDF: trim marks in a slug around each page
  std::string printer;      ///< --for: screen, kdp, ingramspark; empty: book.yaml's, the style's
  bool cover = false;       ///< also the full-wrap cover PDF
  std::string paper;        ///< --paper: white, cream; empty: book.yaml's, the style's, else white
  /// EPUB: no print page numbers (and, with --epub, no typesetting)
  bool no_page_list = false;
  std::string style;  ///< --style NAME|PATH; empty: book.yaml's `style:`, else classic
  /// Threads to use: 0 one per core; 1 none besides the main one (the outputs are the same);
  /// at most kMaxJobs (a larger -j is a usage error)
  unsigned jobs = 0;
  Verbosity verbosity = Verbosity::normal;
};

struct CheckOptions {
  std::filesystem::path dir = "manuscript";
  ReportFormat format = ReportFormat::text;
  bool werror = false;
  bool fix = false;                ///< apply the typographic fixes in place
  std::string printer = "screen";  ///< --for: also what that printer's preflight rejects
};

/// What one build did: the exit status, the diagnostic counts, the files written.
struct BuildOutcome {
  struct Output {
    std::filesystem::path path;
    double seconds = 0;  ///< time spent writing it (measured, never written into outputs)
  };
  int status = kExitOk;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::vector<Output> written;
  std::string editions_check;  ///< what the editions check compared, for --verbose
};

/// One build (read, check, write), printing diagnostics; the body of `folio build` and of
/// each rebuild in `folio watch`. Shows its stages on `progress`.
BuildOutcome build_manuscript(const BuildOptions& options, ProgressLine& progress);

int run_build(const BuildOptions& options);
int run_check(const CheckOptions& options);
struct DumpOptions {
  std::filesystem::path dir = "manuscript";
  bool layout = false;  ///< the typeset pages as text, not the model as JSON
  std::string style;    ///< with layout: --style NAME|PATH; empty: book.yaml's, else classic
};

int run_dump(const DumpOptions& options);

struct InitOptions {
  std::filesystem::path dir;
  std::optional<std::string> title;  ///< unset: made from the folder's name
  std::string author = "Your Name";
  std::string lang = "en-US";
  Verbosity verbosity = Verbosity::normal;
};

struct WatchOptions {
  BuildOptions build;
  /// How long the folder must stay quiet after a change before rebuilding, so that an
  /// editor's burst of events (write, rename, chmod) makes one build, not three.
  int debounce_ms = 100;
};

struct PreviewOptions {
  std::filesystem::path dir = "manuscript";
  std::filesystem::path output;  ///< empty: out/<slug>-preview.png
  std::string pages = "1-8";     ///< a range "A-B", or one page "N" (1-based, as in the PDF)
  double dpi = 72;
  bool cover = false;  ///< the cover wrap with guides, not pages
  std::string printer = "screen";
  std::string paper = "white";
  Verbosity verbosity = Verbosity::normal;
};

struct ImportOptions {
  std::filesystem::path input;    ///< an .epub, an unpacked EPUB folder or a .docx
  std::filesystem::path out_dir;  ///< empty: the input's stem in the working folder
  Verbosity verbosity = Verbosity::normal;
};

int run_init(const InitOptions& options);
int run_import(const ImportOptions& options);
int run_watch(const WatchOptions& options);
int run_preview(const PreviewOptions& options);

/// `--for` and `--paper` as the API names them (CLI11 has already refused other words).
api::Printer printer_of(const std::string& name);
api::Paper paper_of(const std::string& name);

/// True when diagnostics should be coloured (stderr is a terminal and NO_COLOR is unset).
bool stderr_wants_color();

}  // namespace folio::cli
