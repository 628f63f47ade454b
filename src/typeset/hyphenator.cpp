// libhyphen wrapper: lower-cases the word, maps character positions back to bytes.
#include "typeset/hyphenator.hpp"

#include <glib.h>
#include <hyphen.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <unordered_set>

#include "support/utf8.hpp"

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

// Lines left out of a dictionary, of one kind: how many, and where the first was.
struct Dropped {
  std::size_t count = 0;
  int first_line = 0;
  void add(int line) {
    if (count++ == 0) first_line = line;
  }
};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// "LEFTHYPHENMIN 2": the number after a keyword, 0 to 20, or -1.
int keyword_number(std::string_view rest) {
  std::size_t i = 0;
  while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t')) ++i;
  int value = 0, digits = 0;
  for (; i < rest.size() && is_digit(rest[i]) && digits < 3; ++i, ++digits)
    value = value * 10 + (rest[i] - '0');
  while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t')) ++i;
  return digits > 0 && i == rest.size() && value <= 20 ? value : -1;
}

// A standard pattern: letters with digits between them, '.' only at either end,
// nothing libhyphen reads specially ('/', '=', ',') and no ASCII control or space.
bool is_pattern(std::string_view p) {
  if (p.empty() || p.size() > kMaxPatternBytes) return false;
  bool letter = false;
  for (std::size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    auto u = static_cast<unsigned char>(c);
    if (u <= ' ' || c == '/' || c == '=' || c == ',' || c == '%' || u == 0x7F) return false;
    if (is_digit(c)) continue;  // several in a row: libhyphen keeps the last (hyph_de_DE has "11")
    if (c == '.' && i != 0 && i != p.size() - 1) return false;
    if (c != '.') letter = true;
  }
  return letter;
}

}  // namespace

