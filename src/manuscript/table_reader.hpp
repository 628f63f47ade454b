// Pipe tables: cmark-gfm's table extension switched on, its table nodes read into model::Table.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"
#include "support/diagnostic.hpp"

struct cmark_node;
struct cmark_parser;

namespace folio::manuscript {

/// Attaches cmark-gfm's `table` extension (GitHub pipe tables) to a parser.
void attach_table_extension(cmark_parser* parser);

/// True for a node of the table extension's `table` type.
bool is_table(cmark_node* n);

/// Reads a cell's (or a caption paragraph's) inlines; the reader's own inline conversion.
using InlineReader = std::function<std::vector<model::Inline>(cmark_node*)>;

/// A table node as a Table block: alignments, header, body rows, each cell's inlines read by
/// `read_inlines`. `lines` are the file's lines as cmark saw them: a body row whose line holds
/// more or fewer cells than the header is reported (`table-ragged-row`), as cmark-gfm pads
/// and cuts it silently. A last row that is a `Table: …` line written right under the table
/// (no blank line, no pipe) is its caption, as Pandoc reads it.
model::Block read_table(cmark_node* table, const std::string& file,
                        const std::vector<std::string_view>& lines,
                        const InlineReader& read_inlines, support::Diagnostics& diags);

/// When `inlines` open with Pandoc's caption marker (`Table: `, `table: ` or `: `), strips it
/// and returns true: the paragraph is the caption of the table before it.
bool take_caption_marker(std::vector<model::Inline>& inlines);

/// The cells a pipe-table row line holds: unescaped pipes split it, a leading and a trailing
/// pipe are only borders (the GFM rule; a pipe inside a code span splits too).
std::size_t pipe_row_cells(std::string_view line);

}  // namespace folio::manuscript
