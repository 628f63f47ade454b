// `folio check --fix`: applies the safe fixes of diagnostics to the source files in place.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "manuscript/reader.hpp"
#include "support/diagnostic.hpp"

namespace folio::check {

/// Replace `length` bytes at `offset` by `replacement`.
struct TextEdit {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string replacement;
};

/// `text` with `edits` applied; an edit overlapping an earlier one is skipped.
std::string apply_edits(std::string_view text, std::vector<TextEdit> edits);

/// The edits for `file` from the diagnostics whose codes are marked auto_fix (their fix
/// replaces the text from pos to end).
std::vector<TextEdit> fix_edits(const std::string& file, std::string_view text,
                                const support::Diagnostics& diags);

struct FixedFile {
  std::string file;
  std::size_t fixes = 0;
  std::string error;  ///< empty on success
};

/// Rewrites every source file of `m` that has fixes: a temporary file beside it, then a
/// rename, keeping its permissions. Nothing but the fixed bytes changes.
std::vector<FixedFile> apply_fixes(const manuscript::Manuscript& m,
                                   const support::Diagnostics& diags);

}  // namespace folio::check
