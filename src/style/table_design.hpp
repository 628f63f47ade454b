// The style's `table:` section: how tables are set (rules, padding, size, alignment).
#pragma once

#include <yaml-cpp/yaml.h>

#include "style/style.hpp"
#include "style/style_reader.hpp"

namespace folio::style {

/// Reads `table:` over the design already there (classic's defaults).
void read_table_design(StyleReader& r, const YAML::Node& n, TableDesign& t);

}  // namespace folio::style
