// `folio dump`: the model as JSON on stdout.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "model/dump.hpp"
#include "publish/load.hpp"

namespace folio::cli {

int run_dump(const std::filesystem::path& dir) {
  support::Diagnostics diags;
  auto m = publish::load_manuscript(dir, diags);
  print_diagnostics(stderr, diags, m ? &*m : nullptr, ReportFormat::text, stderr_wants_color(),
                    false);
  if (!m || diags.has_errors()) return kExitManuscript;
  std::string json = model::dump_json(m->document);
  std::fwrite(json.data(), 1, json.size(), stdout);
  return kExitOk;
}

}  // namespace folio::cli
