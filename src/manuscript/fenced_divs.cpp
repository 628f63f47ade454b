// Fence scanning: a stack of open divs, code fences respected, line numbers preserved.
#include "manuscript/fenced_divs.hpp"

#include <charconv>

namespace folio::manuscript {
namespace {

// Length of the container prefix (`>` markers and their spaces) at the start of a line.
std::size_t container_prefix(std::string_view line) {
  std::size_t i = 0;
  while (true) {
    std::size_t j = i;
    while (j < line.size() && j - i < 3 && line[j] == ' ') ++j;
    if (j < line.size() && line[j] == '>') {
      i = j + 1;
      if (i < line.size() && line[i] == ' ') ++i;
    } else {
      return i;
    }
  }
}

std::string_view trim(std::string_view s) {
  std::size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string_view::npos) return {};
  std::size_t b = s.find_last_not_of(" \t\r");
  return s.substr(a, b - a + 1);
}

bool is_code_fence(std::string_view rest, char& fence_char, std::size_t& fence_len) {
  std::size_t i = 0;
  while (i < rest.size() && i < 3 && rest[i] == ' ') ++i;
  if (i >= rest.size() || (rest[i] != '`' && rest[i] != '~')) return false;
  char c = rest[i];
  std::size_t n = 0;
  while (i + n < rest.size() && rest[i + n] == c) ++n;
  if (n < 3) return false;
  fence_char = c;
  fence_len = n;
  return true;
}

}  // namespace

DivScan scan_fenced_divs(const std::string& file, const std::string& text,
                         support::Diagnostics& diags) {
  DivScan scan;
  scan.text.reserve(text.size() + 64);
  std::vector<std::size_t> open;  // indexes into scan.divs
  char code_char = 0;
  std::size_t code_len = 0;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    ++line_no;
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string::npos ? text.size() : nl;
    std::string_view line(text.data() + pos, end - pos);
    std::size_t prefix = container_prefix(line);
    std::string_view rest = line.substr(prefix);
    std::string replacement;
    bool replaced = false;

    char fc;
    std::size_t fl;
    if (code_char) {
      if (is_code_fence(rest, fc, fl) && fc == code_char && fl >= code_len &&
          trim(rest).find_first_not_of(fc) == std::string_view::npos)
        code_char = 0;
    } else if (is_code_fence(rest, fc, fl)) {
      code_char = fc;
      code_len = fl;
    } else {
      std::size_t i = 0;
      while (i < rest.size() && i < 3 && rest[i] == ' ') ++i;
      std::size_t colons = 0;
      while (i + colons < rest.size() && rest[i + colons] == ':') ++colons;
      if (colons >= 3) {
        int column = static_cast<int>(prefix + i) + 1;
        std::string_view info = trim(rest.substr(i + colons));
        // Pandoc allows closing colons after the attributes: `::: dateline :::`.
        while (!info.empty() && info.back() == ':') info.remove_suffix(1);
        info = trim(info);
        if (info.empty()) {
          if (open.empty()) {
            diags.warning("stray-div-fence", {file, line_no, column},
                          "closing fence without an open fenced div");
            replacement = "<!--folio-stray-->";
          } else {
            replacement = "<!--folio-end:" + std::to_string(open.back()) + "-->";
            scan.divs[open.back()].closed = true;
            open.pop_back();
          }
          replaced = true;
        } else {
          std::optional<Attributes> attrs;
          if (info.front() == '{' && info.back() == '}')
            attrs = parse_attributes(info.substr(1, info.size() - 2));
          else if (info.find_first_of(" \t{}") == std::string_view::npos)
            attrs = Attributes{{}, {std::string(info)}, {}};
          if (attrs) {
            open.push_back(scan.divs.size());
            replacement = "<!--folio-div:" + std::to_string(scan.divs.size()) + "-->";
            scan.divs.push_back({std::move(*attrs), line_no, column});
            replaced = true;
          }
        }
      }
    }
    if (replaced) {
      scan.text.append(line.substr(0, prefix));
      scan.text += replacement;
    } else {
      scan.text.append(line);
    }
    if (nl != std::string::npos) scan.text += '\n';
    pos = nl == std::string::npos ? text.size() : nl + 1;
  }
  for (std::size_t k : open) {
    const FencedDiv& d = scan.divs[k];
    std::string what = d.attributes.classes.empty() ? "" : " '" + d.attributes.classes[0] + "'";
    diags.error("unterminated-div", {file, d.line, d.column},
                "fenced div" + what + " is never closed (add a line with ':::')");
  }
  return scan;
}

int parse_div_marker(std::string_view html, std::size_t& index) {
  auto parse = [&](std::string_view tag) {
    if (!html.starts_with(tag)) return false;
    std::string_view num = html.substr(tag.size());
    auto r = std::from_chars(num.data(), num.data() + num.size(), index);
    return r.ec == std::errc{} &&
           std::string_view(r.ptr, static_cast<std::size_t>(num.data() + num.size() - r.ptr))
               .starts_with("-->");
  };
  if (parse("<!--folio-div:")) return 1;
  if (parse("<!--folio-end:")) return -1;
  return 0;
}

}  // namespace folio::manuscript
