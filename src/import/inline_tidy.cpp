// Tidies inline runs: the same for every reader (XHTML elements, Word's runs).
#include "import/inline_tidy.hpp"

namespace folio::import {
namespace {

using model::Inline;

// Two containers a reader split that are one: the same kind, classes and language, no id.
bool same_container(const Inline& a, const Inline& b) {
  if (a.kind() != b.kind() || a.is<model::Text>() || a.is<model::Link>() ||
      a.is<model::NoteRef>() || a.is<model::Image>() || a.is<model::LineBreak>() ||
      a.is<model::Code>())
    return false;
  return a.attr.id.empty() && b.attr.id.empty() && a.attr.classes == b.attr.classes &&
         a.attr.lang == b.attr.lang;
}

}  // namespace

void tidy(std::vector<Inline>& ins) {
  std::vector<Inline> out;
  for (Inline& in : ins) {
    if (auto* t = in.get_if<model::Text>()) {
      if (t->text.empty()) continue;
      if (!out.empty() && out.back().is<model::Text>()) {
        std::string& prev = out.back().as<model::Text>().text;
        if (!prev.empty() && prev.back() == ' ' && t->text.front() == ' ') prev.pop_back();
        prev += t->text;
        continue;
      }
    } else if (!in.children.empty() || in.is<model::Emphasis>() || in.is<model::Strong>() ||
               in.is<model::SmallCaps>() || in.is<model::Span>()) {
      tidy(in.children);
      if (in.children.empty() && !in.is<model::Link>()) continue;
    }
    if (!out.empty() && same_container(out.back(), in)) {
      for (auto& c : in.children) out.back().children.push_back(std::move(c));
      tidy(out.back().children);
      continue;
    }
    out.push_back(std::move(in));
  }
  ins = std::move(out);
}

// Trims leading (front) or trailing space of a run, descending into its first/last container.
void trim_edge(std::vector<Inline>& ins, bool front) {
  while (!ins.empty()) {
    Inline& edge = front ? ins.front() : ins.back();
    if (auto* t = edge.get_if<model::Text>()) {
      std::string& s = t->text;
      if (front) {
        std::size_t n = 0;
        while (n < s.size() && s[n] == ' ') ++n;
        s.erase(0, n);
      } else {
        while (!s.empty() && s.back() == ' ') s.pop_back();
      }
      if (!s.empty()) return;
      if (front)
        ins.erase(ins.begin());
      else
        ins.pop_back();
      continue;
    }
    if (edge.is<model::Emphasis>() || edge.is<model::Strong>() || edge.is<model::SmallCaps>() ||
        edge.is<model::Span>() || edge.is<model::Link>()) {
      trim_edge(edge.children, front);
      if (edge.children.empty() && !edge.is<model::Link>()) {
        if (front)
          ins.erase(ins.begin());
        else
          ins.pop_back();
        continue;
      }
    }
    return;
  }
}

void trim_lines(std::vector<Inline>& ins) {
  // Each line between hard breaks is trimmed on both sides.
  std::vector<Inline> out;
  std::vector<Inline> line;
  auto flush = [&](bool with_break) {
    trim_edge(line, true);
    trim_edge(line, false);
    for (auto& in : line) out.push_back(std::move(in));
    line.clear();
    if (with_break) {
      Inline br;
      br.node = model::LineBreak{};
      out.push_back(std::move(br));
    }
  };
  for (Inline& in : ins) {
    if (in.is<model::LineBreak>())
      flush(true);
    else
      line.push_back(std::move(in));
  }
  flush(false);
  // A break at the very end shows nothing.
  while (!out.empty() && out.back().is<model::LineBreak>()) out.pop_back();
  ins = std::move(out);
}

}  // namespace folio::import