std::optional<std::string> checked_dictionary(const std::filesystem::path& file,
                                              support::Diagnostics* diags) {
  const std::string name = file.string();
  auto warn = [&](int line, std::string message) {
    if (diags) diags->warning("hyphenation-dictionary", {name, line, line > 0 ? 1 : 0}, message);
  };
  std::error_code ec;
  auto size = std::filesystem::file_size(file, ec);
  if (ec || size > kMaxDictionaryBytes) {
    warn(0, ec ? "cannot read the hyphenation dictionary: " + ec.message()
               : "the hyphenation dictionary is larger than the " +
                     std::to_string(kMaxDictionaryBytes) +
                     " bytes folio reads (twice the largest Debian ships); not used");
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::string raw(kMaxDictionaryBytes + 1, '\0');
  in.read(raw.data(), static_cast<std::streamsize>(raw.size()));
  raw.resize(static_cast<std::size_t>(in.gcount()));
  if (!in.eof() || raw.size() > kMaxDictionaryBytes) {
    warn(0, "cannot read the hyphenation dictionary, or it is too large; not used");
    return std::nullopt;
  }
  // The first line names the charset; libhyphen matches patterns byte by byte, and folio
  // gives it UTF-8 words, so an 8-bit dictionary is converted.
  std::size_t eol = raw.find('\n');
  std::string charset = raw.substr(0, eol);
  while (!charset.empty() && (charset.back() == '\r' || charset.back() == ' ')) charset.pop_back();
  std::string body = eol == std::string::npos ? std::string() : raw.substr(eol + 1);
  bool plain_name = !charset.empty() && charset.size() < 20 &&
                    std::all_of(charset.begin(), charset.end(), [](char c) {
                      return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
                    });
  if (!plain_name) {
    warn(1, "the first line must name the dictionary's character set (e.g. UTF-8); not used");
    return std::nullopt;
  }
  if (charset != "UTF-8") {
    gsize written = 0;
    GError* error = nullptr;
    gchar* utf8 = g_convert(body.data(), static_cast<gssize>(body.size()), "UTF-8", charset.c_str(),
                            nullptr, &written, &error);
    if (!utf8) {
      warn(1, "cannot convert the dictionary from its character set '" + charset +
                  "' to UTF-8; not used");
      if (error) g_error_free(error);
      return std::nullopt;
    }
    body.assign(utf8, written);
    g_free(utf8);
  }
  if (auto bad = support::find_invalid_utf8(body)) {
    auto lc = support::line_column_at(body, *bad);
    warn(lc.line + 1, "the dictionary is not valid " + charset + " text; not used");
    return std::nullopt;
  }
  std::string out = "UTF-8\n";
  Dropped nonstandard, malformed;
  std::unordered_set<std::uint64_t> states;  // hashes of every pattern prefix (the trie)
  int line_no = 1;
  std::size_t at = 0;
  while (at < body.size()) {
    std::size_t end = body.find('\n', at);
    if (end == std::string::npos) end = body.size();
    std::string_view line(body.data() + at, end - at);
    at = end + 1;
    ++line_no;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.remove_suffix(1);
    if (line.empty() || line.front() == '%' || line.front() == '#') continue;
    if (line.starts_with("NEXTLEVEL")) {
      out += "NEXTLEVEL\n";
      continue;
    }
    bool keyword = false;
    for (std::string_view k :
         {"COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN", "LEFTHYPHENMIN", "RIGHTHYPHENMIN"}) {
      if (!line.starts_with(k)) continue;
      keyword = true;
      int v = keyword_number(line.substr(k.size()));
      if (v < 0)
        malformed.add(line_no);
      else
        out += std::string(k) + " " + std::to_string(v) + "\n";
      break;
    }
    if (keyword) continue;
    if (line.starts_with("NOHYPHEN")) {
      std::string_view list = line.substr(8);
      while (!list.empty() && (list.front() == ' ' || list.front() == '\t')) list.remove_prefix(1);
      bool ok = !list.empty() && list.size() <= kMaxPatternBytes &&
                list.find_first_of(" \t") == std::string_view::npos && list.front() != ',' &&
                list.back() != ',' && list.find(",,") == std::string_view::npos;
      if (ok)
        out += "NOHYPHEN " + std::string(list) + "\n";
      else
        malformed.add(line_no);
      continue;
    }
    // libhyphen reads a pattern up to the first space; the rest is commentary.
    std::string_view pattern = line.substr(0, line.find_first_of(" \t"));
    if (pattern.find('/') != std::string_view::npos) {
      nonstandard.add(line_no);
      continue;
    }
    if (!is_pattern(pattern)) {
      malformed.add(line_no);
      continue;
    }
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a over the letters: each prefix a state
    for (char c : pattern) {
      if (is_digit(c)) continue;
      h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
      states.insert(h);
    }
    if (states.size() > kMaxDictionaryStates) {
      warn(line_no, "the dictionary's patterns make more than " +
                        std::to_string(kMaxDictionaryStates) +
                        " states, which libhyphen would take minutes to load; not used");
      return std::nullopt;
    }
    out += pattern;
    out += '\n';
  }
  if (nonstandard.count)
    warn(nonstandard.first_line,
         std::to_string(nonstandard.count) +
             " non-standard rule(s) (pattern/replacement,index,cut) left out, the first here: "
             "folio hyphenates without changing letters");
  if (malformed.count)
    warn(malformed.first_line,
         std::to_string(malformed.count) + " line(s) that are not hyphenation patterns (at most " +
             std::to_string(kMaxPatternBytes) +
             " bytes of letters and digits) or keywords left out, the first here");
  return out;
}

Hyphenator::Hyphenator(const std::filesystem::path& dir, std::string_view lang, int left_min,
                       int right_min, support::Diagnostics* diags)
    : left_min_(left_min), right_min_(right_min) {
  std::string tag(lang);
  for (char& c : tag)
    if (c == '-') c = '_';
  // A language tag names a file: letters, digits and '_' only, never a path.
  bool plain = !tag.empty() && tag.size() <= 35 && std::all_of(tag.begin(), tag.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
  if (!plain) return;
  std::vector<std::string> names{tag};
  if (auto u = tag.find('_'); u != std::string::npos) names.push_back(tag.substr(0, u));
  for (const auto& n : names) {
    std::filesystem::path p = dir / ("hyph_" + n + ".dic");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(p, ec)) continue;
    std::optional<std::string> text = checked_dictionary(p, diags);
    if (!text) continue;
    // libhyphen reads from a FILE: the checked text, from memory.
    FILE* f = fmemopen(text->data(), text->size(), "r");
    if (!f) continue;
    HyphenDict* hd = hnj_hyphen_load_file(f);
    std::fclose(f);
    if (hd) {
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
