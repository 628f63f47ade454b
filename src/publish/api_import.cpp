// api::import_book: the import stage (src/import) behind the public API.
#include <chrono>

#include "import/import_book.hpp"
#include "publish/api_impl.hpp"

namespace folio::api {

ImportResult import_book(const ImportRequest& request) {
  auto start = std::chrono::steady_clock::now();
  ImportResult result;
  support::Diagnostics diags;
  import::ImportOutcome outcome =
      import::import_book(request.input, request.out_dir, diags, request.stop_requested);
  append(result.diagnostics, diags);
  result.ok = outcome.ok && !diags.has_errors();
  result.stopped = outcome.stopped;
  result.dir = outcome.dir;
  result.files = outcome.files;
  result.images = outcome.images;
  result.report = std::move(outcome.report);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace folio::api
