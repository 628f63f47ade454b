// `folio dump`: the model as JSON, or (--layout) the typeset pages as text, on stdout.
#include <fmt/format.h>

#include "cli/commands.hpp"

namespace folio::cli {

int run_dump(const DumpOptions& options) {
  api::Diagnostics diags;
  std::optional<api::Book> book = api::read(options.dir, diags);
  auto report = [&] {
    print_diagnostics(stderr, diags, book ? &*book : nullptr, ReportFormat::text,
                      stderr_wants_color(), false);
  };
  if (!book || diags.has_errors()) {
    report();
    return kExitManuscript;
  }
  std::string text;
  if (options.layout) {
    std::optional<api::Publication> pub = api::publication(*book, {options.style}, diags);
    std::optional<api::Pages> pages;
    if (pub && !diags.has_errors()) pages = api::typeset(*book, *pub, diags);
    report();
    if (!pages || diags.has_errors()) return kExitManuscript;
    text = api::dump_layout(*pages);
  } else {
    report();
    text = api::dump_json(*book);
  }
  std::fwrite(text.data(), 1, text.size(), stdout);
  return kExitOk;
}

}  // namespace folio::cli
