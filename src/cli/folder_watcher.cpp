// inotify over a folder tree, with the debounce that turns one save into one rebuild.
#include "cli/folder_watcher.hpp"

#include <fmt/format.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
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

FolderWatcher::FolderWatcher(fs::path root, int stop_fd) : root_(std::move(root)) {
  fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) {
    error_ = std::string("inotify: ") + std::strerror(errno);
    return;
  }
  // The root itself may be a symbolic link (`folio watch book` with book -> drafts/book).
  int wd = ::inotify_add_watch(fd_, root_.c_str(), kRootEvents | IN_ONLYDIR);
  struct stat st {};
  if (wd < 0 || ::stat(root_.c_str(), &st) != 0) {
    error_ = root_.string() + ": " + std::strerror(errno);
    return;
  }
  dirs_[wd] = "";
  ids_[wd] = {st.st_dev, st.st_ino};
  seen_.insert({st.st_dev, st.st_ino});
  add_tree("", stop_fd);
}

FolderWatcher::~FolderWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

bool FolderWatcher::add_one(const fs::path& dir) {
  fs::path full = root_ / dir;
  struct stat st {};
  // lstat: a symbolic link to a folder is a file here, never followed.
  if (::lstat(full.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return true;  // gone already
  if (!seen_.insert({st.st_dev, st.st_ino}).second) return true;             // reached another way
  if (dirs_.size() >= kMaxFolders) {
    error_ = fmt::format(
        "{} holds more than {} folders; a manuscript needs a few (is a large folder, or a "
        "mount, inside it?)",
        root_.string(), kMaxFolders);
    return false;
  }
  int wd = ::inotify_add_watch(fd_, full.c_str(), kFileEvents | IN_ONLYDIR | IN_DONT_FOLLOW);
  if (wd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) return true;  // deleted or replaced meanwhile
    error_ = fmt::format("{}: {}{}", full.string(), std::strerror(errno),
                         errno == ENOSPC ? " (the limit is fs.inotify.max_user_watches)" : "");
    return false;
  }
  dirs_[wd] = dir;
  ids_[wd] = {st.st_dev, st.st_ino};
  return true;
}

bool FolderWatcher::add_tree(const fs::path& dir, int stop_fd) {
  // Depth first with a list rather than recursion: nesting depth costs no stack.
  std::vector<fs::path> todo{dir};
  std::size_t visited = 0;
  while (!todo.empty()) {
    fs::path next = std::move(todo.back());
    todo.pop_back();
    if (!next.empty() && !add_one(next)) return false;
    if (stop_fd >= 0 && ++visited % 64 == 0) {
      pollfd p{stop_fd, POLLIN, 0};
      if (::poll(&p, 1, 0) > 0 && (p.revents & POLLIN)) {
        stopped_ = true;
        error_ = "stopped";
        return false;
      }
    }
    std::error_code ec;
    for (fs::directory_iterator it(root_ / next, ec), end; !ec && it != end; it.increment(ec)) {
      // symlink_status: a link to a folder is not a folder to watch.
      if (it->symlink_status(ec).type() == fs::file_type::directory &&
          !is_side_file(it->path().filename().string()))
        todo.push_back(next / it->path().filename());
    }
  }
  return true;
}

void FolderWatcher::ignore(const fs::path& dir) {
  struct stat st {};
  if (fd_ < 0 || ::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return;
  std::pair<dev_t, ino_t> id{st.st_dev, st.st_ino};
  ignored_.insert(id);
  seen_.insert(id);  // never added later
  std::vector<fs::path> tops;
  for (auto& [wd, wid] : ids_)
    if (wid == id && dirs_.count(wd) && !dirs_[wd].empty()) tops.push_back(dirs_[wd]);
  // Each such folder and everything under it (by path: it was reached from the root that way).
  // The root itself is never dropped: there is nothing to ignore it from.
  for (const fs::path& top : tops) {
    for (auto it = dirs_.begin(); it != dirs_.end();) {
      auto [a, b] = std::mismatch(top.begin(), top.end(), it->second.begin(), it->second.end());
      if (a == top.end()) {
        ::inotify_rm_watch(fd_, it->first);
        ids_.erase(it->first);
        it = dirs_.erase(it);
      } else {
        ++it;
      }
    }
  }
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
        // The folder is gone: its inode may come back as another folder.
        auto id = ids_.find(ev->wd);
        if (id != ids_.end()) {
          if (!ignored_.count(id->second)) seen_.erase(id->second);
          ids_.erase(id);
        }
        dirs_.erase(dir);
        continue;
      }
      std::string name = ev->len ? ev->name : "";
      if (is_side_file(name)) continue;
      fs::path rel = dir->second / name;
      if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO)) && !add_tree(rel)) {
        failed_ = true;
        return root_alive;
      }
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
      if (failed_) {
        result.wake = Wake::failed;  // error() says why
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
