// `folio preview`: typeset the book and draw chosen pages, as spreads, into one PNG.
#include <fmt/format.h>

#include "cli/commands.hpp"

namespace folio::cli {

int run_preview(const PreviewOptions&) {
  fmt::print(stderr, "folio: error: preview needs the typesetter's page drawing (not yet)\n");
  return kExitManuscript;
}

}  // namespace folio::cli
