// XHTML page skeleton and safe text/element appending on top of pugixml.
#include "epub/xhtml_page.hpp"

#include <sstream>

#include "support/utf8.hpp"

namespace folio::epub {

XhtmlPage::XhtmlPage(std::string_view title, std::string_view lang,
                     std::string_view stylesheet_href) {
  pugi::xml_node decl = doc_.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  doc_.append_child(pugi::node_doctype).set_value("html");
  pugi::xml_node html = doc_.append_child("html");
  html.append_attribute("xmlns") = kXhtmlNamespace;
  html.append_attribute("xmlns:epub") = kOpsNamespace;
  set_lang(html, lang);
  head_ = append_block(html, "head");
  append_block(head_, "meta").append_attribute("charset") = "UTF-8";
  append_text(append_block(head_, "title"), title);
  if (!stylesheet_href.empty()) {
    pugi::xml_node link = append_block(head_, "link");
    link.append_attribute("rel") = "stylesheet";
    link.append_attribute("type") = "text/css";
    link.append_attribute("href") = std::string(stylesheet_href).c_str();
  }
  head_.append_child(pugi::node_pcdata).set_value("\n");
  body_ = append_block(html, "body");
  html.append_child(pugi::node_pcdata).set_value("\n");
}

std::string XhtmlPage::str() const {
  return serialize(doc_);
}

std::string serialize(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  std::string s = out.str();
  // format_raw also drops the line breaks after the prolog; put them back for readability.
  auto after = [&](std::string_view marker) {
    std::size_t p = s.find(marker);
    // One char, not a C string: GCC 12 at -O3 misreads the pointer overload as an overlapping
    // memcpy (-Wrestrict) and a Release build with FOLIO_WERROR fails.
    if (p != std::string::npos) s.insert(p + marker.size(), 1, '\n');
  };
  after("?>");
  after("<!DOCTYPE html>");
  if (s.empty() || s.back() != '\n') s += '\n';
  return s;
}

pugi::xml_node append_block(pugi::xml_node parent, const char* name) {
  parent.append_child(pugi::node_pcdata).set_value("\n");
  return parent.append_child(name);
}

pugi::xml_node append_inline(pugi::xml_node parent, const char* name) {
  return parent.append_child(name);
}

void append_text(pugi::xml_node parent, std::string_view text) {
  std::string clean;
  std::size_t from = 0;
  while (true) {
    auto bad = support::find_xml_forbidden(text, from);
    if (!bad) break;
    clean.append(text.substr(from, *bad - from));
    // Skip the whole forbidden character (C0 controls are one byte; U+FFFE/U+FFFF three).
    from = *bad + (static_cast<unsigned char>(text[*bad]) < 0x80 ? 1 : 3);
  }
  clean.append(text.substr(from));
  if (clean.empty()) return;
  // Merge with a preceding text node so the tree stays as the text reads.
  pugi::xml_node last = parent.last_child();
  if (last && last.type() == pugi::node_pcdata) {
    std::string joined = std::string(last.value()) + clean;
    last.set_value(joined.c_str());
  } else {
    parent.append_child(pugi::node_pcdata).set_value(clean.c_str());
  }
}

void set_lang(pugi::xml_node element, std::string_view lang) {
  if (lang.empty()) return;
  std::string l(lang);
  element.append_attribute("lang") = l.c_str();
  element.append_attribute("xml:lang") = l.c_str();
}

void add_class(pugi::xml_node element, std::string_view cls) {
  if (cls.empty()) return;
  pugi::xml_attribute a = element.attribute("class");
  if (!a) {
    element.append_attribute("class") = std::string(cls).c_str();
  } else {
    std::string v = std::string(a.value()) + " " + std::string(cls);
    a.set_value(v.c_str());
  }
}

}  // namespace folio::epub
