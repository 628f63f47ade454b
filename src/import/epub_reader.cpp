// Reads an EPUB's container, package document and spine, then converts each content
// document (xhtml_converter.cpp) with the book's notes and images at hand.
#include "import/epub_reader.hpp"

#include <fmt/format.h>

#include <memory>
#include <set>

#include "import/xhtml_converter.hpp"
#include "model/document.hpp"

namespace folio::import {
namespace {

struct ManifestItem {
  std::string entry;
  std::string media_type;
  std::string properties;
};

support::SourcePos position_in(std::string_view text, std::ptrdiff_t offset,
                               const std::string& entry) {
  int line = 1, col = 1;
  for (std::ptrdiff_t i = 0; i < offset && i < static_cast<std::ptrdiff_t>(text.size()); ++i) {
    if (text[static_cast<std::size_t>(i)] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {entry, line, col};
}

std::string_view local_name(const char* n) {
  std::string_view s = n;
  std::size_t colon = s.find(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

std::string trimmed(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r\n");
  std::string out;
  bool space = false;
  for (char c : s.substr(b, e - b + 1)) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The OPF's <meta refines="#id" property="…"> values, by id and property, in order (SE gives
// its author several roles: aut, dto, ill…).
std::map<std::pair<std::string, std::string>, std::vector<std::string>> refinements(
    pugi::xml_node metadata) {
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> out;
  for (pugi::xml_node m : metadata.children()) {
    if (local_name(m.name()) != "meta") continue;
    std::string_view r = m.attribute("refines").value();
    if (r.starts_with("#"))
      out[{std::string(r.substr(1)), m.attribute("property").value()}].push_back(
          trimmed(m.text().get()));
  }
  return out;
}

void read_metadata(pugi::xml_node metadata, const std::string& opf, std::string_view opf_text,
                   const std::string& unique_id, ImportedBook& book, support::Diagnostics& diags) {
  auto refined = refinements(metadata);
  model::Metadata& meta = book.metadata;
  auto pos = [&](pugi::xml_node n) { return position_in(opf_text, n.offset_debug(), opf); };
  auto value = [&](pugi::xml_node n) { return model::MetaString{trimmed(n.text().get()), pos(n)}; };
  for (pugi::xml_node n : metadata.children()) {
    std::string_view name = local_name(n.name());
    std::string id = n.attribute("id").value();
    auto refine_all = [&](const char* property) {
      auto it = refined.find({id, property});
      return it == refined.end() ? std::vector<std::string>() : it->second;
    };
    auto refine = [&](const char* property) {
      auto all = refine_all(property);
      return all.empty() ? std::string() : all.front();
    };
    if (name == "title") {
      std::string type = refine("title-type");
      if (type == "subtitle" && meta.subtitle.empty())
        meta.subtitle = value(n);
      else if ((type.empty() || type == "main") && meta.title.empty())
        meta.title = value(n);
      else
        book.report.unmapped.push_back(
            {fmt::format("{}:{} dc:title", opf, pos(n).line),
             fmt::format("a {} title '{}': not in book.yaml", type.empty() ? "further" : type,
                         trimmed(n.text().get()))});
    } else if (name == "creator") {
      std::vector<std::string> roles = refine_all("role");
      if (roles.empty() && *n.attribute("opf:role").value())
        roles.push_back(n.attribute("opf:role").value());
      std::string role = roles.empty() ? std::string() : roles.back();
      if (roles.empty() || std::find(roles.begin(), roles.end(), "aut") != roles.end()) {
        meta.authors.push_back(value(n));
        book.report.count("dc:creator → author");
      } else {
        book.report.unmapped.push_back({fmt::format("{}:{} dc:creator", opf, pos(n).line),
                                        fmt::format("'{}' (role {}): book.yaml names authors only",
                                                    trimmed(n.text().get()), role)});
      }
    } else if (name == "contributor") {
      book.report.unmapped.push_back(
          {fmt::format("{}:{} dc:contributor", opf, pos(n).line),
           fmt::format("'{}': book.yaml names authors only", trimmed(n.text().get()))});
    } else if (name == "language") {
      if (meta.lang.empty()) meta.lang = value(n);
    } else if (name == "date") {
      if (!meta.date.empty()) continue;
      std::string d = trimmed(n.text().get());
      // book.yaml's date is ISO 8601's date: a timestamp keeps its day.
      if (d.size() > 10 && d[10] == 'T') d.resize(10);
      meta.date = {d, pos(n)};
    } else if (name == "identifier") {
      if (id == unique_id || (meta.identifier.empty() && unique_id.empty()))
        meta.identifier = value(n);
    } else if (name == "publisher") {
      meta.publisher = value(n);
    } else if (name == "rights") {
      meta.rights = value(n);
    } else if (name == "description") {
      meta.description = value(n);
    } else if (name == "subject") {
      meta.subjects.push_back(value(n));
    }
  }
  if (meta.title.empty())
    diags.warning("import-unmapped", {opf, 0, 0},
                  "the package has no dc:title; book.yaml's title is left empty");
}

support::Code code_of(PackageProblem p) {
  switch (p) {
    case PackageProblem::unsafe:
      return "import-unsafe";
    case PackageProblem::too_large:
      return "import-too-large";
    case PackageProblem::unreadable:
      break;
  }
  return "import-unreadable";
}

}  // namespace

bool parse_xml(pugi::xml_document& doc, std::string_view text, const std::string& entry,
               support::Diagnostics& diags) {
  // parse_default without parse_doctype: the DTD is skipped, and no entity in it is defined.
  pugi::xml_parse_result r = doc.load_buffer(
      text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  if (!r) {
    diags.error("import-xml", position_in(text, r.offset, entry),
                fmt::format("not well-formed XML: {}", r.description()));
    return false;
  }
  return true;
}

bool is_epub(const PackageFiles& pkg) {
  if (pkg.has("META-INF/container.xml")) return true;
  for (const auto& n : pkg.names())
    if (n.ends_with(".opf")) return true;
  return false;
}

std::optional<ImportedBook> read_epub(PackageFiles& pkg, support::Diagnostics& diags) {
  ImportedBook book;
  std::string error;
  // The container names the package document; an unpacked folder may lack it.
  std::string opf;
  if (pkg.has("META-INF/container.xml")) {
    auto text = pkg.read("META-INF/container.xml", error);
    pugi::xml_document c;
    if (!text) {
      diags.error(code_of(pkg.last_problem()), {"META-INF/container.xml", 0, 0}, error);
      return std::nullopt;
    }
    if (!parse_xml(c, *text, "META-INF/container.xml", diags)) return std::nullopt;
    pugi::xml_node root = c.select_node("//*[local-name()='rootfile']").node();
    opf = root.attribute("full-path").value();
  }
  if (opf.empty())
    for (const auto& n : pkg.names())
      if (n.ends_with(".opf")) opf = n;
  if (opf.empty() || !pkg.has(opf)) {
    diags.error("import-unreadable", {"META-INF/container.xml", 0, 0},
                "no package document (.opf): not an EPUB");
    return std::nullopt;
  }
  auto opf_text = pkg.read(opf, error);
  if (!opf_text) {
    diags.error(code_of(pkg.last_problem()), {opf, 0, 0}, error);
    return std::nullopt;
  }
  pugi::xml_document package;
  if (!parse_xml(package, *opf_text, opf, diags)) return std::nullopt;
  pugi::xml_node root = package.document_element();
  std::string version = root.attribute("version").value();
  book.report.source = fmt::format("EPUB {} ({})", version.empty() ? "?" : version, opf);
  pugi::xml_node metadata, manifest, spine;
  for (pugi::xml_node c : root.children()) {
    std::string_view n = local_name(c.name());
    if (n == "metadata") metadata = c;
    if (n == "manifest") manifest = c;
    if (n == "spine") spine = c;
  }
  read_metadata(metadata, opf, *opf_text, root.attribute("unique-identifier").value(), book, diags);

  std::map<std::string, ManifestItem> items;
  std::string cover_entry;
  for (pugi::xml_node i : manifest.children()) {
    if (local_name(i.name()) != "item") continue;
    ManifestItem item{resolve_href(opf, i.attribute("href").value()),
                      i.attribute("media-type").value(), i.attribute("properties").value()};
    if (item.properties.find("cover-image") != std::string::npos) cover_entry = item.entry;
    items[i.attribute("id").value()] = item;
  }
  // EPUB 2 names its cover with <meta name="cover" content="ID">.
  for (pugi::xml_node m : metadata.children())
    if (local_name(m.name()) == "meta" && std::string_view(m.attribute("name").value()) == "cover")
      if (auto it = items.find(m.attribute("content").value()); it != items.end())
        if (cover_entry.empty()) cover_entry = it->second.entry;

  // Images are copied as the text cites them, each under images/ with a name of its own.
  std::map<std::string, std::string> image_names;
  std::set<std::string> taken;
  auto image_name = [&](const std::string& entry) -> std::string {
    if (auto it = image_names.find(entry); it != image_names.end()) return it->second;
    std::string err;
    auto bytes = pkg.read(entry, err);
    if (!bytes) {
      diags.warning("import-image", {entry, 0, 0}, "an image left out: " + err);
      image_names[entry] = "";
      return {};
    }
    std::string base =
        entry.substr(entry.rfind('/') == std::string::npos ? 0 : entry.rfind('/') + 1);
    std::string name = "images/" + base;
    for (int n = 2; taken.count(name); ++n) name = fmt::format("images/{}-{}", n, base);
    taken.insert(name);
    image_names[entry] = name;
    book.images.push_back({name, std::move(*bytes)});
    return name;
  };

  // Every content document of the spine, parsed first: notes may live in another file.
  struct Content {
    std::string entry;
    std::string text;
    std::unique_ptr<pugi::xml_document> doc;
  };
  std::vector<Content> contents;
  for (pugi::xml_node ref : spine.children()) {
    if (local_name(ref.name()) != "itemref") continue;
    auto it = items.find(ref.attribute("idref").value());
    if (it == items.end()) {
      diags.warning("import-unmapped", position_in(*opf_text, ref.offset_debug(), opf),
                    fmt::format("the spine names '{}', which the manifest lacks",
                                ref.attribute("idref").value()));
      continue;
    }
    const ManifestItem& item = it->second;
    if (item.properties.find("nav") != std::string::npos) {
      book.report.count("the navigation document → left out (folio makes its own)");
      continue;
    }
    if (item.media_type != "application/xhtml+xml" && item.media_type != "text/html") {
      book.report.unmapped.push_back(
          {item.entry, fmt::format("a spine item of type {}: left out", item.media_type)});
      continue;
    }
    auto text = pkg.read(item.entry, error);
    if (!text) {
      diags.error(code_of(pkg.last_problem()), {item.entry, 0, 0}, error);
      return std::nullopt;
    }
    auto doc = std::make_unique<pugi::xml_document>();
    if (!parse_xml(*doc, *text, item.entry, diags)) return std::nullopt;
    contents.push_back({item.entry, std::move(*text), std::move(doc)});
  }
  if (contents.empty()) {
    diags.error("import-unreadable", {opf, 0, 0}, "the spine lists no content document");
    return std::nullopt;
  }

  BookContext ctx;
  // Standard Ebooks' colophon and uncopyright are the edition's, not the book's.
  ctx.standard_ebooks = book.metadata.publisher.value == "Standard Ebooks";
  ctx.book_lang = book.metadata.lang.value;
  ctx.report = &book.report;
  ctx.diags = &diags;
  ctx.image_name = image_name;
  for (const Content& c : contents) {
    for (auto x : c.doc->select_nodes("//*[@id and (contains(@epub:type,'note') or "
                                      "@role='doc-footnote' or @role='doc-endnote')]")) {
      pugi::xml_node n = x.node();
      std::string_view type = n.attribute("epub:type").value();
      if (type.find("noteref") != std::string_view::npos) continue;
      std::string key = c.entry + "#" + n.attribute("id").value();
      ctx.notes[key] = n;
      ctx.note_entry[key] = c.entry;
    }
  }
  if (ctx.book_lang.empty())
    ctx.book_lang = contents.front().doc->document_element().attribute("xml:lang").value();

  // book.yaml's cover must be PNG or JPEG: another (SE's SVG) is left for folio to make anew.
  if (!cover_entry.empty() && !cover_entry.ends_with(".png") && !cover_entry.ends_with(".jpg") &&
      !cover_entry.ends_with(".jpeg")) {
    book.report.unmapped.push_back(
        {cover_entry, "a cover that is not PNG or JPEG: left out (folio generates a cover)"});
    cover_entry.clear();
  }
  if (!cover_entry.empty()) {
    std::string name = image_name(cover_entry);
    if (!name.empty()) {
      book.metadata.cover_image = {name, {}};
      book.report.count("the cover image → cover-image");
    }
  }
  // A page holding nothing but the cover image is the cover's page: book.yaml has the image.
  auto is_cover_page = [&](const std::vector<model::Section>& secs) {
    if (secs.size() != 1 || secs[0].heading || secs[0].blocks.size() != 1) return false;
    const model::Block& b = secs[0].blocks[0];
    const auto* f = b.get_if<model::Figure>();
    return f && !f->src.empty() && f->src == book.metadata.cover_image.value;
  };

  std::set<std::string> file_names;
  for (const Content& c : contents) {
    std::vector<model::Section> sections = convert_content_document(*c.doc, c.entry, c.text, ctx);
    // A document with no heading and no text (a page folio makes itself) gives no file.
    std::erase_if(sections, [](const model::Section& s) {
      return !s.heading && s.blocks.empty() && s.footnotes.empty();
    });
    if (sections.empty()) continue;
    if (is_cover_page(sections)) {
      book.report.count("the cover page → left out (folio makes its own from cover-image)");
      continue;
    }
    std::string stem =
        c.entry.substr(c.entry.rfind('/') == std::string::npos ? 0 : c.entry.rfind('/') + 1);
    stem = stem.substr(0, stem.rfind('.'));
    std::string name = stem + ".md";
    for (int n = 2; file_names.count(name); ++n) name = fmt::format("{}-{}.md", stem, n);
    file_names.insert(name);
    book.files.push_back({name, std::move(sections)});
  }
  return book;
}

}  // namespace folio::import
