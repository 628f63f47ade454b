// A one-pass scanner over PDF content tokens: finds operators, skips operands, inserts marks.
#include "pdf/artifact_marks.hpp"

#include <algorithm>
#include <array>

namespace folio::pdf {
namespace {

// PDF 32000 §7.2.2: white-space and delimiter characters; the rest are regular.
bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}
bool is_delimiter(char c) {
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
         c == '}' || c == '/' || c == '%';
}
bool is_regular(char c) {
  return !is_space(c) && !is_delimiter(c);
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

enum class Regular { number, keyword, word, unsure };

// What a run of regular characters is to qpdf's tokenizer: a number, true/false/null, or a word
// (an operator). Runs that start like a number but are not clean numbers are left to qpdf.
Regular classify(std::string_view t) {
  if (t == "true" || t == "false" || t == "null") return Regular::keyword;
  char c = t[0];
  if (!(is_digit(c) || c == '+' || c == '-' || c == '.')) return Regular::word;
  std::size_t i = (c == '+' || c == '-') ? 1 : 0;
  int digits = 0, dots = 0;
  for (; i < t.size(); ++i) {
    if (is_digit(t[i]))
      ++digits;
    else if (t[i] == '.')
      ++dots;
    else
      return Regular::unsure;
  }
  return digits > 0 && dots <= 1 ? Regular::number : Regular::unsure;
}

bool in(std::string_view op, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), op) != set.end();
}

}  // namespace

std::optional<std::string> mark_artifacts(std::string_view in_text) {
  const std::string_view s = in_text;
  std::string out;
  out.reserve(s.size() + s.size() / 16 + 32);
  std::size_t copied = 0;    // s[0, copied) is in `out`
  std::size_t after_op = 0;  // end of the last operator: where qpdf's filter writes a mark
  int depth = 0;             // marked-content nesting (BDC/BMC … EMC)
  bool open = false;         // inside an /Artifact sequence of our own
  auto insert = [&](std::size_t at, std::string_view mark) {
    out.append(s, copied, at - copied);
    copied = at;
    out.append(mark);
  };
  auto close = [&](std::size_t at) {
    if (!open) return;
    insert(at, "\nEMC\n");  // a newline first: "fEMC" would be one word
    open = false;
  };

  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    char c = s[i];
    if (is_space(c)) {
      ++i;
    } else if (c == '(') {  // a string: balanced parentheses, backslash escapes
      int nest = 0;
      for (; i < n; ++i) {
        if (s[i] == '\\') {
          ++i;
        } else if (s[i] == '(') {
          ++nest;
        } else if (s[i] == ')' && --nest == 0) {
          break;
        }
      }
      if (i >= n) return std::nullopt;
      ++i;
    } else if (c == '<' && i + 1 < n && s[i + 1] == '<') {
      i += 2;
    } else if (c == '>' && i + 1 < n && s[i + 1] == '>') {
      i += 2;
    } else if (c == '<') {  // a hex string
      ++i;
      while (i < n && (is_hex(s[i]) || is_space(s[i]))) ++i;
      if (i >= n || s[i] != '>') return std::nullopt;
      ++i;
    } else if (c == '[' || c == ']') {
      ++i;
    } else if (c == '/') {  // a name
      ++i;
      while (i < n && is_regular(s[i])) ++i;
    } else if (!is_regular(c)) {  // %, {, }, a lone > or ): left to qpdf
      return std::nullopt;
    } else {
      std::size_t j = i;
      while (j < n && is_regular(s[j])) ++j;
      std::string_view op = s.substr(i, j - i);
      Regular kind = classify(op);
      if (kind == Regular::unsure) return std::nullopt;
      if (kind == Regular::word) {
        if (op == "BI" || op == "ID" || op == "EI") return std::nullopt;  // inline image data
        if (op == "BDC" || op == "BMC") {
          close(after_op);
          ++depth;
        } else if (op == "EMC") {
          if (depth > 0) --depth;
        } else if (depth == 0) {
          if (op == "q" || op == "Q") close(after_op);
          if (!open && in(op, {"BT", "m", "re", "Do", "sh"})) {
            insert(after_op, "\n/Artifact BMC\n");
            open = true;
          }
          if (open &&
              in(op, {"ET", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n", "Do", "sh"}))
            close(j);
        }
        after_op = j;
      }
      i = j;
    }
  }
  out.append(s, copied, n - copied);
  copied = n;
  close(n);
  return out;
}

}  // namespace folio::pdf
