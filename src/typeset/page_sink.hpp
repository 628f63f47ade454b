// PageSink: where the page builder hands each page once nothing on it will change.
#pragma once

#include <cstddef>

#include "typeset/paged_document.hpp"

namespace folio::typeset {

/// Lets a writer draw pages while the rest of the book is still being set. Called on the
/// page builder's thread, in drawing order (PagedDocument::drawing_order): every page in
/// order, except that the late pages (the contents, whose page numbers are known last) come
/// at the end. `doc.pages[index]` is final and stays at its address (pages is a deque, and
/// moving the PagedDocument moves no page); `doc.fonts` covers its runs. Other pages may be
/// added meanwhile, so an implementation on another thread must keep the page's address
/// (and resolve its fonts) here, not look them up later.
class PageSink {
 public:
  virtual ~PageSink() = default;
  virtual void page_done(const PagedDocument& doc, std::size_t index) = 0;
  /// The layout failed: stop reading the pages handed over, before they are freed.
  virtual void abandon() noexcept = 0;
};

}  // namespace folio::typeset
