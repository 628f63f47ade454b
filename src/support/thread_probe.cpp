// Whether the process may start threads: asked once, before Pango starts any of its own.
#include "support/threads.hpp"

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace folio::support {

bool can_start_threads(int n) {
  // The threads wait until all have started, so they count against the limit together.
  std::mutex m;
  std::condition_variable cv;
  bool release = false;
  std::vector<std::thread> started;
  bool ok = true;
  for (int i = 0; i < n; ++i) {
    try {
      started.emplace_back([&] {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return release; });
      });
    } catch (const std::system_error&) {
      ok = false;
      break;
    }
  }
  {
    std::lock_guard lock(m);
    release = true;
  }
  cv.notify_all();
  for (auto& t : started) t.join();
  return ok;
}

}  // namespace folio::support
