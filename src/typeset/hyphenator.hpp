// Word hyphenation with libhyphen (TeX's patterns), plus an exception list of our own.
#pragma once

#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostic.hpp"

struct _HyphenDict;

namespace folio::typeset {

/// The largest hyphenation dictionary read: twice the largest Debian 12 ships
/// (hyph_de_DE.dic, 1,093,611 bytes).
inline constexpr std::size_t kMaxDictionaryBytes = 2200000;
/// The longest pattern line (hyph_en_US.dic's longest is 52 bytes; libhyphen's buffer 100).
inline constexpr std::size_t kMaxPatternBytes = 64;
/// Most pattern-trie states (distinct pattern prefixes) in a dictionary: a bound on the
/// automaton's memory (hyph_de_DE.dic has 288,728; random patterns at 2 MB make millions).
inline constexpr std::size_t kMaxDictionaryStates = 400000;

/// A dictionary's text made safe for libhyphen: the charset line checked (UTF-8, or an 8-bit
/// charset converted to UTF-8), every line checked, and what libhyphen mishandles left out
/// with a warning (code `hyphenation-dictionary`, at the file's line): non-standard
/// `pattern/replacement,index,cut` rules (a bad index corrupts its heap; folio never changes
/// letters when it hyphenates anyway), malformed keywords and patterns, overlong lines.
/// nullopt (after a warning) when the file is too large, not text, or has too many states.
std::optional<std::string> checked_dictionary(const std::filesystem::path& file,
                                              support::Diagnostics* diags);

/// libhyphen's automaton for a checked dictionary's text, built as hnj_hyphen_load_file
/// builds it but in a fraction of the time (see hyphenator.cpp); free with hnj_hyphen_free.
_HyphenDict* build_dictionary(std::string_view checked_text);

/// The dictionary names (without "hyph_" and ".dic") a BCP 47 tag may use, best first:
/// en-GB → en_GB, en; de → de, de_DE; de-CH → de_CH, de, de_DE; en-IE → en_IE, en_GB, en.
/// Empty for what is not a language tag (never a path).
std::vector<std::string> dictionary_names(std::string_view lang);

/// The first of `dictionary_names(lang)` in `dir`, else any `hyph_<language>_*.dic` there (the
/// first by name: fr-CA → hyph_fr.dic, pt → hyph_pt_BR.dic); empty when there is none.
std::filesystem::path find_dictionary(const std::filesystem::path& dir, std::string_view lang);

class Hyphenator {
 public:
  /// Loads `lang`'s dictionary from `dir` (find_dictionary). An unloadable dictionary leaves
  /// the hyphenator empty: `loaded()` is false and `points` returns nothing.
  /// The dictionary is checked first (checked_dictionary); its warnings go to `diags`.
  Hyphenator(const std::filesystem::path& dir, std::string_view lang, int left_min, int right_min,
             support::Diagnostics* diags = nullptr);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  bool loaded() const { return dict_ != nullptr; }
  const std::filesystem::path& dictionary() const { return path_; }

  /// Adds TeX-style exceptions: "man-u-script" allows breaks only where the hyphens are.
  void add_exception(std::string_view hyphenated);

  /// Byte offsets inside `word` (a run of letters, any case) where a hyphen may go, in
  /// increasing order, honouring left_min/right_min counted in characters.
  std::vector<std::size_t> points(std::string_view word) const;

 private:
  struct Dict;
  Dict* dict_ = nullptr;
  std::filesystem::path path_;
  int left_min_;
  int right_min_;
  std::map<std::string, std::vector<int>> exceptions_;  // lower-case word → char positions
};

/// A book's hyphenators, one per dictionary: loaded before the book is set (add) or while it
/// is (add_in_background), and shared read-only by the setting threads (find). Tags that
/// resolve to the same file share it.
class Hyphenators {
 public:
  Hyphenators(std::filesystem::path dir, int left_min, int right_min);
  ~Hyphenators();
  Hyphenators(const Hyphenators&) = delete;
  Hyphenators& operator=(const Hyphenators&) = delete;

  /// Loads `lang`'s dictionary once; the style's exceptions go to the book's language
  /// (`exceptions`, given with its first add). Not thread-safe. Null: no patterns for `lang`.
  const Hyphenator* add(std::string_view lang, support::Diagnostics* diags,
                        const std::vector<std::string>& exceptions = {});
  /// Loads the dictionaries of `langs` not added yet on a thread of their own (here, when no
  /// thread can be started): a book's other languages, whose patterns (German's are 1 MB)
  /// need not hold up the start of its setting. Call once, after the adds, before any find.
  void add_in_background(const std::vector<std::string>& langs);
  /// Waits for the background loads and reports what loading them met to `diags`, in the
  /// order of add_in_background's languages.
  void finish_background(support::Diagnostics* diags);
  /// The hyphenator for `lang` (null: none, or never added); waits for a background load.
  /// Thread-safe.
  const Hyphenator* find(std::string_view lang) const;
  /// Whether `lang` has a dictionary file (loaded, or loading in the background), without
  /// waiting for it.
  bool has_dictionary(std::string_view lang) const;
  const std::filesystem::path& dir() const { return dir_; }

 private:
  struct Background;  // hyphenator.cpp
  struct Entry {
    const Hyphenator* hyphenator = nullptr;  // null: none, or loading in the background
    std::shared_future<const Hyphenator*> loading;
  };
  std::filesystem::path dir_;
  int left_min_, right_min_;
  std::map<std::string, Entry, std::less<>> by_tag_;  // as added
  std::map<std::filesystem::path, std::unique_ptr<Hyphenator>> by_file_;
  std::unique_ptr<Background> background_;
};

/// Whether `lang` capitalises common nouns (German, Luxembourgish): there a capital letter
/// does not mark a name, and capitalised words are hyphenated whatever the style says.
bool capitalises_nouns(std::string_view lang);

}  // namespace folio::typeset
