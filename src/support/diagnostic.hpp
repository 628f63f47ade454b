// Typed diagnostics with source positions; every stage reports problems through a sink.
#pragma once

#include <string>
#include <vector>

#include "support/codes.hpp"
#include "support/source_pos.hpp"

namespace folio::support {

const char* severity_name(Severity s);

/// One problem found in a manuscript, with a stable registered code (e.g. "dateline-position").
struct Diagnostic {
  Severity severity = Severity::error;
  Code code;
  std::string message;
  SourcePos pos;
  SourcePos end;    ///< optional end of the range (line 0 when absent)
  std::string fix;  ///< optional suggested replacement or action
};

/// Collects diagnostics in the order stages report them. Stages keep going where they can.
class Diagnostics {
 public:
  void report(Diagnostic d) { items_.push_back(std::move(d)); }
  void error(Code code, SourcePos pos, std::string message) {
    report({Severity::error, code, std::move(message), std::move(pos), {}, {}});
  }
  void warning(Code code, SourcePos pos, std::string message, std::string fix = {}) {
    report({Severity::warning, code, std::move(message), std::move(pos), {}, std::move(fix)});
  }

  bool has_errors() const;
  std::size_t count(Severity s) const;
  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic>& items() { return items_; }
  bool empty() const { return items_.empty(); }

  /// Sorts by file, line, column (stable, so equal positions keep report order).
  void sort();

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace folio::support
