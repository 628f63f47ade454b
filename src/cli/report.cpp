// Diagnostic output: `file:line:col: error: message [code]`, the line, a caret; or JSON.
#include "cli/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

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
  std::string_view s =
      text.substr(start, end == std::string_view::npos ? text.size() - start : end - start);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

// The length of the well-formed UTF-8 sequence at s[i], or 0 when the byte starts none.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = b < 0x80           ? 1
                  : (b >> 5) == 0x6  ? 2
                  : (b >> 4) == 0xE  ? 3
                  : (b >> 3) == 0x1E ? 4
                                     : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}

// A file name or message made safe for one line of a terminal: newlines, tabs and other
// control characters, bidi controls and invalid bytes are written as escapes (`\n`, `\x1B`,
// `\u202E`), so that a file named "a.md\nb.md:1:1: error: …" cannot forge a diagnostic line
// and a right-to-left override cannot reorder one. A backslash is doubled when anything is
// escaped, so the escaped form reads back unambiguously.
std::string escape_for_terminal(std::string_view s) {
  // A three-byte character a terminal must not be given raw: a bidi control, U+FFFE/U+FFFF,
  // or the line and paragraph separators U+2028/U+2029.
  auto unsafe3 = [](std::string_view ch) {
    return support::find_unsafe_character(ch).has_value() || ch == "\u2028" || ch == "\u2029";
  };
  auto needs = [&] {
    for (std::size_t i = 0; i < s.size();) {
      auto b = static_cast<unsigned char>(s[i]);
      std::size_t n = utf8_length(s, i);
      if (n == 0 || (n == 1 && (b < 0x20 || b == 0x7F))) return true;
      if (n == 2 && b == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) return true;  // C1
      if (n == 3 && unsafe3(s.substr(i, n))) return true;
      i += n;
    }
    return false;
  };
  if (!needs()) return std::string(s);
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = utf8_length(s, i);
    if (n == 0) {
      out += fmt::format("\\x{:02X}", b);
      i += 1;
      continue;
    }
    if (n == 1 && b == '\\') {
      out += "\\\\";
    } else if (n == 1 && b == '\n') {
      out += "\\n";
    } else if (n == 1 && b == '\t') {
      out += "\\t";
    } else if (n == 1 && b == '\r') {
      out += "\\r";
    } else if (n == 1 && (b < 0x20 || b == 0x7F)) {
      out += fmt::format("\\x{:02X}", b);
    } else if ((n == 2 && b == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) ||
               (n == 3 && unsafe3(s.substr(i, n)))) {
      char32_t c = n == 2 ? static_cast<char32_t>(s[i + 1] & 0x3F) | 0x80
                          : (static_cast<char32_t>(b & 0x0F) << 12) |
                                (static_cast<char32_t>(s[i + 1] & 0x3F) << 6) |
                                static_cast<char32_t>(s[i + 2] & 0x3F);
      out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

// Text for JSON: valid UTF-8 whatever the bytes (a file name is bytes on Linux), each invalid
// byte as U+FFFD; the JSON writer escapes the control characters.
std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_length(s, i);
    if (n == 0) {
      out += "\uFFFD";
      i += 1;
      continue;
    }
    out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

// A source line made safe for a terminal, each shown character with the byte column it
// starts at. Invalid bytes and control characters (the ones being reported, often) show
// as U+FFFD; tabs stay tabs so that the caret line can copy them and line up.
struct ShownLine {
  std::string text;
  std::vector<std::size_t> starts;  ///< byte offset in the source line of each character
  std::vector<bool> tabs;
};

// Bidi controls (the reader's own test) would reorder the terminal's line around them.
bool is_bidi_control(std::string_view ch) {
  auto unsafe = support::find_unsafe_character(ch);
  return unsafe && unsafe->kind == support::UnsafeKind::bidi_control;
}

ShownLine show(std::string_view line) {
  ShownLine out;
  std::size_t i = 0;
  while (i < line.size()) {
    auto b = static_cast<unsigned char>(line[i]);
    std::size_t n = utf8_length(line, i);
    out.starts.push_back(i);
    out.tabs.push_back(b == '\t');
    if (n == 0 || (n == 1 && b != '\t' && (b < 0x20 || b == 0x7F)) ||
        is_bidi_control(line.substr(i, n))) {
      out.text += "\uFFFD";
      if (n == 0) n = 1;
    } else {
      out.text.append(line.substr(i, n));
    }
    i += n;
  }
  return out;
}

// Spaces (tabs where the line has them) up to byte column `column` (1-based) of the line.
std::string pad_to(const ShownLine& line, int column) {
  std::string pad;
  auto byte = static_cast<std::size_t>(std::max(column, 1) - 1);
  for (std::size_t k = 0; k < line.starts.size() && line.starts[k] < byte; ++k)
    pad += line.tabs[k] ? '\t' : ' ';
  return pad;
}

// The part of a long source line shown around byte column `column`, so that a diagnostic in
// a 100 KB line (a combining-mark flood, a minified paragraph) stays a screenful.
struct LineWindow {
  std::string_view text;
  std::size_t from = 0;  ///< byte offset of `text` in the line
  bool cut_right = false;
};

LineWindow window_around(std::string_view line, int column) {
  constexpr std::size_t kShown = 240;  // bytes
  if (line.size() <= kShown) return {line, 0, false};
  auto at = std::min(static_cast<std::size_t>(std::max(column, 1) - 1), line.size());
  std::size_t from = at > kShown / 2 ? at - kShown / 2 : 0;
  // Whole UTF-8 sequences only: back up over continuation bytes.
  while (from > 0 && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) --from;
  std::size_t to = std::min(line.size(), from + kShown);
  while (to < line.size() && (static_cast<unsigned char>(line[to]) & 0xC0) == 0x80) ++to;
  return {line.substr(from, to - from), from, to < line.size()};
}

// The number of characters between byte columns `from` and `to` of the line (at least 1).
std::size_t width_between(const ShownLine& line, int from, int to) {
  std::size_t n = 0;
  for (std::size_t start : line.starts)
    if (start + 1 >= static_cast<std::size_t>(from) && start + 1 < static_cast<std::size_t>(to))
      ++n;
  return std::max<std::size_t>(n, 1);
}

const char* severity_name(api::Severity s) {
  switch (s) {
    case api::Severity::error:
      return "error";
    case api::Severity::warning:
      return "warning";
    default:
      return "note";
  }
}

const char* color_of(api::Severity s) {
  switch (s) {
    case api::Severity::error:
      return "\033[1;31m";
    case api::Severity::warning:
      return "\033[1;35m";
    default:
      return "\033[1;36m";
  }
}

// Sorts by file in book order (book.yaml, then the contents in reading order, then any
// other file by name), then by line and column; equal positions keep their report order.
void sort_in_book_order(api::Diagnostics& diags, const api::Book* sources) {
  std::map<std::string, std::size_t> rank;
  if (sources)
    for (const auto& name : sources->files()) rank.emplace(name, rank.size());
  auto rank_of = [&](const api::Diagnostic& d) {
    auto it = rank.find(d.file);
    return it == rank.end() ? rank.size() : it->second;
  };
  std::stable_sort(diags.items.begin(), diags.items.end(),
                   [&](const api::Diagnostic& a, const api::Diagnostic& b) {
                     std::size_t ra = rank_of(a), rb = rank_of(b);
                     if (ra != rb) return ra < rb;
                     // Files outside the book share a rank; their names order them.
                     if (int c = a.file.compare(b.file)) return c < 0;
                     return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                   });
}

void print_one(std::FILE* out, const api::Diagnostic& d, const api::Book* sources, bool color) {
  const char* bold = color ? "\033[1m" : "";
  const char* green = color ? "\033[1;32m" : "";
  const char* reset = color ? "\033[0m" : "";
  // not about one file
  std::string where = d.file.empty() ? "folio" : escape_for_terminal(d.file);
  if (d.line > 0) where += fmt::format(":{}", d.line);
  if (d.line > 0 && d.column > 0) where += fmt::format(":{}", d.column);
  std::string code = d.code.empty() ? "" : fmt::format(" [{}]", escape_for_terminal(d.code));
  fmt::print(out, "{}{}:{} {}{}:{} {}{}{}{}\n", bold, where, reset,
             color ? color_of(d.severity) : "", severity_name(d.severity), reset, bold,
             escape_for_terminal(d.message), reset, code);
  std::string_view source = sources ? sources->text(d.file) : std::string_view();
  bool shown_fix = false;
  if (!source.empty() && d.line > 0) {
    std::string_view text = line_of(source, d.line);
    if (!text.empty()) {
      int col = d.column > 0 ? d.column : 1;
      int end_col = d.end_line == d.line ? d.end_column : 0;
      LineWindow win = window_around(text, col);
      ShownLine line = show(win.text);
      col -= static_cast<int>(win.from);
      end_col =
          std::min(end_col - static_cast<int>(win.from), static_cast<int>(win.text.size()) + 1);
      // A range on the same line gets tildes after the caret, as in Clang.
      std::size_t width = end_col > col ? width_between(line, col, end_col) : 1;
      // Built by appending: "" + std::string trips GCC 12's false -Wrestrict at -O3.
      std::string pad(win.from > 0 ? 1 : 0, ' ');
      pad += pad_to(line, col);
      fmt::print(out, "  {}{}{}\n", win.from > 0 ? "…" : "", line.text, win.cut_right ? "…" : "");
      fmt::print(out, "  {}{}^{}{}\n", pad, green, std::string(width - 1, '~'), reset);
      // The replacement under the range it replaces (a fix-it hint).
      // (Not when it is only spaces: those would be invisible there.)
      if (d.end_line == d.line && d.fix.find('\n') == std::string::npos &&
          d.fix.find_first_not_of(' ') != std::string::npos) {
        fmt::print(out, "  {}{}{}{}\n", pad, green, escape_for_terminal(d.fix), reset);
        shown_fix = true;
      }
    }
  }
  // A fix with a source range replaces that range; one without is advice ("install …").
  if (!d.fix.empty() && !shown_fix && d.end_line > 0) {
    fmt::print(out, "  fix: replace with '{}'\n", escape_for_terminal(d.fix));
  } else if (!d.fix.empty() && !shown_fix) {
    fmt::print(out, "  help: {}\n", escape_for_terminal(d.fix));
  }
}

// At most this many diagnostics of one code in one file are printed (text) or listed (JSON);
// the rest are counted in one note. 300,000 warnings once made 175 MB of standard error.
constexpr std::size_t kShownPerCode = 20;
constexpr std::size_t kListedPerCode = 1000;

// The diagnostics to print, `limit` per (file, code) in their order, then for each capped
// group a note counting the rest, at the file (line 0) and with the same code.
std::vector<api::Diagnostic> capped(const std::vector<api::Diagnostic>& all, std::size_t limit,
                                    const char* verb) {
  std::map<std::pair<std::string, std::string>, std::size_t> seen;
  std::vector<std::pair<std::string, std::string>> order;  // capped groups, first met first
  std::vector<api::Diagnostic> out;
  for (const auto& d : all) {
    auto [it, fresh] = seen.try_emplace({d.file, d.code}, 0);
    if (++it->second <= limit) {
      out.push_back(d);
    } else if (it->second == limit + 1) {
      order.push_back(it->first);
    }
  }
  for (const auto& key : order) {
    std::size_t more = seen[key] - limit;
    api::Diagnostic note;
    note.severity = api::Severity::note;
    note.code = key.second;
    note.file = key.first;
    note.message = fmt::format("{} more like this in this file {} not {}", more,
                               more == 1 ? "is" : "are", verb);
    out.push_back(std::move(note));
  }
  return out;
}

}  // namespace

std::string diagnostics_json(const api::Diagnostics& diags) {
  support::JsonWriter w(true);
  w.begin_array();
  for (const auto& d : capped(diags.items, kListedPerCode, "listed")) {
    w.begin_object();
    w.key("file");
    w.value(valid_utf8(d.file));
    w.key("line");
    w.value(d.line);
    w.key("column");
    w.value(d.column);
    w.key("end_line");
    w.value(d.end_line ? d.end_line : d.line);
    w.key("end_column");
    w.value(d.end_line ? d.end_column : d.column);
    w.key("severity");
    w.value(severity_name(d.severity));
    w.key("code");
    w.value(valid_utf8(d.code));
    w.key("message");
    w.value(valid_utf8(d.message));
    w.key("fix");
    if (d.fix.empty())
      w.null();
    else
      w.value(valid_utf8(d.fix));
    w.end_object();
  }
  w.end_array();
  return w.take() + "\n";
}

void print_diagnostics(std::FILE* out, const api::Diagnostics& unsorted, const api::Book* sources,
                       ReportFormat format, bool color, bool summary) {
  api::Diagnostics diags = unsorted;
  sort_in_book_order(diags, sources);
  if (format == ReportFormat::json) {
    fmt::print(out, "{}", diagnostics_json(diags));
    return;
  }
  for (const auto& d : capped(diags.items, kShownPerCode, "shown"))
    print_one(out, d, sources, color);
  if (summary) {
    auto e = diags.count(api::Severity::error);
    auto w = diags.count(api::Severity::warning);
    // "2 errors, 3 warnings"; a count of zero is left out, and nothing is said when clean.
    std::string counts;
    if (e > 0) counts = fmt::format("{} error{}", e, e == 1 ? "" : "s");
    if (w > 0)
      counts += fmt::format("{}{} warning{}", counts.empty() ? "" : ", ", w, w == 1 ? "" : "s");
    if (!counts.empty()) fmt::print(out, "{}\n", counts);
  }
}

}  // namespace folio::cli
