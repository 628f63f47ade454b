// Text → the word sequence both editions are compared as (case-folded, hyphenation undone).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace folio::editions {

/// Words stored end to end in one buffer: a 150,000-word book is two allocations, not
/// 150,000, and comparing two lists is a walk over string_views.
class WordList {
 public:
  std::size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  std::string_view operator[](std::size_t i) const {
    std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(chars_).substr(begin, ends_[i] - begin);
  }
  std::string_view back() const { return (*this)[size() - 1]; }
  void push_back(std::string_view word) {
    chars_ += word;
    ends_.push_back(chars_.size());
  }
  void pop_back() {
    ends_.pop_back();
    chars_.resize(ends_.empty() ? 0 : ends_.back());
  }
  void set(std::size_t i, std::string_view word);  ///< replaces word i (for tests)
  bool operator==(const WordList& o) const { return ends_ == o.ends_ && chars_ == o.chars_; }

 private:
  friend class WordCollector;
  std::string chars_;  ///< the words, folded, without separators
  std::vector<std::size_t> ends_;
};

/// Splits text into words: maximal runs of letters, marks and digits, case-folded and in
/// NFKC (so a ligature character reads as its letters). Everything else separates words,
/// except the invisible format characters (soft hyphen, zero-width space and joiners), which
/// are dropped. Punctuation is not compared: the print edition sets list numbers, scene-break
/// ornaments and note marks its own way, and the words are what a reader must find in both.
class WordCollector {
 public:
  explicit WordCollector(WordList& out) : out_(out) {}
  ~WordCollector() { boundary(); }
  WordCollector(const WordCollector&) = delete;
  WordCollector& operator=(const WordCollector&) = delete;

  /// Appends characters; a word left open continues into the next call (inline markup).
  void add(std::string_view text);
  /// Ends the word being read (a block's edge, a line break in the EPUB).
  void boundary() {
    after_soft_hyphen_ = false;
    if (open()) end_word();
  }
  /// A printed line's end: ends the word unless the line ended in a soft hyphen, where the
  /// typesetter broke the word (its line-end hyphen is U+00AD in the text layer).
  void line_end() {
    if (!after_soft_hyphen_) boundary();
  }
  /// Index of the word the next characters belong to (the open word, if any).
  std::size_t position() const { return out_.size(); }

 private:
  bool open() const { return out_.chars_.size() > (out_.ends_.empty() ? 0 : out_.ends_.back()); }
  void end_word();

  WordList& out_;
  bool ascii_ = true;
  bool after_soft_hyphen_ = false;
};

/// The words of `text`.
WordList list_of(std::string_view text);
/// The same, as strings (for titles and tests).
std::vector<std::string> words_of(std::string_view text);

}  // namespace folio::editions
