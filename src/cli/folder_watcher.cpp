// inotify over a folder tree, with the debounce that turns one save into one rebuild.
#include "cli/folder_watcher.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace folio::cli {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Close-write rather than every modify where possible, but modify too: some programs keep
// a file open. Moves and deletes cover editors that save by renaming a new file into place.
constexpr std::uint32_t kFileEvents =
    IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO;
constexpr std::uint32_t kRootEvents = kFileEvents | IN_DELETE_SELF | IN_MOVE_SELF;

}  // namespace

bool is_side_file(const std::string& name) {
  if (name.empty() || name.front() == '.' || name.back() == '~') return true;
  if (name.front() == '#' && name.back() == '#') return true;  // Emacs autosave
  if (name == "4913") return true;                             // Vim's write test
  for (std::string_view suffix : {".swp", ".swx", ".swo", ".kate-swp"})
    if (name.ends_with(suffix)) return true;
  return name.find(".tmp-") != std::string::npos;  // atomic writes (folio's own included)
}

FolderWatcher::FolderWatcher(fs::path root) : root_(std::move(root)) {
  fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) {
    error_ = std::string("inotify: ") + std::strerror(errno);
    return;
  }
  int wd = ::inotify_add_watch(fd_, root_.c_str(), kRootEvents | IN_ONLYDIR);
  if (wd < 0) {
    error_ = root_.string() + ": " + std::strerror(errno);
    return;
  }
  dirs_[wd] = "";
  std::error_code ec;
  for (fs::directory_iterator it(root_, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_directory(ec) && !is_side_file(it->path().filename().string()))
      add_tree(it->path().filename());
}

FolderWatcher::~FolderWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

void FolderWatcher::add_tree(const fs::path& dir) {
  int wd = ::inotify_add_watch(fd_, (root_ / dir).c_str(), kFileEvents | IN_ONLYDIR);
  if (wd < 0) return;  // gone already, or the watch limit: the rest still works
  dirs_[wd] = dir;
  std::error_code ec;
  for (fs::directory_iterator it(root_ / dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_directory(ec) && !is_side_file(it->path().filename().string()))
      add_tree(dir / it->path().filename());
}

bool FolderWatcher::drain(std::vector<std::string>& into) {
  alignas(inotify_event) char buf[16384];
  bool root_alive = true;
  for (;;) {
    ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n <= 0) break;  // EAGAIN: the queue is empty
    for (char* p = buf; p < buf + n;) {
      auto* ev = reinterpret_cast<inotify_event*>(p);
      p += sizeof(inotify_event) + ev->len;
      if (ev->mask & IN_Q_OVERFLOW) {
        into.push_back("(many files)");  // events were lost: rebuild to be safe
        continue;
      }
      auto dir = dirs_.find(ev->wd);
      if (dir == dirs_.end()) continue;
      if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
        if (dir->second.empty()) root_alive = false;
        continue;
      }
      if (ev->mask & IN_IGNORED) {
        dirs_.erase(dir);
        continue;
      }
      std::string name = ev->len ? ev->name : "";
      if (is_side_file(name)) continue;
      fs::path rel = dir->second / name;
      if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) add_tree(rel);
      into.push_back(rel.string());
    }
  }
  return root_alive;
}

FolderWatcher::Result FolderWatcher::wait(int stop_fd, std::chrono::milliseconds quiet,
                                          std::chrono::milliseconds longest) {
  Result result;
  if (fd_ < 0) {
    result.wake = Wake::failed;
    return result;
  }
  pollfd fds[2] = {{fd_, POLLIN, 0}, {stop_fd, POLLIN, 0}};
  Clock::time_point first{};
  for (;;) {
    // Before the first change: wait indefinitely. After it: until `quiet` passes with no
    // new change, or `longest` since the first one.
    int timeout = -1;
    if (!result.changed.empty()) {
      auto left = std::min(quiet, std::chrono::duration_cast<std::chrono::milliseconds>(
                                      first + longest - Clock::now()));
      timeout = static_cast<int>(std::max<long long>(0, left.count()));
    }
    int ready = ::poll(fds, stop_fd >= 0 ? 2 : 1, timeout);
    if (ready < 0) {
      if (errno == EINTR) continue;
      result.wake = Wake::failed;
      return result;
    }
    if (ready == 0) break;  // quiet long enough
    if (stop_fd >= 0 && (fds[1].revents & POLLIN)) {
      result.wake = Wake::stop;
      return result;
    }
    if (fds[0].revents & POLLIN) {
      bool was_empty = result.changed.empty();
      if (!drain(result.changed)) {
        result.wake = Wake::gone;
        return result;
      }
      if (was_empty && !result.changed.empty()) first = Clock::now();
    }
  }
  std::sort(result.changed.begin(), result.changed.end());
  result.changed.erase(std::unique(result.changed.begin(), result.changed.end()),
                       result.changed.end());
  return result;
}

}  // namespace folio::cli
