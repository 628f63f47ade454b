// Waits for changes under a folder with inotify(7), folding bursts of events into one.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace folio::cli {

/// Watches a folder and its subfolders (new ones included) for files being written,
/// created, moved or deleted. Editors' side files (dot files, `~` backups, swap files,
/// folio's own `.tmp-` files) are ignored, so saving a chapter counts once.
class FolderWatcher {
 public:
  explicit FolderWatcher(std::filesystem::path root);
  ~FolderWatcher();
  FolderWatcher(const FolderWatcher&) = delete;
  FolderWatcher& operator=(const FolderWatcher&) = delete;

  /// Empty when the watch is set up; else why it is not.
  const std::string& error() const { return error_; }

  enum class Wake { changed, stop, gone, failed };
  struct Result {
    Wake wake = Wake::changed;
    std::vector<std::string> changed;  ///< paths relative to the root, sorted, no repeats
  };

  /// Blocks until something under the root changes, then keeps collecting until `quiet`
  /// passes without another change (at most `longest` in all, so a folder that never
  /// settles still gets built). Returns `stop` as soon as `stop_fd` is readable, `gone`
  /// when the root itself is deleted or moved away.
  Result wait(int stop_fd, std::chrono::milliseconds quiet,
              std::chrono::milliseconds longest = std::chrono::seconds(2));

 private:
  void add_tree(const std::filesystem::path& dir);
  /// Reads the queued events into `into`; false when the root went away.
  bool drain(std::vector<std::string>& into);

  std::filesystem::path root_;
  int fd_ = -1;
  std::map<int, std::filesystem::path> dirs_;  ///< watch descriptor → folder (relative)
  std::string error_;
};

/// True for names editors and tools write beside the real file while saving.
bool is_side_file(const std::string& name);

}  // namespace folio::cli
