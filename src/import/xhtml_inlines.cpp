// Inlines: text, emphasis, links, images, note references and the rest of the inline elements.
#include "import/content_converter.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "import/inline_tidy.hpp"
#include "import/package_files.hpp"

namespace folio::import::xhtml {

std::vector<Inline> Converter::inlines_of(pugi::xml_node e) {
  std::vector<Inline> out;
  inlines(e, out);
  tidy(out);
  trim_lines(out);
  return out;
}

void Converter::inlines(pugi::xml_node parent, std::vector<Inline>& out) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) inline_node(c, out);
}

std::string Converter::image_src(pugi::xml_node img) {
  std::string src = img.attribute("src").value();
  if (src.empty()) src = img.attribute("xlink:href").value();
  std::string entry = resolve_href(entry_, src);
  if (entry.empty() || !book_.image_name) return {};
  return book_.image_name(entry);
}

void Converter::inline_node(pugi::xml_node n, std::vector<Inline>& out) {
  if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
    out.push_back(text_inline(collapse(n.value())));
    return;
  }
  if (n.type() != pugi::node_element) return;
  std::string_view name = name_of(n);
  if (name == "span" && has_epub_type(n, "pagebreak")) return;
  // The element as `node` with `attr`, holding its children's inlines.
  auto wrapped = [&](model::InlineNode node, model::Attr attr) {
    Inline in;
    in.node = std::move(node);
    in.source = pos_of(n);
    in.attr = std::move(attr);
    inlines(n, in.children);
    out.push_back(std::move(in));
  };
  auto container = [&](model::InlineNode node, bool keep_classes) {
    wrapped(std::move(node), attr_of(n, keep_classes));
  };
  if (name == "em" || name == "i") {
    container(model::Emphasis{}, false);
    // Markdown's emphasis has no attributes: a language of its own goes on a span around it.
    if (std::string lang = out.back().attr.lang; !lang.empty()) {
      out.back().attr.lang.clear();
      Inline span;
      span.node = model::Span{};
      span.source = out.back().source;
      span.attr.lang = lang;
      span.children.push_back(std::move(out.back()));
      out.back() = std::move(span);
    }
    return;
  }
  if (name == "strong" || name == "b") {
    container(model::Strong{}, false);
    return;
  }
  if (name == "br") {
    Inline br;
    br.node = model::LineBreak{};
    out.push_back(std::move(br));
    return;
  }
  if (name == "code") {
    Inline c;
    c.node = model::Code{n.text().get()};
    out.push_back(std::move(c));
    return;
  }
  if (name == "img") {
    Inline img;
    std::string src = image_src(n);
    if (src.empty()) {
      unmapped(n, "an image folio cannot use: left out");
      return;
    }
    img.node = model::Image{src, n.attribute("alt").value()};
    img.children.push_back(text_inline(n.attribute("alt").value()));
    out.push_back(std::move(img));
    return;
  }
  if (name == "a") {
    if (has_epub_type(n, "noteref") ||
        std::string_view(n.attribute("role").value()) == "doc-noteref") {
      note_ref(n, out);
      return;
    }
    std::string_view role = n.attribute("role").value();
    if (role == "doc-backlink" || has_epub_type(n, "backlink") || has_class(n, "note-number"))
      return;
    std::string href = n.attribute("href").value();
    if (href.empty()) {
      inlines(n, out);
      return;
    }
    std::string target;
    if (href.find("://") != std::string::npos || href.starts_with("mailto:")) {
      target = href;
    } else if (auto hash = href.find('#'); hash != std::string::npos) {
      target = href.substr(hash);
    } else {
      // A link to a whole file: to its first section's id, which the import cannot know.
      unmapped(n, "a link to a whole file (" + href + "): its text is kept without the link");
      inlines(n, out);
      return;
    }
    Inline l;
    l.node = model::Link{target};
    l.source = pos_of(n);
    l.attr.lang = lang_of(n);
    inlines(n, l.children);
    out.push_back(std::move(l));
    return;
  }
  if (name == "sup" && n.child("a") && has_epub_type(n.child("a"), "noteref")) {
    note_ref(n.child("a"), out);
    return;
  }
  if (name == "span" || name == "abbr" || name == "small" || name == "q" || name == "time" ||
      name == "cite" || name == "dfn" || name == "var" || name == "samp" || name == "kbd" ||
      name == "bdi" || name == "data" || name == "u" || name == "s" || name == "mark" ||
      name == "sup" || name == "sub" || name == "ins" || name == "del") {
    bool small_caps = has_class(n, "smallcaps") || has_class(n, "small-caps") ||
                      has_epub_type(n, "z3998:small-caps");
    model::Attr attr = attr_of(n, name == "span");
    std::erase_if(attr.classes,
                  [](const std::string& c) { return c == "small-caps" || c == "smallcaps"; });
    if (small_caps) {
      wrapped(model::SmallCaps{}, std::move(attr));
      return;
    }
    if (name == "sup" || name == "sub" || name == "u" || name == "s" || name == "del") {
      unmapped(n, "<" + std::string(name) + "> has no folio form: its text is kept plain");
    }
    // Only a span keeps its classes; an element with nothing left to say is its text.
    if (name != "span") attr.classes.clear();
    if (attr.classes.empty() && attr.id.empty() && attr.lang.empty())
      inlines(n, out);
    else
      wrapped(model::Span{}, std::move(attr));
    return;
  }
  if (name == "wbr") return;
  unmapped(n, "no inline of folio's: its text is kept");
  inlines(n, out);
}

void Converter::note_ref(pugi::xml_node a, std::vector<Inline>& out) {
  std::string href = a.attribute("href").value();
  std::string key = resolve_href(entry_, href) + href.substr(std::min(href.find('#'), href.size()));
  auto it = book_.notes.find(key);
  if (it == book_.notes.end()) {
    unmapped(a, "a note reference to '" + href + "', which is not in the book: left out");
    return;
  }
  auto& label = note_labels_[key];
  if (label.empty()) {
    label = fmt::format("n{}", ++note_count_);
    // The note's body, converted here, is listed with the section that cites it first.
    Block note;
    note.node = model::Footnote{label, 0};
    note.source = pos_of(it->second);
    pugi::xml_node body = it->second;
    std::string outer_entry = entry_;
    blocks(body, note.blocks);
    current().footnotes.push_back(std::move(note));
    count("a note (" + std::string(body.name()) +
          " epub:type=" + std::string(body.attribute("epub:type").value()) + ") → footnote");
  }
  Inline ref;
  ref.node = model::NoteRef{label, 0};
  ref.source = pos_of(a);
  out.push_back(std::move(ref));
}

}  // namespace folio::import::xhtml
