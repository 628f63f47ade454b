// Atomic output files: temporary + fsync + rename, never a half-written result.
#include "support/atomic_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <system_error>

namespace folio::support {
namespace {

// Temporaries being written, for the signal handler. This is the one piece of global state
// in folio: a signal handler cannot be handed a context. Slots are fixed-size so the
// handler needs no allocation; a path too long for a slot is simply not tracked. A slot is
// claimed before its file exists and mkstemp writes the name into the slot itself, so a
// signal on any thread at any moment finds every temporary file (the EPUB and the PDF are
// written on two threads).
constexpr int kSlots = 16;
constexpr std::size_t kPathMax = 4096;
char g_temporaries[kSlots][kPathMax];
std::atomic<bool> g_in_use[kSlots];
static_assert(std::atomic<bool>::is_always_lock_free, "read from a signal handler");

// Claims a free slot for `templ` (a mkstemp template); -1 when none is free or it is too long.
int claim(const std::string& templ) {
  if (templ.size() >= kPathMax) return -1;
  for (int i = 0; i < kSlots; ++i) {
    bool expected = false;
    if (g_in_use[i].compare_exchange_strong(expected, true)) {
      // Until mkstemp creates the file, unlinking this name finds nothing: harmless.
      std::memcpy(g_temporaries[i], templ.c_str(), templ.size() + 1);
      return i;
    }
  }
  return -1;
}

void untrack(const std::filesystem::path& tmp) {
  for (int i = 0; i < kSlots; ++i)
    if (g_in_use[i] && tmp.native() == g_temporaries[i]) g_in_use[i] = false;
}

void unlink_temporaries() {
  for (int i = 0; i < kSlots; ++i)
    if (g_in_use[i]) ::unlink(g_temporaries[i]);  // async-signal-safe
}

extern "C" void on_fatal_signal(int sig) {
  unlink_temporaries();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

// Held while staged outputs are renamed into place, and by abandon_and_exit.
std::mutex g_commit;

}  // namespace

void remove_temporaries_on_signal() {
  struct sigaction sa {};
  sa.sa_handler = on_fatal_signal;
  sigemptyset(&sa.sa_mask);
  for (int sig :
       {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGXCPU, SIGPIPE}) {
    struct sigaction old {};
    if (sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;  // nohup
    sigaction(sig, &sa, nullptr);
  }
  // Past RLIMIT_FSIZE a write then fails with EFBIG instead of killing the process: the build
  // reports it, removes its temporary file and keeps the earlier outputs.
  std::signal(SIGXFSZ, SIG_IGN);
}

void abandon_and_exit(int status) {
  std::fflush(stderr);
  g_commit.lock();  // never unlocked: the process ends here
  unlink_temporaries();
  ::_exit(status);
}

bool is_temporary_of(std::string_view file, std::string_view name) {
  constexpr std::string_view kInfix = ".tmp-";
  if (file.size() != name.size() + kInfix.size() + 6 || !file.starts_with(name)) return false;
  file.remove_prefix(name.size());
  if (!file.starts_with(kInfix)) return false;
  file.remove_prefix(kInfix.size());
  for (char c : file)  // mkstemp's letters
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

OutputFolderLock::OutputFolderLock(const std::filesystem::path& dir,
                                   const std::vector<std::string>& names) {
  fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ < 0) return;
  if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) {
    // No folio writes here now: a temporary of ours is what a killed build left.
    int scan = ::dup(fd_);
    DIR* d = scan >= 0 ? ::fdopendir(scan) : nullptr;
    if (!d && scan >= 0) ::close(scan);
    while (d) {
      dirent* e = ::readdir(d);
      if (!e) break;
      std::string_view file = e->d_name;
      bool ours = false;
      for (const std::string& name : names) ours = ours || is_temporary_of(file, name);
      struct stat st {};
      if (ours && ::fstatat(fd_, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
          ::unlinkat(fd_, e->d_name, 0) == 0)
        ++removed_;
    }
    if (d) ::closedir(d);
  }
  // Shared from here on (a conversion from exclusive, or a wait for another build's sweep).
  // A folder that cannot be locked (some network filesystems) is written without the sweep.
  while (::flock(fd_, LOCK_SH) != 0 && errno == EINTR) {
  }
}

OutputFolderLock::~OutputFolderLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the lock
}

std::filesystem::path make_temporary_beside(const std::filesystem::path& path, std::string& error) {
  std::string templ = path.string() + ".tmp-XXXXXX";
  int slot = claim(templ);
  int fd = mkstemp(slot >= 0 ? g_temporaries[slot] : templ.data());
  if (fd < 0) {
    error = path.string() + ": cannot create a temporary file: " + std::strerror(errno);
    if (slot >= 0) g_in_use[slot] = false;
    return {};
  }
  ::close(fd);
  return slot >= 0 ? std::filesystem::path(g_temporaries[slot]) : std::filesystem::path(templ);
}

std::string commit_temporary(const std::filesystem::path& tmp, const std::filesystem::path& path) {
  // Output files are world-readable like any other build product (mkstemp makes them 0600).
  ::chmod(tmp.c_str(), 0644);
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string msg = path.string() + ": cannot rename the temporary file: " + std::strerror(errno);
    discard_temporary(tmp);
    return msg;
  }
  untrack(tmp);  // after the rename: a signal before it must still remove the temporary
  return {};
}

void discard_temporary(const std::filesystem::path& tmp) {
  untrack(tmp);
  std::error_code ec;
  std::filesystem::remove(tmp, ec);
}

std::string commit_temporaries(
    const std::vector<std::pair<std::filesystem::path, std::filesystem::path>>& staged) {
  std::lock_guard<std::mutex> hold(g_commit);
  for (std::size_t i = 0; i < staged.size(); ++i) {
    std::string error = commit_temporary(staged[i].first, staged[i].second);
    if (!error.empty()) {
      for (std::size_t j = i + 1; j < staged.size(); ++j) discard_temporary(staged[j].first);
      return error;
    }
  }
  return {};
}

std::string stage_file(const std::filesystem::path& path, std::string_view bytes,
                       std::filesystem::path& tmp) {
  std::string error;
  tmp = make_temporary_beside(path, error);
  if (tmp.empty()) return error;
  int fd = ::open(tmp.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (fd < 0) {
    error = path.string() + ": " + std::strerror(errno);
    discard_temporary(tmp);
    return error;
  }
  const char* p = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = path.string() + ": write failed: " + std::strerror(errno);
      ::close(fd);
      discard_temporary(tmp);
      return error;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    error = path.string() + ": write failed: " + std::strerror(errno);
    discard_temporary(tmp);
    return error;
  }
  return {};
}

std::string write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::path tmp;
  std::string error = stage_file(path, bytes, tmp);
  if (!error.empty()) return error;
  std::lock_guard<std::mutex> hold(g_commit);
  return commit_temporary(tmp, path);
}

}  // namespace folio::support
