// libhyphen wrapper: lower-cases the word, maps character positions back to bytes.
#include "typeset/hyphenator.hpp"

#include <glib.h>
#include <hyphen.h>

#include <cstdlib>
#include <cstring>

namespace folio::typeset {

struct Hyphenator::Dict {
  HyphenDict* hd;
};

namespace {

std::string lower(std::string_view s) {
  gchar* l = g_utf8_strdown(s.data(), static_cast<gssize>(s.size()));
  std::string out(l);
  g_free(l);
  return out;
}

// Byte offset of each character start, plus the end.
std::vector<std::size_t> char_offsets(std::string_view s) {
  std::vector<std::size_t> offs;
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    offs.push_back(static_cast<std::size_t>(p - s.data()));
    p = g_utf8_next_char(p);
  }
  offs.push_back(s.size());
  return offs;
}

}  // namespace

Hyphenator::Hyphenator(const std::filesystem::path& dir, std::string_view lang, int left_min,
                       int right_min)
    : left_min_(left_min), right_min_(right_min) {
  std::string tag(lang);
  for (char& c : tag)
    if (c == '-') c = '_';
  std::vector<std::string> names{tag};
  if (auto u = tag.find('_'); u != std::string::npos) names.push_back(tag.substr(0, u));
  for (const auto& n : names) {
    std::filesystem::path p = dir / ("hyph_" + n + ".dic");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(p, ec)) continue;
    if (HyphenDict* hd = hnj_hyphen_load(p.c_str())) {
      dict_ = new Dict{hd};
      path_ = p;
      break;
    }
  }
}

Hyphenator::~Hyphenator() {
  if (dict_) {
    hnj_hyphen_free(dict_->hd);
    delete dict_;
  }
}

void Hyphenator::add_exception(std::string_view hyphenated) {
  std::string word;
  std::vector<int> pos;
  int chars = 0;
  const char* p = hyphenated.data();
  const char* end = p + hyphenated.size();
  while (p < end) {
    const char* next = g_utf8_next_char(p);
    if (*p == '-') {
      pos.push_back(chars);
    } else {
      word.append(p, next);
      ++chars;
    }
    p = next;
  }
  exceptions_[lower(word)] = std::move(pos);
}

std::vector<std::size_t> Hyphenator::points(std::string_view word) const {
  std::vector<std::size_t> out;
  std::vector<std::size_t> offs = char_offsets(word);
  int n = static_cast<int>(offs.size()) - 1;
  if (n < left_min_ + right_min_) return out;
  std::string lw = lower(word);
  // Lower-casing can change byte lengths (rare: e.g. U+0130); then positions cannot be mapped.
  if (g_utf8_strlen(lw.data(), static_cast<gssize>(lw.size())) != n) return out;
  auto accept = [&](int after_chars) {
    if (after_chars >= left_min_ && n - after_chars >= right_min_) out.push_back(offs[after_chars]);
  };
  if (auto it = exceptions_.find(lw); it != exceptions_.end()) {
    for (int c : it->second) accept(c);
    return out;
  }
  if (!dict_) return out;
  std::vector<char> hy(lw.size() + 5, 0);
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  hnj_hyphen_hyphenate2(dict_->hd, lw.data(), static_cast<int>(lw.size()), hy.data(), nullptr, &rep,
                        &pos, &cut);
  if (rep) {
    // Non-standard (replacement) hyphenation does not occur in English patterns; ignore it.
    for (int i = 0; i < n; ++i)
      if (rep[i]) free(rep[i]);
    free(rep);
    free(pos);
    free(cut);
  }
  // hy[i] odd: a break is allowed after character i (UTF-8 dictionaries index characters).
  for (int i = 0; i + 1 < n; ++i)
    if (hy[i] & 1) accept(i + 1);
  return out;
}

}  // namespace folio::typeset
