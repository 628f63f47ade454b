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
#include <iterator>
#include <new>
#include <system_error>
#include <thread>
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
  states.reserve(std::min(body.size() / 3, kMaxDictionaryStates + 1));  // no rehashing
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

namespace {

// libhyphen's automaton built in memory from a checked dictionary's text, as
// hnj_hyphen_load_file builds it (hyphen.h declares the structures; hnj_hyphen_free frees them
// with free(), so everything here is malloc'd). hnj_hyphen_load_file keeps its states in a
// fixed table of 31,627 chained buckets: on hyph_de_DE.dic's 288,728 states the chains make it
// take 6–16 s (15.9 s measured for libhyphen alone), where a hash map takes a fraction of a
// second. The states, their numbers, transitions, fallbacks and matches come out the same
// (hyphenator_test.cpp compares both on Debian's dictionaries), so hnj_hyphen_hyphenate2
// hyphenates as before. The states are a trie's nodes, found by walking it, not by hashing.
class LevelBuilder {
 public:
  LevelBuilder() { new_state(); }

  // One checked line: a keyword, NOHYPHEN, or a standard pattern (checked_dictionary).
  void line(std::string_view l) {
    auto number = [&](std::size_t skip) {
      return static_cast<char>(std::atoi(std::string(l.substr(skip)).c_str()));
    };
    if (l.starts_with("COMPOUNDLEFTHYPHENMIN")) {
      clhmin_ = number(21);
    } else if (l.starts_with("COMPOUNDRIGHTHYPHENMIN")) {
      crhmin_ = number(22);
    } else if (l.starts_with("LEFTHYPHENMIN")) {
      lhmin_ = number(13);
    } else if (l.starts_with("RIGHTHYPHENMIN")) {
      rhmin_ = number(14);
    } else if (l.starts_with("NOHYPHEN")) {
      std::string_view list = l.substr(8);
      while (!list.empty() && (list.front() == ' ' || list.front() == '\t')) list.remove_prefix(1);
      nohyphen_ = std::string(list);
      // libhyphen separates the items with NULs, counting the separators.
      nohyphenl_ = 0;
      for (std::size_t i = 1; i < nohyphen_.size(); ++i)
        if (nohyphen_[i] == ',') {
          nohyphen_[i] = '\0';
          ++nohyphenl_;
        }
      has_nohyphen_ = true;
    } else {
      pattern(l);
    }
  }

  // The level as libhyphen's HyphenDict (owned by the caller: hnj_hyphen_free).
  HyphenDict* finish() {
    // Fallback: the state of the longest proper suffix (the root has none). Every prefix of a
    // pattern is a state, so this is Aho–Corasick's failure link, found breadth first.
    std::vector<int> queue{0};
    for (std::size_t q = 0; q < queue.size(); ++q) {
      int u = queue[q];
      for (const HyphenTrans& t : trans_[static_cast<std::size_t>(u)]) {
        int f = states_[static_cast<std::size_t>(u)].fallback_state;
        int to = -1;
        for (; f >= 0 && (to = child(f, t.ch)) < 0;
             f = states_[static_cast<std::size_t>(f)].fallback_state) {
        }
        states_[static_cast<std::size_t>(t.new_state)].fallback_state = f < 0 ? 0 : to;
        queue.push_back(t.new_state);
      }
    }
    auto* d = static_cast<HyphenDict*>(std::calloc(1, sizeof(HyphenDict)));
    d->lhmin = lhmin_;
    d->rhmin = rhmin_;
    d->clhmin = clhmin_;
    d->crhmin = crhmin_;
    if (has_nohyphen_) {
      d->nohyphen = static_cast<char*>(std::malloc(nohyphen_.size() + 1));
      std::memcpy(d->nohyphen, nohyphen_.c_str(), nohyphen_.size() + 1);
      d->nohyphenl = nohyphenl_;
    }
    d->num_states = static_cast<int>(states_.size());
    std::strcpy(d->cset, "UTF-8");
    d->utf8 = 1;
    d->states = static_cast<HyphenState*>(std::malloc(states_.size() * sizeof(HyphenState)));
    for (std::size_t s = 0; s < states_.size(); ++s) {
      HyphenState& h = d->states[s];
      h = states_[s];
      const auto& tr = trans_[s];
      h.num_trans = static_cast<int>(tr.size());
      h.trans = nullptr;
      if (!tr.empty()) {
        h.trans = static_cast<HyphenTrans*>(std::malloc(tr.size() * sizeof(HyphenTrans)));
        std::copy(tr.begin(), tr.end(), h.trans);
      }
    }
    states_.clear();  // the matches now belong to d
    d->nextlevel = nullptr;
    return d;
  }

