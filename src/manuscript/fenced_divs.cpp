// Fence scanning: a stack of open divs, code fences respected, line numbers preserved.
#include "manuscript/fenced_divs.hpp"

#include <charconv>
#include <optional>

#include "manuscript/markdown_lines.hpp"

namespace folio::manuscript {
namespace {

std::string_view trim(std::string_view s) {
  std::size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string_view::npos) return {};
  std::size_t b = s.find_last_not_of(" \t\r");
  return s.substr(a, b - a + 1);
}

}  // namespace

DivScan scan_fenced_divs(const std::string& file, const std::string& text,
                         support::Diagnostics& diags) {
  DivScan scan;
  scan.text.reserve(text.size() + 64);
  std::vector<std::size_t> open;  // indexes into scan.divs
  std::optional<CodeFence> code;  // the code fence the line is in
  int line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    ++line_no;
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string::npos ? text.size() : nl;
    std::string_view line(text.data() + pos, end - pos);
    std::size_t prefix = container_prefix(line).length;
    std::string_view rest = line.substr(prefix);
    std::string replacement;
    bool replaced = false;

    std::size_t i = block_indent(rest);
    if (code) {
      if (closes_code_fence(rest.substr(i), *code)) code.reset();
    } else if (auto fence = code_fence_opening(rest.substr(i))) {
      code = fence;
    } else {
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
