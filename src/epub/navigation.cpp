// nav.xhtml with a doc-toc and hidden landmarks; toc.ncx mirroring the same entries.
#include "epub/navigation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "epub/xhtml_page.hpp"

namespace folio::epub {
namespace {

// Closes a block element's content with a line break, so the markup reads one item a line.
void end_block(pugi::xml_node node) {
  node.append_child(pugi::node_pcdata).set_value("\n");
}

void toc_list(pugi::xml_node parent, const std::vector<NavPoint>& points) {
  pugi::xml_node ol = append_block(parent, "ol");
  for (const NavPoint& p : points) {
    pugi::xml_node li = append_block(ol, "li");
    pugi::xml_node a = append_inline(li, "a");
    a.append_attribute("href") = p.href.c_str();
    append_text(a, p.label);
    if (!p.children.empty()) toc_list(li, p.children);
  }
  end_block(ol);
}

int depth_of(const std::vector<NavPoint>& points) {
  int d = 0;
  for (const auto& p : points) d = std::max(d, 1 + depth_of(p.children));
  return d;
}

void ncx_points(pugi::xml_node parent, const std::vector<NavPoint>& points, int& order) {
  for (const NavPoint& p : points) {
    ++order;
    pugi::xml_node np = parent.append_child("navPoint");
    np.append_attribute("id") = fmt::format("navpoint-{}", order).c_str();
    np.append_attribute("playOrder") = order;
    np.append_child("navLabel").append_child("text").text().set(p.label.c_str());
    np.append_child("content").append_attribute("src") = p.href.c_str();
    ncx_points(np, p.children, order);
  }
}

// A <nav> of the navigation document with its heading: `type` is its epub:type, `role` its
// ARIA role (none for landmarks), the heading's id is "<id>-title". Content goes after it.
struct NavSpec {
  const char* type;
  const char* role;
  const char* id;
  const char* heading;  // h1 for the table of contents, h2 for the others
  std::string_view title;
  bool hidden;
};

pugi::xml_node append_nav(pugi::xml_node body, const NavSpec& spec, const std::string& lang) {
  std::string title_id = std::string(spec.id) + "-title";
  pugi::xml_node nav = append_block(body, "nav");
  nav.append_attribute("epub:type") = spec.type;
  if (spec.role) nav.append_attribute("role") = spec.role;
  nav.append_attribute("id") = spec.id;
  nav.append_attribute("aria-labelledby") = title_id.c_str();
  if (spec.hidden) nav.append_attribute("hidden") = "hidden";
  pugi::xml_node h = append_block(nav, spec.heading);
  h.append_attribute("id") = title_id.c_str();
  set_lang(h, lang);
  append_text(h, spec.title);
  return nav;
}

}  // namespace

std::string nav_document(const BookInfo& book, const std::vector<NavPoint>& toc,
                         const std::vector<Landmark>& landmarks, std::string_view stylesheet_href,
                         const std::vector<NavPoint>& page_list) {
  const GeneratedLabels& labels = book.labels;
  std::string label_lang(labels_lang_attribute(labels, book.lang));
  XhtmlPage page(labels.contents, book.lang, stylesheet_href);
  pugi::xml_node body = page.body();
  body.append_attribute("epub:type") = "frontmatter";

  pugi::xml_node nav =
      append_nav(body, {"toc", "doc-toc", "toc", "h1", labels.contents, false}, label_lang);
  toc_list(nav, toc);
  end_block(nav);

  pugi::xml_node marks = append_nav(
      body, {"landmarks", nullptr, "landmarks", "h2", labels.landmarks, true}, label_lang);
  pugi::xml_node ol = append_block(marks, "ol");
  for (const Landmark& m : landmarks) {
    pugi::xml_node a = append_inline(append_block(ol, "li"), "a");
    a.append_attribute("epub:type") = m.type.c_str();
    a.append_attribute("href") = m.href.c_str();
    append_text(a, m.label);
  }
  end_block(ol);
  end_block(marks);

  if (!page_list.empty()) {
    pugi::xml_node pages = append_nav(
        body, {"page-list", "doc-pagelist", "page-list", "h2", labels.pages, true}, label_lang);
    toc_list(pages, page_list);
    end_block(pages);
  }
  end_block(body);
  return page.str();
}

std::string ncx_document(const BookInfo& book, const std::vector<NavPoint>& toc,
                         const std::vector<NavPoint>& page_list) {
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node ncx = doc.append_child("ncx");
  ncx.append_attribute("xmlns") = "http://www.daisy.org/z3986/2005/ncx/";
  ncx.append_attribute("version") = "2005-1";
  ncx.append_attribute("xml:lang") = book.lang.c_str();
  pugi::xml_node head = ncx.append_child("head");
  auto meta = [&](const char* name, const std::string& content) {
    pugi::xml_node m = head.append_child("meta");
    m.append_attribute("name") = name;
    m.append_attribute("content") = content.c_str();
  };
  meta("dtb:uid", book.identifier.value);
  meta("dtb:depth", std::to_string(std::max(1, depth_of(toc))));
  // Only arabic folios have a numeric value; the front matter's roman ones are "front" pages.
  auto number_of = [](const std::string& label) {
    bool digits =
        !label.empty() && label.size() < 9 &&
        std::all_of(label.begin(), label.end(), [](char c) { return c >= '0' && c <= '9'; });
    return digits ? std::stoi(label) : 0;
  };
  int max_page = 0;
  for (const NavPoint& p : page_list) max_page = std::max(max_page, number_of(p.label));
  // The print edition numbers its body pages 1 to the last, blank ones included.
  meta("dtb:totalPageCount", std::to_string(max_page));
  meta("dtb:maxPageNumber", std::to_string(max_page));
  ncx.append_child("docTitle").append_child("text").text().set(book.meta.title.value.c_str());
  for (const auto& a : book.meta.authors)
    ncx.append_child("docAuthor").append_child("text").text().set(a.value.c_str());
  pugi::xml_node map = ncx.append_child("navMap");
  int order = 0;
  ncx_points(map, toc, order);
  if (!page_list.empty()) {
    pugi::xml_node pages = ncx.append_child("pageList");
    pages.append_child("navLabel")
        .append_child("text")
        .text()
        .set(std::string(book.labels.pages).c_str());
    for (std::size_t k = 0; k < page_list.size(); ++k) {
      const NavPoint& p = page_list[k];
      pugi::xml_node target = pages.append_child("pageTarget");
      target.append_attribute("id") = fmt::format("pagetarget-{}", k + 1).c_str();
      int n = number_of(p.label);
      target.append_attribute("type") = n ? "normal" : "front";
      if (n) target.append_attribute("value") = n;
      target.append_attribute("playOrder") = ++order;
      target.append_child("navLabel").append_child("text").text().set(p.label.c_str());
      target.append_child("content").append_attribute("src") = p.href.c_str();
    }
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

}  // namespace folio::epub
