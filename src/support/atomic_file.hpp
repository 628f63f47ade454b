// Writes an output file atomically: a temporary file in the same folder, then rename.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace folio::support {

/// Writes `bytes` to `path` through `path.tmp-XXXXXX` + fsync + rename, so a failed or
/// interrupted write leaves any earlier file untouched. Returns an empty string on
/// success, else a message describing the failure (the temporary file is removed).
std::string write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

/// Creates a unique temporary file beside `path` and returns its name (empty on failure,
/// with `error` set). The caller writes it, then calls commit_temporary or discard_temporary.
std::filesystem::path make_temporary_beside(const std::filesystem::path& path, std::string& error);
std::string commit_temporary(const std::filesystem::path& tmp, const std::filesystem::path& path);
void discard_temporary(const std::filesystem::path& tmp);

/// Writes `bytes` to a new temporary file beside `path` and flushes it, but leaves it under
/// its temporary name (`tmp`) for commit_temporaries or discard_temporary: a build writes all
/// its outputs first and renames them into place only when every one of them succeeded.
/// Returns an empty string on success, else a message (no temporary file is left).
std::string stage_file(const std::filesystem::path& path, std::string_view bytes,
                       std::filesystem::path& tmp);

/// Renames each staged (temporary, final) pair into place, one after the other, with no
/// abandon_and_exit in between. Stops at the first failure and discards the temporaries not
/// yet renamed; returns its message (empty on success).
std::string commit_temporaries(
    const std::vector<std::pair<std::filesystem::path, std::filesystem::path>>& staged);

/// Installs handlers for the signals that end a process (SIGINT, SIGTERM, SIGHUP, SIGQUIT,
/// SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGXCPU, SIGPIPE) that remove every temporary file
/// still being written, then end the process with the signal's usual status. A signal that
/// was ignored when folio started (`nohup`) stays ignored. SIGXFSZ is ignored, so a write past
/// the file size limit fails with EFBIG and the build reports it like a full disk. Call once
/// from main().
void remove_temporaries_on_signal();

/// Removes every temporary file still being written and ends the process at once with
/// `status`, without waiting for other threads (`folio watch` abandoning a build on Ctrl-C).
/// Waits for a commit_temporaries in progress, so the outputs are all earlier or all new.
[[noreturn]] void abandon_and_exit(int status);

/// True for `NAME.tmp-XXXXXX`, the temporary name make_temporary_beside gives `NAME`.
bool is_temporary_of(std::string_view file, std::string_view name);

/// Held by a build while it writes into an output folder: a shared flock(2) on the folder.
/// Taking it first tries for the exclusive lock; when that succeeds no other folio is writing
/// there, and temporaries of `names` left by a killed build (SIGKILL, a power cut) are removed.
class OutputFolderLock {
 public:
  OutputFolderLock(const std::filesystem::path& dir, const std::vector<std::string>& names);
  ~OutputFolderLock();
  OutputFolderLock(const OutputFolderLock&) = delete;
  OutputFolderLock& operator=(const OutputFolderLock&) = delete;
  /// How many stale temporary files were removed.
  std::size_t removed() const { return removed_; }

 private:
  int fd_ = -1;
  std::size_t removed_ = 0;
};

}  // namespace folio::support
