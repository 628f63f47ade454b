// Value syntax for book.yaml: RFC 5646 tags, ISBN-10/13 check digits, W3C-DTF dates.
#include "check/metadata_values.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace folio::check {
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

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

// Reads exactly `n` digits at `s[pos]` into `out`.
bool digits_at(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    out = out * 10 + (s[i] - '0');
  }
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

bool is_iso8601_date(std::string_view s) {
  int year, month, day, hour, minute, second;
  if (!digits_at(s, 0, 4, year)) return false;
  if (s.size() == 4) return true;
  if (s[4] != '-' || !digits_at(s, 5, 2, month) || month < 1 || month > 12) return false;
  if (s.size() == 7) return true;
  if (s[7] != '-' || !digits_at(s, 8, 2, day) || day < 1 || day > days_in_month(year, month))
    return false;
  if (s.size() == 10) return true;
  if (s[10] != 'T' || !digits_at(s, 11, 2, hour) || hour > 23) return false;
  if (s.size() < 16 || s[13] != ':' || !digits_at(s, 14, 2, minute) || minute > 59) return false;
  std::size_t i = 16;
  if (i < s.size() && s[i] == ':') {
    if (!digits_at(s, i + 1, 2, second) || second > 60) return false;  // 60: a leap second
    i += 3;
    if (i < s.size() && s[i] == '.') {
      std::size_t j = i + 1;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      if (j == i + 1) return false;
      i = j;
    }
  }
  // A time needs its zone: Z or ±hh:mm.
  if (i < s.size() && s[i] == 'Z') return i + 1 == s.size();
  int zh, zm;
  return i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && digits_at(s, i + 1, 2, zh) &&
         zh <= 23 && s[i + 3] == ':' && digits_at(s, i + 4, 2, zm) && zm <= 59;
}

}  // namespace folio::check
