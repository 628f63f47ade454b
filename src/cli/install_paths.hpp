// Where an installed folio finds its data (the default styles), relative to the binary.
#pragma once

#include <filesystem>
#include <vector>

namespace folio::cli {

/// The folders holding the default styles of this folio: `<bindir>/../share/folio/styles`
/// (as `cmake --install` lays them out, found from the running binary so that an
/// installation can be moved), when that folder exists. Empty for an uninstalled build,
/// whose PDF writer falls back to the source tree's styles/.
std::vector<std::filesystem::path> installed_style_dirs();

}  // namespace folio::cli
