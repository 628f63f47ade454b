// Word hyphenation with libhyphen (TeX's patterns), plus an exception list of our own.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostic.hpp"

namespace folio::typeset {

/// The largest hyphenation dictionary read: twice the largest Debian 12 ships
/// (hyph_de_DE.dic, 1,093,611 bytes).
inline constexpr std::size_t kMaxDictionaryBytes = 2200000;
/// The longest pattern line (hyph_en_US.dic's longest is 52 bytes; libhyphen's buffer 100).
inline constexpr std::size_t kMaxPatternBytes = 64;
/// Most pattern-trie states (distinct pattern prefixes) in a dictionary: libhyphen's loader
/// is superlinear in them (hyph_de_DE.dic has 288,728 and loads in about 6 s on a busy
/// 2-core machine; random patterns at 2 MB take minutes).
inline constexpr std::size_t kMaxDictionaryStates = 400000;

/// A dictionary's text made safe for libhyphen: the charset line checked (UTF-8, or an 8-bit
/// charset converted to UTF-8), every line checked, and what libhyphen mishandles left out
/// with a warning (code `hyphenation-dictionary`, at the file's line): non-standard
/// `pattern/replacement,index,cut` rules (a bad index corrupts its heap; folio never changes
/// letters when it hyphenates anyway), malformed keywords and patterns, overlong lines.
/// nullopt (after a warning) when the file is too large, not text, or has too many states.
std::optional<std::string> checked_dictionary(const std::filesystem::path& file,
                                              support::Diagnostics* diags);

class Hyphenator {
 public:
  /// Loads `<dir>/hyph_<lang with '_'>.dic` (e.g. hyph_en_US.dic for "en-US"), falling back
  /// to the bare language (hyph_en.dic). An unloadable dictionary leaves the hyphenator
  /// empty: `loaded()` is false and `points` returns nothing.
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

}  // namespace folio::typeset
