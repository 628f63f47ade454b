// Atomic output files: temporary + fsync + rename, never a half-written result.
#include "support/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace folio::support {

std::filesystem::path make_temporary_beside(const std::filesystem::path& path, std::string& error) {
  std::string templ = path.string() + ".tmp-XXXXXX";
  int fd = mkstemp(templ.data());
  if (fd < 0) {
    error = path.string() + ": cannot create a temporary file: " + std::strerror(errno);
    return {};
  }
  ::close(fd);
  return templ;
}

std::string commit_temporary(const std::filesystem::path& tmp, const std::filesystem::path& path) {
  // Output files are world-readable like any other build product (mkstemp makes them 0600).
  ::chmod(tmp.c_str(), 0644);
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string msg = path.string() + ": cannot rename the temporary file: " + std::strerror(errno);
    discard_temporary(tmp);
    return msg;
  }
  return {};
}

void discard_temporary(const std::filesystem::path& tmp) {
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
