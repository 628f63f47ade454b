// Generated front matter pages: cover, title page and copyright page (imprint).
#pragma once

#include <string>
#include <string_view>

#include "epub/publication.hpp"

namespace folio::epub {

/// "Cover: Title — Subtitle, by Author" in the book's language where folio knows it.
std::string cover_alt_text(const BookInfo& book);

/// The cover page: the cover image alone, with its text alternative.
/// `image_href` and `stylesheet_href` are relative to the page.
std::string cover_page(const BookInfo& book, std::string_view image_href,
                       std::string_view stylesheet_href);

/// The title page: title, subtitle, authors, publisher.
std::string title_page(const BookInfo& book, std::string_view stylesheet_href);

/// True when book.yaml gives anything a copyright page would show.
bool has_imprint(const BookInfo& book);

/// The copyright page: title and authors, then the copyright lines both editions share
/// (rights, edition, publisher, ISBN or identifier).
std::string imprint_page(const BookInfo& book, std::string_view stylesheet_href);

}  // namespace folio::epub
