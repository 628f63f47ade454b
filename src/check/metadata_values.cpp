// Value syntax for book.yaml: W3C-DTF dates (RFC 5646 tags are the reader's, ISBNs the model's).
#include "check/metadata_values.hpp"

#include <array>
#include <cctype>

namespace folio::check {
namespace {

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
