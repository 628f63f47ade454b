// write_pdf: resolve the style, typeset, draw with Cairo, finish with qpdf, write atomically.
#include "pdf/pdf_writer.hpp"

#include <cairo.h>
#include <fmt/format.h>

#include <fstream>
#include <iterator>

#include "facts/build_time.hpp"
#include "pdf/cairo_render.hpp"
#include "pdf/post_pass.hpp"
#include "pdf/print_preflight.hpp"
#include "pdf/printer_rules.hpp"
#include "style/style.hpp"
#include "support/atomic_file.hpp"
#include "typeset/book_layout.hpp"

#ifndef FOLIO_VERSION_STRING
#define FOLIO_VERSION_STRING "0.1.0"
#endif

namespace folio::pdf {
namespace {

namespace fs = std::filesystem;

// The folders a style was looked up in, for a message: "a, b", or "no folder of folio's own".
std::string folders(const std::vector<fs::path>& dirs) {
  std::string out;
  for (const fs::path& d : dirs) out += (out.empty() ? "" : ", ") + d.string();
  return out.empty() ? "no folder of folio's own" : out;
}

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string xmp_packet(const RenderMetadata& m, const std::string& lang,
                       const std::string& producer) {
  std::string lang_attr = lang.empty() ? "x-default" : lang;
  return fmt::format(
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
      "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
      "<dc:format>application/pdf</dc:format>\n"
      "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>\n"
      "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n"
      "<dc:description><rdf:Alt><rdf:li "
      "xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:description>\n"
      "<dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\n"
      "<xmp:CreateDate>{}</xmp:CreateDate>\n<xmp:ModifyDate>{}</xmp:ModifyDate>\n"
      "<xmp:CreatorTool>{}</xmp:CreatorTool>\n<pdf:Producer>{}</pdf:Producer>\n"
      "<pdf:Keywords>{}</pdf:Keywords>\n"
      "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n",
      xml_escape(m.title), xml_escape(m.author), xml_escape(m.subject), xml_escape(lang_attr),
      m.date, m.date, xml_escape(m.creator), xml_escape(producer), xml_escape(m.keywords));
}

RenderMetadata render_metadata(const model::Document& doc, const PdfOptions& options,
                               const facts::EditionFacts& shared) {
  RenderMetadata meta;
  meta.title = doc.metadata.title.value;
  for (const auto& a : doc.metadata.authors)
    meta.author += (meta.author.empty() ? "" : ", ") + a.value;
  meta.subject = doc.metadata.description.value;
  for (const auto& s : doc.metadata.subjects)
    meta.keywords += (meta.keywords.empty() ? "" : "; ") + s.value;
  meta.creator = fmt::format("{} {}", options.creator, FOLIO_VERSION_STRING);
  meta.date = facts::w3c_datetime(shared.build_time);
  return meta;
}

// Without the options' facts, the writer's own, decided as `folio build` decides them.
std::optional<facts::EditionFacts> own_facts(const model::Document& doc, const PdfOptions& options,
                                             support::Diagnostics& diags) {
  if (options.facts) return std::nullopt;
  return facts::edition_facts(doc, {options.source_date_epoch, options.style, options.style_dirs},
                              diags);
}

// typeset_for_print, and with `drawer` the PDF drawn while the pages are set: the drawer is
// made once the style gives the page size, and left in *drawer.

std::optional<typeset::PagedDocument> typeset(const model::Document& doc, const PdfOptions& options,
                                              support::Diagnostics& diags,
                                              std::unique_ptr<PdfPageDrawer>* drawer) {
  support::SourcePos out_pos{options.output.filename().string(), 0, 0};
  std::optional<facts::EditionFacts> own = own_facts(doc, options, diags);
  if (!options.facts && !own) return std::nullopt;
  const facts::EditionFacts& shared = options.facts ? *options.facts : *own;
  // The style: the option, else book.yaml's `style:`, else classic (chosen with the facts).
  const std::string& name = shared.style.name;
  const std::string& refused = shared.style.refused;
  const auto& path = shared.style.path;
  if (!path) {
    support::SourcePos where = shared.style.from_book_yaml ? shared.style.where : out_pos;
    if (!refused.empty())
      diags.error("style-outside-folder", where, fmt::format("style '{}': {}", name, refused));
    else
      diags.error("style-not-found", where,
                  fmt::format("no style named '{}' (looked in the manuscript's styles/ and {})",
                              name, folders(shared.style.dirs)));
    return std::nullopt;
  }
  auto st = style::load_style(*path, diags);
  if (!st) return std::nullopt;

  typeset::LayoutOptions lo;
  lo.front_matter = options.front_matter;
  lo.facts = &shared;
  lo.creator = options.creator;
  lo.threads = static_cast<int>(options.threads);
  lo.glyphs = !options.page_map_only;
  if (drawer && lo.glyphs) {
    *drawer = std::make_unique<PdfPageDrawer>(
        st->page.width, st->page.height, render_metadata(doc, options, shared),
        PrintGeometry{options.bleed, options.crop_marks, options.navigation}, options.threads != 1);
    (*drawer)->release_glyphs_when_drawn(options.release_drawn_glyphs);
    lo.sink = drawer->get();
  }
  typeset::PagedDocument paged = typeset::layout_book(doc, *st, lo, diags);
  check_printer_rules(st->page, paged.pages.size(), options.bleed > 0, {path->string(), 0, 0},
                      diags);
  check_print_preflight(doc, paged, options.printer, diags);
  if (diags.has_errors()) {
    if (drawer && *drawer) (*drawer)->abandon();  // before the pages it was given go
    return std::nullopt;
  }
  return paged;
}

}  // namespace

std::optional<typeset::PagedDocument> typeset_for_print(const model::Document& doc,
                                                        const PdfOptions& options,
                                                        support::Diagnostics& diags) {
  return typeset(doc, options, diags, nullptr);
}

std::optional<TypesetPdf> typeset_and_draw(const model::Document& doc, const PdfOptions& options,
                                           support::Diagnostics& diags) {
  std::unique_ptr<PdfPageDrawer> drawer;
  std::optional<typeset::PagedDocument> paged = typeset(doc, options, diags, &drawer);
  if (!paged) return std::nullopt;
  // Moving the pages (a deque) keeps each at its address, which the drawer holds.
  return TypesetPdf{std::move(*paged), std::move(drawer)};
}

bool write_pdf(const model::Document& doc, const PdfOptions& options, support::Diagnostics& diags) {
  std::optional<typeset::PagedDocument> set = typeset_for_print(doc, options, diags);
  return set && write_typeset_pdf(doc, *set, options, diags);
}

bool write_typeset_pdf(const model::Document& doc, const typeset::PagedDocument& paged,
                       const PdfOptions& options, support::Diagnostics& diags,
                       PdfPageDrawer* drawn) {
  support::SourcePos out_pos{options.output.filename().string(), 0, 0};
  std::optional<facts::EditionFacts> own = own_facts(doc, options, diags);
  if (!options.facts && !own) return false;
  const facts::EditionFacts& shared = options.facts ? *options.facts : *own;
  RenderMetadata meta = render_metadata(doc, options, shared);
  Rendered r =
      drawn ? drawn->finish(paged)
            : render_pdf(paged, meta,
                         PrintGeometry{options.bleed, options.crop_marks, options.navigation});
  if (!r.error.empty()) {
    diags.error("pdf-cairo", out_pos, "Cairo could not write the PDF: " + r.error);
    return false;
  }
  for (const auto& [where, why] : r.picture_errors)
    diags.error("pdf-figure-unreadable", where, "a figure's picture cannot be drawn: " + why);
  if (!r.picture_errors.empty()) return false;

  PostPassInput in;
  in.pdf = std::move(r.pdf);
  in.boxes = std::move(r.boxes);
  in.order = std::move(r.order);
  in.span_langs = std::move(r.span_langs);
  in.figure_alts = std::move(r.figure_alts);
  for (const auto& p : paged.pages) in.labels.push_back(p.label);
  in.lang = doc.metadata.lang.value;
  in.date = facts::pdf_date(shared.build_time);
  in.producer = fmt::format("{} {} (Pango, cairo {}, qpdf)", options.creator, FOLIO_VERSION_STRING,
                            cairo_version_string());
  in.xmp = xmp_packet(meta, in.lang, in.producer);
  in.outline = options.navigation;
  in.threads = options.threads;
  const style::PrintProfile& printer = style::print_profile(options.printer);
  if (printer.pdf_x1a) {
    in.colour = PrintColour::grey;
    std::string why;
    in.pdfx = read_output_intent(options.output_intent_profile, why);
    if (!in.pdfx) {
      diags.report({support::Severity::error,
                    "pdf-output-intent",
                    fmt::format("PDF/X-1a needs an ICC output profile for its output intent, and "
                                "{} {}",
                                options.output_intent_profile.string(), why),
                    out_pos,
                    {},
                    "install Debian's libgs-common (scripts/deps.sh), which has it"});
      return false;
    }
  } else if (options.printer != style::Printer::screen) {
    in.colour = PrintColour::flat;
  }
  std::string error;
  std::string bytes = post_process(in, error);
  if (bytes.empty()) {
    diags.error("pdf-postpass", out_pos, "the qpdf post-pass failed: " + error);
    return false;
  }
  std::string werr = options.staged ? support::stage_file(options.output, bytes, *options.staged)
                                    : support::write_file_atomically(options.output, bytes);
  if (!werr.empty()) {
    diags.error("pdf-write", out_pos, werr);
    return false;
  }
  return true;
}

}  // namespace folio::pdf
