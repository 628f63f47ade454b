// Builds the prose map of every Markdown source once per check run.
#include <algorithm>

#include "check/families.hpp"
#include "model/walk.hpp"

namespace folio::check {
namespace {

// Marks the lines of indented code blocks in `file` (fenced ones the prose mapper finds).
void mark_code_lines(const manuscript::Manuscript& m, const std::string& file,
                     const manuscript::SourceFile& src, const LineIndex& lines,
                     std::vector<bool>& code_line) {
  model::walk_blocks(m.document, [&](const model::Block& b) {
    auto* code = b.get_if<model::CodeBlock>();
    if (code && b.source.file == file && b.source.has_line()) {
      std::size_t at = lines.line_start(b.source.line) +
                       static_cast<std::size_t>(std::max(b.source.column, 1) - 1);
      while (at < src.text.size() && src.text[at] == ' ') ++at;
      bool fenced = at < src.text.size() && (src.text[at] == '`' || src.text[at] == '~');
      if (!fenced) {
        auto n = static_cast<int>(std::count(code->text.begin(), code->text.end(), '\n'));
        for (int l = b.source.line; l < b.source.line + std::max(n, 1); ++l)
          if (static_cast<std::size_t>(l) < code_line.size())
            code_line[static_cast<std::size_t>(l)] = true;
      }
    }
  });
}

// Marks the lines of pipe tables in `file`: from the header row to the last body row.
void mark_table_lines(const manuscript::Manuscript& m, const std::string& file,
                      std::vector<bool>& table_line) {
  model::walk_blocks(m.document, [&](const model::Block& b) {
    auto* table = b.get_if<model::Table>();
    if (!table || b.source.file != file || !b.source.has_line()) return;
    int last = table->rows.empty() ? b.source.line + 1 : table->rows.back().source.line;
    for (int l = b.source.line; l <= last; ++l)
      if (l > 0 && static_cast<std::size_t>(l) < table_line.size())
        table_line[static_cast<std::size_t>(l)] = true;
  });
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
    std::vector<bool> table_line(code_line.size(), false);
    mark_table_lines(m, f.name, table_line);
    ProseMap prose = map_prose(f.text, code_line, table_line);
    out.push_back({&f, std::move(lines), std::move(prose)});
  }
  return out;
}

}  // namespace folio::check
