// A small pool: sections handed out in order from an atomic counter, flows collected per slot.
#include "typeset/section_flows.hpp"

#include <pango/pango.h>

#include <algorithm>
#include <system_error>

namespace folio::typeset {
namespace {

// How many sections past the last one taken a worker may set.
constexpr std::size_t kSectionsAhead = 4;

}  // namespace

SectionFlows::SectionFlows(const model::Document& doc, const SetterTools& main_tools,
                           std::shared_ptr<const FontConfig> font_config, int threads,
                           bool calling_thread_sets)
    : doc_(doc),
      main_tools_(main_tools),
      slots_(doc.sections.size()),
      calling_thread_sets_(calling_thread_sets) {
  std::size_t workers = threads > 1 ? static_cast<std::size_t>(threads - 1) : 0;
  // More workers than sections would only build font maps for nothing; the calling thread
  // sets sections too.
  if (workers + 1 > doc.sections.size())
    workers = doc.sections.empty() ? 0 : doc.sections.size() - 1;
  workers_.resize(workers);
  threads_.reserve(workers);
  for (Worker& w : workers_) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++live_workers_;
    }
    try {
      threads_.emplace_back([this, &w, font_config] {
        struct Leaving {  // however the worker ends, take() must not wait for it any more
          SectionFlows& pool;
          ~Leaving() {
            {
              std::lock_guard<std::mutex> lock(pool.mutex_);
              --pool.live_workers_;
            }
            pool.ready_.notify_all();
          }
        } leaving{*this};
        // Built on the worker's thread (its font map's first loads overlap the others' work);
        // released on the calling thread once joined. A worker that cannot start leaves its
        // sections to the others (take() sets whatever nobody took).
        try {
          w.fonts = std::make_unique<FontContext>(main_tools_.fonts.lang(), font_config);
          w.cache = std::make_unique<ShapingCache>();
          w.tools = std::make_unique<SetterTools>(
              SetterTools{main_tools_.st, *w.fonts, main_tools_.hyphenators, *w.cache,
                          main_tools_.measure, main_tools_.glyphs, main_tools_.base_dir});
        } catch (...) {
          return;
        }
        work(*w.tools);
      });
    } catch (const std::system_error&) {
      std::lock_guard<std::mutex> lock(mutex_);
      --live_workers_;
      break;  // no more threads to be had: the ones started (and the calling thread) do it all
    }
  }
}

SectionFlows::~SectionFlows() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  ready_.notify_all();  // a worker waiting for the book to catch up
  for (std::thread& t : threads_) t.join();
  for (auto& [theirs, ours] : main_fonts_) {
    if (ours) g_object_unref(ours);
    g_object_unref(theirs);
  }
  main_fonts_.clear();
  slots_.clear();  // flows never taken (an exception cut the book short) hold worker fonts
  retired_.clear();
  workers_.clear();
}

void SectionFlows::set_into(std::size_t index, const SetterTools& tools, bool main_fonts) {
  std::optional<SectionFlow> flow;
  std::exception_ptr error;
  try {
    flow = FlowSetter::set_section(tools, doc_.sections[index], index);
  } catch (...) {
    error = std::current_exception();
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    Slot& s = slots_[index];
    s.flow = std::move(flow);
    s.error = error;
    s.main_fonts = main_fonts;
    s.ready = true;
  }
  ready_.notify_all();
}

void SectionFlows::work(const SetterTools& tools) {
  while (!stop_) {
    std::size_t i = next_.fetch_add(1);
    if (i >= slots_.size()) return;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [&] { return stop_ || i < taken_ + kSectionsAhead; });
    }
    if (stop_) return;
    set_into(i, tools, false);
  }
}

SectionFlows::Taken SectionFlows::take(std::size_t index) {
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      Slot& s = slots_[index];
      if (s.ready) {
        if (s.error) std::rethrow_exception(s.error);
        Taken t{std::move(*s.flow), s.main_fonts};
        s.flow.reset();
        taken_ = std::max(taken_, index + 1);
        lock.unlock();
        ready_.notify_all();
        return t;
      }
    }
    if (!calling_thread_sets_) {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [&] { return slots_[index].ready || live_workers_ == 0; });
      if (slots_[index].ready) continue;
    }
    // Rather than wait idle, set the next section nobody has taken yet.
    std::size_t i = next_.fetch_add(1);
    if (i < slots_.size()) {
      set_into(i, main_tools_, true);
      continue;
    }
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] { return slots_[index].ready; });
  }
}

PangoFont* SectionFlows::main_font(PangoFont* worker_font) {
  if (!worker_font) return nullptr;
  auto it = main_fonts_.find(worker_font);
  if (it != main_fonts_.end()) return it->second;
  PangoFont* ours = main_tools_.fonts.equivalent(worker_font);
  // The key is referenced too: a freed font's address could be reused by another font.
  main_fonts_.emplace(static_cast<PangoFont*>(g_object_ref(worker_font)), ours);
  return ours;
}

}  // namespace folio::typeset
