// The printers' rules: one table, each figure with the page it was read from.
#include "style/print_profile.hpp"

#include <array>

namespace folio::style {
namespace {

// Sources (design/landscape-2026-12.md collects them):
// [KDP-PREP]  kdp.amazon.com/en_US/help/topic/G201857950 and /GYEKAVKMSE23PFTM: "no crop
//             marks, bookmarks, comments, invisible objects, annotations"; fonts embedded.
// [KDP-BLEED] KDP's bleed: 0.125 in past the top, bottom and outside edge.
// [KDP-MIN]   KDP paperbacks: at least 24 pages (KDP cover calculator).
// [KDP-SPINE] KDP's cover calculator: spine = pages × 0.002252 in (white), × 0.0025 in
//             (cream); spine text from 79 pages (kdpeasy.com/faq/covers, secondary);
//             0.0625 in between spine text and the folds; text 0.125 in inside the trim;
//             KDP prints the barcode in a 2 × 1.2 in area at the back's lower right,
//             0.25 in from the trim.
// [IS-PDFX]   help.ingramspark.com/hc/en-us/articles/6443532453901: "the default
//             PDF/X-1a:2001 setting"; 0.125 in bleed; interior rules and art ≥ 0.5 in from the
//             trim, cover art ≥ 0.25 in (articles 5338636202637, 6443532453901).
// [IS-SPINE]  IngramSpark publishes a template generator, not a formula; secondary sources
//             put its 50 lb white and creme stocks "within a hair" of KDP's factors
//             (blurbbio.com spine calculator), which are used here; spine text from 48 pages
//             (bookcoverslab.com, secondary); its template reserves a 1.75 × 1 in barcode box.
// [IS-MIN]    IngramSpark paperbacks: at least 18 pages (ingramspark.com file creation guide,
//             secondary).
constexpr std::array<PrintProfile, 3> kProfiles{{
    // The accessible PDF folio has always written: tags, outline, links; no printer's limits.
    {Printer::screen, "screen", true, true, false, 0.125, 1, 0, 0.002252, 0.0025, 79, 0.0625, 0.125,
     2.0, 1.2, 0.25},
    {Printer::kdp, "kdp", false, false, false, 0.125, 24, 0, 0.002252, 0.0025, 79, 0.0625, 0.125,
     2.0, 1.2, 0.25},
    {Printer::ingramspark, "ingramspark", false, false, true, 0.125, 18, 0.5, 0.002252, 0.0025, 48,
     0.0625, 0.25, 1.75, 1.0, 0.25},
}};

}  // namespace

const PrintProfile& print_profile(Printer printer) {
  for (const PrintProfile& p : kProfiles)
    if (p.printer == printer) return p;
  return kProfiles[0];
}

std::optional<Printer> printer_named(std::string_view name) {
  for (const PrintProfile& p : kProfiles)
    if (p.name == name) return p.printer;
  return std::nullopt;
}

std::optional<Paper> paper_named(std::string_view name) {
  if (name == "white") return Paper::white;
  if (name == "cream" || name == "creme") return Paper::cream;
  return std::nullopt;
}

std::string printer_names() {
  std::string out;
  for (const PrintProfile& p : kProfiles) {
    if (!out.empty()) out += ", ";
    out += p.name;
  }
  return out;
}

double spine_width(const PrintProfile& profile, Paper paper, std::size_t pages) {
  double per_page =
      paper == Paper::cream ? profile.spine_per_page_cream : profile.spine_per_page_white;
  return static_cast<double>(pages) * per_page;
}

}  // namespace folio::style