  ~LevelBuilder() {
    for (HyphenState& h : states_) std::free(h.match);
  }

 private:
  static char* dup(std::string_view s) {
    auto* p = static_cast<char*>(std::malloc(s.size() + 1));
    if (!p) throw std::bad_alloc();
    if (!s.empty()) std::memcpy(p, s.data(), s.size());  // an empty view's data may be null
    p[s.size()] = '\0';
    return p;
  }

  int child(int s, char ch) const {
    for (const HyphenTrans& t : trans_[static_cast<std::size_t>(s)])
      if (t.ch == ch) return t.new_state;
    return -1;
  }

  int new_state() {
    HyphenState h{};
    h.fallback_state = -1;
    states_.push_back(h);
    trans_.emplace_back();
    return static_cast<int>(states_.size() - 1);
  }

  // hnj_hyphen_load_line for a standard pattern: states are numbered as libhyphen numbers
  // them (the pattern's word, then its new prefixes from the longest down).
  void pattern(std::string_view p) {
    std::string word, digits = "0";
    for (char c : p) {
      if (c >= '0' && c <= '9') {
        digits.back() = c;
      } else {
        word += c;
        digits += '0';
      }
    }
    std::size_t lead = digits.find_first_not_of('0');
    std::string_view match =
        lead == std::string::npos ? std::string_view() : std::string_view(digits).substr(lead);
    // The longest prefix of the word that is a state already.
    std::size_t k = 0;
    int at = 0;
    for (int next; k < word.size() && (next = child(at, word[k])) >= 0; ++k) at = next;
    int s = at;
    if (k < word.size()) {
      int first = static_cast<int>(states_.size());  // the word's state; then shorter prefixes
      for (std::size_t j = word.size(); j > k; --j) new_state();
      auto id = [&](std::size_t len) {  // the new state of the prefix of `len` bytes
        return len == k ? at : first + static_cast<int>(word.size() - len);
      };
      for (std::size_t j = word.size(); j > k; --j)
        trans_[static_cast<std::size_t>(id(j - 1))].push_back(HyphenTrans{word[j - 1], id(j)});
      s = first;
    }
    std::free(states_[static_cast<std::size_t>(s)].match);
    states_[static_cast<std::size_t>(s)].match = dup(match);
  }

  std::vector<HyphenState> states_;  // match malloc'd; trans filled in by finish()
  std::vector<std::vector<HyphenTrans>> trans_;
  char lhmin_ = 0, rhmin_ = 0, clhmin_ = 0, crhmin_ = 0;
  std::string nohyphen_;
  int nohyphenl_ = 0;
  bool has_nohyphen_ = false;
};

}  // namespace

HyphenDict* build_dictionary(std::string_view text) {
  // The charset line, then up to two levels split at NEXTLEVEL (libhyphen ignores what follows
  // a second one).
  std::vector<std::vector<std::string_view>> levels(1);
  std::size_t at = text.find('\n');
  at = at == std::string_view::npos ? text.size() : at + 1;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(at, end - at);
    at = end + 1;
    if (l.starts_with("NEXTLEVEL")) {
      if (levels.size() == 2) break;
      levels.emplace_back();
      continue;
    }
    if (!l.empty()) levels.back().push_back(l);
  }
  LevelBuilder first;
  for (std::string_view l : levels[0]) first.line(l);
  HyphenDict* d0 = first.finish();
  LevelBuilder second;
  if (levels.size() == 2) {
    for (std::string_view l : levels[1]) second.line(l);
    d0->nextlevel = second.finish();
    return d0;
  }
  // No NEXTLEVEL: libhyphen puts a level of its own first (no breaks at hyphens and
  // apostrophes) and the file's patterns under it.
  for (std::string_view l : {"NOHYPHEN ',\xe2\x80\x93,\xe2\x80\x99,-", "1-1", "1'1",
                             "1\xe2\x80\x93"
                             "1",
                             "1\xe2\x80\x99"
                             "1"})
    second.line(l);
  HyphenDict* d1 = second.finish();
  d1->nextlevel = d0;
  d1->lhmin = d0->lhmin;
  d1->rhmin = d0->rhmin;
  d1->clhmin = d0->clhmin ? d0->clhmin : d0->lhmin ? d0->lhmin : 3;
  d1->crhmin = d0->crhmin ? d0->crhmin : d0->rhmin ? d0->rhmin : 3;
  return d1;
}

