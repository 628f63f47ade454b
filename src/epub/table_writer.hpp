// A table block as XHTML: <table> with <caption>, <thead>/<tbody>, header cells scoped to
// their column, alignment as classes (the style sheet sets them; `align` is obsolete).
#pragma once

#include <pugixml.hpp>

#include <functional>
#include <vector>

#include "model/document.hpp"

namespace folio::epub {

/// Writes a cell's or the caption's inlines into an element (the section writer's own).
using InlineWriter = std::function<void(pugi::xml_node, const std::vector<model::Inline>&)>;

/// Appends the table to `parent` and returns the <table> element (the caller adds the
/// block's id, lang and classes).
pugi::xml_node write_table(pugi::xml_node parent, const model::Block& b, const model::Table& table,
                           const InlineWriter& write_inlines);

/// Does the book hold a table anywhere (its style sheet then takes the table design)?
bool has_tables(const model::Document& doc);

}  // namespace folio::epub
