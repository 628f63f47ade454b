// Byte offsets → 1-based line and byte column, by binary search over line starts.
#pragma once

#include <string_view>
#include <vector>

#include "support/source_pos.hpp"

namespace folio::check {

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  /// The position of byte `offset` (an offset at the end of the text is allowed).
  support::SourcePos at(const std::string& file, std::size_t offset) const;
  /// The byte offset where 1-based `line` starts (the text's size past the last line).
  std::size_t line_start(int line) const;
  int line_count() const { return static_cast<int>(starts_.size()); }

 private:
  std::vector<std::size_t> starts_;
  std::size_t size_;
};

}  // namespace folio::check
