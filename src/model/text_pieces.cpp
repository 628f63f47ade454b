// Source pieces of text runs: built by the reader, kept through merging and cutting.
#include "model/text_pieces.hpp"

#include <algorithm>

namespace folio::model {

Text located_text(std::string literal, std::size_t begin, std::size_t length) {
  Text t{std::move(literal), {}};
  if (!t.text.empty())
    t.pieces.push_back({0, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(length)});
  return t;
}

Text unplaced_text(std::string literal) {
  Text t{std::move(literal), {}};
  if (!t.text.empty()) t.pieces.push_back({0, TextPiece::kUnknown, 0});
  return t;
}

void append(Text& head, const Text& tail) {
  if (tail.text.empty()) return;
  auto shift = static_cast<std::uint32_t>(head.text.size());
  if (!head.text.empty() && head.pieces.empty()) head.pieces.push_back({0, TextPiece::kUnknown, 0});
  head.text += tail.text;
  if (tail.pieces.empty()) {
    head.pieces.push_back({shift, TextPiece::kUnknown, 0});
    return;
  }
  for (TextPiece p : tail.pieces) {
    p.text += shift;
    head.pieces.push_back(p);
  }
}

std::size_t piece_end(const Text& t, std::size_t k) {
  return k + 1 < t.pieces.size() ? t.pieces[k + 1].text : t.text.size();
}

const TextPiece& piece_at(const Text& t, std::size_t i) {
  auto it = std::upper_bound(t.pieces.begin(), t.pieces.end(), i,
                             [](std::size_t v, const TextPiece& p) { return v < p.text; });
  return *(it == t.pieces.begin() ? it : it - 1);
}

bool escaped(const Text& t, std::size_t i) {
  return !t.pieces.empty() && i < t.text.size() && piece_at(t, i).escaped;
}

std::optional<std::size_t> source_offset(const Text& t, std::size_t i) {
  if (t.pieces.empty() || i >= t.text.size()) return std::nullopt;
  const TextPiece& p = piece_at(t, i);
  if (p.source == TextPiece::kUnknown) return std::nullopt;
  auto k = static_cast<std::size_t>(&p - t.pieces.data());
  std::size_t size = piece_end(t, k) - p.text;
  if (size == p.length) return p.source + (i - p.text);
  return p.source;  // an entity, or a soft break's space
}

Text slice(const Text& t, std::size_t from, std::size_t to) {
  to = std::min(to, t.text.size());
  Text out{from < to ? t.text.substr(from, to - from) : std::string(), {}};
  if (out.text.empty() || t.pieces.empty()) return out;
  for (std::size_t k = 0; k < t.pieces.size(); ++k) {
    std::size_t b = t.pieces[k].text, e = piece_end(t, k);
    if (e <= from || b >= to) continue;
    TextPiece p = t.pieces[k];
    std::size_t nb = std::max(b, from), ne = std::min(e, to);
    bool exact = e - b == p.length;
    if (exact && p.source != TextPiece::kUnknown) {
      p.source += static_cast<std::uint32_t>(nb - b);
      p.length = static_cast<std::uint32_t>(ne - nb);
    } else if (exact) {
      p.length = static_cast<std::uint32_t>(ne - nb);
    } else if (nb != b || ne != e) {
      p.source = TextPiece::kUnknown;  // part of an entity: no byte of its own
      p.length = 0;
    }
    p.text = static_cast<std::uint32_t>(nb - from);
    out.pieces.push_back(p);
  }
  return out;
}

}  // namespace folio::model
