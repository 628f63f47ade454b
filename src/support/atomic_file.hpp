// Writes an output file atomically: a temporary file in the same folder, then rename.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

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

/// Installs SIGINT/SIGTERM/SIGHUP handlers that remove every temporary file still being
/// written, then end the process with the signal's usual status. Call once from main().
void remove_temporaries_on_signal();

}  // namespace folio::support
