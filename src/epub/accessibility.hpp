// EPUB Accessibility 1.1 metadata, derived from what the book really contains.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/document.hpp"

namespace folio::epub {

/// What the publication holds that the accessibility metadata speaks about.
struct AccessibilityFacts {
  bool has_images = false;          ///< any image in the reading order (the cover counts)
  bool all_images_have_alt = true;  ///< every such image has a text alternative
  bool has_footnotes = false;
  bool has_headings = false;    ///< sections open with headings (structural navigation)
  bool has_toc = false;         ///< nav.xhtml lists the sections
  bool has_lang_spans = false;  ///< passages marked with their language
  /// The print edition whose page breaks the text marks (see page_break_source); empty:
  /// no page breaks.
  std::string page_break_source;
};

/// The page source (dc:source refined as source-of pagination) for page breaks taken from folio's
/// own print edition: the identifier as "urn:isbn:…" when book.yaml's identifier is an ISBN, else
/// the print edition named in words ("Title, print edition typeset by folio").
std::string page_break_source(const model::Metadata& meta);

/// Facts read from the model; the cover's contribution is added by the caller.
AccessibilityFacts accessibility_facts(const model::Document& doc);

/// (property, value) pairs for the package metadata, in a fixed order: schema:accessMode,
/// accessModeSufficient, accessibilityFeature, accessibilityHazard, accessibilitySummary and
/// the dcterms:conformsTo claim; ("dc:source", the page source) when there are page breaks.
std::vector<std::pair<std::string, std::string>> accessibility_metadata(
    const AccessibilityFacts& facts);

/// The conformance claim folio makes, and only after EPUBCheck and Ace pass its output.
inline constexpr const char* kConformsTo = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA";

/// True when the facts allow the claim (every image has a text alternative).
bool claims_conformance(const AccessibilityFacts& facts);

/// A plain-language summary of the above (in English: Ace and stores read it as such).
std::string accessibility_summary(const AccessibilityFacts& facts);

}  // namespace folio::epub
