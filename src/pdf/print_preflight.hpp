// What a printer's preflight would reject in the typeset book, said before the file is sent.
#pragma once

#include "model/document.hpp"
#include "style/print_profile.hpp"
#include "support/diagnostic.hpp"
#include "typeset/paged_document.hpp"

namespace folio::pdf {

/// Reports, for `printer` (nothing for the screen PDF): a colour raster picture a grey
/// interior prints in grey (`print-rgb-image`, IngramSpark), a picture closer to the trim
/// than the printer's clearance for interior art (`print-art-margin`, IngramSpark 0.5 in),
/// and fewer pages than the printer binds (`print-few-pages`, at book.yaml's title). Returns
/// how many it reported.
int check_print_preflight(const model::Document& doc, const typeset::PagedDocument& paged,
                          style::Printer printer, support::Diagnostics& diags);

}  // namespace folio::pdf
