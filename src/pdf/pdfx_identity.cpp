// The keys that make a flat, grey PDF a PDF/X-1a:2001 file, and the PDF 1.3 it must be.
#include "pdf/pdfx_identity.hpp"

#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace folio::pdf {
namespace {

using QOH = QPDFObjectHandle;

bool contains(const QOH::Rectangle& outer, const QOH::Rectangle& inner) {
  const double e = 0.01;  // points: the boxes are written rounded
  return inner.llx >= outer.llx - e && inner.lly >= outer.lly - e && inner.urx <= outer.urx + e &&
         inner.ury <= outer.ury + e;
}

}  // namespace

std::optional<OutputIntent> read_output_intent(const std::filesystem::path& path,
                                               std::string& why) {
  std::ifstream file(path, std::ios::binary);
  if (!file.is_open()) {
    why = "cannot be read";
    return std::nullopt;
  }
  std::string icc((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  // An ICC profile has "acsp" at byte 36 and its class at 12: an output ("prtr") profile.
  if (icc.size() < 128 || icc.compare(36, 4, "acsp") != 0 || icc.compare(12, 4, "prtr") != 0) {
    why = "is not an ICC output profile";
    return std::nullopt;
  }
  return OutputIntent{std::move(icc), "Artifex CMYK SWOP Profile", "Custom"};
}

void mark_pdfx1a(QPDF& pdf, const OutputIntent& intent) {
  QOH root = pdf.getRoot();
  // PDF 1.4 and later keys (tags, language, XMP, DisplayDocTitle): an X-1a:2001 file is
  // PDF 1.3, and a preflight reports what 1.3 does not define.
  for (const char* k :
       {"/StructTreeRoot", "/MarkInfo", "/Lang", "/Metadata", "/ViewerPreferences", "/Outlines"})
    root.removeKey(k);
  root.replaceKey("/PageMode", QOH::newName("/UseNone"));

  int n = 0;
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    ++n;
    QOH dict = page.getObjectHandle();
    for (const char* k : {"/StructParents", "/Annots", "/ArtBox", "/Tabs", "/Group"})
      dict.removeKey(k);
    QOH trim = dict.getKey("/TrimBox"), bleed = dict.getKey("/BleedBox");
    QOH media = page.getAttribute("/MediaBox", false);
    if (!trim.isRectangle() || !bleed.isRectangle() || !media.isRectangle())
      throw std::runtime_error("page " + std::to_string(n) + " has no TrimBox or BleedBox");
    if (!contains(bleed.getArrayAsRectangle(), trim.getArrayAsRectangle()) ||
        !contains(media.getArrayAsRectangle(), bleed.getArrayAsRectangle()))
      throw std::runtime_error("page " + std::to_string(n) +
                               "'s boxes do not nest (MediaBox ⊇ BleedBox ⊇ TrimBox)");
  }

  QOH profile = QOH::newStream(&pdf, intent.icc);
  profile.getDict().replaceKey("/N", QOH::newInteger(4));
  QOH oi = QOH::newDictionary();
  oi.replaceKey("/Type", QOH::newName("/OutputIntent"));
  oi.replaceKey("/S", QOH::newName("/GTS_PDFX"));
  oi.replaceKey("/OutputConditionIdentifier", QOH::newString(intent.identifier));
  oi.replaceKey("/OutputCondition", QOH::newString(intent.condition));
  oi.replaceKey("/Info", QOH::newString(intent.condition));
  oi.replaceKey("/RegistryName", QOH::newString("http://www.color.org"));
  oi.replaceKey("/DestOutputProfile", profile);
  root.replaceKey("/OutputIntents", QOH::newArray(std::vector<QOH>{pdf.makeIndirectObject(oi)}));

  QOH info = pdf.getTrailer().getKey("/Info");
  if (!info.isDictionary()) throw std::runtime_error("the PDF has no Info dictionary");
  if (!info.getKey("/Title").isString() || info.getKey("/Title").getUTF8Value().empty())
    throw std::runtime_error("the PDF has no Title, which PDF/X requires");
  info.replaceKey("/GTS_PDFXVersion", QOH::newString("PDF/X-1:2001"));
  info.replaceKey("/GTS_PDFXConformance", QOH::newString("PDF/X-1a:2001"));
  info.replaceKey("/Trapped", QOH::newName("/False"));
}

}  // namespace folio::pdf
