// `folio dump`: the document model as stable, documented JSON (docs/model-json.md).
#pragma once

#include <string>

#include "model/document.hpp"

namespace folio::model {

/// The version of the dump's shape, its top-level "version" key. Raised when a field changes
/// meaning or goes away; fields are added without raising it (docs/model-json.md).
inline constexpr int kDumpVersion = 1;

/// The whole document as pretty-printed JSON: {"version": 1, "metadata": {...}, "sections": [...]}.
std::string dump_json(const Document& doc);

}  // namespace folio::model
