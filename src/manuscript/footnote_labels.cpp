// Footnote labels from the definitions' source lines, numbered as cmark-gfm numbers them.
#include "manuscript/footnote_labels.hpp"

#include <cmark-gfm.h>

#include <algorithm>
#include <charconv>

namespace folio::manuscript {

std::string_view definition_label(std::string_view line, int column) {
  std::size_t end = std::min(line.size(), static_cast<std::size_t>(std::max(column, 1) - 1));
  while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
  if (end < 2 || line[end - 1] != ':' || line[end - 2] != ']') return {};
  const std::size_t close = end - 2;
  // A label holds no `]` and no white space (cmark-gfm's scanner); the run before `]:` is
  // the label with `[^` and whatever container marker touches it (`>[^a]:`) in front.
  std::size_t start = close;
  while (start > 0 && line[start - 1] != ']' && line[start - 1] != ' ' && line[start - 1] != '\t')
    --start;
  std::size_t open = line.substr(0, close).find("[^", start);
  if (open == std::string_view::npos || open + 2 > close) return {};
  return line.substr(open + 2, close - open - 2);
}

FootnoteLabels::FootnoteLabels(cmark_node* document, std::string_view text) {
  std::vector<cmark_node*> defs;
  for (cmark_node* n = cmark_node_last_child(document);
       n && cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION; n = cmark_node_previous(n))
    defs.push_back(n);
  std::reverse(defs.begin(), defs.end());
  // One pass over the text, the definitions taken in line order.
  std::vector<std::size_t> order(defs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return cmark_node_get_start_line(defs[a]) < cmark_node_get_start_line(defs[b]);
  });
  by_number_.resize(defs.size());
  int line_no = 1;
  std::size_t at = 0;  // the start of line `line_no`
  for (std::size_t i : order) {
    int want = cmark_node_get_start_line(defs[i]);
    while (line_no < want && at < text.size()) {
      std::size_t nl = text.find('\n', at);
      at = nl == std::string_view::npos ? text.size() : nl + 1;
      ++line_no;
    }
    std::size_t nl = text.find('\n', at);
    std::string_view line = text.substr(at, nl == std::string_view::npos ? text.npos : nl - at);
    by_number_[i] = std::string(definition_label(line, cmark_node_get_start_column(defs[i])));
    number_of_[defs[i]] = i + 1;
  }
}

std::string FootnoteLabels::of_definition(cmark_node* definition) const {
  auto it = number_of_.find(definition);
  return it == number_of_.end() ? std::string() : by_number_[it->second - 1];
}

std::string FootnoteLabels::of_reference(cmark_node* reference) const {
  const char* literal = cmark_node_get_literal(reference);
  if (!literal) return {};
  std::string_view s(literal);
  std::size_t n = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), n);
  if (r.ec != std::errc{} || r.ptr != s.data() + s.size() || n == 0 || n > by_number_.size())
    return {};
  return by_number_[n - 1];
}

}  // namespace folio::manuscript
