// Cairo PDF drawing: show_text_glyphs keeps the source text (ligatures, U+00AD hyphens).
#include "pdf/cairo_render.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>

namespace folio::pdf {
namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Quotes a value for Cairo's tag attribute syntax ('...' with \' escapes).
std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

void draw_run(cairo_t* cr, const typeset::PagedDocument& doc, const typeset::GlyphRun& run,
              double dx, double dy) {
  if (run.clusters.empty()) return;
  PangoFont* font = doc.fonts.at(run.font);
  cairo_scaled_font_t* sf = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
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

void crop_marks(cairo_t* cr, double x0, double y0, double w, double h, double bleed, double slug) {
  // Marks start just outside the bleed and run to the slug's edge.
  double gap = bleed + 3;
  double len = slug - gap;
  if (len <= 2) return;
  cairo_set_line_width(cr, 0.25);
  for (double x : {x0, x0 + w}) {
    cairo_move_to(cr, x, y0 - gap);
    cairo_line_to(cr, x, y0 - gap - len);
    cairo_move_to(cr, x, y0 + h + gap);
    cairo_line_to(cr, x, y0 + h + gap + len);
  }
  for (double y : {y0, y0 + h}) {
    cairo_move_to(cr, x0 - gap, y);
    cairo_line_to(cr, x0 - gap - len, y);
    cairo_move_to(cr, x0 + w + gap, y);
    cairo_line_to(cr, x0 + w + gap + len, y);
  }
  cairo_stroke(cr);
}

// Furniture and rules: untagged, so the post-pass marks them as /Artifact.
void paint_furniture(cairo_t* cr, const typeset::PagedDocument& doc, const typeset::Page& page,
                     double dx, double dy) {
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (const auto& run : page.furniture) draw_run(cr, doc, run, dx, dy);
  for (const auto& rule : page.rules) {
    cairo_set_line_width(cr, rule.thickness);
    cairo_move_to(cr, dx + rule.x, dy + rule.y);
    cairo_line_to(cr, dx + rule.x + rule.width, dy + rule.y);
    cairo_stroke(cr);
  }
}

}  // namespace

void draw_page(cairo_t* cr, const typeset::PagedDocument& doc, std::size_t index) {
  if (index >= doc.pages.size()) return;
  const typeset::Page& page = doc.pages[index];
  cairo_save(cr);
  paint_furniture(cr, doc, page, 0, 0);
  for (const auto& block : page.blocks)
    for (const auto& run : block.runs) draw_run(cr, doc, run, 0, 0);
  cairo_restore(cr);
}

Rendered render_pdf(const typeset::PagedDocument& doc, const RenderMetadata& meta,
                    const PrintGeometry& geo) {
  Rendered out;
  const double slug = geo.crop_marks ? 24 + geo.bleed : geo.bleed;
  // The outside edge gets the bleed; with crop marks every edge gets the slug.
  auto extra = [&](bool recto, bool left_edge) {
    bool outside = recto ? !left_edge : left_edge;
    if (geo.crop_marks) return slug;
    return outside ? geo.bleed : 0.0;
  };
  double media_w = doc.width + extra(true, true) + extra(true, false);
  double media_h = doc.height + 2 * slug;

  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(append_to_string, &out.pdf, media_w, media_h);
  cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, meta.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, meta.author.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, meta.subject.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, meta.keywords.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, meta.creator.c_str());
  // Cairo 1.16 uses the clock unless a creation date is given (typesetting.md §5).
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, meta.date.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, meta.date.c_str());

  cairo_t* cr = cairo_create(surface);
  cairo_tag_begin(cr, "Document", "");
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    const typeset::Page& page = doc.pages[p];
    cairo_pdf_surface_set_page_label(surface, page.label.c_str());
    double dx = extra(page.recto, true);
    double dy = slug;
    PageBoxes boxes;
    boxes.trim[0] = dx;
    boxes.trim[1] = slug;
    boxes.trim[2] = dx + doc.width;
    boxes.trim[3] = slug + doc.height;
    double bl = geo.bleed > 0 && !page.recto ? geo.bleed : 0;
    double br = geo.bleed > 0 && page.recto ? geo.bleed : 0;
    boxes.bleed[0] = boxes.trim[0] - bl;
    boxes.bleed[1] = boxes.trim[1] - geo.bleed;
    boxes.bleed[2] = boxes.trim[2] + br;
    boxes.bleed[3] = boxes.trim[3] + geo.bleed;
    out.boxes.push_back(boxes);

    // Furniture first and untagged: the post-pass marks it as /Artifact.
    paint_furniture(cr, doc, page, dx, dy);
    if (geo.crop_marks) crop_marks(cr, dx, dy, doc.width, doc.height, geo.bleed, slug);

    std::string open_group;
    for (const auto& block : page.blocks) {
      if (block.group != open_group) {
        if (!open_group.empty()) cairo_tag_end(cr, open_group.c_str());
        if (!block.group.empty()) cairo_tag_begin(cr, block.group.c_str(), "");
        open_group = block.group;
      }
      cairo_tag_begin(cr, block.tag.c_str(), "");
      if (!block.dest.empty()) {
        double y = block.runs.empty() ? 0 : block.runs.front().y - 24;
        std::string attrs =
            "name=" + quoted(block.dest) + " x=0 y=" + std::to_string(std::max(0.0, dy + y));
        cairo_tag_begin(cr, CAIRO_TAG_DEST, attrs.c_str());
        cairo_tag_end(cr, CAIRO_TAG_DEST);
      }
      for (const auto& run : block.runs) draw_run(cr, doc, run, dx, dy);
      cairo_tag_end(cr, block.tag.c_str());
    }
    if (!open_group.empty()) cairo_tag_end(cr, open_group.c_str());
    for (const auto& link : page.links) {
      std::string attrs = "dest=" + quoted(link.dest) + " rect=[" + std::to_string(dx + link.x) +
                          " " + std::to_string(dy + link.y) + " " + std::to_string(link.width) +
                          " " + std::to_string(link.height) + "]";
      cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs.c_str());
      cairo_tag_end(cr, CAIRO_TAG_LINK);
    }
    if (p + 1 == doc.pages.size()) cairo_tag_end(cr, "Document");
    cairo_show_page(cr);
  }
  if (doc.pages.empty()) cairo_tag_end(cr, "Document");
  for (const auto& e : doc.outline) {
    std::string attrs = "dest=" + quoted(e.dest);
    cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, e.title.c_str(), attrs.c_str(),
                                  static_cast<cairo_pdf_outline_flags_t>(0));
  }
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) out.error = cairo_status_to_string(status);
  return out;
}

}  // namespace folio::pdf
