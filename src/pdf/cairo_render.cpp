// Cairo page painting: show_text_glyphs keeps the source text (ligatures, U+00AD hyphens).
#include "pdf/cairo_render.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>

#include "pdf/cluster_text.hpp"
#include "pdf/image_drawer.hpp"
#include "pdf/structure_type.hpp"
#include "support/utf8.hpp"

namespace folio::pdf {
namespace {

// Quotes a value for Cairo's tag attribute syntax ('...' with \' escapes).
std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

void draw_run(cairo_t* cr, const ScaledFonts& fonts, const typeset::GlyphRun& run, double dx,
              double dy) {
  if (run.clusters.empty()) return;
  cairo_scaled_font_t* sf = fonts.at(static_cast<std::size_t>(run.font));
  if (!sf) return;
  cairo_set_scaled_font(cr, sf);
  std::vector<cairo_glyph_t> glyphs;
  glyphs.reserve(run.glyphs.size());
  for (const auto& g : run.glyphs) glyphs.push_back({g.id, dx + run.x + g.x, dy + run.y + g.y});
  std::vector<cairo_text_cluster_t> clusters;
  clusters.reserve(run.clusters.size());
  for (const auto& [bytes, count] : run.clusters) clusters.push_back({bytes, count});
  cairo_show_text_glyphs(cr, run.text.data(), static_cast<int>(run.text.size()), glyphs.data(),
                         static_cast<int>(glyphs.size()), clusters.data(),
                         static_cast<int>(clusters.size()),
                         static_cast<cairo_text_cluster_flags_t>(0));
}

// Draws a run with the text cluster_text gives each cluster, so that Cairo writes no
// /ActualText span inside a structure element's marked content (cluster_text.hpp says why).
// A run that needs no change is drawn as it is.
void draw_run_without_actual_text(cairo_t* cr, const ScaledFonts& fonts,
                                  const typeset::GlyphRun& run, double dx, double dy) {
  if (run.clusters.empty()) return;
  cairo_scaled_font_t* sf = fonts.at(static_cast<std::size_t>(run.font));
  // A cluster of one glyph for one character goes to Cairo as it is; the others are looked at.
  auto one_character = [&](std::size_t at, int bytes) {
    std::size_t len = 0;
    if (bytes <= 0) return false;
    support::decode_utf8(run.text, at, len);
    return len == static_cast<std::size_t>(bytes);
  };
  std::vector<bool> look(run.clusters.size());
  bool plain = true;
  std::size_t byte = 0, glyph = 0;
  for (std::size_t c = 0; c < run.clusters.size(); ++c) {
    auto [bytes, count] = run.clusters[c];
    look[c] = count != 1 || !one_character(byte, bytes);
    plain = plain && !look[c];
    byte += static_cast<std::size_t>(bytes);
  }
  if (plain || !sf) {
    draw_run(cr, fonts, run, dx, dy);
    return;
  }
  typeset::GlyphRun told{run.font, run.x, run.y, {}, run.glyphs, {}, run.width, run.lang};
  told.text.reserve(run.text.size());
  told.clusters.reserve(run.clusters.size());
  byte = 0;
  for (std::size_t c = 0; c < run.clusters.size(); ++c) {
    auto [bytes, count] = run.clusters[c];
    std::string_view text =
        std::string_view(run.text).substr(byte, static_cast<std::size_t>(bytes));
    std::string shown(text);
    if (look[c]) {
      unsigned long first = count > 0 ? run.glyphs.at(glyph).id : 0;
      shown = cluster_text(text, count, first, sf);
    }
    if (!shown.empty() || count > 0) {
      told.text += shown;
      told.clusters.push_back({static_cast<int>(shown.size()), count});
    }
    byte += static_cast<std::size_t>(bytes);
    glyph += static_cast<std::size_t>(count);
  }
  draw_run(cr, fonts, told, dx, dy);
}

}  // namespace

cairo_scaled_font_t* scaled_font_of(PangoFont* font) {
  if (!font || !PANGO_IS_CAIRO_FONT(font)) return nullptr;
  cairo_scaled_font_t* sf = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
  return sf ? cairo_scaled_font_reference(sf) : nullptr;
}

void paint_runs(cairo_t* cr, const std::vector<typeset::GlyphRun>& runs, const ScaledFonts& fonts,
                double dx, double dy) {
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (const auto& run : runs) draw_run(cr, fonts, run, dx, dy);
}

void paint_furniture(cairo_t* cr, const typeset::Page& page, const ScaledFonts& fonts, double dx,
                     double dy) {
  cairo_set_source_rgb(cr, 0, 0, 0);
  // An /ActualText span in the furniture would be left out of its /Artifact marking.
  for (const auto& run : page.furniture) draw_run_without_actual_text(cr, fonts, run, dx, dy);
  for (const auto& rule : page.rules) {
    cairo_set_line_width(cr, rule.thickness);
    cairo_move_to(cr, dx + rule.x, dy + rule.y);
    cairo_line_to(cr, dx + rule.x + rule.width, dy + rule.y);
    cairo_stroke(cr);
  }
}

void paint_content(cairo_t* cr, const typeset::Page& page, const ScaledFonts& fonts, double dx,
                   double dy, bool tagged, std::vector<std::string>* span_langs, Rendered* out,
                   bool links) {
  auto picture = [&](const typeset::PageBlock& block) {
    std::string why;
    if (!draw_picture(cr, *block.picture, dx, dy, why) && out)
      out->picture_errors.push_back({block.picture->source, why});
  };
  if (!tagged) {
    for (const auto& block : page.blocks) {
      if (block.picture) picture(block);
      for (const auto& run : block.runs) draw_run(cr, fonts, run, dx, dy);
    }
    return;
  }
  std::string open_group;
  int open_row = 0;  // a table row's TR, inside the Table group
  for (const auto& block : page.blocks) {
    if (open_row && (block.row != open_row || block.group != open_group)) {
      cairo_tag_end(cr, "TR");
      open_row = 0;
    }
    if (block.group != open_group) {
      if (!open_group.empty()) cairo_tag_end(cr, open_group.c_str());
      if (!block.group.empty()) cairo_tag_begin(cr, block.group.c_str(), "");
      open_group = block.group;
    }
    if (block.row && block.row != open_row) {
      cairo_tag_begin(cr, "TR", "");
      open_row = block.row;
    }
    const char* type = structure_type(block.role);
    cairo_tag_begin(cr, type, "");
    if (block.picture) {
      picture(block);
      if (out) out->figure_alts.push_back(block.picture->alt);
    }
    if (!block.dest.empty()) {
      double y = block.runs.empty() ? 0 : block.runs.front().y - 24;
      std::string attrs =
          "name=" + quoted(block.dest) + " x=0 y=" + std::to_string(std::max(0.0, dy + y));
      cairo_tag_begin(cr, CAIRO_TAG_DEST, attrs.c_str());
      cairo_tag_end(cr, CAIRO_TAG_DEST);
    }
    // Cairo 1.16 gives marked content only to elements without child elements: once a block
    // holds a language /Span, its text outside the span would be left unmarked (an artifact,
    // out of the structure tree), so every stretch of it goes into a /Span, of no language.
    bool spans = false;
    for (const auto& run : block.runs) spans = spans || (!run.lang.empty() && !run.glyphs.empty());
    for (std::size_t i = 0; i < block.runs.size();) {
      const std::string& lang = block.runs[i].lang;
      std::size_t j = i;
      bool ink = false;  // a /Span only around something drawn: an empty one may not be written
      for (; j < block.runs.size() && block.runs[j].lang == lang; ++j)
        ink = ink || !block.runs[j].glyphs.empty();
      bool span = spans && ink && span_langs;
      if (span) {
        cairo_tag_begin(cr, "Span", "");
        span_langs->push_back(lang);
      }
      for (; i < j; ++i) draw_run_without_actual_text(cr, fonts, block.runs[i], dx, dy);
      if (span) cairo_tag_end(cr, "Span");
    }
    cairo_tag_end(cr, type);
  }
  if (open_row) cairo_tag_end(cr, "TR");
  if (!open_group.empty()) cairo_tag_end(cr, open_group.c_str());
  for (const auto& link : page.links) {
    if (!links) break;
    std::string attrs = "dest=" + quoted(link.dest) + " rect=[" + std::to_string(dx + link.x) +
                        " " + std::to_string(dy + link.y) + " " + std::to_string(link.width) + " " +
                        std::to_string(link.height) + "]";
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs.c_str());
    cairo_tag_end(cr, CAIRO_TAG_LINK);
  }
}

void add_outline(cairo_surface_t* surface, const typeset::PagedDocument& doc) {
  for (const auto& e : doc.outline) {
    std::string attrs = "dest=" + quoted(e.dest);
    cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, e.title.c_str(), attrs.c_str(),
                                  static_cast<cairo_pdf_outline_flags_t>(0));
  }
}

void draw_page(cairo_t* cr, const typeset::PagedDocument& doc, std::size_t index) {
  if (index >= doc.pages.size()) return;
  ScaledFonts fonts;
  for (std::size_t i = 0; i < doc.fonts.size(); ++i)
    fonts.push_back(scaled_font_of(doc.fonts.at(static_cast<int>(i))));
  cairo_save(cr);
  paint_furniture(cr, doc.pages[index], fonts, 0, 0);
  paint_content(cr, doc.pages[index], fonts, 0, 0, false);
  cairo_restore(cr);
  for (cairo_scaled_font_t* sf : fonts)
    if (sf) cairo_scaled_font_destroy(sf);
}

}  // namespace folio::pdf
