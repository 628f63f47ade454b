// nav.xhtml with a doc-toc and hidden landmarks; toc.ncx mirroring the same entries.
#include "epub/navigation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "epub/xhtml_page.hpp"

namespace folio::epub {
namespace {

void toc_list(pugi::xml_node parent, const std::vector<NavPoint>& points) {
  pugi::xml_node ol = append_block(parent, "ol");
  for (const NavPoint& p : points) {
    pugi::xml_node li = append_block(ol, "li");
    pugi::xml_node a = append_inline(li, "a");
    a.append_attribute("href") = p.href.c_str();
    append_text(a, p.label);
    if (!p.children.empty()) toc_list(li, p.children);
  }
  ol.append_child(pugi::node_pcdata).set_value("\n");
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

}  // namespace

std::string nav_document(const BookInfo& book, const std::vector<NavPoint>& toc,
                         const std::vector<Landmark>& landmarks, std::string_view stylesheet_href,
                         const std::vector<NavPoint>& page_list) {
  const GeneratedLabels& labels = book.labels;
  std::string label_lang(labels_lang_attribute(labels, book.lang));
  XhtmlPage page(labels.contents, book.lang, stylesheet_href);
  pugi::xml_node body = page.body();
  body.append_attribute("epub:type") = "frontmatter";

  pugi::xml_node nav = append_block(body, "nav");
  nav.append_attribute("epub:type") = "toc";
  nav.append_attribute("role") = "doc-toc";
  nav.append_attribute("id") = "toc";
  nav.append_attribute("aria-labelledby") = "toc-title";
  pugi::xml_node h1 = append_block(nav, "h1");
  h1.append_attribute("id") = "toc-title";
  set_lang(h1, label_lang);
  append_text(h1, labels.contents);
  toc_list(nav, toc);
  nav.append_child(pugi::node_pcdata).set_value("\n");

  pugi::xml_node marks = append_block(body, "nav");
  marks.append_attribute("epub:type") = "landmarks";
  marks.append_attribute("id") = "landmarks";
  marks.append_attribute("aria-labelledby") = "landmarks-title";
  marks.append_attribute("hidden") = "hidden";
  pugi::xml_node h2 = append_block(marks, "h2");
  h2.append_attribute("id") = "landmarks-title";
  set_lang(h2, label_lang);
  append_text(h2, labels.landmarks);
  pugi::xml_node ol = append_block(marks, "ol");
  for (const Landmark& m : landmarks) {
    pugi::xml_node a = append_inline(append_block(ol, "li"), "a");
    a.append_attribute("epub:type") = m.type.c_str();
    a.append_attribute("href") = m.href.c_str();
    append_text(a, m.label);
  }
  ol.append_child(pugi::node_pcdata).set_value("\n");
  marks.append_child(pugi::node_pcdata).set_value("\n");

  if (!page_list.empty()) {
    pugi::xml_node pages = append_block(body, "nav");
    pages.append_attribute("epub:type") = "page-list";
    pages.append_attribute("role") = "doc-pagelist";
    pages.append_attribute("id") = "page-list";
    pages.append_attribute("aria-labelledby") = "page-list-title";
    pages.append_attribute("hidden") = "hidden";
    pugi::xml_node h = append_block(pages, "h2");
    h.append_attribute("id") = "page-list-title";
    set_lang(h, label_lang);
    append_text(h, labels.pages);
    toc_list(pages, page_list);
    pages.append_child(pugi::node_pcdata).set_value("\n");
  }
  body.append_child(pugi::node_pcdata).set_value("\n");
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
