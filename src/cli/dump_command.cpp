// `folio dump`: the model as JSON on stdout.
#include <fmt/format.h>

#include "cli/commands.hpp"

namespace folio::cli {

int run_dump(const std::filesystem::path& dir) {
  api::Diagnostics diags;
  std::optional<api::Book> book = api::read(dir, diags);
  print_diagnostics(stderr, diags, book ? &*book : nullptr, ReportFormat::text,
                    stderr_wants_color(), false);
  if (!book || diags.has_errors()) return kExitManuscript;
  std::string json = api::dump_json(*book);
  std::fwrite(json.data(), 1, json.size(), stdout);
  return kExitOk;
}

}  // namespace folio::cli
