// Diagnostic output: `file:line:col: error: message [code]`, the line, a caret; or JSON.
#include "cli/report.hpp"

#include <fmt/format.h>

#include "support/json_writer.hpp"
#include "support/utf8.hpp"

namespace folio::cli {
namespace {

std::string_view line_of(std::string_view text, int line) {
  std::size_t start = 0;
  for (int l = 1; l < line; ++l) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  std::size_t end = text.find('\n', start);
  std::string_view s = text.substr(start, end == std::string_view::npos ? text.size() - start
                                                                          : end - start);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

// The quoted source line with invalid UTF-8 bytes shown as U+FFFD, so terminals and
// JSON-reading tools never receive broken text.
std::string printable(std::string_view line) {
  std::string out;
  while (auto bad = support::find_invalid_utf8(line)) {
    out.append(line.substr(0, *bad));
    out += "\xEF\xBF\xBD";
    line.remove_prefix(*bad + 1);
  }
  out.append(line);
  return out;
}

const char* color_of(support::Severity s) {
  switch (s) {
    case support::Severity::error:
      return "\033[1;31m";
    case support::Severity::warning:
      return "\033[1;35m";
    default:
      return "\033[1;36m";
  }
}

}  // namespace

std::string diagnostics_json(const support::Diagnostics& diags) {
  support::JsonWriter w(true);
  w.begin_array();
  for (const auto& d : diags.items()) {
    w.begin_object();
    w.key("file");
    w.value(d.pos.file);
    w.key("line");
    w.value(d.pos.line);
    w.key("column");
    w.value(d.pos.column);
    w.key("end_line");
    w.value(d.end.line ? d.end.line : d.pos.line);
    w.key("end_column");
    w.value(d.end.line ? d.end.column : d.pos.column);
    w.key("severity");
    w.value(support::severity_name(d.severity));
    w.key("code");
    w.value(d.code);
    w.key("message");
    w.value(d.message);
    w.key("fix");
    if (d.fix.empty())
      w.null();
    else
      w.value(d.fix);
    w.end_object();
  }
  w.end_array();
  return w.take() + "\n";
}

void print_diagnostics(std::FILE* out, const support::Diagnostics& unsorted,
                       const manuscript::Manuscript* sources, ReportFormat format, bool color,
                       bool summary) {
  support::Diagnostics diags = unsorted;
  diags.sort();
  if (format == ReportFormat::json) {
    fmt::print(out, "{}", diagnostics_json(diags));
    return;
  }
  const char* bold = color ? "\033[1m" : "";
  const char* reset = color ? "\033[0m" : "";
  for (const auto& d : diags.items()) {
    std::string where = d.pos.file;
    if (d.pos.line > 0) where += fmt::format(":{}", d.pos.line);
    if (d.pos.line > 0 && d.pos.column > 0) where += fmt::format(":{}", d.pos.column);
    std::string code = d.code.empty() ? "" : fmt::format(" [{}]", d.code);
    fmt::print(out, "{}{}:{} {}{}:{} {}{}{}\n", bold, where, reset,
               color ? color_of(d.severity) : "", support::severity_name(d.severity), reset,
               bold, d.message, reset + code);
    const manuscript::SourceFile* src = sources ? sources->source(d.pos.file) : nullptr;
    if (src && d.pos.line > 0) {
      std::string_view line = line_of(src->text, d.pos.line);
      if (!line.empty()) {
        fmt::print(out, "  {}\n", printable(line));
        int col = d.pos.column > 0 ? d.pos.column : 1;
        // Tabs stay tabs so the caret lines up under them.
        std::string pad;
        for (int i = 0; i + 1 < col && i < static_cast<int>(line.size()); ++i)
          pad += line[static_cast<std::size_t>(i)] == '\t' ? '\t' : ' ';
        fmt::print(out, "  {}{}^{}\n", pad, color ? "\033[1;32m" : "", reset);
      }
    }
    if (!d.fix.empty()) fmt::print(out, "  fix: {}\n", d.fix);
  }
  if (summary) {
    auto e = diags.count(support::Severity::error);
    auto w = diags.count(support::Severity::warning);
    if (e + w > 0)
      fmt::print(out, "{} error{}, {} warning{}\n", e, e == 1 ? "" : "s", w, w == 1 ? "" : "s");
  }
}

}  // namespace folio::cli