std::vector<std::string> dictionary_names(std::string_view lang) {
  // language[-script][-region][-variant…]: letters and digits only, never a path.
  std::vector<std::string> parts;
  std::string part;
  for (char c : lang) {
    if (c == '-' || c == '_') {
      parts.push_back(part);
      part.clear();
    } else if (std::isalnum(static_cast<unsigned char>(c))) {
      part += c;
    } else {
      return {};
    }
  }
  parts.push_back(part);
  if (lang.size() > 35 || parts[0].size() < 2 || parts[0].size() > 3 ||
      !std::all_of(parts[0].begin(), parts[0].end(),
                   [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
    return {};
  std::string ll;
  for (char c : parts[0]) ll += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string script, region;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const std::string& p = parts[i];
    if (i == 1 && p.size() == 4 && std::isalpha(static_cast<unsigned char>(p[0]))) {
      script = p;
      script[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(p[0])));
      for (std::size_t k = 1; k < 4; ++k)
        script[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(p[k])));
    } else if (region.empty() && p.size() == 2 && std::isalpha(static_cast<unsigned char>(p[0]))) {
      region = p;
      for (char& c : region) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      break;
    } else if (p.size() != 4) {
      break;  // a variant or extension: the language and region decide
    }
  }
  std::vector<std::string> names;
  auto add = [&](const std::string& n) {
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  };
  std::string upper_ll = ll;
  for (char& c : upper_ll) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!script.empty()) {
    // A script is written only when it is not the language's usual one (el-Latn, sr-Latn):
    // the usual patterns would be for the wrong letters.
    if (!region.empty()) add(ll + "_" + script + "_" + region);
    add(ll + "_" + script);
    return names;
  }
  if (!region.empty()) add(ll + "_" + region);
  // English outside the US and Canada spells and breaks words as in Britain.
  if (ll == "en" && !region.empty() && region != "US" && region != "CA") add("en_GB");
  add(ll);
  add(ll + "_" + upper_ll);  // de → de_DE, es → es_ES, it → it_IT
  if (ll == "no") {          // Norwegian: Debian's patterns are Bokmål's
    add("nb_NO");
    add("nb");
  }
  return names;
}

std::filesystem::path find_dictionary(const std::filesystem::path& dir, std::string_view lang) {
  std::vector<std::string> names = dictionary_names(lang);
  if (names.empty()) return {};
  std::error_code ec;
  for (const std::string& n : names) {
    std::filesystem::path p = dir / ("hyph_" + n + ".dic");
    if (std::filesystem::is_regular_file(p, ec)) return p;
  }
  // Any dictionary of the language (pt → hyph_pt_BR.dic, sv → hyph_sv_SE.dic): the first by
  // name, so the choice does not depend on the directory's order.
  const std::string& last = names.back();
  std::size_t u = last.find('_');
  if (u != std::string::npos && last.size() - u - 1 == 4) return {};  // a script: no guessing
  std::string prefix = "hyph_" + last.substr(0, u) + "_";
  std::vector<std::filesystem::path> found;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string f = it->path().filename().string();
    if (f.starts_with(prefix) && f.ends_with(".dic") &&
        std::filesystem::is_regular_file(it->path(), ec))
      found.push_back(it->path());
  }
  if (found.empty()) return {};
  std::sort(found.begin(), found.end());
  return found.front();
}

