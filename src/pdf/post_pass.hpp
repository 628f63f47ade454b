// libqpdf post-pass: what Cairo 1.16 cannot write (boxes, /Lang, labels, artifacts, dates).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pdf/cairo_render.hpp"
#include "pdf/pdfx_identity.hpp"
#include "pdf/print_flatten.hpp"

namespace folio::pdf {

struct PostPassInput {
  std::string pdf;               ///< Cairo's output
  std::vector<PageBoxes> boxes;  ///< per page
  /// The page index of each of Cairo's pages, in Cairo's order; put in page order here
  /// (pages, structure tree); a kPrimerPage is dropped. Empty: already in page order.
  std::vector<std::size_t> order;
  std::vector<std::string> labels;  ///< per page: roman ("iv") or arabic ("12")
  std::string lang;                 ///< BCP 47, e.g. "en-US"
  /// The /Lang of each /Span structure element, in the order Cairo made them
  /// (Rendered::span_langs); empty for a span that has none (the rest of a block around one).
  std::vector<std::string> span_langs;
  /// The /Alt of each /Figure structure element, in the order Cairo made them.
  std::vector<std::string> figure_alts;
  std::string producer;
  bool outline = true;  ///< false: no outline, and the reader opens on the page alone
  /// The Info dictionary's /CreationDate and /ModDate, "D:20240501120000Z" (facts::pdf_date):
  /// written here rather than taken from Cairo's, which lack the "D:" and end in a "Z" that
  /// makes poppler misread a year before 1930. Empty: Cairo's are kept, given their "D:".
  std::string date;
  std::string xmp;       ///< an XMP packet, or empty
  unsigned threads = 0;  ///< for the page contents: 0 one per core (at most 4), 1 none extra
  /// The printer's colours: as Cairo drew them (screen), flat (KDP) or grey (PDF/X-1a).
  PrintColour colour = PrintColour::as_drawn;
  /// Set: the file is PDF/X-1a:2001 for this output intent (PDF 1.3, no object streams).
  std::optional<OutputIntent> pdfx;
};

/// Returns the finished PDF, or an empty string with `error` set.
std::string post_process(const PostPassInput& in, std::string& error);

}  // namespace folio::pdf
