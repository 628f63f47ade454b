// An XHTML5 content document skeleton (pugixml) and the few ways writers add to it.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace folio::epub {

inline constexpr const char* kXhtmlNamespace = "http://www.w3.org/1999/xhtml";
inline constexpr const char* kOpsNamespace = "http://www.idpf.org/2007/ops";

/// `<html>` with lang/xml:lang, the epub namespace, a `<head>` with title and stylesheet,
/// and an empty `<body>`.
class XhtmlPage {
 public:
  XhtmlPage(std::string_view title, std::string_view lang, std::string_view stylesheet_href);
  pugi::xml_node body() const { return body_; }
  pugi::xml_node head() const { return head_; }
  /// The serialized document: XML declaration, `<!DOCTYPE html>`, no added whitespace
  /// inside text (blocks are separated by the newlines append_block put there).
  std::string str() const;

 private:
  pugi::xml_document doc_;
  pugi::xml_node head_;
  pugi::xml_node body_;
};

/// Appends a block-level element on a new line. Whitespace goes only between blocks,
/// never into mixed content, where it would change the text.
pugi::xml_node append_block(pugi::xml_node parent, const char* name);

/// Appends an element with no whitespace around it (inline content).
pugi::xml_node append_inline(pugi::xml_node parent, const char* name);

/// Appends text, leaving out characters XML 1.0 forbids (the reader has reported them).
void append_text(pugi::xml_node parent, std::string_view text);

/// Sets both `lang` and `xml:lang` (EPUB reading systems read one or the other).
void set_lang(pugi::xml_node element, std::string_view lang);

/// Adds a space-separated class to `element`.
void add_class(pugi::xml_node element, std::string_view cls);

/// Serializes any pugixml document the same way XhtmlPage does.
std::string serialize(const pugi::xml_document& doc);

}  // namespace folio::epub
