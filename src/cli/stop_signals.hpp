// SIGINT and SIGTERM as a readable file descriptor, so a loop can poll for "stop" (no globals).
#pragma once

#include <signal.h>

namespace folio::cli {

/// While alive, SIGINT and SIGTERM are blocked for this thread (and for threads it starts
/// later) and queue on a signalfd instead of killing the process; a poll loop sees them as
/// input on fd() and can finish its work and exit cleanly. The old mask is restored after.
class StopSignals {
 public:
  StopSignals();
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  /// -1 when the signalfd could not be made (the signals then act as usual).
  int fd() const { return fd_; }
  /// Reads the pending signal; returns its number (0 if none).
  int take();

 private:
  sigset_t old_mask_{};
  int fd_ = -1;
};

}  // namespace folio::cli
