// The prose of a Markdown source: what a reader will see, in blocks, mapped to source bytes.
//
// Typographic and footnote checks report, and fix, exact source bytes. The model gives them:
// every byte of its text knows the source byte it came from (model/text_pieces.hpp). Here
// the model's blocks of one file become prose blocks in the order they were written; what
// is not prose (code, raw HTML, link destinations, footnote references, escaped characters)
// stands as kOpaque, soft breaks as '\n'.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"

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
  std::size_t start = 0;  ///< where the block starts in the source (blocks are in this order)

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

class LineIndex;

/// The prose of `file` (its text `source`, indexed by `lines`) as the model `doc` holds it.
/// Footnote definitions cmark-gfm dropped (never cited, or defined twice) are in no model
/// block: lines opening with `[^label]:` outside code blocks are taken for them.
ProseMap map_prose(const model::Document& doc, const std::string& file, std::string_view source,
                   const LineIndex& lines);

}  // namespace folio::check
