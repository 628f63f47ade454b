// The labels of cmark-gfm's footnotes, found through its public API and the parsed text.
//
// cmark-gfm keeps a footnote's label in its node struct, which only its private node.h
// shows. What its public API does give: a reference's literal is its note's number (the
// order of first reference), the definitions that are referenced close the document in
// that order, and each definition's start is its text, just past `[^label]:`.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct cmark_node;

namespace folio::manuscript {

class FootnoteLabels {
 public:
  /// Reads the definitions closing `document`, parsed from `text`.
  FootnoteLabels(cmark_node* document, std::string_view text);

  /// The label of a footnote definition node ("" when it is not one of the document's).
  std::string of_definition(cmark_node* definition) const;
  /// The label of the definition a footnote reference node points to ("" when none).
  std::string of_reference(cmark_node* reference) const;

 private:
  std::vector<std::string> by_number_;  // the label of note n at n - 1
  std::unordered_map<cmark_node*, std::size_t> number_of_;
};

/// The label of the footnote definition whose text starts at byte `column` (1-based) of
/// `line`: the `[^label]:` just before it, or "" when there is none.
std::string_view definition_label(std::string_view line, int column);

}  // namespace folio::manuscript
