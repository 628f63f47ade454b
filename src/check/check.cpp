// The checks that run after reading (issue 5 deepens this list).
#include "check/check.hpp"

namespace folio::check {

void check_manuscript(const manuscript::Manuscript& m, support::Diagnostics& diags) {
  const auto& meta = m.document.metadata;
  const std::string yaml = "book.yaml";
  if (meta.title.empty()) diags.error("missing-title", {yaml, 1, 1}, "book.yaml has no title");
  if (meta.authors.empty()) diags.error("missing-author", {yaml, 1, 1}, "book.yaml has no author");
  if (meta.lang.empty()) diags.error("missing-lang", {yaml, 1, 1}, "book.yaml has no lang");
}

}  // namespace folio::check
