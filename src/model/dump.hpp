// `folio dump`: the document model as stable, documented JSON (docs/model-json.md).
#pragma once

#include <string>

#include "model/document.hpp"

namespace folio::model {

/// The whole document as pretty-printed JSON: {"metadata": {...}, "sections": [...]}.
std::string dump_json(const Document& doc);

}  // namespace folio::model
