// What a contact sheet needs from the PDF stage: the book set in pages, and a page painter.
#pragma once

#include <cairo.h>

#include <cstddef>
#include <memory>
#include <string>

#include "model/document.hpp"
#include "pdf/pdf_writer.hpp"
#include "support/diagnostic.hpp"

namespace folio::publish {

/// The typeset book as preview sees it: trim size in points, and per page its side and
/// printed label, and a way to paint it.
class PrintPages {
 public:
  virtual ~PrintPages() = default;
  virtual std::size_t count() const = 0;
  virtual double width() const = 0;   ///< trim width in points
  virtual double height() const = 0;  ///< trim height in points
  virtual bool recto(std::size_t index) const = 0;
  virtual std::string label(std::size_t index) const = 0;
  /// Paints page `index` with the trim box's top-left corner at the user-space origin, one
  /// unit per point, exactly as the PDF shows it (the caller scales and translates).
  virtual void draw(cairo_t* cr, std::size_t index) const = 0;
};

/// Typesets `doc` as `folio build` would for the PDF (same style resolution and options).
/// nullptr, after reporting why to `diags`, when the book cannot be set.
std::unique_ptr<PrintPages> typeset_print_pages(const model::Document& doc,
                                                const pdf::PdfOptions& options,
                                                support::Diagnostics& diags);

}  // namespace folio::publish
