// A build's entry point: runs it, and hands the outcome back once every thread has ended.
#include "publish/build.hpp"

#include "publish/build_run.hpp"

namespace folio::publish {

BuildResult build(const BuildRequest& request, const StageReport& stage) {
  BuildResult result;
  {
    BuildRun run(request, stage, result);
    run.run();
  }  // the checks' and the typesetter's threads are joined here, before the model moves
  return result;
}

}  // namespace folio::publish
