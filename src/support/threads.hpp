// Starting a thread when the system may refuse one (a process limit, EAGAIN).
#pragma once

#include <future>
#include <system_error>
#include <type_traits>
#include <utility>

namespace folio::support {

/// `f` on a thread of its own when `concurrent` and a thread can be started; otherwise
/// deferred, to run on the thread that first calls get() or wait() on the future. std::async
/// alone throws std::system_error when the thread cannot be created; every place folio starts
/// a thread falls back to doing the work itself instead.
template <class F>
std::future<std::invoke_result_t<std::decay_t<F>>> async_or_deferred(bool concurrent, F&& f) {
  if (concurrent) {
    try {
      return std::async(std::launch::async, f);  // a copy: `f` is still ours if this throws
    } catch (const std::system_error&) {
    }
  }
  return std::async(std::launch::deferred, std::forward<F>(f));
}

/// True when `n` threads can run at once besides the caller. Pango starts fontconfig helper
/// threads of its own (FcInit, FcFontSetMatch, FcFontSetSort) through GLib, which aborts the
/// process when one cannot start; folio asks first, so a process limit (`ulimit -u`) that leaves
/// too few is an error message, not a SIGTRAP.
bool can_start_threads(int n);

}  // namespace folio::support
