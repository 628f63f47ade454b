// `folio check`: read and validate, write nothing.
#include <unistd.h>

#include <cstdlib>

#include "check/check.hpp"
#include "cli/commands.hpp"
#include "cli/load.hpp"

namespace folio::cli {

bool stderr_wants_color() { return ::isatty(2) && std::getenv("NO_COLOR") == nullptr; }

int run_check(const CheckOptions& options) {
  support::Diagnostics diags;
  auto m = load_manuscript(options.dir, diags);
  // Checks run on a model only when reading succeeded: one root cause, one diagnostic.
  if (m && !diags.has_errors()) check::check_manuscript(*m, diags);
  if (options.format == ReportFormat::json)
    print_diagnostics(stdout, diags, m ? &*m : nullptr, ReportFormat::json, false, false);
  else
    print_diagnostics(stderr, diags, m ? &*m : nullptr, ReportFormat::text, stderr_wants_color(),
                      true);
  bool failed = diags.has_errors() ||
                (options.werror && diags.count(support::Severity::warning) > 0);
  return !m || failed ? kExitManuscript : kExitOk;
}

}  // namespace folio::cli
