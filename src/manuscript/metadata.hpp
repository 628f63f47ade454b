// book.yaml → model::Metadata, with the position of every value.
#pragma once

#include <string>

#include "model/document.hpp"
#include "support/diagnostic.hpp"

namespace folio::manuscript {

/// Parses book.yaml. Returns false (after reporting) when it is not YAML or not a mapping.
bool read_metadata(const std::string& file, const std::string& text, model::Metadata& meta,
                   support::Diagnostics& diags);

}  // namespace folio::manuscript
