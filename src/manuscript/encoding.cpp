// Source text checks: one forward pass per concern, positions as line, byte column and offset.
#include "manuscript/encoding.hpp"

#include <fmt/format.h>
#include <glib.h>

#include "manuscript/limits.hpp"
#include "support/utf8.hpp"

namespace folio::manuscript {
namespace {

// Line and byte column of ascending offsets in one pass (recomputing from the start for
// each finding would make a file full of them quadratic).
class PositionCursor {
 public:
  explicit PositionCursor(std::string_view s) : s_(s) {}
  support::SourcePos at(const std::string& name, std::size_t offset) {
    for (; i_ < offset && i_ < s_.size(); ++i_) {
      if (s_[i_] == '\n') {
        ++line_;
        line_start_ = i_ + 1;
      }
    }
    return {name, line_, static_cast<int>(offset - line_start_) + 1};
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0, line_start_ = 0;
  int line_ = 1;
};

constexpr int kReportsPerKind = 10;

}  // namespace

std::optional<std::size_t> find_combining_flood(std::string_view s) {
  int run = 0;
  std::size_t run_start = 0, len = 1;
  for (std::size_t i = 0; i < s.size(); i += len) {
    // ASCII is never a mark: skip decoding and glib's table for it, most of any prose.
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      run = 0;
      len = 1;
      continue;
    }
    char32_t c = support::decode_utf8(s, i, len);
    if (c >= 0x300 && g_unichar_ismark(static_cast<gunichar>(c))) {
      if (run++ == 0) run_start = i;
      if (run > kMaxCombiningMarks) return run_start;
    } else {
      run = 0;
    }
  }
  return std::nullopt;
}

std::string describe(const UnsafeCharacter& c) {
  static constexpr const char* kBidiNames[] = {
      "LEFT-TO-RIGHT EMBEDDING", "RIGHT-TO-LEFT EMBEDDING", "POP DIRECTIONAL FORMATTING",
      "LEFT-TO-RIGHT OVERRIDE",  "RIGHT-TO-LEFT OVERRIDE",  "LEFT-TO-RIGHT ISOLATE",
      "RIGHT-TO-LEFT ISOLATE",   "FIRST STRONG ISOLATE",    "POP DIRECTIONAL ISOLATE"};
  std::string code = fmt::format("U+{:04X}", static_cast<unsigned>(c.code_point));
  if (c.kind == UnsafeKind::bidi_control) {
    int index = c.code_point <= 0x202E ? static_cast<int>(c.code_point - 0x202A)
                                       : 5 + static_cast<int>(c.code_point - 0x2066);
    return fmt::format("the bidirectional control {} ({})", code, kBidiNames[index]);
  }
  return fmt::format("the control character {}", code);
}

bool text_is_usable(const std::string& name, std::string_view text, support::Diagnostics& diags) {
  if (auto bad = support::find_invalid_utf8(text)) {
    auto lc = support::line_column_at(text, *bad);
    diags.error("invalid-utf8", {name, lc.line, lc.column},
                fmt::format("invalid UTF-8 at byte offset {} (folio reads UTF-8 only; re-save "
                            "the file as UTF-8)",
                            *bad));
    return false;
  }
  bool ok = true;
  PositionCursor cursor(text);
  int forbidden = 0, bidi = 0;
  for (auto bad = find_unsafe_character(text); bad;
       bad = find_unsafe_character(text, bad->offset + 1)) {
    ok = false;
    int& count = bad->kind == UnsafeKind::bidi_control ? bidi : forbidden;
    if (++count > kReportsPerKind) continue;
    if (bad->kind == UnsafeKind::bidi_control)
      diags.error("bidi-control", cursor.at(name, bad->offset),
                  fmt::format("{} at byte offset {} is invisible and can make the text display "
                              "in another order than it reads; delete it (mark a passage's "
                              "language or direction with markup instead)",
                              describe(*bad), bad->offset));
    else
      diags.error("control-character", cursor.at(name, bad->offset),
                  fmt::format("{} at byte offset {} cannot appear in a book (XML forbids it)",
                              describe(*bad), bad->offset));
  }
  for (auto [code, count] : {std::pair{support::Code("control-character"), forbidden},
                             {support::Code("bidi-control"), bidi}})
    if (count > kReportsPerKind)
      diags.error(code, {name, 0, 0},
                  fmt::format("{} more like these in {} not shown", count - kReportsPerKind, name));
  if (auto flood = find_combining_flood(text)) {
    ok = false;
    diags.error("combining-flood", PositionCursor(text).at(name, *flood),
                fmt::format("more than {} combining marks in a row at byte offset {}; no script "
                            "needs so many, and they make renderers slow or unreadable",
                            kMaxCombiningMarks, *flood));
  }
  return ok;
}

bool decoded_text_is_usable(std::string_view text, const support::SourcePos& where,
                            support::Diagnostics& diags) {
  std::string problem;
  if (auto bad = support::find_invalid_utf8(text))
    problem = "a surrogate or other code point that is not a character";
  else if (auto unsafe = find_unsafe_character(text))
    problem = describe(*unsafe) + (unsafe->kind == UnsafeKind::bidi_control
                                       ? ", an invisible control that reorders the text shown"
                                       : ", which XML forbids");
  else if (find_combining_flood(text))
    problem = fmt::format("more than {} combining marks in a row", kMaxCombiningMarks);
  if (problem.empty()) return true;
  diags.error(
      "escaped-character", where,
      "an escape or character reference here gives " + problem + "; it cannot appear in a book");
  return false;
}

}  // namespace folio::manuscript
