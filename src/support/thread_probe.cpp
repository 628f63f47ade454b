// Whether the process may start threads: asked once, before Pango starts any of its own.
#include <pthread.h>

#include <condition_variable>
#include <mutex>
#include <vector>

#include "support/threads.hpp"

namespace folio::support {
namespace {

struct Gate {
  std::mutex m;
  std::condition_variable cv;
  bool open = false;
};

void* wait_at(void* gate) {
  auto* g = static_cast<Gate*>(gate);
  std::unique_lock lock(g->m);
  g->cv.wait(lock, [g] { return g->open; });
  return nullptr;
}

}  // namespace

bool can_start_threads(int n) {
  // The threads wait at a gate until all have started, so they count against the limit
  // together. pthread_create itself (not std::thread) so that the fault shim in
  // tests/reliability, which fails folio's worker threads (started through libstdc++) to
  // model a limit reached mid-build, leaves this startup question alone.
  Gate gate;
  std::vector<pthread_t> started;
  bool ok = true;
  for (int i = 0; i < n; ++i) {
    pthread_t t;
    if (pthread_create(&t, nullptr, wait_at, &gate) != 0) {
      ok = false;
      break;
    }
    started.push_back(t);
  }
  {
    std::lock_guard lock(gate.m);
    gate.open = true;
  }
  gate.cv.notify_all();
  for (pthread_t t : started) pthread_join(t, nullptr);
  return ok;
}

}  // namespace folio::support
