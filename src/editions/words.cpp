// Word splitting and folding: an ASCII fast path, GLib's Unicode tables for the rest.
#include "editions/words.hpp"

#include <glib.h>

#include <array>

namespace folio::editions {
namespace {

// For each ASCII byte: its folded letter or digit, or 0 for a separator.
constexpr std::array<char, 128> kAsciiWord = [] {
  std::array<char, 128> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = static_cast<char>(c);
  for (int c = 'a'; c <= 'z'; ++c) t[c] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = static_cast<char>(c - 'A' + 'a');
  return t;
}();

// Format characters that carry no letter and must not split a word.
bool invisible(gunichar c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

}  // namespace

void WordList::set(std::size_t i, std::string_view word) {
  std::size_t begin = i == 0 ? 0 : ends_[i - 1];
  std::ptrdiff_t shift =
      static_cast<std::ptrdiff_t>(word.size()) - static_cast<std::ptrdiff_t>(ends_[i] - begin);
  chars_.replace(begin, ends_[i] - begin, word);
  for (std::size_t k = i; k < ends_.size(); ++k)
    ends_[k] = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(ends_[k]) + shift);
}

void WordCollector::add(std::string_view text) {
  std::string& chars = out_.chars_;
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    auto c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      if (!kAsciiWord[c]) {
        boundary();
        ++p;
        continue;
      }
      // A stretch of ASCII letters and digits, appended and folded at once.
      const char* q = p + 1;
      while (q < end && static_cast<unsigned char>(*q) < 0x80 &&
             kAsciiWord[static_cast<unsigned char>(*q)])
        ++q;
      std::size_t from = chars.size();
      chars.append(p, q);
      for (std::size_t k = from; k < chars.size(); ++k)
        chars[k] = kAsciiWord[static_cast<unsigned char>(chars[k])];
      after_soft_hyphen_ = false;
      p = q;
      continue;
    }
    const char* next = g_utf8_find_next_char(p, end);
    if (!next) next = end;
    gunichar u = g_utf8_get_char_validated(p, next - p);
    if (u == static_cast<gunichar>(-1) || u == static_cast<gunichar>(-2)) {
      boundary();  // invalid UTF-8 (never written by folio): a separator, not a crash
    } else if (u == 0x00AD) {
      after_soft_hyphen_ = open();
    } else if (invisible(u)) {
      // dropped
    } else if (g_unichar_isalnum(u) || g_unichar_ismark(u)) {
      chars.append(p, next);
      ascii_ = false;
      after_soft_hyphen_ = false;
    } else {
      boundary();
    }
    p = next;
  }
}

void WordCollector::end_word() {
  std::string& chars = out_.chars_;
  if (!ascii_) {
    std::size_t begin = out_.ends_.empty() ? 0 : out_.ends_.back();
    gchar* folded =
        g_utf8_casefold(chars.data() + begin, static_cast<gssize>(chars.size() - begin));
    gchar* normal = g_utf8_normalize(folded, -1, G_NORMALIZE_ALL);
    chars.resize(begin);
    chars += normal ? normal : folded;
    g_free(normal);
    g_free(folded);
    ascii_ = true;
  }
  out_.ends_.push_back(chars.size());
}

WordList list_of(std::string_view text) {
  WordList out;
  {
    WordCollector c(out);
    c.add(text);
  }
  return out;
}

std::vector<std::string> words_of(std::string_view text) {
  WordList list = list_of(text);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < list.size(); ++i) out.emplace_back(list[i]);
  return out;
}

}  // namespace folio::editions
