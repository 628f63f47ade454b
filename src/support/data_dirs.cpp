// The default data search path: environment, beside the executable, the install prefix.
#include "support/data_dirs.hpp"

#include <cstdlib>
#include <string>
#include <system_error>

#ifndef FOLIO_INSTALL_DATA_DIR
#define FOLIO_INSTALL_DATA_DIR "/usr/local/share/folio"
#endif

namespace folio::support {

namespace fs = std::filesystem;

namespace {

void add_if_folder(std::vector<fs::path>& out, const fs::path& dir) {
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return;
  fs::path normal = dir.lexically_normal();
  for (const fs::path& seen : out)
    if (seen == normal) return;
  out.push_back(normal);
}

}  // namespace

std::vector<fs::path> default_data_dirs() {
  std::vector<fs::path> out;
  if (const char* env = std::getenv(kDataDirVariable)) {
    std::string list = env;
    std::size_t start = 0;
    while (start <= list.size()) {
      std::size_t end = list.find(':', start);
      if (end == std::string::npos) end = list.size();
      add_if_folder(out, list.substr(start, end - start));
      start = end + 1;
    }
  }
  std::error_code ec;
  // The executable's own location rather than a compiled-in prefix: `cmake --install
  // --prefix`, DESTDIR staging and moving the tree keep working.
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    add_if_folder(out, exe.parent_path() / "share" / "folio");
    add_if_folder(out, exe.parent_path().parent_path() / "share" / "folio");
  }
  add_if_folder(out, FOLIO_INSTALL_DATA_DIR);
  return out;
}

std::vector<fs::path> data_subdirs(const std::vector<fs::path>& data_dirs, std::string_view sub) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const fs::path& dir : data_dirs)
    if (fs::is_directory(dir / sub, ec)) out.push_back(dir / sub);
  return out;
}

}  // namespace folio::support
