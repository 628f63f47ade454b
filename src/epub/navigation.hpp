// Navigation: the EPUB 3 nav document (toc + landmarks) and the EPUB 2 toc.ncx.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "epub/publication.hpp"

namespace folio::epub {

/// nav.xhtml, placed beside the package document (hrefs are relative to it); with a hidden
/// page-list nav when `page_list` (the print edition's pages) is not empty.
std::string nav_document(const BookInfo& book, const std::vector<NavPoint>& toc,
                         const std::vector<Landmark>& landmarks, std::string_view stylesheet_href,
                         const std::vector<NavPoint>& page_list = {});

/// toc.ncx for EPUB 2 reading systems, placed beside the package document; with a pageList
/// of the print edition's pages when `page_list` is not empty (arabic folios are "normal"
/// pages with their number as value, roman ones "front" pages).
std::string ncx_document(const BookInfo& book, const std::vector<NavPoint>& toc,
                         const std::vector<NavPoint>& page_list = {});

}  // namespace folio::epub
