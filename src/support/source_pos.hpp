// A position in a manuscript source file, carried by every model node and diagnostic.
#pragma once

#include <string>

namespace folio::support {

/// A 1-based line and byte column in a named file (relative to the manuscript folder).
/// line == 0 means "no position" (the whole file, or a generated node).
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;

  bool has_line() const { return line > 0; }
  friend bool operator==(const SourcePos&, const SourcePos&) = default;
};

}  // namespace folio::support
