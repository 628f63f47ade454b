// The book identifier under the EPUB writer's names; it lives in facts/ (shared with the PDF).
#pragma once

#include "facts/identifier.hpp"

namespace folio::epub {

using facts::BookIdentifier;

}  // namespace folio::epub
