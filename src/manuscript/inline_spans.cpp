// Bracketed spans: match `[` … `]{…}` across sibling inlines, innermost first.
#include "manuscript/inline_spans.hpp"

#include "manuscript/attributes.hpp"

namespace folio::manuscript {

using model::Inline;
using model::InlineKind;

void append_text(std::vector<Inline>& out, const std::string& text, const model::SourcePos& pos) {
  if (text.empty()) return;
  if (!out.empty() && out.back().kind == InlineKind::text) {
    out.back().text += text;
    return;
  }
  Inline in;
  in.kind = InlineKind::text;
  in.source = pos;
  in.text = text;
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
    if (in.kind != InlineKind::text) {
      out.push_back(std::move(in));
      continue;
    }
    const std::string& t = in.text;
    std::size_t start = 0;  // start of the pending plain text in t
    auto flush = [&](std::size_t end) {
      if (end > start) {
        model::SourcePos p = in.source;
        p.column += static_cast<int>(start);
        Inline piece;
        piece.kind = InlineKind::text;
        piece.source = p;
        piece.text = t.substr(start, end - start);
        out.push_back(std::move(piece));
      }
    };
    for (std::size_t k = 0; k < t.size(); ++k) {
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
            span.classes.push_back(std::move(c));
        }
        span.kind = small_caps ? InlineKind::small_caps : InlineKind::span;
        span.id = attrs->id;
        if (auto it = attrs->pairs.find("lang"); it != attrs->pairs.end()) span.lang = it->second;
        for (std::size_t j = open + 1; j < out.size(); ++j) {
          if (out[j].kind == InlineKind::text)
            append_text(span.children, out[j].text, out[j].source);
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
    if (in.kind == InlineKind::text)
      append_text(merged, in.text, in.source);
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
