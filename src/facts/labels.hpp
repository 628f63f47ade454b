// The few words folio writes itself (contents, landmarks, copyright page), in the book's language.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace folio::facts {

/// Everything folio writes in words of its own, in one language. Both editions take theirs
/// from here, so a German book's EPUB navigation and PDF contents page both say "Inhalt".
struct GeneratedLabels {
  std::string_view lang;  ///< the language these labels are in (BCP 47 primary subtag)
  std::string_view contents;
  std::string_view landmarks;
  std::string_view cover;
  std::string_view title_page;
  std::string_view copyright;
  std::string_view dedication;
  std::string_view notes;
  std::string_view start;         ///< landmark for the start of the text
  std::string_view back_to_text;  ///< title of a footnote's back link
  std::string_view cover_alt_by;  ///< "by" in "Cover: Title by Author"
  std::string_view pages;         ///< heading of the print edition's page list
  std::string_view published_by;  ///< copyright page: "Published by {}" ({} the publisher)
  std::string_view typeset_with;  ///< PDF colophon: "Typeset with {} in {}" (program, font)
};

/// Labels for `lang` ("de-DE" → German); English when folio has no translation.
const GeneratedLabels& labels_for(std::string_view lang);

/// The languages labels_for knows (primary subtags), for tests and docs.
std::vector<std::string_view> label_languages();

/// The language to mark generated text with inside a book in `book_lang`: empty when the
/// labels are in the book's own language, else the labels' language (English fallback).
std::string_view labels_lang_attribute(const GeneratedLabels& labels, std::string_view book_lang);

/// `pattern` with each "{}" replaced by the next of `args` in turn (labels are data, not
/// format strings: a brace in a publisher's name stays as written).
std::string fill_label(std::string_view pattern, const std::vector<std::string>& args);

}  // namespace folio::facts
