// Sets a book's sections on worker threads and hands their flows to the page builder in order.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "model/document.hpp"
#include "typeset/flow_setter.hpp"
#include "typeset/font_config.hpp"

namespace folio::typeset {

/// Section flows, each set once by whichever thread takes it first: a worker (with a font
/// context and shaping cache of its own — a Pango font map is not thread-safe) or the calling
/// thread while it waits. The hyphenator, style and model are shared read-only.
class SectionFlows {
 public:
  /// `threads`: setting threads in all, the calling thread included (1: no workers, every
  /// section is set by take() itself, in order).
  /// `calling_thread_sets`: false makes take() wait for the workers rather than set sections
  /// itself while any worker runs (tests use it to be sure the workers' path is taken; which
  /// thread sets what is otherwise up to the scheduler).
  SectionFlows(const model::Document& doc, const SetterTools& main_tools,
               std::shared_ptr<const FontConfig> font_config, int threads,
               bool calling_thread_sets = true);
  /// Stops the workers after their current section and joins them; only then releases their
  /// fonts and font maps (a font's last reference may not go while its map is in use).
  ~SectionFlows();
  SectionFlows(const SectionFlows&) = delete;
  SectionFlows& operator=(const SectionFlows&) = delete;

  struct Taken {
    SectionFlow flow;
    bool main_fonts = true;  ///< set in main_tools' font context (else a worker's)
  };
  /// Section `index`'s flow, waiting for it (or setting sections meanwhile). Rethrows what its
  /// setting threw.
  Taken take(std::size_t index);

  /// The calling thread's font for a worker's font (cached), or null when none is verified
  /// equal (FontContext::equivalent). The result is borrowed: valid while this object lives.
  PangoFont* main_font(PangoFont* worker_font);

  /// Keeps a taken flow's font table until the workers are joined (see the destructor).
  void retire(FontTable&& fonts) { retired_.push_back(std::move(fonts)); }

 private:
  struct Worker {
    std::unique_ptr<FontContext> fonts;
    std::unique_ptr<ShapingCache> cache;
    std::unique_ptr<SetterTools> tools;
  };
  struct Slot {
    bool ready = false;
    bool main_fonts = true;
    std::optional<SectionFlow> flow;
    std::exception_ptr error;
  };

  void work(const SetterTools& tools);
  void set_into(std::size_t index, const SetterTools& tools, bool main_fonts);

  const model::Document& doc_;
  const SetterTools& main_tools_;
  std::vector<Slot> slots_;
  std::atomic<std::size_t> next_{0};
  std::atomic<bool> stop_{false};
  bool calling_thread_sets_;
  std::size_t live_workers_ = 0;  // guarded by mutex_: workers that may still set sections
  // Guarded by mutex_: sections before this one were taken. Workers set at most a few
  // sections past it, so that set flows (their glyphs) do not pile up while the pages of a
  // long section are planned.
  std::size_t taken_ = 0;
  std::mutex mutex_;
  std::condition_variable ready_;
  // Destroyed in reverse order: threads are joined explicitly first, then the retired tables
  // and cached fonts drop their references, then the workers' contexts go.
  std::vector<Worker> workers_;
  std::vector<FontTable> retired_;
  std::map<PangoFont*, PangoFont*> main_fonts_;  // worker font → ours; both referenced
  std::vector<std::thread> threads_;
};

}  // namespace folio::typeset
