// The terminal status line: redrawn in place, erased before any other output.
#include "cli/progress_line.hpp"

#include <fmt/format.h>
#include <unistd.h>

namespace folio::cli {

bool is_terminal(std::FILE* file) {
  return ::isatty(::fileno(file)) == 1;
}

void ProgressLine::stage(std::string_view what) {
  stage_ = what;
  pages_ = 0;
  draw();
}

void ProgressLine::pages(int count) {
  pages_ = count;
  draw();
}

void ProgressLine::clear() {
  if (!enabled_ || !shown_) return;
  fmt::print(out_, "\r\033[K");
  std::fflush(out_);
  shown_ = false;
}

void ProgressLine::draw() {
  if (!enabled_) return;
  // "\r\033[K" returns to the line's start and erases it: no leftovers from a longer line.
  if (pages_ > 0)
    fmt::print(out_, "\r\033[Kfolio: {}… {} page{}", stage_, pages_, pages_ == 1 ? "" : "s");
  else
    fmt::print(out_, "\r\033[Kfolio: {}…", stage_);
  std::fflush(out_);
  shown_ = true;
}

}  // namespace folio::cli
