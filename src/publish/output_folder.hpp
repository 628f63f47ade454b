// The output folder of a build: made, and locked against another folio, only when needed.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "support/atomic_file.hpp"

namespace folio::publish {

class OutputFolder {
 public:
  /// `names`: the outputs a build may write there (whose stale temporaries the lock sweeps).
  OutputFolder(std::filesystem::path dir, std::vector<std::string> names)
      : dir_(std::move(dir)), names_(std::move(names)) {}

  /// Makes the folder and takes its lock, held until this object goes (after the outputs
  /// are renamed into place). False, with error(), when the folder cannot be made.
  bool prepare();
  const std::string& error() const { return error_; }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
  std::vector<std::string> names_;
  std::string error_;
  std::optional<support::OutputFolderLock> lock_;
};

}  // namespace folio::publish
