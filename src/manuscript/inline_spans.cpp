// Bracketed spans: match `[` … `]{…}` across sibling inlines, innermost first.
#include "manuscript/inline_spans.hpp"

#include <algorithm>

#include "manuscript/attributes.hpp"
#include "model/text_pieces.hpp"

namespace folio::manuscript {

using model::Inline;

void append_text(std::vector<Inline>& out, model::Text text, const model::SourcePos& pos,
                 model::SourceRange range) {
  if (text.text.empty()) return;
  if (!out.empty() && out.back().is<model::Text>()) {
    model::append(out.back().as<model::Text>(), text);
    // A merged run spans from its first placed piece to its last: what lies between (a soft
    // break's newline and indent, an escape's backslash) makes it inexact (docs/model-json.md).
    model::SourceRange& r = out.back().range;
    if (r.empty())
      r = range;
    else if (!range.empty())
      r = {std::min(r.begin, range.begin), std::max(r.end, range.end)};
    return;
  }
  Inline in;
  in.node = std::move(text);
  in.source = pos;
  in.range = range;
  out.push_back(std::move(in));
}

namespace {

// One left-to-right pass: inlines go to `out`; each `[` leaves a one-character text node in
// `out` and its index on a stack; a `]{attrs}` with a `[` open moves everything after that
// node into a new span. Every inline moves at most once per level of nesting, so the pass is
// linear in the input (an earlier version rescanned from the first open `[` per span and
// went quadratic on fuzzed input).
void extract_level(std::vector<Inline>& inlines) {
  std::vector<Inline> out;
  out.reserve(inlines.size());
  std::vector<std::size_t> opens;  // indexes in `out` of "[" nodes
  for (Inline& in : inlines) {
    if (!in.is<model::Text>()) {
      out.push_back(std::move(in));
      continue;
    }
    const model::Text& run = in.as<model::Text>();
    const std::string& t = run.text;
    // Pieces get byte ranges only when the run's range is exactly its text.
    bool exact = in.range.end - in.range.begin == t.size();
    std::size_t start = 0;  // start of the pending plain text in t
    auto flush = [&](std::size_t end) {
      if (end > start) {
        model::SourcePos p = in.source;
        p.column += static_cast<int>(start);
        Inline piece;
        piece.node = model::slice(run, start, end);
        piece.source = p;
        if (start == 0 && end == t.size())
          piece.range = in.range;  // the whole run, exact or not
        else if (exact)
          piece.range = {in.range.begin + start, in.range.begin + end};
        out.push_back(std::move(piece));
      }
    };
    for (std::size_t k = 0; k < t.size(); ++k) {
      if ((t[k] == '[' || t[k] == ']') && model::escaped(run, k)) continue;  // `\[`: a bracket
      if (t[k] == '[') {
        flush(k);
        start = k;
        flush(k + 1);
        start = k + 1;
        opens.push_back(out.size() - 1);
      } else if (t[k] == ']' && !opens.empty() && k + 1 < t.size() && t[k + 1] == '{') {
        std::size_t close_brace = t.find('}', k + 2);
        if (close_brace == std::string::npos) continue;
        auto attrs = parse_attributes(std::string_view(t).substr(k + 2, close_brace - k - 2));
        if (!attrs) continue;
        flush(k);
        std::size_t open = opens.back();
        opens.pop_back();
        Inline span;
        span.source = out[open].source;
        bool small_caps = false;
        for (auto& c : attrs->classes) {
          if (c == "smallcaps")
            small_caps = true;
          else
            span.attr.classes.push_back(std::move(c));
        }
        if (small_caps)
          span.node = model::SmallCaps{};
        else
          span.node = model::Span{};
        span.attr.id = attrs->id;
        if (auto it = attrs->pairs.find("lang"); it != attrs->pairs.end())
          span.attr.lang = it->second;
        for (std::size_t j = open + 1; j < out.size(); ++j) {
          if (out[j].is<model::Text>())
            append_text(span.children, std::move(out[j].as<model::Text>()), out[j].source,
                        out[j].range);
          else
            span.children.push_back(std::move(out[j]));
        }
        out.resize(open);
        out.push_back(std::move(span));
        start = close_brace + 1;
        k = close_brace;
      }
    }
    flush(t.size());
  }
  // Merge the text pieces left between spans back into runs.
  std::vector<Inline> merged;
  merged.reserve(out.size());
  for (Inline& in : out) {
    if (in.is<model::Text>())
      append_text(merged, std::move(in.as<model::Text>()), in.source, in.range);
    else
      merged.push_back(std::move(in));
  }
  inlines = std::move(merged);
}

}  // namespace

void extract_spans(std::vector<Inline>& inlines) {
  extract_level(inlines);
  for (Inline& in : inlines) extract_spans(in.children);
}

}  // namespace folio::manuscript
