// The public API's whole build: publish::build, with its outcome in the API's types.
#include <folio/folio.hpp>

#include "publish/api_impl.hpp"
#include "publish/build.hpp"

namespace folio::api {

BuildResult build(const BuildRequest& request) {
  publish::BuildRequest inner{.dir = request.dir,
                              .out_dir = request.out_dir,
                              .epub = request.epub,
                              .pdf = request.pdf,
                              .werror = request.werror,
                              .bleed = request.print.bleed,
                              .crop_marks = request.print.crop_marks,
                              .style = request.style.name,
                              .jobs = request.print.threads,
                              .data_dirs = request.resources.data_dirs};
  publish::BuildResult done = publish::build(inner);
  BuildResult result;
  result.ok = done.status == publish::BuildStatus::ok;
  append(result.diagnostics, done.diagnostics);
  for (const auto& w : done.written) result.written.push_back(w.path);
  result.failure = done.failure;
  return result;
}

}  // namespace folio::api
