// The public API's editions: the shared publication facts, the typeset pages, the writers.
#include <folio/folio.hpp>

#include <stdexcept>

#include "epub/epub_writer.hpp"
#include "publish/api_impl.hpp"
#include "typeset/layout_dump.hpp"

namespace folio::api {

std::int64_t Publication::build_time() const {
  return impl_->facts.build_time;
}
std::string Publication::identifier() const {
  return impl_->facts.identifier.value;
}
std::string Publication::language() const {
  return impl_->facts.lang;
}
std::optional<std::filesystem::path> Publication::style_file() const {
  return impl_->facts.style.path;
}

std::optional<Publication> publication(const Book& book, const Style& style, Diagnostics& diags,
                                       const PublicationOptions& options) {
  std::vector<std::filesystem::path> dirs = style_dirs(options.resources);
  support::Diagnostics found;
  auto facts = facts::edition_facts(book.impl().manuscript.document,
                                    {options.source_date_epoch, style.name, dirs}, found);
  append(diags, found);
  if (!facts) return std::nullopt;
  return Publication(std::make_shared<const Publication::Impl>(
      Publication::Impl{std::move(*facts), std::move(dirs)}));
}

std::size_t Pages::page_count() const {
  return impl_->typeset.paged.pages.size();
}

std::optional<Pages> typeset(const Book& book, const Publication& publication, Diagnostics& diags,
                             const PrintOptions& options) {
  pdf::PdfOptions po;
  po.facts = &publication.impl().facts;
  po.style_dirs = publication.impl().style_dirs;
  po.bleed = options.bleed ? pdf::kStandardBleed : 0.0;
  po.crop_marks = options.crop_marks;
  po.threads = options.threads;
  po.release_drawn_glyphs = true;  // drawn once, by write_pdf
  support::Diagnostics found;
  auto set = pdf::typeset_and_draw(book.impl().manuscript.document, po, found);
  append(diags, found);
  if (!set) return std::nullopt;
  return Pages(std::make_shared<Pages::Impl>(Pages::Impl{std::move(*set), po}));
}

std::string dump_layout(const Pages& pages) {
  return typeset::layout_dump(pages.impl().typeset.paged);
}

bool write_epub(const Book& book, const Publication& publication,
                const std::filesystem::path& output, Diagnostics& diags, const Pages* pages) {
  epub::EpubOptions eo;
  eo.output = output;
  eo.facts = &publication.impl().facts;
  eo.style_dirs = publication.impl().style_dirs;
  if (pages) eo.page_map = pages->impl().typeset.paged.page_map;
  support::Diagnostics found;
  bool wrote = epub::write_epub(book.impl().manuscript.document, eo, found);
  append(diags, found);
  return wrote && !found.has_errors();
}

bool write_pdf(const Book& book, const Publication& publication, Pages& pages,
               const std::filesystem::path& output, Diagnostics& diags) {
  Pages::Impl& set = pages.impl();
  // A misuse of the API, not a problem of the manuscript: the drawing is gone once written.
  if (set.written || set.options.facts != &publication.impl().facts)
    throw std::logic_error(
        "folio::api::write_pdf: pages written before, or typeset for another publication");
  pdf::PdfOptions po = set.options;
  po.output = output;
  support::Diagnostics found;
  bool wrote = pdf::write_typeset_pdf(book.impl().manuscript.document, set.typeset.paged, po, found,
                                      set.typeset.drawing.get());
  set.written = true;
  append(diags, found);
  return wrote && !found.has_errors();
}

}  // namespace folio::api
