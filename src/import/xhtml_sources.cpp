// Where an element is (file:line:column, its path), its attributes and language, and the report of
// what has no place in a manuscript.
#include "import/content_converter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace folio::import::xhtml {

support::SourcePos Converter::pos_of(pugi::xml_node e) const {
  std::size_t off = static_cast<std::size_t>(std::max<std::ptrdiff_t>(e.offset_debug(), 0));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), off);
  std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
  std::size_t col = off - line_starts_[line - 1] + 1;
  // offset_debug points past '<'; the column names the '<'.
  return {entry_, static_cast<int>(line), static_cast<int>(col > 1 ? col - 1 : col)};
}

std::string Converter::path_of(pugi::xml_node e) const {
  std::vector<std::string> parts;
  for (pugi::xml_node n = e; n && n.type() == pugi::node_element; n = n.parent()) {
    int index = 1, same = 0;
    for (pugi::xml_node s = n.parent().first_child(); s; s = s.next_sibling()) {
      if (s.type() != pugi::node_element || std::strcmp(s.name(), n.name()) != 0) continue;
      ++same;
      if (s == n) index = same;
    }
    parts.push_back(same > 1 ? fmt::format("{}[{}]", n.name(), index) : std::string(n.name()));
  }
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) out += (out.empty() ? "" : "/") + *it;
  return out;
}

void Converter::unmapped(pugi::xml_node e, const std::string& what) {
  auto pos = pos_of(e);
  std::string where = fmt::format("{}:{}:{} {}", pos.file, pos.line, pos.column, path_of(e));
  if (book_.report) book_.report->unmapped.push_back({where, what});
  // The diagnostics name each kind of element once per file; the report lists every one.
  std::string kind = std::string(e.name()) + "|" + what;
  if (book_.diags && unmapped_seen_.insert(kind).second)
    book_.diags->warning("import-unmapped", pos,
                         fmt::format("<{}> ({}): {}", e.name(), path_of(e), what));
}

std::string Converter::lang_of(pugi::xml_node e) {
  const char* l = e.attribute("xml:lang").value();
  if (!*l) l = e.attribute("lang").value();
  if (!*l) return {};
  // The same language as around it says nothing new.
  std::string inherited;
  for (pugi::xml_node p = e.parent(); p && p.type() == pugi::node_element; p = p.parent()) {
    const char* pl = p.attribute("xml:lang").value();
    if (!*pl) pl = p.attribute("lang").value();
    if (*pl) {
      inherited = pl;
      break;
    }
  }
  if (inherited.empty()) inherited = book_.book_lang;
  return inherited == l ? std::string() : std::string(l);
}

model::Attr Converter::attr_of(pugi::xml_node e, bool keep_classes) {
  model::Attr a;
  std::string id = e.attribute("id").value();
  // Ids folio's EPUB writer makes for itself: not the author's.
  auto generated = [](std::string_view s) {
    auto numbered = [&](std::string_view stem) {
      if (!s.starts_with(stem)) return false;
      std::string_view rest = s.substr(stem.size());
      return !rest.empty() && rest.find_first_not_of("0123456789-") == std::string_view::npos;
    };
    return s == "title" || numbered("title-") || numbered("h-") || numbered("fn-") ||
           numbered("fnref-");
  };
  if (!generated(id)) a.id = id;
  a.lang = lang_of(e);
  if (keep_classes)
    for (auto& c : classes_of(e))
      if (!is_writer_class(c)) a.classes.push_back(c);
  return a;
}

}  // namespace folio::import::xhtml
