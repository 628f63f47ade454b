// Where folio's own data (styles/, fonts/) is found at run time, never a source-tree path.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

namespace folio::support {

/// The environment variable that names folio's data folders (':'-separated), searched first.
inline constexpr const char* kDataDirVariable = "FOLIO_DATA_DIR";

/// The data folders folio searches when a caller passes none, first match first, those that
/// exist: each folder in $FOLIO_DATA_DIR; `share/folio` beside the running executable (where
/// a build tree lays out its data); `<exe dir>/../share/folio` (an installed prefix, found
/// from the executable so that it can be moved or staged); the configured install prefix's
/// `share/folio` (for programs linking the library from elsewhere).
std::vector<std::filesystem::path> default_data_dirs();

/// `sub` ("styles", "fonts") inside each of `data_dirs`, where it is a folder, in order.
std::vector<std::filesystem::path> data_subdirs(const std::vector<std::filesystem::path>& data_dirs,
                                                std::string_view sub);

}  // namespace folio::support
