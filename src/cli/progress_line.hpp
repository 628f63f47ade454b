// A one-line progress display on a terminal: the current stage, and pages set so far.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace folio::cli {

/// Redraws a single status line in place ("\r" + erase-line). Disabled, it prints nothing,
/// so callers never test for a terminal themselves; `folio` enables it only when stderr
/// is a terminal and --quiet is not given, so logs and pipes never see control characters.
class ProgressLine {
 public:
  ProgressLine(std::FILE* out, bool enabled) : out_(out), enabled_(enabled) {}
  ~ProgressLine() { clear(); }
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  /// Shows `what` ("reading", "typesetting") as the current stage; resets the page count.
  void stage(std::string_view what);
  /// Adds "· N pages" to the current stage (for the typesetter's progress).
  void pages(int count);
  /// Erases the line, so that ordinary output (diagnostics) starts on a clean line.
  void clear();

  bool enabled() const { return enabled_; }

 private:
  void draw();

  std::FILE* out_;
  bool enabled_;
  bool shown_ = false;
  std::string stage_;
  int pages_ = 0;
};

/// True when `file` is a terminal: the condition for drawing progress on it.
bool is_terminal(std::FILE* file);

}  // namespace folio::cli
