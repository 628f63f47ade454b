// Builds the prose map of every Markdown source once per check run.
#include <algorithm>
#include <functional>

#include "check/families.hpp"

namespace folio::check {
namespace {

// Marks the lines of indented code blocks in `file` (fenced ones the prose mapper finds).
void mark_code_lines(const manuscript::Manuscript& m, const std::string& file,
                     const manuscript::SourceFile& src, const LineIndex& lines,
                     std::vector<bool>& code_line) {
  std::function<void(const model::Block&)> visit = [&](const model::Block& b) {
    if (b.kind == model::BlockKind::code_block && b.source.file == file && b.source.has_line()) {
      std::size_t at = lines.line_start(b.source.line) +
                       static_cast<std::size_t>(std::max(b.source.column, 1) - 1);
      while (at < src.text.size() && src.text[at] == ' ') ++at;
      bool fenced = at < src.text.size() && (src.text[at] == '`' || src.text[at] == '~');
      if (!fenced) {
        auto n = static_cast<int>(std::count(b.text.begin(), b.text.end(), '\n'));
        for (int l = b.source.line; l < b.source.line + std::max(n, 1); ++l)
          if (static_cast<std::size_t>(l) < code_line.size())
            code_line[static_cast<std::size_t>(l)] = true;
      }
    }
    for (const model::Block& c : b.blocks) visit(c);
  };
  for (const model::Section& s : m.document.sections) {
    for (const model::Block& b : s.blocks) visit(b);
    for (const model::Block& b : s.footnotes) visit(b);
  }
}

}  // namespace

std::vector<ProseSource> map_sources(const manuscript::Manuscript& m) {
  std::vector<ProseSource> out;
  out.reserve(m.sources.size());
  for (const manuscript::SourceFile& f : m.sources) {
    if (!f.name.ends_with(".md")) continue;
    LineIndex lines(f.text);
    std::vector<bool> code_line(static_cast<std::size_t>(lines.line_count()) + 2, false);
    mark_code_lines(m, f.name, f, lines, code_line);
    ProseMap prose = map_prose(f.text, code_line);
    out.push_back({&f, std::move(lines), std::move(prose)});
  }
  return out;
}

}  // namespace folio::check
