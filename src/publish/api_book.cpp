// The public API's diagnostics and Book: reading a manuscript and checking it.
#include <folio/folio.hpp>

#include <algorithm>

#include "check/check.hpp"
#include "check/fixes.hpp"
#include "manuscript/language_tag.hpp"
#include "model/dump.hpp"
#include "publish/api_impl.hpp"
#include "publish/load.hpp"
#include "support/data_dirs.hpp"

namespace folio::api {

bool Diagnostics::has_errors() const {
  return count(Severity::error) > 0;
}

std::size_t Diagnostics::count(Severity severity) const {
  return static_cast<std::size_t>(std::count_if(
      items.begin(), items.end(), [&](const Diagnostic& d) { return d.severity == severity; }));
}

void append(Diagnostics& to, const support::Diagnostics& from) {
  for (const support::Diagnostic& d : from.items()) {
    Severity severity = d.severity == support::Severity::error     ? Severity::error
                        : d.severity == support::Severity::warning ? Severity::warning
                                                                   : Severity::note;
    to.items.push_back({severity, std::string(d.code.name()), d.message, d.pos.file, d.pos.line,
                        d.pos.column, d.end.line, d.end.column, d.fix});
  }
}

std::vector<std::filesystem::path> style_dirs(const Resources& resources) {
  return support::data_subdirs(
      resources.data_dirs.empty() ? support::default_data_dirs() : resources.data_dirs, "styles");
}

std::string Book::title() const {
  return impl_->manuscript.document.metadata.title.value;
}
std::string Book::slug() const {
  return model::slug(title());
}

std::vector<std::string> Book::files() const {
  std::vector<std::string> out;
  for (const auto& source : impl_->manuscript.sources) out.push_back(source.name);
  return out;
}
std::string_view Book::text(std::string_view file) const {
  const manuscript::SourceFile* source = impl_->manuscript.source(file);
  return source ? std::string_view(source->text) : std::string_view();
}

std::optional<Book> read(const std::filesystem::path& dir, Diagnostics& diags) {
  support::Diagnostics found;
  auto m = publish::load_manuscript(dir, found);
  append(diags, found);
  if (!m) return std::nullopt;
  return Book(std::make_shared<const Book::Impl>(Book::Impl{std::move(*m), dir}));
}

bool check(const Book& book, const Style& style, Diagnostics& diags, const Resources& resources) {
  const manuscript::Manuscript& m = book.impl().manuscript;
  std::set<std::string> designed =
      publish::designed_classes(m.document, style.name, style_dirs(resources));
  support::Diagnostics found;
  check::check_manuscript(m, found, &designed);
  append(diags, found);
  return !found.has_errors();
}

bool check_print_edition(const Book& book, const Style& style, Diagnostics& diags,
                         const Resources& resources, Printer printer) {
  support::Diagnostics found;
  publish::check_print_edition(book.impl().manuscript.document, style.name, found,
                               style_dirs(resources), static_cast<style::Printer>(printer));
  append(diags, found);
  return !found.has_errors();
}

std::vector<FixedFile> fix(const Book& book, const Diagnostics& found) {
  // Back to folio's own diagnostics: the fixes are found by code, position and range.
  support::Diagnostics diags;
  for (const Diagnostic& d : found.items) {
    support::Code code = support::Code::find(d.code);
    if (code.empty()) continue;  // not one of folio's: nothing to fix
    diags.report({d.severity == Severity::error     ? support::Severity::error
                  : d.severity == Severity::warning ? support::Severity::warning
                                                    : support::Severity::note,
                  code,
                  d.message,
                  {d.file, d.line, d.column},
                  {d.file, d.end_line, d.end_column},
                  d.fix});
  }
  std::vector<FixedFile> out;
  for (auto& f : check::apply_fixes(book.impl().manuscript, diags))
    out.push_back({std::move(f.file), f.fixes, std::move(f.error)});
  return out;
}

bool is_language_tag(std::string_view tag) {
  return manuscript::is_bcp47(tag);
}

std::string dump_json(const Book& book) {
  return model::dump_json(book.impl().manuscript.document);
}

}  // namespace folio::api
