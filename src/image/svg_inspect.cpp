// SVG inspection with pugixml: a walk over every element and attribute, before librsvg sees it.
#include "image/svg_inspect.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <vector>

namespace folio::image {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view local_name(std::string_view name) {
  std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// The 1-based line of byte `offset`.
std::size_t line_of(std::string_view bytes, std::ptrdiff_t offset) {
  if (offset < 0) return 0;
  auto end =
      bytes.begin() + std::min<std::ptrdiff_t>(offset, static_cast<std::ptrdiff_t>(bytes.size()));
  return static_cast<std::size_t>(std::count(bytes.begin(), end, '\n')) + 1;
}

// Is every url(…) in `text` a reference to an element of this file, and no @import there?
bool local_urls(std::string_view text) {
  std::string l = lower(text);
  if (l.find("@import") != std::string::npos) return false;
  for (std::size_t at = l.find("url("); at != std::string::npos; at = l.find("url(", at + 4)) {
    std::size_t v = at + 4;
    while (v < l.size() && (l[v] == ' ' || l[v] == '\'' || l[v] == '"')) ++v;
    if (v >= l.size() || l[v] != '#') return false;
  }
  return true;
}

// A length in points: a number with an absolute unit (none means CSS px, 0.75 pt); 0 for
// percentages, font-relative units or anything unreadable.
double length_pt(const char* text) {
  char* end = nullptr;
  double v = std::strtod(text, &end);
  if (end == text || !(v > 0) || v > 1e6) return 0;
  std::string unit = lower(std::string_view(end));
  unit.erase(unit.find_last_not_of(" \t\r\n") + 1);
  if (unit.empty() || unit == "px") return v * 0.75;
  if (unit == "pt") return v;
  if (unit == "pc") return v * 12;
  if (unit == "in") return v * 72;
  if (unit == "cm") return v * 72 / 2.54;
  if (unit == "mm") return v * 72 / 25.4;
  return 0;
}

}  // namespace

std::optional<SvgFacts> inspect_svg(std::string_view bytes, std::string& why) {
  if (bytes.size() > kMaxSvgBytes) {
    why = "it is " + std::to_string(bytes.size() >> 10) +
          " KiB; folio accepts SVG files of up to " + std::to_string(kMaxSvgBytes >> 20) + " MiB";
    return std::nullopt;
  }
  // Entities could pull in files or expand without bound; an SVG for a book needs none.
  if (bytes.find("<!ENTITY") != std::string_view::npos) {
    why = "it declares XML entities (line " +
          std::to_string(line_of(bytes, static_cast<std::ptrdiff_t>(bytes.find("<!ENTITY")))) +
          "); folio accepts SVG without a DTD's entities";
    return std::nullopt;
  }
  pugi::xml_document doc;
  pugi::xml_parse_result parsed =
      doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    why = std::string("it is not well-formed XML: ") + parsed.description() + " (line " +
          std::to_string(line_of(bytes, parsed.offset)) + ")";
    return std::nullopt;
  }
  pugi::xml_node root = doc.document_element();
  std::string_view root_name = root.name();
  std::size_t colon = root_name.find(':');
  std::string ns_attribute = colon == std::string_view::npos
                                 ? "xmlns"
                                 : "xmlns:" + std::string(root_name.substr(0, colon));
  if (local_name(root_name) != "svg" ||
      std::string_view(root.attribute(ns_attribute.c_str()).value()) !=
          "http://www.w3.org/2000/svg") {
    why =
        "its root element is not an <svg> in the SVG namespace "
        "(xmlns=\"http://www.w3.org/2000/svg\")";
    return std::nullopt;
  }
  std::size_t elements = 0;
  std::vector<std::pair<pugi::xml_node, std::size_t>> stack{{root, 1}};
  auto refuse = [&](const pugi::xml_node& n, const std::string& what) {
    why = what + " (line " + std::to_string(line_of(bytes, n.offset_debug())) + ")";
    return std::nullopt;
  };
  while (!stack.empty()) {
    auto [n, depth] = stack.back();
    stack.pop_back();
    if (n.type() == pugi::node_element) {
      if (++elements > kMaxSvgElements) {
        why = "it has more than " + std::to_string(kMaxSvgElements) + " elements";
        return std::nullopt;
      }
      if (depth > kMaxSvgDepth)
        return refuse(n, "its elements nest more than " + std::to_string(kMaxSvgDepth) + " deep");
      std::string name = lower(local_name(n.name()));
      if (name == "script")
        return refuse(n, "it has a <script> element; folio never runs code from a picture");
      if (name == "foreignobject")
        return refuse(n, "it has a <foreignObject> element; folio draws SVG graphics only");
      if (name == "style" && !local_urls(n.child_value()))
        return refuse(n, "its <style> refers to something outside the file (url() or @import)");
      for (pugi::xml_attribute a : n.attributes()) {
        std::string an = lower(a.name());
        std::string_view value = a.value();
        if (an.starts_with("on"))
          return refuse(n, "its <" + std::string(n.name()) + "> has an event attribute '" +
                               a.name() + "'; folio never runs code from a picture");
        if (local_name(an) == "href" || an == "xml:base") {
          std::size_t first = value.find_first_not_of(" \t\r\n");
          if (first == std::string_view::npos || value[first] != '#')
            return refuse(n, "its <" + std::string(n.name()) + "> refers to '" +
                                 std::string(value.substr(0, 80)) +
                                 "' outside the file; an SVG in a book may refer only to its own "
                                 "elements (href=\"#id\")");
        }
        if (!local_urls(value))
          return refuse(n, "its <" + std::string(n.name()) + "> attribute '" + a.name() +
                               "' refers to something outside the file (url() or @import)");
      }
    }
    if (n.type() == pugi::node_pi && lower(n.name()) == "xml-stylesheet")
      return refuse(n, "it links a style sheet (<?xml-stylesheet?>); folio reads the SVG alone");
    for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling())
      stack.push_back({c, depth + 1});
  }
  // Processing instructions before the root (an xml-stylesheet) are children of the document.
  for (pugi::xml_node c = doc.first_child(); c != root; c = c.next_sibling())
    if (c.type() == pugi::node_pi && lower(c.name()) == "xml-stylesheet") {
      why = "it links a style sheet (<?xml-stylesheet?>); folio reads the SVG alone";
      return std::nullopt;
    }
  SvgFacts facts;
  facts.width_pt = length_pt(root.attribute("width").value());
  facts.height_pt = length_pt(root.attribute("height").value());
  double vb[4] = {0, 0, 0, 0};
  if (const char* box = root.attribute("viewBox").value(); *box) {
    const char* p = box;
    for (double& v : vb) {
      while (*p == ' ' || *p == ',' || *p == '\t' || *p == '\n' || *p == '\r') ++p;
      char* end = nullptr;
      v = std::strtod(p, &end);
      if (end == p) break;
      p = end;
    }
  }
  if (facts.width_pt > 0 && facts.height_pt > 0)
    facts.aspect = facts.height_pt / facts.width_pt;
  else if (vb[2] > 0 && vb[3] > 0)
    facts.aspect = vb[3] / vb[2];
  if (facts.aspect <= 0 || facts.aspect > 1000 || facts.aspect < 0.001) {
    why = "it gives no usable size: give the <svg> a viewBox, or a width and height";
    return std::nullopt;
  }
  // One of width and height with a viewBox: the other follows the aspect.
  if (facts.width_pt > 0 && facts.height_pt <= 0) facts.height_pt = facts.width_pt * facts.aspect;
  if (facts.height_pt > 0 && facts.width_pt <= 0) facts.width_pt = facts.height_pt / facts.aspect;
  return facts;
}

}  // namespace folio::image
