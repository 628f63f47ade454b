// Atomic output files: temporary + fsync + rename, never a half-written result.
#include "support/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
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

extern "C" void on_fatal_signal(int sig) {
  for (int i = 0; i < kSlots; ++i)
    if (g_in_use[i]) ::unlink(g_temporaries[i]);  // async-signal-safe
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

}  // namespace

void remove_temporaries_on_signal() {
  struct sigaction sa {};
  sa.sa_handler = on_fatal_signal;
  sigemptyset(&sa.sa_mask);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaction(sig, &sa, nullptr);
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

std::string write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  std::string error;
  auto tmp = make_temporary_beside(path, error);
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
  return commit_temporary(tmp, path);
}

}  // namespace folio::support
