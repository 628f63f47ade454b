// Typesetting the print edition on the calling thread or beside the EPUB writer.
#include "publish/print_run.hpp"

#include <chrono>
#include <utility>

#include "support/threads.hpp"

namespace folio::publish {

PrintRun::PrintRun(const model::Document& doc, pdf::PdfOptions options)
    : doc_(doc), options_(std::move(options)) {}

void PrintRun::typeset() {
  auto start = std::chrono::steady_clock::now();
  done_ = pdf::typeset_and_draw(doc_, options_, diags_);
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  seconds_ = took.count();
}

void PrintRun::typeset_beside() {
  beside_ = support::async_or_deferred(true, [this] { typeset(); });
}

void PrintRun::await() {
  if (beside_.valid()) beside_.get();
}

}  // namespace folio::publish
