// `folio init DIR`: scaffolds a new manuscript, never touching anything that exists.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "cli/commands.hpp"
#include "cli/scaffold.hpp"
#include "support/atomic_file.hpp"
#include "support/utf8.hpp"

namespace folio::cli {
namespace {

namespace fs = std::filesystem;

// Writes a new file whole or not at all, and never over an existing one: the text goes to
// a temporary file first, which link(2) then gives its name only if that name is free.
std::string create_new_file(const fs::path& path, const std::string& text) {
  std::string error;
  fs::path tmp = support::make_temporary_beside(path, error);
  if (tmp.empty()) return error;
  int fd = ::open(tmp.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  bool written =
      fd >= 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  if (fd >= 0 && ::close(fd) != 0) written = false;
  if (!written) {
    error = path.string() + ": cannot write: " + std::strerror(errno);
    support::discard_temporary(tmp);
    return error;
  }
  ::chmod(tmp.c_str(), 0644);  // a source file like any other (mkstemp makes 0600)
  if (::link(tmp.c_str(), path.c_str()) != 0)
    error = errno == EEXIST ? path.string() + " already exists; folio init never overwrites"
                            : path.string() + ": " + std::strerror(errno);
  support::discard_temporary(tmp);
  return error;
}

// A value that book.yaml can hold on one line and the reader accepts.
std::string bad_value(std::string_view what, const std::string& value) {
  if (value.empty()) return fmt::format("the {} is empty", what);
  if (support::find_invalid_utf8(value)) return fmt::format("the {} is not valid UTF-8", what);
  for (char c : value)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      return fmt::format("the {} contains a control character", what);
  return {};
}

}  // namespace

int run_init(const InitOptions& options) {
  const fs::path& dir = options.dir;
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    fmt::print(stderr, "folio: error: {} exists and is not a folder\n", dir.string());
    return kExitManuscript;
  }
  if (fs::is_directory(dir, ec) && !fs::is_empty(dir, ec)) {
    fmt::print(stderr,
               "folio: error: {} already exists and is not empty; folio init only creates new "
               "manuscripts, so it changed nothing (choose a new folder name)\n",
               dir.string());
    return kExitManuscript;
  }

  ScaffoldInfo info;
  std::string folder_name = fs::absolute(dir, ec).lexically_normal().filename().string();
  if (folder_name.empty())  // "mybook/" normalises to a trailing empty component
    folder_name = fs::absolute(dir, ec).lexically_normal().parent_path().filename().string();
  info.title = options.title ? *options.title : title_from_folder_name(folder_name);
  info.author = options.author;
  info.lang = options.lang;
  info.folder = dir.string();
  for (auto [what, value] : {std::pair<std::string_view, const std::string&>{"title", info.title},
                             {"author", info.author}}) {
    std::string problem = bad_value(what, value);
    if (!problem.empty()) {
      fmt::print(stderr, "folio: error: {}\n", problem);
      return kExitUsage;
    }
  }

  if (!api::is_language_tag(info.lang)) {
    fmt::print(stderr, "folio: error: '{}' is not a BCP 47 language tag (e.g. en, en-US, fr-CA)\n",
               info.lang);
    return kExitUsage;
  }

  fs::create_directories(dir, ec);
  if (ec) {
    fmt::print(stderr, "folio: error: cannot create {}: {}\n", dir.string(), ec.message());
    return kExitUsage;
  }
  for (const ScaffoldFile& f : scaffold_files(info)) {
    std::string error = create_new_file(dir / f.name, f.text);
    if (!error.empty()) {
      fmt::print(stderr, "folio: error: {}\n", error);
      return kExitUsage;
    }
    if (options.verbosity == Verbosity::verbose)
      fmt::print(stderr, "created {}\n", (dir / f.name).string());
  }
  if (options.verbosity != Verbosity::quiet)
    fmt::print(stderr,
               "folio: created the manuscript {0}/ ({1})\n"
               "next:  folio build {0}    or    folio watch {0}\n",
               dir.string(), info.title);
  return kExitOk;
}

}  // namespace folio::cli
