// PDF/X-1a:2001's identification of a finished PDF: output intent, Info keys, PDF 1.3 only.
#pragma once

#include <qpdf/QPDF.hh>

#include <filesystem>
#include <optional>
#include <string>

namespace folio::pdf {

/// The printing condition a PDF/X file is prepared for (its output intent).
struct OutputIntent {
  std::string icc;         ///< the ICC output profile's bytes (a CMYK "prtr" profile)
  std::string condition;   ///< /OutputCondition and /Info: the profile's own description
  std::string identifier;  ///< /OutputConditionIdentifier ("Custom" when not registered)
};

/// The output intent made of the ICC output profile at `path` (Ghostscript's "Artifex CMYK
/// SWOP Profile"); nullopt with `why` when it cannot be read or is not an output profile.
std::optional<OutputIntent> read_output_intent(const std::filesystem::path& path, std::string& why);

/// Marks `pdf` as PDF/X-1a:2001 (ISO 15930-1): the GTS_PDFX output intent, the Info keys
/// (GTS_PDFXVersion, GTS_PDFXConformance, Trapped /False; Title is the caller's), and drops
/// what PDF 1.3 does not have or X-1a forbids: the structure tree, mark info, /Lang, XMP,
/// viewer preferences, page /ArtBox (X-1a: TrimBox or ArtBox, not both), annotations.
/// Throws std::runtime_error when a page has no TrimBox or its boxes do not nest.
void mark_pdfx1a(QPDF& pdf, const OutputIntent& intent);

}  // namespace folio::pdf
