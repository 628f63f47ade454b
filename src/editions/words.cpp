// Word splitting and folding: an ASCII fast path, GLib's Unicode tables for the rest.
#include "editions/words.hpp"

#include <glib.h>

namespace folio::editions {
namespace {

bool ascii_word_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Format characters that carry no letter and must not split a word.
bool invisible(gunichar c) {
  return c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

}  // namespace

void WordCollector::add(std::string_view text) {
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    auto c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      if (ascii_word_char(c)) {
        word_ += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        after_soft_hyphen_ = false;
      } else {
        boundary();
      }
      ++p;
      continue;
    }
    const char* next = g_utf8_find_next_char(p, end);
    if (!next) next = end;
    gunichar u = g_utf8_get_char_validated(p, next - p);
    if (u == static_cast<gunichar>(-1) || u == static_cast<gunichar>(-2)) {
      boundary();  // invalid UTF-8 (never written by folio): a separator, not a crash
    } else if (u == 0x00AD) {
      after_soft_hyphen_ = !word_.empty();
    } else if (invisible(u)) {
      // dropped
    } else if (g_unichar_isalnum(u) || g_unichar_ismark(u)) {
      word_.append(p, next);
      ascii_ = false;
      after_soft_hyphen_ = false;
    } else {
      boundary();
    }
    p = next;
  }
}

void WordCollector::boundary() {
  after_soft_hyphen_ = false;
  if (word_.empty()) return;
  if (ascii_) {
    out_.push_back(std::move(word_));
  } else {
    gchar* folded = g_utf8_casefold(word_.data(), static_cast<gssize>(word_.size()));
    gchar* normal = g_utf8_normalize(folded, -1, G_NORMALIZE_ALL);
    out_.emplace_back(normal ? normal : folded);
    g_free(normal);
    g_free(folded);
  }
  word_.clear();
  ascii_ = true;
}

void WordCollector::line_end() {
  if (!after_soft_hyphen_) boundary();
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  {
    WordCollector c(out);
    c.add(text);
  }
  return out;
}

}  // namespace folio::editions
