// The prose of a Markdown source: what a reader will see, in paragraphs, mapped to bytes.
//
// Typographic and footnote checks must report, and fix, exact source bytes, which the model
// cannot give (it drops escapes, joins lines and loses unreferenced footnotes). So the
// source is scanned again here: container prefixes, list markers and indentation are left
// out; code, HTML, fences, link destinations, attribute blocks and footnote labels are
// replaced by kOpaque; each remaining byte keeps its source offset.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace folio::check {

/// Stands in for a masked byte: not prose, but not a space either.
inline constexpr char kOpaque = '\x1A';

/// One paragraph-like block (a paragraph, heading, list item's text or line block).
struct ProseBlock {
  enum class Kind { paragraph, heading };
  struct Segment {
    std::size_t text_begin;    ///< index into `text`
    std::size_t source_begin;  ///< the byte offset in the source it maps to
  };
  Kind kind = Kind::paragraph;
  int depth = 0;  ///< block quote depth
  /// How deep the block is set in: block quote depth plus the fenced divs around it. A
  /// quotation may run on into a deeper block (an inset) and back out without reopening.
  int nest = 0;
  /// A serial number of the container (div or block quote level) the block lies in; two
  /// blocks with the same number are siblings in one container (stanzas of one poem).
  int container = 0;
  bool verse = false;      ///< a line block (a stanza)
  bool signature = false;  ///< inside a `::: signature` div: lines of a sign-off
  bool figure = false;     ///< a paragraph that opens with an image (`![alt](…)`)
  std::string text;        ///< its lines joined by '\n', masked bytes as kOpaque
  std::vector<Segment> segments;
  /// The indices in `text` of the '\n's that end a line with a hard break (a backslash or
  /// two spaces at its end, or a line of a line block), in order.
  std::vector<std::size_t> hard_breaks;

  /// The source byte offset of text[i] (a joining '\n' maps to the end of its line).
  std::size_t source_offset(std::size_t i) const;
};

/// A footnote label as written (`[^label]`) and the offset of its '['.
struct FootnoteMark {
  std::string label;  ///< normalised: ASCII letters lowered
  std::size_t offset;
};

struct ProseMap {
  std::vector<ProseBlock> blocks;
  std::vector<FootnoteMark> definitions;  ///< `[^label]:` at the start of a block
  std::vector<FootnoteMark> references;   ///< every other `[^label]` in prose
};

/// Maps `text`. `code_line[n]` is true for lines (1-based) that lie in an indented code
/// block, which only the parser can tell apart; fenced code is found here. `table_line[n]`
/// is true for the lines of a pipe table (the parser's too): each cell is a block of its own,
/// the pipes, the alignment spaces around them and the delimiter row are no prose.
ProseMap map_prose(std::string_view text, const std::vector<bool>& code_line,
                   const std::vector<bool>& table_line = {});

}  // namespace folio::check
