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

// Finds the first `]{attrs}` that closes an earlier `[` among siblings and rewrites it into
// a span. Returns false when there is none. Scanning resumes at `from` (an index into the
// inline vector) so that k spans cost O(k·n) rather than restarting from the front.
bool extract_one(std::vector<Inline>& v, std::size_t& from) {
  struct Open {
    std::size_t item;
    std::size_t offset;
  };
  std::vector<Open> opens;
  for (std::size_t i = from; i < v.size(); ++i) {
    if (v[i].kind != InlineKind::text) continue;
    const std::string& t = v[i].text;
    for (std::size_t k = 0; k < t.size(); ++k) {
      if (t[k] == '[') {
        opens.push_back({i, k});
      } else if (t[k] == ']' && !opens.empty() && k + 1 < t.size() && t[k + 1] == '{') {
        std::size_t close_brace = t.find('}', k + 2);
        if (close_brace == std::string::npos) continue;
        auto attrs = parse_attributes(std::string_view(t).substr(k + 2, close_brace - k - 2));
        if (!attrs) continue;
        Open o = opens.back();
        Inline span;
        span.source = v[o.item].source;
        span.source.column += static_cast<int>(o.offset);
        bool small_caps = false;
        for (const auto& c : attrs->classes) {
          if (c == "smallcaps")
            small_caps = true;
          else
            span.classes.push_back(c);
        }
        span.kind = small_caps ? InlineKind::small_caps : InlineKind::span;
        span.id = attrs->id;
        if (auto it = attrs->pairs.find("lang"); it != attrs->pairs.end()) span.lang = it->second;
        // Children: the tail of the opening text, the inlines between, the head of this text.
        if (o.item == i) {
          append_text(span.children, t.substr(o.offset + 1, k - o.offset - 1), span.source);
        } else {
          append_text(span.children, v[o.item].text.substr(o.offset + 1), span.source);
          for (std::size_t j = o.item + 1; j < i; ++j) span.children.push_back(std::move(v[j]));
          append_text(span.children, t.substr(0, k), v[i].source);
        }
        std::string before = v[o.item].text.substr(0, o.offset);
        std::string after = t.substr(close_brace + 1);
        model::SourcePos after_pos = v[i].source;
        model::SourcePos before_pos = v[o.item].source;
        std::vector<Inline> replacement;
        append_text(replacement, before, before_pos);
        replacement.push_back(std::move(span));
        append_text(replacement, after, after_pos);
        v.erase(v.begin() + static_cast<std::ptrdiff_t>(o.item),
                v.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        v.insert(v.begin() + static_cast<std::ptrdiff_t>(o.item), replacement.begin(),
                 replacement.end());
        from = opens.front().item;  // an outer `[` may still close later
        return true;
      }
    }
  }
  return false;
}

}  // namespace

void extract_spans(std::vector<Inline>& inlines) {
  std::size_t from = 0;
  while (extract_one(inlines, from)) {
  }
  for (Inline& in : inlines) extract_spans(in.children);
}

}  // namespace folio::manuscript
