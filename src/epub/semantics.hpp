// EPUB structural semantics (epub:type) and their DPUB-ARIA roles, one table for all writers.
#pragma once

#include <optional>
#include <string_view>

#include "model/document.hpp"

namespace folio::epub {

/// The epub:type and ARIA role of a section element; Ace requires the pair to match.
struct SectionSemantics {
  std::string_view epub_type;
  std::string_view aria_role;
};

/// Semantics for a model section role ("preface" → preface / doc-preface); nullopt for a role
/// outside the EPUB and DPUB-ARIA vocabularies (such a section is a plain <section>).
std::optional<SectionSemantics> semantics_of_role(std::string_view role);

/// The epub:type (and DPUB-ARIA role, where DPUB-ARIA has one) of a fenced div's class:
/// a letter and its parts take the Z39.98 structural vocabulary (EPUB's own has no letter),
/// a dedication doc-dedication. nullopt for a class with no semantics (it stays a class).
std::optional<SectionSemantics> semantics_of_div_class(std::string_view cls);

/// "frontmatter", "bodymatter" or "backmatter" (epub:type of a content document's body).
std::string_view matter_epub_type(model::Matter m);

}  // namespace folio::epub
