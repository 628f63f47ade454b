// Style lookup for the EPUB, falling back to the classic design with a warning.
#include "epub/book_style.hpp"

#include "cover/cover_fonts.hpp"

#include <fmt/format.h>

namespace folio::epub {

namespace fs = std::filesystem;

style::Style book_style(const model::Document& doc, const std::string& name,
                        const std::vector<std::filesystem::path>& dirs,
                        support::Diagnostics& diags) {
  return book_style(facts::choose_style(doc, name, dirs), diags);
}

style::Style book_style(const facts::StyleChoice& choice, support::Diagnostics& diags) {
  const std::string& wanted = choice.name;
  const std::string& refused = choice.refused;
  const auto& path = choice.path;
  // book.yaml's `style:` when the name came from there; a --style name has no position.
  support::SourcePos where = choice.where;
  if (!path) {
    diags.warning("epub-style-not-found", where,
                  fmt::format("no style named '{}'{}; the EPUB uses the classic design", wanted,
                              refused.empty() ? "" : " (" + refused + ")"));
    return {};
  }
  // The style's own errors are the PDF writer's to report; here they only mean "use classic".
  support::Diagnostics style_diags;
  auto st = style::load_style(*path, style_diags);
  if (!st) {
    if (!choice.from_book_yaml) where = {path->string(), 0, 0};
    std::string why;
    for (const auto& d : style_diags.items())
      if (d.severity == support::Severity::error && why.empty())
        why = fmt::format(" ({}:{}: {})", d.pos.file, d.pos.line, d.message);
    diags.warning(
        "epub-style-invalid", where,
        fmt::format("style '{}' cannot be read{}; the EPUB uses the classic design", wanted, why));
    return {};
  }
  return *st;
}

CoverFonts cover_fonts_of(const style::Style& style) {
  return cover::fonts_of(style);
}

}  // namespace folio::epub
