// Times reading and checking a manuscript in-process (no process start-up), many rounds.
//
// usage: folio_check_bench DIR [ROUNDS]   (build: ninja folio_check_bench)
// Prints the fastest and median of read and check separately, as wall and CPU time; the
// CPU figure is the steadier one on a loaded machine.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "check/check.hpp"
#include "manuscript/reader.hpp"

namespace {

struct Sample {
  double wall_ms;
  double cpu_ms;
};

struct Clock {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  std::clock_t cpu = std::clock();
  Sample since() const {
    return {
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall).count(),
        1000.0 * static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC};
  }
};

void print(const char* what, std::vector<Sample> s) {
  auto by_wall = [](const Sample& a, const Sample& b) { return a.wall_ms < b.wall_ms; };
  auto by_cpu = [](const Sample& a, const Sample& b) { return a.cpu_ms < b.cpu_ms; };
  std::sort(s.begin(), s.end(), by_wall);
  double wall_min = s.front().wall_ms, wall_med = s[s.size() / 2].wall_ms;
  std::sort(s.begin(), s.end(), by_cpu);
  std::printf(
      "%-6s wall fastest %7.2f ms  median %7.2f ms | cpu fastest %7.2f ms  median %7.2f ms\n", what,
      wall_min, wall_med, s.front().cpu_ms, s[s.size() / 2].cpu_ms);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: folio_check_bench DIR [ROUNDS]\n");
    return 2;
  }
  int rounds = argc > 2 ? std::stoi(argv[2]) : 20;
  std::vector<Sample> reads, checks;
  std::size_t count = 0;
  for (int i = 0; i < rounds; ++i) {
    folio::support::Diagnostics diags;
    Clock read_clock;
    auto source = folio::manuscript::open_folder(argv[1], diags);
    if (!source) return 2;
    auto m = folio::manuscript::read_manuscript(*source, diags);
    reads.push_back(read_clock.since());
    if (!m || diags.has_errors()) {
      std::fprintf(stderr, "the manuscript does not read cleanly\n");
      return 1;
    }
    Clock check_clock;
    folio::check::check_manuscript(*m, diags);
    checks.push_back(check_clock.since());
    count = diags.items().size();
  }
  print("read", reads);
  print("check", checks);
  std::printf("%zu diagnostics, %d rounds\n", count, rounds);
  return 0;
}
