// drawing_order: the pages in order, the late ones (the contents) moved to the end.
#include "typeset/paged_document.hpp"

namespace folio::typeset {

std::vector<std::size_t> drawing_order(const PagedDocument& doc) {
  std::vector<std::size_t> order;
  order.reserve(doc.pages.size());
  auto late = [&](std::size_t p) { return p >= doc.late_begin && p < doc.late_end; };
  for (std::size_t p = 0; p < doc.pages.size(); ++p)
    if (!late(p)) order.push_back(p);
  for (std::size_t p = doc.late_begin; p < doc.late_end && p < doc.pages.size(); ++p)
    order.push_back(p);
  return order;
}

}  // namespace folio::typeset
