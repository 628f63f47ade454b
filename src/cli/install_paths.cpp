// Finds the installed share/folio/styles from /proc/self/exe, so `folio` works from any folder.
#include "cli/install_paths.hpp"

#include <system_error>

#ifndef FOLIO_BIN_TO_STYLES
#define FOLIO_BIN_TO_STYLES "../share/folio/styles"
#endif

namespace folio::cli {

std::vector<std::filesystem::path> installed_style_dirs() {
  namespace fs = std::filesystem;
  std::error_code ec;
  // The binary's own location rather than a compiled-in prefix: `cmake --install
  // --prefix` and DESTDIR staging, or moving the tree, keep working.
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  fs::path styles = (exe.parent_path() / FOLIO_BIN_TO_STYLES).lexically_normal();
  if (!fs::is_directory(styles, ec)) return {};
  return {styles};
}

}  // namespace folio::cli
