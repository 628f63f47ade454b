// Turns the model's inline nodes into the styled text the paragraph setter takes.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"
#include "typeset/styled_text.hpp"

namespace folio::typeset {

/// Flattens `inlines`: emphasis → italic spans, strong → bold spans (the style decides how
/// they look), small caps, code, language spans; note references become superscript
/// numbers recorded in `notes`; hard line breaks become '\n'. Images are dropped (their
/// alt text is not set). `upper` upper-cases the text (for headings that ask for it).
StyledText styled_text(const std::vector<model::Inline>& inlines, bool upper = false);

/// A language the book's text uses besides its own: its tag as first written, where it is
/// first used, and how many spans and blocks use it.
struct UsedLanguage {
  std::string lang;
  support::SourcePos first;
  int uses = 0;
};

/// The languages of the book's `lang` spans and blocks (sections, notes), in order of first
/// use; tags that differ only in case are one language. The book's own `lang` is left out.
std::vector<UsedLanguage> other_languages(const model::Document& doc);

}  // namespace folio::typeset
