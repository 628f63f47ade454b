// Turns the model's inline nodes into the styled text the paragraph setter takes.
#pragma once

#include <vector>

#include "model/document.hpp"
#include "typeset/styled_text.hpp"

namespace folio::typeset {

/// Flattens `inlines`: emphasis → italic spans, strong → bold spans (the style decides how
/// they look), small caps, code, language spans; note references become superscript
/// numbers recorded in `notes`; hard line breaks become '\n'. Images are dropped (their
/// alt text is not set). `upper` upper-cases the text (for headings that ask for it).
StyledText styled_text(const std::vector<model::Inline>& inlines, bool upper = false);

}  // namespace folio::typeset
