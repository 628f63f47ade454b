// ISBN-10/13 recognition and check digits (ISO 2108).
#include "model/isbn.hpp"

#include <cctype>

namespace folio::model {
namespace {

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

}  // namespace

IsbnVerdict check_isbn(std::string_view identifier) {
  std::string_view rest = identifier;
  bool explicit_isbn = false;
  for (std::string_view prefix : {"urn:isbn:", "isbn:", "isbn "}) {
    if (starts_with_nocase(identifier, prefix)) {
      rest = identifier.substr(prefix.size());
      explicit_isbn = true;
      break;
    }
  }
  IsbnVerdict v;
  bool only_isbn_chars = true;
  for (char c : rest) {
    if (std::isdigit(static_cast<unsigned char>(c)) || c == 'X' || c == 'x')
      v.digits += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    else if (c != '-' && c != ' ')
      only_isbn_chars = false;
  }
  const std::string& d = v.digits;
  if (!explicit_isbn && (!only_isbn_chars || (d.size() != 10 && d.size() != 13))) return {};
  // An X may only stand as the last character of an ISBN-10.
  bool shape_ok = only_isbn_chars && (d.size() == 10 || d.size() == 13);
  for (std::size_t i = 0; shape_ok && i < d.size(); ++i)
    if (d[i] == 'X' && !(d.size() == 10 && i == 9)) shape_ok = false;
  if (!shape_ok) {
    v.kind = IsbnVerdict::bad_format;
    return v;
  }
  char expected;
  if (d.size() == 10) {
    int sum = 0;
    for (int i = 0; i < 9; ++i) sum += (10 - i) * (d[static_cast<std::size_t>(i)] - '0');
    int check = (11 - sum % 11) % 11;
    expected = check == 10 ? 'X' : static_cast<char>('0' + check);
  } else {
    int sum = 0;
    for (int i = 0; i < 12; ++i) sum += (i % 2 ? 3 : 1) * (d[static_cast<std::size_t>(i)] - '0');
    expected = static_cast<char>('0' + (10 - sum % 10) % 10);
  }
  if (d.back() != expected) {
    v.kind = IsbnVerdict::bad_check_digit;
    v.expected_check_digit = expected;
    return v;
  }
  v.kind = IsbnVerdict::valid;
  return v;
}

}  // namespace folio::model
