// Inline post-processing: merged text runs and Pandoc's bracketed spans `[text]{.smallcaps}`.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"

namespace folio::manuscript {

/// Appends text, merging it into a preceding text node (cmark splits runs at brackets);
/// `range` is the source bytes the text came from (empty: unknown), its pieces exactly where.
void append_text(std::vector<model::Inline>& out, model::Text text, const model::SourcePos& pos,
                 model::SourceRange range = {});

/// Turns `[…]{attrs}` within a run of inlines into span (or small_caps) nodes, recursively.
/// cmark leaves such brackets as literal text, since they are not links.
void extract_spans(std::vector<model::Inline>& inlines);

}  // namespace folio::manuscript
