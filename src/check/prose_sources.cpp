// Builds the prose map of every Markdown source once per check run.
#include "check/families.hpp"

namespace folio::check {
std::vector<ProseSource> map_sources(const manuscript::Manuscript& m) {
  std::vector<ProseSource> out;
  out.reserve(m.sources.size());
  for (const manuscript::SourceFile& f : m.sources) {
    if (!f.name.ends_with(".md")) continue;
    LineIndex lines(f.text);
    ProseMap prose = map_prose(m.document, f.name, f.text, lines);
    out.push_back({&f, std::move(lines), std::move(prose)});
  }
  return out;
}

}  // namespace folio::check
