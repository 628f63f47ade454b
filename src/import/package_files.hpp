// The files of an EPUB or DOCX: a zip archive or an unpacked folder, read with bounds.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace folio::import {

/// Why a package or an entry was refused: damaged, unsafe (a name climbing out), too large.
enum class PackageProblem { unreadable, unsafe, too_large };

/// Bounds on what an import reads, so a zip bomb or a huge entry is refused, never expanded.
struct PackageLimits {
  std::size_t max_entries = 20000;
  std::size_t max_entry_bytes = std::size_t{64} << 20;   ///< one file (an image: 64 MB)
  std::size_t max_total_bytes = std::size_t{512} << 20;  ///< everything read, together
  /// Uncompressed / compressed, for an entry over 1 MB: prose deflates about 3:1 and even a
  /// generated run of the same paragraph stays under 400:1; deflate's ceiling is about
  /// 1032:1, which only a run of one byte reaches, a file built to fill the disk.
  std::size_t max_ratio = 1000;
};

/// A package opened for reading. Entry names are the zip's (`OEBPS/ch1.xhtml`); every name
/// was checked when the package was opened: none is absolute or climbs out with `..`.
class PackageFiles {
 public:
  /// Opens `path`, a zip file or a folder; nullopt with `error` set when it cannot be read
  /// (not a zip, truncated, an unsafe entry name, too many entries).
  static std::optional<PackageFiles> open(const std::filesystem::path& path, std::string& error,
                                          const PackageLimits& limits = {},
                                          PackageProblem* problem = nullptr);
  ~PackageFiles();
  PackageFiles(PackageFiles&&) noexcept;
  PackageFiles& operator=(PackageFiles&&) noexcept;

  bool is_folder() const;
  bool has(const std::string& name) const;
  const std::vector<std::string>& names() const;
  /// The bytes of entry `name`; nullopt with `error` set when it is missing, larger than the
  /// limits allow, compressed suspiciously well, or unreadable.
  std::optional<std::string> read(const std::string& name, std::string& error);
  /// What the last refused open or read was refused for.
  PackageProblem last_problem() const;

  struct State;

 private:
  explicit PackageFiles(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

/// `href` (relative to the entry `base`, percent-escapes decoded, fragment dropped) as an
/// entry name; empty when it leaves the package.
std::string resolve_href(const std::string& base, std::string_view href);

/// True for a name that is absolute or has a `..` part (or a backslash, a drive letter).
bool is_unsafe_entry_name(std::string_view name);

}  // namespace folio::import
