// Starting the checks beside the typesetting, and merging their findings in.
#include "publish/check_run.hpp"

#include <utility>

#include "check/check.hpp"
#include "support/threads.hpp"

namespace folio::publish {

void CheckRun::start(const manuscript::Manuscript& m, std::set<std::string> designed,
                     bool concurrent, support::Diagnostics& diags) {
  designed_ = std::move(designed);
  if (concurrent)
    done_ = support::async_or_deferred(
        true, [this, &m] { check::check_manuscript(m, found_, &designed_); });
  else
    check::check_manuscript(m, diags, &designed_);
}

void CheckRun::await(support::Diagnostics& diags) {
  if (!done_.valid()) return;
  done_.get();
  for (auto& d : found_.items()) diags.report(std::move(d));
}

}  // namespace folio::publish
