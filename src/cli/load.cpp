// Loading for commands: folder → reader → model.
#include "cli/load.hpp"

namespace folio::cli {

std::optional<manuscript::Manuscript> load_manuscript(const std::filesystem::path& dir,
                                                      support::Diagnostics& diags) {
  auto source = manuscript::open_folder(dir, diags);
  if (!source) return std::nullopt;
  return manuscript::read_manuscript(*source, diags);
}

}  // namespace folio::cli
