// BCP 47 language tags (RFC 5646 syntax): book.yaml's `lang` and the `lang=` of spans, divs
// and headings are read against the same grammar.
#include "manuscript/language_tag.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace folio::manuscript {
namespace {

bool all_of(std::string_view s, int (*pred)(int)) {
  return std::all_of(s.begin(), s.end(),
                     [pred](char c) { return pred(static_cast<unsigned char>(c)) != 0; });
}
bool is_alpha(std::string_view s, std::size_t lo, std::size_t hi) {
  return s.size() >= lo && s.size() <= hi && all_of(s, isalpha);
}
bool is_digits(std::string_view s, std::size_t n) {
  return s.size() == n && all_of(s, isdigit);
}
bool is_alnum(std::string_view s, std::size_t lo, std::size_t hi) {
  return s.size() >= lo && s.size() <= hi && all_of(s, isalnum);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t p = s.find(sep, start);
    parts.push_back(s.substr(start, p == std::string_view::npos ? s.npos : p - start));
    if (p == std::string_view::npos) return parts;
    start = p + 1;
  }
}

// Tags RFC 5646 keeps for compatibility although they do not fit the grammar.
constexpr std::array<std::string_view, 17> kIrregular{
    "en-gb-oed", "i-ami", "i-bnn",     "i-default", "i-enochian", "i-hak",
    "i-klingon", "i-lux", "i-mingo",   "i-navajo",  "i-pwn",      "i-tao",
    "i-tay",     "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de"};

// privateuse = "x" 1*("-" (1*8alphanum)), starting at parts[i] == "x".
bool private_use_from(const std::vector<std::string_view>& parts, std::size_t i) {
  if (i + 1 >= parts.size()) return false;
  for (std::size_t k = i + 1; k < parts.size(); ++k)
    if (!is_alnum(parts[k], 1, 8)) return false;
  return true;
}

}  // namespace

bool is_bcp47(std::string_view tag) {
  if (tag.empty()) return false;
  std::string low = lower(tag);
  if (std::find(kIrregular.begin(), kIrregular.end(), low) != kIrregular.end()) return true;
  std::vector<std::string_view> parts = split(tag, '-');
  for (std::string_view p : parts)
    if (p.empty()) return false;
  std::size_t i = 0;
  auto at = [&](std::size_t k) { return k < parts.size() ? parts[k] : std::string_view{}; };
  if (at(0) == "x" || at(0) == "X") return private_use_from(parts, 0);
  // language: 2–3 letters with up to three extlangs, or 4–8 letters.
  if (is_alpha(at(0), 2, 3)) {
    i = 1;
    for (int n = 0; n < 3 && is_alpha(at(i), 3, 3); ++n) ++i;
  } else if (is_alpha(at(0), 4, 8)) {
    i = 1;
  } else {
    return false;
  }
  if (is_alpha(at(i), 4, 4)) ++i;                         // script
  if (is_alpha(at(i), 2, 2) || is_digits(at(i), 3)) ++i;  // region
  while (is_alnum(at(i), 5, 8) ||                         // variants
         (at(i).size() == 4 && std::isdigit(static_cast<unsigned char>(at(i)[0])) &&
          is_alnum(at(i), 4, 4)))
    ++i;
  // extensions: a singleton other than x, then subtags of 2–8.
  while (at(i).size() == 1 && is_alnum(at(i), 1, 1) && at(i) != "x" && at(i) != "X") {
    ++i;
    if (!is_alnum(at(i), 2, 8)) return false;
    while (is_alnum(at(i), 2, 8)) ++i;
  }
  if (at(i) == "x" || at(i) == "X") return private_use_from(parts, i);
  return i == parts.size();
}

}  // namespace folio::manuscript
