// `folio check`: read and validate, write nothing (with --fix, rewrite the fixable spots).
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <string_view>

#include "check/check.hpp"
#include "check/fixes.hpp"
#include "cli/commands.hpp"
#include "publish/load.hpp"

namespace folio::cli {

bool stderr_wants_color() {
  // https://no-color.org; and a terminal that says it is dumb cannot show escapes.
  const char* term = std::getenv("TERM");
  return ::isatty(2) && std::getenv("NO_COLOR") == nullptr &&
         !(term && std::string_view(term) == "dumb");
}

int run_check(const CheckOptions& options) {
  support::Diagnostics diags;
  bool checked = false;
  // With --fix the print edition is typeset once, on the text as it is after fixing.
  auto m = publish::load_and_check(options.dir, diags, checked, !options.fix);
  if (options.fix && checked) {
    bool fixed_any = false;
    for (const auto& f : check::apply_fixes(*m, diags)) {
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
      m = publish::load_and_check(options.dir, diags, checked);
    } else if (!diags.has_errors()) {
      publish::check_print_edition(m->document, {}, diags);
    }
  }
  if (options.format == ReportFormat::json)
    print_diagnostics(stdout, diags, m ? &*m : nullptr, ReportFormat::json, false, false);
  else
    print_diagnostics(stderr, diags, m ? &*m : nullptr, ReportFormat::text, stderr_wants_color(),
                      true);
  bool failed =
      diags.has_errors() || (options.werror && diags.count(support::Severity::warning) > 0);
  return !m || failed ? kExitManuscript : kExitOk;
}

}  // namespace folio::cli
