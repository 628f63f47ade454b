// Finds the text node holding a given letter and splits it around a page-break marker.
#include "epub/page_breaks.hpp"

#include <cstring>

#include "model/page_map.hpp"

namespace folio::epub {
namespace {

bool is_space_at(std::string_view text, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r') return true;
  return c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0;
}

bool is_lead_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}

pugi::xml_node marker_before(pugi::xml_node parent, pugi::xml_node before, const std::string& label,
                             const std::string& id) {
  pugi::xml_node span = parent.insert_child_before("span", before);
  span.append_attribute("epub:type") = "pagebreak";
  span.append_attribute("role") = "doc-pagebreak";
  span.append_attribute("id") = id.c_str();
  span.append_attribute("aria-label") = label.c_str();
  return span;
}

// Walks the text below `node` in document order, skipping note references (the model's
// plain text leaves them out); returns the text node holding letter `target` and sets
// `byte` to the letter's offset in it.
pugi::xml_node find_letter(pugi::xml_node node, std::size_t target, std::size_t& seen,
                           std::size_t& byte) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata) {
      std::string_view t = c.value();
      for (std::size_t i = 0; i < t.size(); ++i) {
        if (!is_lead_byte(t[i]) || is_space_at(t, i)) continue;
        if (seen == target) {
          byte = i;
          return c;
        }
        ++seen;
      }
    } else if (c.type() == pugi::node_element) {
      if (std::strcmp(c.attribute("epub:type").value(), "noteref") == 0) continue;
      if (pugi::xml_node hit = find_letter(c, target, seen, byte)) return hit;
    }
  }
  return {};
}

}  // namespace

std::size_t letters_before(std::string_view text, std::size_t byte_end) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size() && i < byte_end; ++i)
    if (is_lead_byte(text[i]) && !is_space_at(text, i)) ++n;
  return n;
}

void insert_row_page_break(pugi::xml_node table, std::size_t row, const std::string& label,
                           const std::string& id) {
  if (pugi::xml_node caption = table.child("caption"); caption && row == model::kTableCaption) {
    if (pugi::xml_node first = caption.first_child())
      marker_before(caption, first, label, id);
    else
      marker_before(caption, caption.append_child(pugi::node_pcdata), label, id);
    return;
  }
  std::size_t n = 0;
  for (pugi::xml_node part : table.children())  // thead, tbody
    for (pugi::xml_node tr : part.children("tr")) {
      if (n++ != row) continue;
      pugi::xml_node cell =
          tr.find_child([](pugi::xml_node e) { return e.type() == pugi::node_element; });
      if (!cell) break;
      if (pugi::xml_node first = cell.first_child())
        marker_before(cell, first, label, id);
      else
        marker_before(cell, cell.append_child(pugi::node_pcdata), label, id);
      return;
    }
  marker_before(table.parent(), table, label, id);
}

void insert_page_break(pugi::xml_node element, std::size_t letters, const std::string& label,
                       const std::string& id) {
  std::size_t seen = 0, byte = 0;
  pugi::xml_node text = letters == 0 ? pugi::xml_node{} : find_letter(element, letters, seen, byte);
  if (!text) {
    marker_before(element.parent(), element, label, id);
    return;
  }
  std::string value = text.value();
  pugi::xml_node parent = text.parent();
  if (byte > 0) {
    // Split the text node: the words before stay, the marker and the rest follow.
    pugi::xml_node rest = parent.insert_child_after(pugi::node_pcdata, text);
    rest.set_value(value.substr(byte).c_str());
    text.set_value(value.substr(0, byte).c_str());
    text = rest;
  }
  marker_before(parent, text, label, id);
}

}  // namespace folio::epub
