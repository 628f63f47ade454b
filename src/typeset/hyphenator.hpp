// Word hyphenation with libhyphen (TeX's patterns), plus an exception list of our own.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace folio::typeset {

class Hyphenator {
 public:
  /// Loads `<dir>/hyph_<lang with '_'>.dic` (e.g. hyph_en_US.dic for "en-US"), falling back
  /// to the bare language (hyph_en.dic). An unloadable dictionary leaves the hyphenator
  /// empty: `loaded()` is false and `points` returns nothing.
  Hyphenator(const std::filesystem::path& dir, std::string_view lang, int left_min, int right_min);
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
