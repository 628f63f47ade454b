// The public API's diagnostics and Book: reading a manuscript and checking it.
#include <folio/folio.hpp>

#include <algorithm>

#include "check/check.hpp"
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
                        d.pos.column, d.fix});
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

std::optional<Book> read(const std::filesystem::path& dir, Diagnostics& diags) {
  support::Diagnostics found;
  auto m = publish::load_manuscript(dir, found);
  append(diags, found);
  if (!m) return std::nullopt;
  return Book(std::make_shared<const Book::Impl>(Book::Impl{std::move(*m)}));
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

}  // namespace folio::api
