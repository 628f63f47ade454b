// Line starts are found once per file; every lookup after that is logarithmic.
#include "check/line_index.hpp"

#include <algorithm>

namespace folio::check {

LineIndex::LineIndex(std::string_view text) : size_(text.size()) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts_.push_back(i + 1);
}

support::SourcePos LineIndex::at(const std::string& file, std::size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  auto line = static_cast<std::size_t>(it - starts_.begin());  // ≥ 1: starts_[0] == 0
  return {file, static_cast<int>(line), static_cast<int>(offset - starts_[line - 1]) + 1};
}

std::size_t LineIndex::line_start(int line) const {
  if (line < 1) return 0;
  auto l = static_cast<std::size_t>(line);
  return l <= starts_.size() ? starts_[l - 1] : size_;
}

}  // namespace folio::check
