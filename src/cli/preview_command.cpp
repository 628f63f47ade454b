// `folio preview`: typeset the book and draw chosen pages, as spreads, into one PNG.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/page_range.hpp"
#include "cli/progress_line.hpp"

namespace folio::cli {

int run_preview(const PreviewOptions& options) {
  namespace fs = std::filesystem;
  std::string error;
  auto range = parse_page_range(options.pages, error);
  if (!range) {
    fmt::print(stderr, "folio: error: --pages: {}\n", error);
    return kExitUsage;
  }

  ProgressLine progress(stderr, options.verbosity != Verbosity::quiet && is_terminal(stderr));
  api::Diagnostics diags;
  progress.stage("reading");
  std::optional<api::Book> book = api::read(options.dir, diags);
  // The same gate as `folio build`: a manuscript with errors is not typeset.
  if (book && !diags.has_errors()) api::check(*book, {}, diags);
  auto report = [&] {
    progress.clear();
    print_diagnostics(stderr, diags, book ? &*book : nullptr, ReportFormat::text,
                      stderr_wants_color(), true);
  };
  std::optional<api::Publication> publication;
  if (book && !diags.has_errors()) publication = api::publication(*book, {}, diags);
  if (!publication || diags.has_errors()) {
    report();
    return kExitManuscript;
  }

  if (options.cover) {
    api::CoverProofRequest proof;
    proof.printer = printer_of(options.printer);
    proof.paper = paper_of(options.paper);
    proof.dpi = options.dpi;
    proof.output = options.output.empty() ? fs::path("out") / (book->slug() + "-cover-proof.png")
                                          : options.output;
    progress.stage("typesetting");
    std::string failure;
    bool ok = api::write_cover_proof(*book, *publication, proof, diags, failure);
    report();
    if (!failure.empty()) fmt::print(stderr, "folio: error: {}\n", failure);
    if (!ok) return failure.empty() ? kExitManuscript : kExitUsage;
    if (options.verbosity != Verbosity::quiet)
      fmt::print(stderr, "wrote {} (the cover for {}, {} paper)\n", proof.output.string(),
                 options.printer, options.paper);
    return kExitOk;
  }

  api::ContactSheetRequest request;
  request.first = static_cast<std::size_t>(range->first);
  request.last = static_cast<std::size_t>(range->last);
  request.dpi = options.dpi;
  request.output =
      options.output.empty() ? fs::path("out") / (book->slug() + "-preview.png") : options.output;
  progress.stage("typesetting");
  api::ContactSheet sheet = api::write_contact_sheet(*book, *publication, request, diags);
  report();
  if (!sheet.ok && sheet.failure.empty()) return kExitManuscript;
  if (!sheet.ok) {
    // A first page past the end is the command line's mistake, said as it was typed.
    if (sheet.page_count > 0 && request.first > sheet.page_count)
      fmt::print(stderr, "folio: error: --pages {}: the book has {} page{}\n", options.pages,
                 sheet.page_count, sheet.page_count == 1 ? "" : "s");
    else
      fmt::print(stderr, "folio: error: {}\n", sheet.failure);
    return kExitUsage;
  }
  if (options.verbosity != Verbosity::quiet)
    fmt::print(stderr, "wrote {} (pages {}–{} of {}, {} × {} px)\n", request.output.string(),
               range->first, sheet.last, sheet.page_count, sheet.width, sheet.height);
  return kExitOk;
}

}  // namespace folio::cli
