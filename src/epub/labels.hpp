// The generated labels under the EPUB writer's names; they live in facts/ (shared with the PDF).
#pragma once

#include "facts/labels.hpp"

namespace folio::epub {

using facts::GeneratedLabels;
using facts::labels_for;
using facts::labels_lang_attribute;

}  // namespace folio::epub
