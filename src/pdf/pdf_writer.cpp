// write_pdf: resolve the style, typeset, draw with Cairo, finish with qpdf, write atomically.
#include "pdf/pdf_writer.hpp"

#include <cairo.h>
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <ctime>

#include "pdf/cairo_render.hpp"
#include "pdf/post_pass.hpp"
#include "pdf/printer_rules.hpp"
#include "style/style.hpp"
#include "support/atomic_file.hpp"
#include "typeset/book_layout.hpp"

#ifndef FOLIO_STYLES_DIR
#define FOLIO_STYLES_DIR "styles"
#endif
#ifndef FOLIO_VERSION_STRING
#define FOLIO_VERSION_STRING "0.1.0"
#endif

namespace folio::pdf {
namespace {

namespace fs = std::filesystem;

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
long long days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097LL + static_cast<long long>(doe) - 719468;
}

std::string iso8601(long long epoch) {
  std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

// SOURCE_DATE_EPOCH, else the manuscript's YYYY[-MM[-DD]] date, else 0.
long long document_epoch(const model::Document& doc, const PdfOptions& options) {
  if (options.source_date_epoch) return *options.source_date_epoch;
  if (const char* env = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    long long v = std::strtoll(env, &end, 10);
    if (end != env && *end == '\0' && v >= 0) return v;
  }
  int y = 0;
  unsigned m = 1, d = 1;
  if (std::sscanf(doc.metadata.date.value.c_str(), "%d-%u-%u", &y, &m, &d) >= 1 && y > 0 &&
      m >= 1 && m <= 12 && d >= 1 && d <= 31)
    return days_from_civil(y, m, d) * 86400;
  return 0;
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

RenderMetadata render_metadata(const model::Document& doc, const PdfOptions& options) {
  RenderMetadata meta;
  meta.title = doc.metadata.title.value;
  for (const auto& a : doc.metadata.authors)
    meta.author += (meta.author.empty() ? "" : ", ") + a.value;
  meta.subject = doc.metadata.description.value;
  for (const auto& s : doc.metadata.subjects)
    meta.keywords += (meta.keywords.empty() ? "" : "; ") + s.value;
  meta.creator = fmt::format("{} {}", options.creator, FOLIO_VERSION_STRING);
  meta.date = iso8601(document_epoch(doc, options));
  return meta;
}

// typeset_for_print, and with `drawer` the PDF drawn while the pages are set: the drawer is
// made once the style gives the page size, and left in *drawer.
std::optional<typeset::PagedDocument> typeset(const model::Document& doc, const PdfOptions& options,
                                              support::Diagnostics& diags,
                                              std::unique_ptr<PdfPageDrawer>* drawer) {
  support::SourcePos out_pos{options.output.filename().string(), 0, 0};
  // The style: the option, else book.yaml's `style:`, else classic.
  std::string name = !options.style.empty()        ? options.style
                     : !doc.metadata.style.empty() ? doc.metadata.style.value
                                                   : "classic";
  std::vector<fs::path> dirs{doc.base_dir / "styles"};
  for (const auto& d : options.style_dirs) dirs.push_back(d);
  dirs.push_back(FOLIO_STYLES_DIR);
  // A path in book.yaml is the manuscript's; a --style path is the command line's (cwd).
  std::string refused;
  auto path = style::find_style(name, dirs, options.style.empty() ? doc.base_dir : fs::path(),
                                doc.base_dir, &refused);
  if (!path) {
    support::SourcePos where = doc.metadata.style.empty() ? out_pos : doc.metadata.style.source;
    if (!refused.empty())
      diags.error("style-outside-folder", where, fmt::format("style '{}': {}", name, refused));
    else
      diags.error("style-not-found", where,
                  fmt::format("no style named '{}' (looked in the manuscript's styles/ and {})",
                              name, FOLIO_STYLES_DIR));
    return std::nullopt;
  }
  auto st = style::load_style(*path, diags);
  if (!st) return std::nullopt;

  typeset::LayoutOptions lo;
  lo.front_matter = options.front_matter;
  lo.creator = options.creator;
  lo.threads = static_cast<int>(options.threads);
  lo.glyphs = !options.page_map_only;
  if (drawer && lo.glyphs) {
    *drawer = std::make_unique<PdfPageDrawer>(
        st->page.width, st->page.height, render_metadata(doc, options),
        PrintGeometry{options.bleed, options.crop_marks}, options.threads != 1);
    (*drawer)->release_glyphs_when_drawn(options.release_drawn_glyphs);
    lo.sink = drawer->get();
  }
  typeset::PagedDocument paged = typeset::layout_book(doc, *st, lo, diags);
  check_printer_rules(st->page, paged.pages.size(), options.bleed > 0, {path->string(), 0, 0},
                      diags);
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
  RenderMetadata meta = render_metadata(doc, options);
  Rendered r = drawn ? drawn->finish(paged)
                     : render_pdf(paged, meta, PrintGeometry{options.bleed, options.crop_marks});
  if (!r.error.empty()) {
    diags.error("pdf-cairo", out_pos, "Cairo could not write the PDF: " + r.error);
    return false;
  }

  PostPassInput in;
  in.pdf = std::move(r.pdf);
  in.boxes = std::move(r.boxes);
  in.order = std::move(r.order);
  in.span_langs = std::move(r.span_langs);
  for (const auto& p : paged.pages) in.labels.push_back(p.label);
  in.lang = doc.metadata.lang.value;
  in.producer = fmt::format("{} {} (Pango, cairo {}, qpdf)", options.creator, FOLIO_VERSION_STRING,
                            cairo_version_string());
  in.xmp = xmp_packet(meta, in.lang, in.producer);
  in.threads = options.threads;
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
