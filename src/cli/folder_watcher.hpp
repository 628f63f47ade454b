// Waits for changes under a folder with inotify(7), folding bursts of events into one.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace folio::cli {

/// Watches a folder and its subfolders (new ones included) for files being written,
/// created, moved or deleted. Editors' side files (dot files, `~` backups, swap files,
/// folio's own `.tmp-` files) are ignored, so saving a chapter counts once. Symbolic links
/// to folders are not followed (a link to `.` or to `/` would otherwise never end), each
/// folder is watched once however it is reached (bind mounts), and at most kMaxFolders are.
class FolderWatcher {
 public:
  /// More folders than this under the root is an error: a manuscript has a handful, and
  /// each watch costs kernel memory (fs.inotify.max_user_watches is often 8,192).
  static constexpr std::size_t kMaxFolders = 10000;

  /// Sets up the watches. A readable `stop_fd` (Ctrl-C) cuts the setup short: then error()
  /// is set and stopped() is true.
  explicit FolderWatcher(std::filesystem::path root, int stop_fd = -1);
  ~FolderWatcher();
  FolderWatcher(const FolderWatcher&) = delete;
  FolderWatcher& operator=(const FolderWatcher&) = delete;

  /// Empty when the watch is set up; else why it is not (or why watching failed later).
  const std::string& error() const { return error_; }
  /// True when `stop_fd` became readable while the watches were being set up.
  bool stopped() const { return stopped_; }

  /// Stops watching `dir` (the output folder) and everything under it, however it is reached
  /// from the root, and never watches it again: what a build writes there must not trigger
  /// the next build. Compared by device and inode, so a bind mount is recognised too. May be
  /// called again once `dir` exists.
  void ignore(const std::filesystem::path& dir);
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
  /// Watches `dir` (relative to the root) and the real folders under it; false (error_ set)
  /// past kMaxFolders, when the kernel refuses more watches, or when stopped.
  bool add_tree(const std::filesystem::path& dir, int stop_fd = -1);
  bool add_one(const std::filesystem::path& dir);
  /// Reads the queued events into `into`; false when the root went away.
  bool drain(std::vector<std::string>& into);

  std::filesystem::path root_;
  int fd_ = -1;
  std::map<int, std::filesystem::path> dirs_;   ///< watch descriptor → folder (relative)
  std::map<int, std::pair<dev_t, ino_t>> ids_;  ///< watch descriptor → the folder's identity
  std::set<std::pair<dev_t, ino_t>> seen_;      ///< folders watched (or ignored), by identity
  std::set<std::pair<dev_t, ino_t>> ignored_;
  std::string error_;
  bool stopped_ = false;
  bool failed_ = false;  ///< a new folder could not be watched (error_ says why)
};

/// True for names editors and tools write beside the real file while saving.
bool is_side_file(const std::string& name);

}  // namespace folio::cli
