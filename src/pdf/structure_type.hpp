// The PDF structure type a page block is tagged with, derived from its role.
#pragma once

#include "typeset/role.hpp"

namespace folio::pdf {

/// The standard PDF structure type for a block of `role`: P, Note, H1–H3, TOCI, Caption, TH,
/// TD (a table's cells sit in a TR, in a Table: PageBlock::row and group). Front
/// matter's display lines are paragraphs to a reader of the tags.
constexpr const char* structure_type(typeset::Role role) {
  switch (role) {
    case typeset::Role::body:
    case typeset::Role::display:
      return "P";
    case typeset::Role::note:
      return "Note";
    case typeset::Role::chapter_title:
      return "H1";
    case typeset::Role::section_heading:
      return "H2";
    case typeset::Role::subsection_heading:
      return "H3";
    case typeset::Role::contents_entry:
      return "TOCI";
    case typeset::Role::table_caption:
      return "Caption";
    case typeset::Role::table_header_cell:
      return "TH";
    case typeset::Role::table_cell:
      return "TD";
    case typeset::Role::figure:
      return "Figure";
    case typeset::Role::caption:
      return "Caption";
    case typeset::Role::furniture:
      break;  // drawn untagged; the post-pass marks it as an artifact
  }
  return "Artifact";
}

}  // namespace folio::pdf
