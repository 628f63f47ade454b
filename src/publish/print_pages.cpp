// The bridge from the contact sheet to the PDF stage: its typesetting and its page painter.
#include "publish/print_pages.hpp"

#include "pdf/cairo_render.hpp"

namespace folio::publish {
namespace {

class TypesetPages : public PrintPages {
 public:
  explicit TypesetPages(typeset::PagedDocument doc) : doc_(std::move(doc)) {}
  std::size_t count() const override { return doc_.pages.size(); }
  double width() const override { return doc_.width; }
  double height() const override { return doc_.height; }
  bool recto(std::size_t i) const override { return doc_.pages.at(i).recto; }
  std::string label(std::size_t i) const override { return doc_.pages.at(i).label; }
  void draw(cairo_t* cr, std::size_t i) const override { pdf::draw_page(cr, doc_, i); }

 private:
  typeset::PagedDocument doc_;
};

}  // namespace

std::unique_ptr<PrintPages> typeset_print_pages(const model::Document& doc,
                                                const pdf::PdfOptions& options,
                                                support::Diagnostics& diags) {
  auto paged = pdf::typeset_for_print(doc, options, diags);
  if (!paged) return nullptr;
  return std::make_unique<TypesetPages>(std::move(*paged));
}

}  // namespace folio::publish
