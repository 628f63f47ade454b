// The wrap's arithmetic: inches from the printer's table turned into points on the sheet.
#include "pdf/cover_geometry.hpp"

namespace folio::pdf {
namespace {

constexpr double kPointsPerInch = 72;

CoverRect inset(const CoverRect& r, double by) {
  return {r.x + by, r.y + by, r.width - 2 * by, r.height - 2 * by};
}

}  // namespace

CoverGeometry cover_geometry(const style::PrintProfile& profile, style::Paper paper,
                             std::size_t pages, double trim_width, double trim_height) {
  CoverGeometry g;
  g.pages = pages;
  g.trim_width = trim_width;
  g.trim_height = trim_height;
  g.bleed = profile.bleed * kPointsPerInch;
  g.spine = style::spine_width(profile, paper, pages) * kPointsPerInch;
  g.sheet_width = 2 * trim_width + g.spine + 2 * g.bleed;
  g.sheet_height = trim_height + 2 * g.bleed;
  g.back = {g.bleed, g.bleed, trim_width, trim_height};
  g.spine_panel = {g.bleed + trim_width, g.bleed, g.spine, trim_height};
  g.front = {g.bleed + trim_width + g.spine, g.bleed, trim_width, trim_height};
  double safe = profile.cover_safe * kPointsPerInch;
  g.back_safe = inset(g.back, safe);
  g.front_safe = inset(g.front, safe);
  double clear = profile.spine_clearance * kPointsPerInch;
  g.spine_safe = {g.spine_panel.x + clear, g.spine_panel.y + safe, g.spine - 2 * clear,
                  trim_height - 2 * safe};
  g.spine_text = pages >= profile.spine_text_min_pages && g.spine_safe.width > 0;
  double margin = profile.barcode_margin * kPointsPerInch;
  double bw = profile.barcode_width * kPointsPerInch, bh = profile.barcode_height * kPointsPerInch;
  g.barcode = {g.back.x + g.back.width - margin - bw, g.back.y + g.back.height - margin - bh, bw,
               bh};
  return g;
}

}  // namespace folio::pdf
