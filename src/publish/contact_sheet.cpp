// Composes a contact sheet on a Cairo image surface; page labels are set with Pango.
#include "publish/contact_sheet.hpp"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "pdf/cairo_bytes.hpp"
#include "support/atomic_file.hpp"

namespace folio::publish {
namespace {

constexpr int kSpreadsPerRow = 2;
constexpr double kMargin = 16;     // around the sheet, pixels
constexpr double kSpreadGap = 24;  // between spreads in a row, and between rows
constexpr int kLabelHeight = 18;   // under each row, for the page labels

struct Spread {
  std::optional<std::size_t> verso, recto;
};

std::vector<Spread> spreads_of(const PrintPages& pages, std::size_t first, std::size_t last) {
  std::vector<Spread> spreads;
  Spread current;
  for (std::size_t i = first; i <= last && i < pages.count(); ++i) {
    if (pages.recto(i)) {
      current.recto = i;
      spreads.push_back(current);
      current = {};
    } else {
      if (current.verso) spreads.push_back(current);  // two versos in a row: keep both
      current = {};
      current.verso = i;
    }
  }
  if (current.verso) spreads.push_back(current);
  return spreads;
}

void draw_label(cairo_t* cr, PangoFontDescription* font, const std::string& text, double center_x,
                double top) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  pango_layout_set_font_description(layout, font);
  pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
  int w = 0, h = 0;
  pango_layout_get_pixel_size(layout, &w, &h);
  cairo_move_to(cr, center_x - w / 2.0, top + (kLabelHeight - h) / 2.0);
  pango_cairo_show_layout(cr, layout);
  g_object_unref(layout);
}

}  // namespace

SheetLayout layout_sheet(const PrintPages& pages, std::size_t first, std::size_t last, double dpi) {
  SheetLayout sheet;
  sheet.scale = dpi / 72.0;
  sheet.page_width = std::round(pages.width() * sheet.scale);
  sheet.page_height = std::round(pages.height() * sheet.scale);
  sheet.label_height = kLabelHeight;
  std::vector<Spread> spreads = spreads_of(pages, first, last);
  int columns = std::min<int>(kSpreadsPerRow, static_cast<int>(spreads.size()));
  int rows = (static_cast<int>(spreads.size()) + kSpreadsPerRow - 1) / kSpreadsPerRow;
  double spread_width = 2 * sheet.page_width;
  double row_height = sheet.page_height + kLabelHeight;
  sheet.width = static_cast<int>(2 * kMargin + columns * spread_width +
                                 std::max(0, columns - 1) * kSpreadGap);
  sheet.height =
      static_cast<int>(2 * kMargin + rows * row_height + std::max(0, rows - 1) * kSpreadGap);
  for (std::size_t s = 0; s < spreads.size(); ++s) {
    double x = kMargin + static_cast<double>(s % kSpreadsPerRow) * (spread_width + kSpreadGap);
    double y = kMargin + static_cast<double>(s / kSpreadsPerRow) * (row_height + kSpreadGap);
    if (spreads[s].verso) sheet.slots.push_back({*spreads[s].verso, x, y});
    if (spreads[s].recto) sheet.slots.push_back({*spreads[s].recto, x + sheet.page_width, y});
  }
  return sheet;
}

std::string write_contact_sheet(const PrintPages& pages, const SheetLayout& sheet,
                                const std::filesystem::path& png) {
  if (sheet.slots.empty()) return "no pages to draw";
  if (static_cast<double>(sheet.width) * sheet.height > kMaxSheetPixels || sheet.width > 32767 ||
      sheet.height > 32767)
    return "the contact sheet would be " + std::to_string(sheet.width) + " × " +
           std::to_string(sheet.height) + " pixels; choose fewer pages or a lower --dpi";
  cairo_surface_t* surface =
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, sheet.width, sheet.height);
  cairo_t* cr = cairo_create(surface);
  // A grey desk, white paper, a hairline where the spine is: the look of a proof spread.
  cairo_set_source_rgb(cr, 0.82, 0.82, 0.80);
  cairo_paint(cr);
  PangoFontDescription* font = pango_font_description_from_string("Sans 9");
  for (const SheetSlot& slot : sheet.slots) {
    cairo_save(cr);
    cairo_rectangle(cr, slot.x, slot.y, sheet.page_width, sheet.page_height);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill_preserve(cr);
    cairo_clip(cr);
    cairo_translate(cr, slot.x, slot.y);
    cairo_scale(cr, sheet.scale, sheet.scale);
    cairo_set_source_rgb(cr, 0, 0, 0);
    pages.draw(cr, slot.page);
    cairo_restore(cr);
    cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
    draw_label(cr, font, pages.label(slot.page), slot.x + sheet.page_width / 2,
               slot.y + sheet.page_height);
    if (pages.recto(slot.page)) {
      cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
      cairo_set_line_width(cr, 1);
      cairo_move_to(cr, slot.x + 0.5, slot.y);
      cairo_line_to(cr, slot.x + 0.5, slot.y + sheet.page_height);
      cairo_stroke(cr);
    }
  }
  pango_font_description_free(font);
  std::string error;
  std::string bytes = pdf::finish_png(cr, surface, error);
  if (bytes.empty()) return error;
  return support::write_file_atomically(png, bytes);
}

}  // namespace folio::publish
