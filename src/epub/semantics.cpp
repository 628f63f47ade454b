// The section role table: every role the model knows has an epub:type and a doc-* role.
#include "epub/semantics.hpp"

#include <array>
#include <utility>

namespace folio::epub {

std::optional<SectionSemantics> semantics_of_role(std::string_view role) {
  static constexpr std::array<SectionSemantics, 17> kTable{{
      {"preface", "doc-preface"},
      {"foreword", "doc-foreword"},
      {"introduction", "doc-introduction"},
      {"prologue", "doc-prologue"},
      {"dedication", "doc-dedication"},
      {"epigraph", "doc-epigraph"},
      {"acknowledgments", "doc-acknowledgments"},
      {"chapter", "doc-chapter"},
      {"part", "doc-part"},
      {"epilogue", "doc-epilogue"},
      {"conclusion", "doc-conclusion"},
      {"afterword", "doc-afterword"},
      {"appendix", "doc-appendix"},
      {"endnotes", "doc-endnotes"},
      {"bibliography", "doc-bibliography"},
      {"glossary", "doc-glossary"},
      {"colophon", "doc-colophon"},
  }};
  for (const auto& s : kTable)
    if (s.epub_type == role) return s;
  return std::nullopt;
}

std::optional<SectionSemantics> semantics_of_div_class(std::string_view cls) {
  // Z39.98's terms need no prefix declaration: z3998 is one of EPUB's reserved prefixes.
  static constexpr std::array<SectionSemantics, 5> kTable{{
      {"z3998:letter", ""},
      {"z3998:salutation", ""},
      {"z3998:signature", ""},
      {"z3998:postscript", ""},
      {"dedication", "doc-dedication"},
  }};
  for (const auto& s : kTable) {
    std::string_view name = s.epub_type.substr(s.epub_type.find(':') + 1);
    if (name == cls) return s;
  }
  return std::nullopt;
}

std::string_view matter_epub_type(model::Matter m) {
  switch (m) {
    case model::Matter::front:
      return "frontmatter";
    case model::Matter::body:
      return "bodymatter";
    case model::Matter::back:
      return "backmatter";
  }
  return "bodymatter";
}

}  // namespace folio::epub
