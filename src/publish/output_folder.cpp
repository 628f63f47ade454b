// Making and locking the output folder just before the first temporary file is written.
#include "publish/output_folder.hpp"

#include <system_error>

namespace folio::publish {

bool OutputFolder::prepare() {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) {
    error_ = ec.message();
    return false;
  }
  lock_.emplace(dir_, names_);
  return true;
}

}  // namespace folio::publish
