// One build of a manuscript folder: read, check, typeset, and write the EPUB and the PDF.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "manuscript/reader.hpp"
#include "style/print_profile.hpp"
#include "support/diagnostic.hpp"

namespace folio::publish {

/// How a build ended; the values are `folio`'s exit statuses.
enum class BuildStatus : int { ok = 0, manuscript = 1, usage = 2 };

struct BuildRequest {
  std::filesystem::path dir = "manuscript";
  std::filesystem::path out_dir = "out";
  bool epub = false;  ///< neither: both editions
  bool pdf = false;
  bool werror = false;        ///< a warning stops the build as an error does
  bool bleed = false;         ///< PDF: 0.125 in bleed on the outside, top and bottom
  bool crop_marks = false;    ///< PDF: trim marks in a slug around each page
  bool no_page_list = false;  ///< EPUB: no print page numbers (with only the EPUB, no typesetting)
  std::string style;          ///< a style name or path; empty: book.yaml's `style:`, else classic
  /// Threads: 0 one per core; 1 none besides the caller's (the outputs are the same).
  unsigned jobs = 0;
  /// Also the full-wrap cover, OUTDIR/<slug>-cover.pdf, for `printer` on `paper` (needs the PDF).
  bool cover = false;
  /// Who the PDF is for and its paper; unset: book.yaml's `print:`, else the style's, else
  /// the screen PDF on white paper (BuildRun::decide_print).
  std::optional<style::Printer> printer;
  std::optional<style::Paper> paper;
  /// folio's data folders (each may hold styles/ and fonts/); empty: the default search path
  /// (support::default_data_dirs).
  std::vector<std::filesystem::path> data_dirs;
};

struct BuildResult {
  struct Output {
    std::filesystem::path path;
    double seconds = 0;  ///< time spent making it (measured, never written into an output)
  };
  BuildStatus status = BuildStatus::ok;
  support::Diagnostics diagnostics;
  /// The manuscript as read (for quoting its lines under the diagnostics); nullopt when its
  /// book.yaml could not be read.
  std::optional<manuscript::Manuscript> manuscript;
  std::vector<Output> written;  ///< the outputs in place: EPUB, PDF, cover
  std::string editions_check;   ///< what the editions check compared (both editions only)
  /// A problem that is not the manuscript's (an output folder that cannot be made), to be
  /// said after the diagnostics; empty when there is none.
  std::string failure;
};

/// Told the stage a build has reached ("reading", "checking", "typesetting the PDF"…).
using StageReport = std::function<void(std::string_view)>;

/// Builds the editions `request` asks for into its output folder. The library schedules the
/// work: the checks run beside the typesetting, the EPUB is put together while the print
/// edition is set (its page starts become the EPUB's page list) and written while the PDF is
/// drawn. Nothing is written before the checks pass; both outputs are renamed into place
/// together, only when the whole build succeeded, so a failed build leaves earlier ones.
BuildResult build(const BuildRequest& request, const StageReport& stage = {});

}  // namespace folio::publish
