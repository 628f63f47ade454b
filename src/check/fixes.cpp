// Fix application: diagnostics → byte edits → one atomic rewrite per file.
#include "check/fixes.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "check/line_index.hpp"
#include "support/atomic_file.hpp"

namespace folio::check {

namespace fs = std::filesystem;

std::string apply_edits(std::string_view text, std::vector<TextEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(),
                   [](const TextEdit& a, const TextEdit& b) { return a.offset < b.offset; });
  std::string out;
  out.reserve(text.size());
  std::size_t done = 0;
  for (const TextEdit& e : edits) {
    if (e.offset < done || e.offset + e.length > text.size()) continue;
    out.append(text.substr(done, e.offset - done));
    out += e.replacement;
    done = e.offset + e.length;
  }
  out.append(text.substr(done));
  return out;
}

std::vector<TextEdit> fix_edits(const std::string& file, std::string_view text,
                                const support::Diagnostics& diags) {
  std::vector<TextEdit> edits;
  LineIndex lines(text);
  for (const support::Diagnostic& d : diags.items()) {
    if (d.pos.file != file || d.fix.empty() || d.code.empty() || !d.code.info().auto_fix) continue;
    if (!d.pos.has_line() || !d.end.has_line()) continue;
    std::size_t begin = lines.line_start(d.pos.line) + static_cast<std::size_t>(d.pos.column - 1);
    std::size_t end = lines.line_start(d.end.line) + static_cast<std::size_t>(d.end.column - 1);
    if (end < begin || end > text.size()) continue;
    edits.push_back({begin, end - begin, d.fix});
  }
  return edits;
}

std::vector<FixedFile> apply_fixes(const manuscript::Manuscript& m,
                                   const support::Diagnostics& diags) {
  std::vector<FixedFile> result;
  if (m.document.base_dir.empty()) return result;
  for (const manuscript::SourceFile& src : m.sources) {
    std::vector<TextEdit> edits = fix_edits(src.name, src.text, diags);
    if (edits.empty()) continue;
    FixedFile fixed{src.name, edits.size(), {}};
    std::error_code ec;
    fs::path path = m.document.base_dir / src.name;
    // Rewrite the file a symlink points to, not the link.
    if (fs::is_symlink(path, ec)) path = fs::canonical(path, ec);
    struct stat st {};
    bool had_mode = ::stat(path.c_str(), &st) == 0;
    fixed.error = support::write_file_atomically(path, apply_edits(src.text, edits));
    if (fixed.error.empty() && had_mode) ::chmod(path.c_str(), st.st_mode & 07777);
    result.push_back(std::move(fixed));
  }
  return result;
}

}  // namespace folio::check
