// `folio check`: read and validate, write nothing (with --fix, rewrite the fixable spots).
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <string_view>

#include "cli/commands.hpp"

namespace folio::cli {
namespace {

// What `folio check` runs: the manuscript read; when that succeeded, every check on the
// model (one root cause, one diagnostic); when they pass and `print` is set, the print
// edition typeset without drawing, so that what only setting the book finds (the style, its
// fonts, a character no face has) is reported exactly as `folio build` would.
std::optional<api::Book> read_and_check(const std::filesystem::path& dir, api::Diagnostics& diags,
                                        bool& checked, bool print, api::Printer printer) {
  std::optional<api::Book> book = api::read(dir, diags);
  checked = book && !diags.has_errors();
  if (checked) api::check(*book, {}, diags);
  if (checked && print && !diags.has_errors())
    api::check_print_edition(*book, {}, diags, {}, printer);
  return book;
}

}  // namespace

bool stderr_wants_color() {
  // https://no-color.org; and a terminal that says it is dumb cannot show escapes.
  const char* term = std::getenv("TERM");
  return ::isatty(2) && std::getenv("NO_COLOR") == nullptr &&
         !(term && std::string_view(term) == "dumb");
}

int run_check(const CheckOptions& options) {
  api::Diagnostics diags;
  bool checked = false;
  // With --fix the print edition is typeset once, on the text as it is after fixing.
  api::Printer printer = printer_of(options.printer);
  auto book = read_and_check(options.dir, diags, checked, !options.fix, printer);
  if (options.fix && checked) {
    bool fixed_any = false;
    for (const auto& f : api::fix(*book, diags)) {
      if (!f.error.empty()) {
        fmt::print(stderr, "folio: error: {}\n", f.error);
        return kExitUsage;
      }
      fmt::print(stderr, "fixed {} problem{} in {}\n", f.fixes, f.fixes == 1 ? "" : "s", f.file);
      fixed_any = true;
    }
    // Report what is left, with the lines as they now read.
    if (fixed_any) {
      diags = {};
      book = read_and_check(options.dir, diags, checked, true, printer);
    } else if (!diags.has_errors()) {
      api::check_print_edition(*book, {}, diags, {}, printer);
    }
  }
  if (options.format == ReportFormat::json)
    print_diagnostics(stdout, diags, book ? &*book : nullptr, ReportFormat::json, false, false);
  else
    print_diagnostics(stderr, diags, book ? &*book : nullptr, ReportFormat::text,
                      stderr_wants_color(), true);
  bool failed = diags.has_errors() || (options.werror && diags.count(api::Severity::warning) > 0);
  return !book || failed ? kExitManuscript : kExitOk;
}

}  // namespace folio::cli
