// `folio preview`: typeset the book and draw chosen pages, as spreads, into one PNG.
#include <fmt/format.h>

#include <fstream>
#include <system_error>

#include "check/check.hpp"
#include "cli/commands.hpp"
#include "cli/contact_sheet.hpp"
#include "cli/page_range.hpp"
#include "cli/print_pages.hpp"
#include "cli/progress_line.hpp"
#include "publish/load.hpp"
#include "publish/output_guard.hpp"
#include "support/atomic_file.hpp"

namespace folio::cli {
namespace {

// Why an existing `png` must not be replaced: it is something other than a PNG (a chapter, a
// PDF, a folder), so `-o` names the wrong file. Empty when it is absent, empty or a PNG.
std::string not_a_png(const std::filesystem::path& png) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::file_status st = fs::status(png, ec);
  if (ec || st.type() == fs::file_type::not_found) return {};
  if (st.type() != fs::file_type::regular)
    return fmt::format("{} exists and is not a file", png.string());
  char head[8] = {};
  std::ifstream in(png, std::ios::binary);
  in.read(head, sizeof head);
  if (in.gcount() == 0 || std::string_view(head, 8) == "\x89PNG\r\n\x1a\n") return {};
  return fmt::format("{} exists and is not a PNG; preview replaces only PNG files", png.string());
}

}  // namespace

int run_preview(const PreviewOptions& options) {
  namespace fs = std::filesystem;
  std::string error;
  auto range = parse_page_range(options.pages, error);
  if (!range) {
    fmt::print(stderr, "folio: error: --pages: {}\n", error);
    return kExitUsage;
  }

  ProgressLine progress(stderr, options.verbosity != Verbosity::quiet && is_terminal(stderr));
  support::Diagnostics diags;
  progress.stage("reading");
  auto m = publish::load_manuscript(options.dir, diags);
  // The same gate as `folio build`: a manuscript with errors is not typeset.
  if (m && !diags.has_errors()) {
    std::set<std::string> designed = publish::designed_classes(m->document, {});
    check::check_manuscript(*m, diags, &designed);
  }
  auto report = [&] {
    progress.clear();
    print_diagnostics(stderr, diags, m ? &*m : nullptr, ReportFormat::text, stderr_wants_color(),
                      true);
  };
  if (!m || diags.has_errors()) {
    report();
    return kExitManuscript;
  }

  const model::Document& doc = m->document;
  fs::path png = options.output.empty()
                     ? fs::path("out") / (model::slug(doc.metadata.title.value) + "-preview.png")
                     : options.output;
  // Never into the manuscript (a chapter overwritten with a PNG), never over another file.
  std::string refusal = publish::output_refusal(png, options.dir, "");
  if (refusal.empty()) refusal = not_a_png(png);
  if (!refusal.empty()) {
    report();
    fmt::print(stderr, "folio: error: -o {}: {}\n", png.string(), refusal);
    return kExitUsage;
  }
  pdf::PdfOptions po;
  po.output = png;
  progress.stage("typesetting");
  auto pages = typeset_print_pages(doc, po, diags);
  if (!pages || diags.has_errors()) {
    report();
    return kExitManuscript;
  }
  std::size_t count = pages->count();
  if (static_cast<std::size_t>(range->first) > count) {
    report();
    fmt::print(stderr, "folio: error: --pages {}: the book has {} page{}\n", options.pages, count,
               count == 1 ? "" : "s");
    return kExitUsage;
  }
  std::size_t last = std::min(count, static_cast<std::size_t>(range->last)) - 1;
  SheetLayout sheet =
      layout_sheet(*pages, static_cast<std::size_t>(range->first) - 1, last, options.dpi);
  progress.stage("drawing");
  std::error_code ec;
  if (png.has_parent_path()) fs::create_directories(png.parent_path(), ec);
  {
    // As `folio build`: temporaries of this PNG a killed preview left are swept first.
    support::OutputFolderLock lock(png.has_parent_path() ? png.parent_path() : fs::path("."),
                                   {png.filename().string()});
    error = write_contact_sheet(*pages, sheet, png);
  }
  report();
  if (!error.empty()) {
    fmt::print(stderr, "folio: error: {}: {}\n", png.string(), error);
    return kExitUsage;
  }
  if (options.verbosity != Verbosity::quiet)
    fmt::print(stderr, "wrote {} (pages {}–{} of {}, {} × {} px)\n", png.string(), range->first,
               last + 1, count, sheet.width, sheet.height);
  return kExitOk;
}

}  // namespace folio::cli
