// One YAML document, parsed and bounded before anything walks it: book.yaml and style files.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

#include "support/diagnostic.hpp"

namespace folio::manuscript {

/// The position of a yaml-cpp mark in `file` (1-based; line 1, column 1 when the mark is null).
support::SourcePos yaml_pos(const std::string& file, const YAML::Mark& mark);

/// Parses `text` (from `file`) as exactly one YAML document and checks it before any caller
/// walks it: at most kMaxYamlDepth levels of nesting, an alias never inside the node it names
/// (`&a [*a]`, which would make every walk endless), at most kMaxYamlNodes nodes visited with
/// aliases expanded ("billion laughs"), no key twice in one mapping, and nothing after the
/// document's end (`...` then more keys, or a second `---` document: yaml-cpp would drop them
/// silently). Problems are errors at their place: `syntax_code` for the parser's and the
/// second document, `yaml-limit` and `yaml-duplicate-key` for the others.
/// Returns nullopt after reporting. A document with only comments gives a null node.
std::optional<YAML::Node> load_yaml_document(const std::string& file, const std::string& text,
                                             support::Code syntax_code,
                                             support::Diagnostics& diags);

}  // namespace folio::manuscript
