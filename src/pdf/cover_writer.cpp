// The cover file: the wrap's content gathered from the model and the style, drawn and written.
#include "pdf/cover_writer.hpp"

#include <fmt/format.h>

#include "cover/cover_fonts.hpp"
#include "facts/build_time.hpp"
#include "pdf/cover_wrap.hpp"
#include "style/style.hpp"
#include "support/atomic_file.hpp"

namespace folio::pdf {
namespace {

// book.yaml's description as plain text: some carry HTML (a store's long description), whose
// paragraphs become line breaks and whose other tags and entities are dropped or decoded.
std::string plain_description(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '<') {
      std::size_t end = s.find('>', i);
      if (end == std::string_view::npos) break;
      std::string_view tag = s.substr(i, end - i + 1);
      if ((tag == "</p>" || tag.starts_with("<br")) && !out.empty() && out.back() != '\n')
        out += '\n';
      i = end + 1;
      continue;
    }
    if (s[i] == '&') {
      static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
          {"&amp;", "&"},   {"&lt;", "<"},   {"&gt;", ">"},
          {"&quot;", "\""}, {"&apos;", "'"}, {"&#39;", "'"}};
      bool decoded = false;
      for (auto [name, text] : kEntities)
        if (s.substr(i).starts_with(name)) {
          out += text;
          i += name.size();
          decoded = true;
          break;
        }
      if (decoded) continue;
    }
    out += s[i++];
  }
  // Each paragraph on one line, its spaces single, none at its ends.
  std::string text;
  bool space = false;
  for (char c : out) {
    if (c == '\n') {
      if (!text.empty() && text.back() != '\n') text += '\n';
      space = false;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      space = !text.empty() && text.back() != '\n';
    } else {
      if (space) text += ' ';
      space = false;
      text += c;
    }
  }
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace

bool write_cover(const model::Document& doc, const typeset::PagedDocument& paged,
                 const CoverOptions& options, support::Diagnostics& diags) {
  const facts::EditionFacts& shared = *options.facts;
  support::SourcePos out_pos{options.output.filename().string(), 0, 0};
  if (!shared.style.path) return false;  // the interior reported it
  support::Diagnostics style_diags;
  auto st = style::load_style(*shared.style.path, style_diags);
  if (!st) return false;  // the interior reported it

  const style::PrintProfile& profile = style::print_profile(options.printer);
  std::size_t pages = paged.pages.size();
  if (pages < profile.min_pages)
    diags.warning("cover-few-pages", out_pos,
                  fmt::format("{} prints paperbacks of at least {} pages; this book has {}",
                              profile.name, profile.min_pages, pages));
  CoverGeometry geometry = cover_geometry(profile, options.paper, pages, paged.width, paged.height);
  if (!geometry.spine_text)
    diags.report(
        {support::Severity::note,
         "cover-spine-text",
         fmt::format("the spine is {:.3f} in wide ({} pages): {} sets spine text from {} "
                     "pages, so the spine is left blank",
                     geometry.spine / 72.0, pages, profile.name, profile.spine_text_min_pages),
         out_pos,
         {},
         {}});

  CoverContent content;
  content.text = cover::text_of(doc.metadata, shared.lang);
  content.fonts = cover::fonts_of(*st);
  content.description = plain_description(doc.metadata.description.value);
  content.body_family = st->body.family;
  if (!doc.metadata.cover_image.empty()) {
    std::filesystem::path image = doc.base_dir / doc.metadata.cover_image.value;
    // A PNG or a JPEG: the manuscript's checks refuse any other cover (image-format).
    content.front_image = image;
  }

  std::string error, bytes;
  if (options.proof) {
    bytes = cover_proof_png(geometry, content, options.proof_dpi, error);
  } else {
    CoverPdfOptions po;
    po.crop_marks = options.crop_marks;
    po.date = facts::pdf_date(shared.build_time);
    po.title = doc.metadata.title.value;
    // The printer's colours, as its interior's: KDP flat, IngramSpark PDF/X-1a in CMYK.
    if (profile.pdf_x1a) {
      po.colour = PrintColour::cmyk;
      std::string why;
      po.pdfx = read_output_intent(options.output_intent_profile, why);
      if (!po.pdfx) {
        diags.error("pdf-output-intent", out_pos,
                    fmt::format("the PDF/X-1a cover needs an ICC output profile for its output "
                                "intent, and {} {}",
                                options.output_intent_profile.string(), why));
        return false;
      }
    } else if (options.printer != style::Printer::screen) {
      po.colour = PrintColour::flat;
    }
    bytes = cover_pdf(geometry, content, po, error);
  }
  if (bytes.empty()) {
    diags.error("cover-write", out_pos, fmt::format("the cover could not be drawn: {}", error));
    return false;
  }
  std::string werr = options.staged ? support::stage_file(options.output, bytes, *options.staged)
                                    : support::write_file_atomically(options.output, bytes);
  if (!werr.empty()) {
    diags.error("cover-write", out_pos, werr);
    return false;
  }
  return true;
}

}  // namespace folio::pdf
