// What the public API's opaque types hold, and its diagnostics made from folio's own.
#pragma once

#include <folio/folio.hpp>

#include <optional>
#include <vector>

#include "facts/edition_facts.hpp"
#include "manuscript/reader.hpp"
#include "pdf/pdf_writer.hpp"
#include "support/diagnostic.hpp"

namespace folio::api {

struct Book::Impl {
  manuscript::Manuscript manuscript;
  std::filesystem::path dir;  // the folder it was read from (nothing is written inside it)
};

struct Publication::Impl {
  facts::EditionFacts facts;
  std::vector<std::filesystem::path> style_dirs;  // folio's own styles, from the resources
};

struct Pages::Impl {
  pdf::TypesetPdf typeset;
  pdf::PdfOptions options;  // as typeset; the PDF is written with the same (plus its output)
  bool written = false;
};

/// `from`'s diagnostics appended to `to`, in order.
void append(Diagnostics& to, const support::Diagnostics& from);

/// folio's own style folders: styles/ in `resources`' data folders, else in the defaults.
std::vector<std::filesystem::path> style_dirs(const Resources& resources);

}  // namespace folio::api
