// The cover, title and copyright pages, built from book.yaml alone.
#include "epub/front_matter.hpp"

#include "epub/xhtml_page.hpp"

namespace folio::epub {
namespace {

pugi::xml_node labelled_section(pugi::xml_node body, const char* epub_type, std::string_view label,
                                std::string_view label_lang) {
  pugi::xml_node sec = append_block(body, "section");
  sec.append_attribute("epub:type") = epub_type;
  sec.append_attribute("class") = epub_type;
  // A label in another language than the page would be read with the wrong voice; then the
  // section is left to its content.
  if (label_lang.empty()) sec.append_attribute("aria-label") = std::string(label).c_str();
  return sec;
}

void paragraph(pugi::xml_node parent, const char* cls, std::string_view text) {
  if (text.empty()) return;
  pugi::xml_node p = append_block(parent, "p");
  p.append_attribute("class") = cls;
  append_text(p, text);
}

void close(pugi::xml_node n) {
  n.append_child(pugi::node_pcdata).set_value("\n");
}

}  // namespace

std::string cover_alt_text(const BookInfo& book) {
  std::string alt = std::string(book.labels.cover) + ": " + book.meta.title.value;
  if (!book.meta.subtitle.empty()) alt += " — " + book.meta.subtitle.value;
  if (!book.meta.authors.empty())
    alt += ", " + std::string(book.labels.cover_alt_by) + " " + authors_line(book.meta);
  return alt;
}

std::string cover_page(const BookInfo& book, std::string_view image_href,
                       std::string_view stylesheet_href) {
  XhtmlPage page(book.labels.cover, book.lang, stylesheet_href);
  pugi::xml_node body = page.body();
  body.append_attribute("class") = "cover-page";
  std::string_view label_lang = labels_lang_attribute(book.labels, book.lang);
  pugi::xml_node sec = append_block(body, "section");
  sec.append_attribute("class") = "cover";
  if (label_lang.empty())
    sec.append_attribute("aria-label") = std::string(book.labels.cover).c_str();
  pugi::xml_node img = append_block(sec, "img");
  img.append_attribute("role") = "doc-cover";
  img.append_attribute("src") = std::string(image_href).c_str();
  img.append_attribute("alt") = cover_alt_text(book).c_str();
  close(sec);
  close(body);
  return page.str();
}

std::string title_page(const BookInfo& book, std::string_view stylesheet_href) {
  XhtmlPage page(book.meta.title.value, book.lang, stylesheet_href);
  pugi::xml_node body = page.body();
  body.append_attribute("epub:type") = "frontmatter";
  pugi::xml_node sec = labelled_section(body, "titlepage", book.labels.title_page,
                                        labels_lang_attribute(book.labels, book.lang));
  pugi::xml_node h1 = append_block(sec, "h1");
  h1.append_attribute("class") = "title";
  append_text(h1, book.meta.title.value);
  if (!book.meta.subtitle.empty()) {
    pugi::xml_node p = append_block(sec, "p");
    p.append_attribute("class") = "subtitle";
    p.append_attribute("role") = "doc-subtitle";
    append_text(p, book.meta.subtitle.value);
  }
  for (const auto& a : book.meta.authors) paragraph(sec, "author", a.value);
  paragraph(sec, "publisher", book.meta.publisher.value);
  close(sec);
  close(body);
  return page.str();
}

bool has_imprint(const BookInfo& book) {
  return !book.copyright.empty();
}

std::string imprint_page(const BookInfo& book, std::string_view stylesheet_href) {
  XhtmlPage page(book.labels.copyright, book.lang, stylesheet_href);
  pugi::xml_node body = page.body();
  body.append_attribute("epub:type") = "frontmatter";
  pugi::xml_node sec = labelled_section(body, "imprint", book.labels.copyright,
                                        labels_lang_attribute(book.labels, book.lang));
  std::string title = book.meta.title.value;
  if (!book.meta.subtitle.empty()) title += ": " + book.meta.subtitle.value;
  pugi::xml_node p = append_block(sec, "p");
  p.append_attribute("class") = "imprint-title";
  append_text(append_inline(p, "cite"), title);
  paragraph(sec, "imprint-author", authors_line(book.meta));
  // The same lines as the PDF's copyright page (facts::copyright_lines), each classed by kind.
  for (const facts::CopyrightLine& line : book.copyright)
    paragraph(sec, line.kind.c_str(), line.text);
  close(sec);
  close(body);
  return page.str();
}

}  // namespace folio::epub
