// A paragraph's text with its inline styling, as the line breaker takes it.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace folio::typeset {

/// Styling over the byte range [start, end) of the text.
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
  bool italic = false;
  bool bold = false;
  bool small_caps = false;
  bool mono = false;
  bool superscript = false;  ///< note reference marks
  std::string lang;
  /// OpenType features of its own ("frac 1": a fraction built from figures); empty: none.
  std::string features;
};

/// '\n' in `text` is a forced line break.
struct StyledText {
  std::string text;
  std::vector<Span> spans;
  /// Note references: byte offset of the mark → note number.
  std::vector<std::pair<std::size_t, int>> notes;

  bool empty() const { return text.empty(); }
};

}  // namespace folio::typeset
