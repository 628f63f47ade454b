// The EPUB recipe: identify, time, gather images and cover, render pages, package, zip, write.
#include "epub/epub_writer.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <future>
#include <memory>
#include <unordered_map>

#include "epub/accessibility.hpp"
#include "epub/book_style.hpp"
#include "epub/content_document.hpp"
#include "epub/cover.hpp"
#include "epub/font_embedding.hpp"
#include "epub/front_matter.hpp"
#include "epub/image_file.hpp"
#include "epub/navigation.hpp"
#include "epub/package_document.hpp"
#include "epub/semantics.hpp"
#include "epub/stylesheet.hpp"
#include "epub/table_writer.hpp"
#include "epub/zip_writer.hpp"
#include "facts/build_time.hpp"
#include "support/atomic_file.hpp"
#include "support/threads.hpp"

namespace folio::epub {
namespace {

constexpr const char* kXhtml = "application/xhtml+xml";
constexpr const char* kPackageFolder = "EPUB/";
constexpr const char* kStylesheet = "css/book.css";
constexpr const char* kStylesheetFromText = "../css/book.css";

constexpr const char* kContainerXml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
    "  <rootfiles>\n"
    "    <rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>\n"
    "  </rootfiles>\n"
    "</container>\n";

// Lower-case letters, digits and dashes: safe in file names and manifest ids alike.
std::string file_stem(std::string_view s) {
  std::string out;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out += c;
    else if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c - 'A' + 'a');
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "section" : out.substr(0, 40);
}

// The generated cover, drawn on a thread of its own while the content documents are built
// (encoding a 1600 × 2560 PNG is most of an EPUB's work); nothing to draw when one is given.
// The drawing has its own Pango font map and Cairo surface and reads only `text` and `fonts`.
struct CoverJob {
  std::string error;  // before `png`: the future's destructor waits for the thread writing it
  std::future<std::optional<std::string>> png;
};

std::unique_ptr<CoverJob> start_cover(const model::Document& doc, const BookInfo& book,
                                      const CoverFonts& fonts, unsigned threads) {
  if (!doc.metadata.cover_image.empty()) return nullptr;
  auto job = std::make_unique<CoverJob>();
  CoverText text = cover::text_of(doc.metadata, book.lang);
  job->png =
      support::async_or_deferred(threads != 1, [text = std::move(text), fonts, j = job.get()] {
        return render_cover_png(text, fonts, j->error);
      });
  return job;
}

// The cover the manuscript names, read into `cover`; false after reporting an error.
bool read_given_cover(const model::Document& doc, ManifestItem& cover,
                      support::Diagnostics& diags) {
  const model::MetaString& given = doc.metadata.cover_image;
  auto img = read_image(doc.base_dir, given.value, given.source, "cover image", diags);
  if (!img) return false;
  cover = {"cover-image",   fmt::format("images/cover{}", extension_of(img->media_type)),
           img->media_type, "cover-image",
           false,           std::move(img->bytes)};
  return true;
}

// The drawn cover, waited for, into `cover`; false after reporting an error.
bool finish_cover(CoverJob& job, ManifestItem& cover, support::Diagnostics& diags) {
  auto png = job.png.get();
  if (!png) {
    diags.error("epub-cover-render", {}, "cannot draw the cover: " + job.error);
    return false;
  }
  cover = {"cover-image", "images/cover.png", "image/png", "cover-image", false, std::move(*png)};
  return true;
}

// The images the text shows, read and named; false after reporting an error.
bool read_images(const model::Document& doc, ContentLinks& links, std::vector<ManifestItem>& images,
                 support::Diagnostics& diags) {
  bool ok = true;
  int n = 0;
  for (const ImageUse& use : images_in(doc)) {
    auto img = read_image(doc.base_dir, use.target, use.source, "image", diags);
    if (!img) {
      ok = false;
      continue;
    }
    ++n;
    std::string stem = file_stem(std::filesystem::path(use.target).stem().string());
    std::string href = fmt::format("images/{:03}-{}{}", n, stem, extension_of(img->media_type));
    links.image_href[use.target] = "../" + href;
    images.push_back(
        {fmt::format("img-{:03}", n), href, img->media_type, "", false, std::move(img->bytes)});
  }
  return ok;
}

std::vector<NavPoint> table_of_contents(const std::vector<ContentDocument>& pages,
                                        const model::Document& doc) {
  std::vector<NavPoint> toc;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const ContentDocument& page = pages[i];
    if (!doc.sections[i].heading) continue;  // text before the first heading has no title
    NavPoint p{page.title, "text/" + page.file, {}};
    for (const TocHeading& h : page.headings)
      if (h.level == 2 && !h.label.empty())
        p.children.push_back({h.label, "text/" + page.file + "#" + h.id, {}});
    toc.push_back(std::move(p));
  }
  return toc;
}

