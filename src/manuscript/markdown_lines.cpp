// CommonMark's container prefix and code fence rules, for the scanners that read raw lines.
#include "manuscript/markdown_lines.hpp"

namespace folio::manuscript {

ContainerPrefix container_prefix(std::string_view line) {
  ContainerPrefix p;
  while (true) {
    std::size_t j = p.length + block_indent(line.substr(p.length));
    if (j >= line.size() || line[j] != '>') return p;
    ++p.depth;
    p.length = j + 1;
    if (p.length < line.size() && line[p.length] == ' ') ++p.length;
  }
}

std::optional<CodeFence> code_fence_opening(std::string_view body) {
  if (body.empty() || (body[0] != '`' && body[0] != '~')) return std::nullopt;
  std::size_t n = 0;
  while (n < body.size() && body[n] == body[0]) ++n;
  if (n < 3) return std::nullopt;
  // A backtick fence's info string may not contain backticks (else it is inline code).
  if (body[0] == '`' && body.find('`', n) != std::string_view::npos) return std::nullopt;
  return CodeFence{body[0], n};
}

bool closes_code_fence(std::string_view body, CodeFence open) {
  std::size_t n = 0;
  while (n < body.size() && body[n] == open.marker) ++n;
  if (n < open.length) return false;
  return body.find_first_not_of(" \t\r", n) == std::string_view::npos;
}

std::size_t block_indent(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && i < 3 && s[i] == ' ') ++i;
  return i;
}

}  // namespace folio::manuscript
