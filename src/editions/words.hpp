// Text → the word sequence both editions are compared as (case-folded, hyphenation undone).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace folio::editions {

/// Splits text into words: maximal runs of letters, marks and digits, case-folded and in
/// NFKC (so a ligature character reads as its letters). Everything else separates words,
/// except the invisible format characters (soft hyphen, zero-width space and joiners), which
/// are dropped. Punctuation is not compared: the print edition sets list numbers, scene-break
/// ornaments and note marks its own way, and the words are what a reader must find in both.
class WordCollector {
 public:
  explicit WordCollector(std::vector<std::string>& out) : out_(out) {}
  ~WordCollector() { boundary(); }
  WordCollector(const WordCollector&) = delete;
  WordCollector& operator=(const WordCollector&) = delete;

  /// Appends characters; a word left open continues into the next call (inline markup).
  void add(std::string_view text);
  /// Ends the word being read (a block's edge, a line break in the EPUB).
  void boundary();
  /// A printed line's end: ends the word unless the line ended in a soft hyphen, where the
  /// typesetter broke the word (its line-end hyphen is U+00AD in the text layer).
  void line_end();
  /// Index of the word the next characters belong to (the open word, if any).
  std::size_t position() const { return out_.size(); }

 private:
  std::vector<std::string>& out_;
  std::string word_;
  bool ascii_ = true;
  bool after_soft_hyphen_ = false;
};

/// The words of `text` (for titles and tests).
std::vector<std::string> words_of(std::string_view text);

}  // namespace folio::editions
