// The state of one build while it runs: what has been decided, made and reported so far.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "editions/editions.hpp"
#include "epub/epub_writer.hpp"
#include "facts/edition_facts.hpp"
#include "pdf/cover_writer.hpp"
#include "pdf/pdf_writer.hpp"
#include "publish/build.hpp"
#include "publish/check_run.hpp"
#include "publish/output_folder.hpp"
#include "publish/print_run.hpp"
#include "publish/staged_outputs.hpp"

namespace folio::publish {

/// One build, run once (publish::build). The members are declared in the order their work
/// must end: the outputs not committed are removed before the output folder's lock is let go,
/// and the threads of the checks and the typesetter are joined before the model goes.
class BuildRun {
 public:
  BuildRun(const BuildRequest& request, const StageReport& stage, BuildResult& result);
  BuildRun(const BuildRun&) = delete;
  BuildRun& operator=(const BuildRun&) = delete;

  /// Reads, checks and (when they pass) writes; the outcome is in the BuildResult.
  void run();

 private:
  // What one writer did.
  struct Written {
    support::Diagnostics diags;
    bool wrote = false;
    double seconds = 0;
  };

  void stage(std::string_view what) const;
  void finish(BuildStatus status, std::string failure = {});
  bool blocked() const;  // the diagnostics so far stop the build
  void write_editions(const model::Document& doc);
  bool decide_facts(const model::Document& doc);  // false: the build stopped
  /// printer_ and paper_: the request's, else book.yaml's `print:`, else the style's.
  void decide_print(const model::PrintSettings& book);
  pdf::PdfOptions pdf_options() const;
  bool typeset_print(const model::Document& doc, const pdf::PdfOptions& po);  // false: stopped
  epub::EpubOptions epub_options();
  void write_outputs(const model::Document& doc, const epub::EpubOptions& eo,
                     const pdf::PdfOptions& po);
  void no_page_list_warning();
  bool prepare_output();  // after the checks: the output folder made and locked
  void refuse();          // the checks or the output folder stopped the writing
  void write_epub(const model::Document& doc, const epub::EpubOptions& options);
  void write_pdf(const model::Document& doc, const pdf::PdfOptions& options);
  void write_cover(const model::Document& doc);
  std::filesystem::path cover_path() const;
  void compare_editions(const model::Document& doc);
  void commit(const epub::EpubOptions& eo, const pdf::PdfOptions& po);

  const BuildRequest& request_;
  const StageReport& stage_;
  BuildResult& result_;
  support::Diagnostics& diags_;
  bool want_epub_, want_pdf_, concurrent_;
  std::vector<std::filesystem::path> style_dirs_;  // folio's own styles, from the data dirs
  std::string stem_;                               // the outputs' file name, without .epub or .pdf
  std::optional<facts::EditionFacts> shared_;
  style::Printer printer_ = style::Printer::screen;  ///< decided by decide_print
  style::Paper paper_ = style::Paper::white;
  bool epub_beside_print_ = false;   // the print edition is typeset beside the EPUB writer
  bool epub_beside_checks_ = false;  // the EPUB is put together while the checks run
  std::optional<OutputFolder> folder_;
  bool checks_stopped_ = false;
  StagedOutputs staged_;
  Written epub_, pdf_, cover_;
  support::Diagnostics editions_diags_;
  std::optional<editions::Comparison> compared_;
  bool editions_ran_ = false;
  double editions_ms_ = 0;
  CheckRun checks_;
  std::optional<PrintRun> print_;
};

}  // namespace folio::publish
