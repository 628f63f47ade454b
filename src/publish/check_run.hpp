// The manuscript checks of a build, run beside the typesetting when threads are allowed.
#pragma once

#include <future>
#include <set>
#include <string>

#include "manuscript/reader.hpp"
#include "support/diagnostic.hpp"

namespace folio::publish {

/// The checks only read the model, as the typesetter does, so they can run on a thread of
/// their own; their findings are merged in when the build must know its outcome.
class CheckRun {
 public:
  /// Checks `m` (`designed`: the style's div classes) on a thread of its own when
  /// `concurrent`, else now, into `diags`.
  void start(const manuscript::Manuscript& m, std::set<std::string> designed, bool concurrent,
             support::Diagnostics& diags);
  /// True while checks started on a thread have not been awaited.
  bool running() const { return done_.valid(); }
  /// Waits for checks started on a thread and moves their findings into `diags`.
  void await(support::Diagnostics& diags);

 private:
  std::set<std::string> designed_;
  support::Diagnostics found_;
  std::future<void> done_;
};

}  // namespace folio::publish
