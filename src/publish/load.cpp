// Loading: folder → reader → model; and the checks `folio check` runs on it.
#include "publish/load.hpp"

#include "check/check.hpp"
#include "epub/book_style.hpp"
#include "epub/font_embedding.hpp"
#include "facts/edition_facts.hpp"
#include "pdf/pdf_writer.hpp"

namespace folio::publish {

std::optional<manuscript::Manuscript> load_manuscript(const std::filesystem::path& dir,
                                                      support::Diagnostics& diags) {
  auto source = manuscript::open_folder(dir, diags);
  if (!source) return std::nullopt;
  return manuscript::read_manuscript(*source, diags);
}

std::set<std::string> designed_classes(const model::Document& doc, const std::string& style,
                                       const std::vector<std::filesystem::path>& style_dirs) {
  support::Diagnostics ignored;
  std::set<std::string> out;
  for (const auto& [cls, design] : epub::book_style(doc, style, style_dirs, ignored).classes)
    out.insert(cls);
  return out;
}

void check_print_edition(const model::Document& doc, const std::string& style,
                         support::Diagnostics& diags,
                         const std::vector<std::filesystem::path>& style_dirs,
                         style::Printer printer) {
  // Only what would stop the build is reported, at the place build reports it; the
  // typesetter's warnings (a figure not placed, no hyphenation dictionary) are build's to print.
  support::Diagnostics set;
  // The facts both editions share, decided as `folio build` decides them (an unusable
  // SOURCE_DATE_EPOCH stops both).
  auto shared = facts::edition_facts(doc, {std::nullopt, style, style_dirs}, set);
  if (shared) {
    pdf::PdfOptions po;
    po.output = "book.pdf";  // never written: only names the output in a (style-less) message
    po.facts = &*shared;
    po.page_map_only = true;
    po.printer = printer;
    po.threads = 0;
    (void)pdf::typeset_for_print(doc, po, set);
    // And the EPUB's fonts when the style embeds them (`epub: embed-fonts: true`): a family
    // that cannot be found, or a licence that forbids embedding, stops its writer.
    style::Style design = epub::book_style(shared->style, set);
    if (design.epub.embed_fonts) (void)epub::embed_fonts(doc, design, set);
  }
  // And a picture printed below 300 ppi: only the typesetter knows the size it is set at.
  for (auto& d : set.items())
    if (d.severity == support::Severity::error || d.code == "image-resolution" ||
        d.code.name().rfind("print-", 0) == 0)
      diags.report(std::move(d));
}

std::optional<manuscript::Manuscript> load_and_check(const std::filesystem::path& dir,
                                                     support::Diagnostics& diags, bool& checked,
                                                     bool print_check) {
  auto m = load_manuscript(dir, diags);
  checked = m && !diags.has_errors();
  if (checked) {
    std::set<std::string> designed = designed_classes(m->document, {});
    check::check_manuscript(*m, diags, &designed);
  }
  if (checked && print_check && !diags.has_errors()) check_print_edition(m->document, {}, diags);
  return m;
}

}  // namespace folio::publish
