// Source alignment: cmark-gfm merges a run's plain bytes, escapes and entities into one text
// node, so its literal is matched against the source byte by byte.
#include "manuscript/source_alignment.hpp"

#include <cctype>

namespace folio::manuscript {
namespace {

// An entity (`&name;`, `&#123;`, `&#x7B;`) at source[j] that the literal does not copy as
// written (cmark-gfm keeps an unknown name's bytes).
bool entity_at(std::string_view source, std::size_t j, std::size_t end, std::string_view rest) {
  std::size_t k = j + 1;
  while (k < end && k - j <= 32 &&
         (std::isalnum(static_cast<unsigned char>(source[k])) || source[k] == '#'))
    ++k;
  if (k >= end || source[k] != ';' || k == j + 1) return false;
  return rest.substr(0, k + 1 - j) != source.substr(j, k + 1 - j);
}

}  // namespace

std::optional<model::Text> align_literal(std::string_view literal, std::string_view source,
                                         std::size_t at, std::size_t end) {
  model::Text t{std::string(literal), {}};
  std::size_t i = 0, j = at;
  bool copying = false;  // the last piece copies bytes one for one and may grow
  auto piece = [&](std::size_t source_at, std::size_t length, bool copy) {
    t.pieces.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(source_at),
                        static_cast<std::uint32_t>(length)});
    copying = copy;
  };
  while (i < literal.size()) {
    if (j >= end) return std::nullopt;
    char s = source[j];
    if (s == '&' && entity_at(source, j, end, literal.substr(i))) {
      std::size_t after = source.find(';', j) + 1;
      // The entity decodes to 1-4 bytes; the one whose end lets the source go on is it.
      std::size_t k = 1;
      while (k < 4 && i + k < literal.size() && after < end && source[after] != literal[i + k] &&
             source[after] != '\\' && source[after] != '&')
        ++k;
      k = std::min(k, literal.size() - i);
      piece(j, after - j, false);
      i += k, j = after;
    } else if (s == literal[i]) {
      if (copying)
        ++t.pieces.back().length;
      else
        piece(j, 1, true);
      ++i, ++j;
    } else if (s == '\\' && j + 1 < end &&
               std::ispunct(static_cast<unsigned char>(source[j + 1])) &&
               source[j + 1] == literal[i]) {
      piece(j + 1, 1, false);  // the escaped character alone; its backslash maps to nothing
      t.pieces.back().escaped = true;
      ++i, j += 2;
    } else {
      return std::nullopt;
    }
  }
  return t;
}

}  // namespace folio::manuscript
