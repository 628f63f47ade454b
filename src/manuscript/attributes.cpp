// Attribute-list parsing, following Pandoc's `attributes` extension.
#include "manuscript/attributes.hpp"

namespace folio::manuscript {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == ':' || c == '.';
}

}  // namespace

std::optional<Attributes> parse_attributes(std::string_view s) {
  Attributes a;
  std::size_t i = 0;
  auto skip_space = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) ++i;
  };
  skip_space();
  if (i == s.size()) return std::nullopt;
  while (i < s.size()) {
    char c = s[i];
    if (c == '#' || c == '.') {
      std::size_t start = ++i;
      while (i < s.size() && is_name_char(s[i]) && !(c == '.' && s[i] == '.')) ++i;
      if (i == start) return std::nullopt;
      std::string name(s.substr(start, i - start));
      if (c == '#')
        a.id = name;
      else
        a.classes.push_back(name);
    } else if (is_name_char(c)) {
      std::size_t start = i;
      while (i < s.size() && is_name_char(s[i])) ++i;
      std::string key(s.substr(start, i - start));
      if (i >= s.size() || s[i] != '=') return std::nullopt;
      ++i;
      std::string value;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        char q = s[i++];
        while (i < s.size() && s[i] != q) {
          if (s[i] == '\\' && i + 1 < s.size()) ++i;
          value += s[i++];
        }
        if (i >= s.size()) return std::nullopt;
        ++i;
      } else {
        while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '}') value += s[i++];
      }
      a.pairs[key] = value;
    } else {
      return std::nullopt;
    }
    if (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') return std::nullopt;
    skip_space();
  }
  return a;
}

std::optional<std::pair<Attributes, std::size_t>> trailing_attributes(std::string_view text) {
  std::size_t end = text.find_last_not_of(" \t");
  if (end == std::string_view::npos || text[end] != '}') return std::nullopt;
  std::size_t open = text.rfind('{', end);
  if (open == std::string_view::npos) return std::nullopt;
  auto attrs = parse_attributes(text.substr(open + 1, end - open - 1));
  if (!attrs) return std::nullopt;
  std::size_t before = open;
  while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
  return std::make_pair(std::move(*attrs), before);
}

}  // namespace folio::manuscript
