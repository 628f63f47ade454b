// Accessibility facts → schema.org metadata and a summary that says only what is true.
#include "epub/accessibility.hpp"

#include <cctype>

#include "epub/image_file.hpp"
#include "model/walk.hpp"

namespace folio::epub {
namespace {

// A passage marked with its language: a lang on any block or inline in `blocks` (a block or
// a vector of them). A code block's info string is not a language and is not in its Attr.
template <class Blocks>
bool has_lang(const Blocks& blocks) {
  bool found = false;
  model::walk_blocks(blocks, [&](const model::Block& b) {
    if (!b.attr.lang.empty()) found = true;
    model::walk_block_inlines(b, [&](const model::Inline& in) {
      if (!in.attr.lang.empty()) found = true;
    });
  });
  return found;
}

}  // namespace

std::string page_break_source(const model::Metadata& meta) {
  std::string_view id = meta.identifier.value;
  for (std::string_view prefix : {"urn:isbn:", "isbn:", "ISBN:", "ISBN "})
    if (id.starts_with(prefix)) id.remove_prefix(prefix.size());
  std::string digits;
  bool isbn_like = !id.empty();
  for (char c : id)
    if (std::isdigit(static_cast<unsigned char>(c)) || c == 'X' || c == 'x')
      digits += c;
    else if (c != '-' && c != ' ')
      isbn_like = false;
  if (isbn_like && (digits.size() == 10 || digits.size() == 13)) return "urn:isbn:" + digits;
  return meta.title.value + ", print edition typeset by folio";
}

bool claims_conformance(const AccessibilityFacts& f) {
  return !f.has_images || f.all_images_have_alt;
}

AccessibilityFacts accessibility_facts(const model::Document& doc) {
  AccessibilityFacts f;
  for (const ImageUse& use : images_in(doc)) {
    f.has_images = true;
    f.all_images_have_alt = f.all_images_have_alt && use.has_alt;
  }
  f.has_headings = !doc.sections.empty();
  for (const auto& s : doc.sections) {
    if (!s.footnotes.empty()) f.has_footnotes = true;
    if (!s.heading) f.has_headings = false;
    if (has_lang(s.blocks) || (s.heading && has_lang(*s.heading))) f.has_lang_spans = true;
  }
  return f;
}

std::vector<std::pair<std::string, std::string>> accessibility_metadata(
    const AccessibilityFacts& f) {
  std::vector<std::pair<std::string, std::string>> m;
  m.emplace_back("schema:accessMode", "textual");
  if (f.has_images) m.emplace_back("schema:accessMode", "visual");
  // Text alone suffices when every image has a text alternative.
  if (!f.has_images || f.all_images_have_alt)
    m.emplace_back("schema:accessModeSufficient", "textual");
  if (f.has_images) m.emplace_back("schema:accessModeSufficient", "textual,visual");
  if (f.has_headings) m.emplace_back("schema:accessibilityFeature", "structuralNavigation");
  if (f.has_toc) m.emplace_back("schema:accessibilityFeature", "tableOfContents");
  if (!f.page_break_source.empty()) {
    m.emplace_back("schema:accessibilityFeature", "printPageNumbers");
    m.emplace_back("schema:accessibilityFeature", "pageNavigation");
  }
  m.emplace_back("schema:accessibilityFeature", "readingOrder");
  if (f.has_images && f.all_images_have_alt)
    m.emplace_back("schema:accessibilityFeature", "alternativeText");
  // Relative units and no fixed colours: the reader's font, size and theme settings apply.
  m.emplace_back("schema:accessibilityFeature", "displayTransformability");
  m.emplace_back("schema:accessibilityFeature", "ARIA");
  m.emplace_back("schema:accessibilityHazard", "none");
  m.emplace_back("schema:accessibilitySummary", accessibility_summary(f));
  if (!f.page_break_source.empty()) m.emplace_back("dc:source", f.page_break_source);
  // An image without a text alternative fails WCAG 1.1.1: then no claim is made.
  if (claims_conformance(f)) m.emplace_back("dcterms:conformsTo", kConformsTo);
  return m;
}

std::string accessibility_summary(const AccessibilityFacts& f) {
  std::string s = claims_conformance(f)
                      ? "This publication meets EPUB Accessibility 1.1 and WCAG 2.2 Level AA as "
                        "checked by EPUBCheck and Ace by DAISY. "
                      : "";
  s += "Its text follows a logical reading order";
  if (f.has_headings) s += ", every section opens with a heading";
  if (f.has_toc) s += ", and a table of contents links to each section";
  s += ".";
  if (!f.page_break_source.empty())
    s += " The print edition's page numbers are marked in the text and listed for navigation.";
  if (f.has_footnotes) s += " Footnotes are linked from the text and link back to it.";
  if (f.has_lang_spans) s += " Passages in other languages are marked with their language.";
  if (f.has_images)
    s += f.all_images_have_alt ? " Every image has a text alternative."
                               : " Some images have no text alternative.";
  s += " The text reflows, and the reader's font, size and colour settings apply."
       " There are no flashing, motion or sound hazards.";
  return s;
}

}  // namespace folio::epub