// `deflated`: items (by href) compressed beforehand, as ZipWriter would.
std::optional<std::string> zip_publication(const std::vector<ManifestItem>& items,
                                           std::unordered_map<std::string, DeflatedEntry>& deflated,
                                           const std::string& opf, std::int64_t time,
                                           support::Diagnostics& diags,
                                           const std::filesystem::path& output) {
  ZipWriter zip(dos_time(time));
  // mimetype first and stored: reading systems identify an EPUB by these bytes at offset 30.
  zip.add("mimetype", "application/epub+zip", true);
  zip.add("META-INF/container.xml", kContainerXml, false);
  zip.add(std::string(kPackageFolder) + "package.opf", opf, false);
  for (const ManifestItem& item : items) {
    auto done = deflated.find(item.href);
    if (done != deflated.end())
      zip.add(kPackageFolder + item.href, std::move(done->second));
    else
      zip.add(kPackageFolder + item.href, item.bytes,
              item.media_type.starts_with("image/") && item.media_type != "image/svg+xml");
  }
  auto bytes = zip.finish();
  if (!bytes) diags.error("epub-zip", {output.filename().string(), 0, 0}, zip.error());
  return bytes;
}

}  // namespace

bool write_epub(const model::Document& doc, const EpubOptions& options,
                support::Diagnostics& diags) {
  const model::Metadata& meta = doc.metadata;
  std::size_t errors_before = diags.count(support::Severity::error);

  std::optional<facts::EditionFacts> own_facts;
  if (!options.facts) {
    own_facts = facts::edition_facts(
        doc, {options.source_date_epoch, options.style, options.style_dirs}, diags);
    if (!own_facts) return false;
  }
  const facts::EditionFacts& shared = options.facts ? *options.facts : *own_facts;
  const std::int64_t time = shared.build_time;
  const std::string& lang = shared.lang;
  BookInfo book{meta,           shared.identifier, lang, facts::w3c_datetime(time),
                *shared.labels, shared.copyright};

  // Content documents are named by position and role: stable from build to build.
  std::vector<std::string> files;
  for (std::size_t i = 0; i < doc.sections.size(); ++i)
    files.push_back(fmt::format("{:03}-{}.xhtml", i + 1, file_stem(doc.sections[i].role)));
  ContentLinks links = index_links(doc, files);

  style::Style design = book_style(shared.style, diags);
  EmbeddedFonts fonts;
  if (design.epub.embed_fonts) {
    auto embedded = embed_fonts(doc, design, diags);
    if (!embedded) return false;
    fonts = std::move(*embedded);
  }
  // The generated cover is drawn while the content documents are built; its outcome is
  // taken after them, always at that point, so the diagnostics keep one order.
  std::unique_ptr<CoverJob> drawn = start_cover(doc, book, cover_fonts_of(design), options.threads);
  ManifestItem cover;
  if (!drawn && !read_given_cover(doc, cover, diags)) return false;
  std::vector<ManifestItem> images;
  if (!read_images(doc, links, images, diags)) return false;

  model::PageMap late_page_map;
  if (options.page_map_source) late_page_map = options.page_map_source();
  const model::PageMap& page_map = options.page_map_source ? late_page_map : options.page_map;
  std::vector<ContentDocument> pages;
  for (std::size_t i = 0; i < doc.sections.size(); ++i) {
    SectionContext ctx{meta.title.value, lang, kStylesheetFromText, book.labels, links};
    for (const model::PageStart& start : page_map)
      if (start.section == static_cast<int>(i)) ctx.page_starts.push_back(start);
    pages.push_back(render_section(doc.sections[i], files[i], ctx, diags));
  }
  // The content documents are most of the zip's work: they are compressed now, while the
  // cover is still being drawn (zlib alone; the same bytes as libzip would write).
  std::unordered_map<std::string, DeflatedEntry> deflated;
  if (drawn)
    for (const ContentDocument& page : pages)
      if (auto d = deflate_entry(page.xhtml)) deflated.emplace("text/" + page.file, std::move(*d));
  if (drawn && !finish_cover(*drawn, cover, diags)) return false;

  std::vector<NavPoint> toc = table_of_contents(pages, doc);
  if (toc.empty()) toc.push_back({std::string(book.labels.title_page), "text/titlepage.xhtml", {}});

  std::vector<Landmark> landmarks{
      {"cover", std::string(book.labels.cover), "text/cover.xhtml"},
      {"titlepage", std::string(book.labels.title_page), "text/titlepage.xhtml"},
      {"toc", std::string(book.labels.contents), "nav.xhtml#toc"},
  };
  if (!pages.empty()) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < doc.sections.size(); ++i)
      if (doc.sections[i].matter == model::Matter::body) {
        start = i;
        break;
      }
    landmarks.push_back({"bodymatter", std::string(book.labels.start), "text/" + files[start]});
  }

  std::vector<NavPoint> page_list;
  for (const ContentDocument& page : pages)
    for (const auto& [label, id] : page.page_breaks)
      page_list.push_back({label, "text/" + page.file + "#" + id, {}});

  // Manifest in reading order; the spine is the in_spine subset in the same order.
  std::vector<ManifestItem> items;
  items.push_back({"cover", "text/cover.xhtml", kXhtml, "", true,
                   cover_page(book, "../" + cover.href, kStylesheetFromText)});
  items.push_back({"titlepage", "text/titlepage.xhtml", kXhtml, "", true,
                   title_page(book, kStylesheetFromText)});
  if (has_imprint(book))
    items.push_back({"imprint", "text/imprint.xhtml", kXhtml, "", true,
                     imprint_page(book, kStylesheetFromText)});
  items.push_back({"nav", "nav.xhtml", kXhtml, "nav", true,
                   nav_document(book, toc, landmarks, kStylesheet, page_list)});
  for (std::size_t i = 0; i < pages.size(); ++i)
    items.push_back({fmt::format("s{:03}", i + 1), "text/" + pages[i].file, kXhtml, "", true,
                     std::move(pages[i].xhtml)});
  items.push_back({"ncx", "toc.ncx", "application/x-dtbncx+xml", "", false,
                   ncx_document(book, toc, page_list)});
  items.push_back(
      {"css", kStylesheet, "text/css", "", false, stylesheet(design, fonts.css, has_tables(doc))});
  for (auto& font : fonts.items) items.push_back(std::move(font));
  items.push_back(std::move(cover));
  for (auto& img : images) items.push_back(std::move(img));

  AccessibilityFacts facts = accessibility_facts(doc);
  facts.has_images = true;  // the cover page shows the cover, with its text alternative
  facts.has_toc = true;
  if (!page_list.empty()) facts.page_break_source = page_break_source(meta);
  std::string opf = package_document(book, items, facts, diags);

  if (diags.count(support::Severity::error) > errors_before) return false;
  auto bytes = zip_publication(items, deflated, opf, time, diags, options.output);
  if (!bytes) return false;
  if (options.may_write && !options.may_write()) return false;
  std::string failure = options.staged
                            ? support::stage_file(options.output, *bytes, *options.staged)
                            : support::write_file_atomically(options.output, *bytes);
  if (!failure.empty()) {
    diags.error("epub-write", {options.output.filename().string(), 0, 0},
                "cannot write " + options.output.string() + ": " + failure);
    return false;
  }
  return true;
}

}  // namespace folio::epub
