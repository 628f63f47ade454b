// The few words folio writes itself (nav headings, landmarks, alt texts), in the book's language.
#pragma once

#include <string>
#include <string_view>

namespace folio::epub {

struct GeneratedLabels {
  std::string_view lang;  ///< the language these labels are in (BCP 47 primary subtag)
  std::string_view contents;
  std::string_view landmarks;
  std::string_view cover;
  std::string_view title_page;
  std::string_view copyright;
  std::string_view start;         ///< landmark for the start of the text
  std::string_view back_to_text;  ///< title of a footnote's back link
  std::string_view cover_alt_by;  ///< "by" in "Cover: Title by Author"
  std::string_view pages;         ///< heading of the print edition's page list
};

/// Labels for `lang` ("de-DE" → German); English when folio has no translation.
const GeneratedLabels& labels_for(std::string_view lang);

}  // namespace folio::epub

namespace folio::epub {

/// The language to mark generated text with inside a book in `book_lang`: empty when the
/// labels are in the book's own language, else the labels' language (English fallback).
std::string_view labels_lang_attribute(const GeneratedLabels& labels, std::string_view book_lang);

}  // namespace folio::epub