Hyphenator::Hyphenator(const std::filesystem::path& dir, std::string_view lang, int left_min,
                       int right_min, support::Diagnostics* diags)
    : left_min_(left_min), right_min_(right_min) {
  std::filesystem::path p = find_dictionary(dir, lang);
  if (p.empty()) return;
  std::optional<std::string> text = checked_dictionary(p, diags);
  if (!text) return;
  if (HyphenDict* hd = build_dictionary(*text)) {
    dict_ = new Dict{hd};
    path_ = p;
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

namespace {

// A language tag as Hyphenators keys it.
std::string tag_of(std::string_view lang) {
  std::string tag(lang);
  for (char& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tag;
}

// The dictionary file `lang` uses, its links followed (Debian links a language's regions to
// one file: hyph_de_AT.dic → hyph_de_DE.dic); empty when there is none.
std::filesystem::path dictionary_file(const std::filesystem::path& dir, std::string_view lang) {
  std::filesystem::path file = find_dictionary(dir, lang);
  if (file.empty()) return file;
  std::error_code ec;
  std::filesystem::path real = std::filesystem::weakly_canonical(file, ec);
  return ec ? file : real;
}

}  // namespace

// The dictionaries loading on a thread of their own, each once, in order.
struct Hyphenators::Background {
  struct Job {
    std::string lang;
    std::filesystem::path file;
    std::promise<const Hyphenator*> done;
    std::shared_future<const Hyphenator*> result = done.get_future().share();
    std::unique_ptr<Hyphenator> loaded;
    support::Diagnostics diags;  // what loading it met, reported by finish_background
  };
  std::vector<std::unique_ptr<Job>> jobs;
  std::thread thread;
};

Hyphenators::Hyphenators(std::filesystem::path dir, int left_min, int right_min)
    : dir_(std::move(dir)), left_min_(left_min), right_min_(right_min) {}

Hyphenators::~Hyphenators() {
  if (background_ && background_->thread.joinable()) background_->thread.join();
}

const Hyphenator* Hyphenators::add(std::string_view lang, support::Diagnostics* diags,
                                   const std::vector<std::string>& exceptions) {
  std::string tag = tag_of(lang);
  if (auto it = by_tag_.find(tag); it != by_tag_.end()) return it->second.hyphenator;
  const Hyphenator* h = nullptr;
  if (std::filesystem::path file = dictionary_file(dir_, lang); !file.empty()) {
    auto it = by_file_.find(file);
    if (it == by_file_.end()) {
      auto loaded = std::make_unique<Hyphenator>(dir_, lang, left_min_, right_min_, diags);
      for (const auto& e : exceptions) loaded->add_exception(e);
      it = by_file_.emplace(file, std::move(loaded)).first;
    }
    if (it->second->loaded()) h = it->second.get();
  }
  by_tag_.emplace(std::move(tag), Entry{h, {}});
  return h;
}

void Hyphenators::add_in_background(const std::vector<std::string>& langs) {
  auto bg = std::make_unique<Background>();
  for (const std::string& lang : langs) {
    std::string tag = tag_of(lang);
    if (by_tag_.count(tag)) continue;
    Entry entry;
    if (std::filesystem::path file = dictionary_file(dir_, lang); !file.empty()) {
      if (auto it = by_file_.find(file); it != by_file_.end()) {
        entry.hyphenator = it->second->loaded() ? it->second.get() : nullptr;
      } else {
        auto job = std::find_if(bg->jobs.begin(), bg->jobs.end(),
                                [&](const auto& j) { return j->file == file; });
        if (job == bg->jobs.end()) {
          bg->jobs.push_back(std::make_unique<Background::Job>());
          bg->jobs.back()->lang = lang;
          bg->jobs.back()->file = file;
          job = std::prev(bg->jobs.end());
        }
        entry.loading = (*job)->result;
      }
    }
    by_tag_.emplace(std::move(tag), std::move(entry));
  }
  if (bg->jobs.empty()) return;
  background_ = std::move(bg);
  auto load = [this, jobs = &background_->jobs] {
    for (auto& job : *jobs) {
      try {
        job->loaded =
            std::make_unique<Hyphenator>(dir_, job->lang, left_min_, right_min_, &job->diags);
        job->done.set_value(job->loaded->loaded() ? job->loaded.get() : nullptr);
      } catch (...) {
        job->done.set_exception(std::current_exception());  // thrown again where it is found
      }
    }
  };
  try {
    background_->thread = std::thread(load);
  } catch (const std::system_error&) {
    load();  // no thread to be had: loaded here, as add would
  }
}

void Hyphenators::finish_background(support::Diagnostics* diags) {
  if (!background_) return;
  if (background_->thread.joinable()) background_->thread.join();
  for (const auto& job : background_->jobs) {
    if (diags)
      for (const support::Diagnostic& d : job->diags.items()) diags->report(d);
    job->diags.items().clear();  // reported once
  }
}

const Hyphenator* Hyphenators::find(std::string_view lang) const {
  auto it = by_tag_.find(tag_of(lang));
  if (it == by_tag_.end()) return nullptr;
  return it->second.loading.valid() ? it->second.loading.get() : it->second.hyphenator;
}

bool Hyphenators::has_dictionary(std::string_view lang) const {
  auto it = by_tag_.find(tag_of(lang));
  return it != by_tag_.end() && (it->second.hyphenator || it->second.loading.valid());
}

bool capitalises_nouns(std::string_view lang) {
  std::string ll(lang.substr(0, lang.find_first_of("-_")));
  for (char& c : ll) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ll == "de" || ll == "lb";
}

}  // namespace folio::typeset
