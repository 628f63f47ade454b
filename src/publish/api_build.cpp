// The public API's whole build: publish::build, with its outcome in the API's types.
#include <folio/folio.hpp>

#include "pdf/page_drawer.hpp"
#include "publish/api_impl.hpp"
#include "publish/build.hpp"

namespace folio::api {

BuildResult build(const BuildRequest& request) {
  publish::BuildRequest inner{
      .dir = request.dir,
      .out_dir = request.out_dir,
      .epub = request.epub,
      .pdf = request.pdf,
      .werror = request.werror,
      .bleed = request.print.bleed,
      .crop_marks = request.print.crop_marks,
      .no_page_list = !request.page_list,
      .style = request.style.name,
      .jobs = request.print.threads,
      .cover = request.cover,
      .printer = request.printer ? std::optional(static_cast<style::Printer>(*request.printer))
                                 : std::nullopt,
      .paper =
          request.paper ? std::optional(static_cast<style::Paper>(*request.paper)) : std::nullopt,
      .data_dirs = request.resources.data_dirs};
  publish::StageReport stage;
  if (request.on_stage) stage = [&](std::string_view what) { request.on_stage(what); };
  publish::BuildResult done = publish::build(inner, stage);
  BuildResult result;
  result.status = static_cast<BuildStatus>(static_cast<int>(done.status));
  result.ok = done.status == publish::BuildStatus::ok;
  append(result.diagnostics, done.diagnostics);
  if (done.manuscript)
    result.book = Book(
        std::make_shared<const Book::Impl>(Book::Impl{std::move(*done.manuscript), request.dir}));
  for (auto& w : done.written) result.written.push_back({std::move(w.path), w.seconds});
  result.editions_check = std::move(done.editions_check);
  result.failure = std::move(done.failure);
  return result;
}

void prepare_process() {
  pdf::leave_cairo_streams_uncompressed();
}

}  // namespace folio::api
