// Section → XHTML: blocks and inlines as semantic HTML, footnotes as EPUB 3 pop-up notes.
#include "epub/content_document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "epub/page_breaks.hpp"
#include "epub/semantics.hpp"
#include "epub/xhtml_page.hpp"

namespace folio::epub {
namespace {

using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;

bool is_external(std::string_view target) {
  return target.starts_with("http://") || target.starts_with("https://") ||
         target.starts_with("mailto:");
}

class SectionWriter {
 public:
  SectionWriter(const std::string& file, const SectionContext& ctx, support::Diagnostics& diags)
      : file_(file), ctx_(ctx), diags_(diags) {}

  ContentDocument write(const model::Section& section);

 private:
  void blocks(pugi::xml_node parent, const std::vector<Block>& bs);
  void block(pugi::xml_node parent, const Block& b);
  void inlines(pugi::xml_node parent, const std::vector<Inline>& ins);
  void inline_node(pugi::xml_node parent, const Inline& in);
  void lines(pugi::xml_node parent, const Block& b);
  void heading(pugi::xml_node parent, const Block& b, int level);
  void link(pugi::xml_node parent, const Inline& in);
  void note_ref(pugi::xml_node parent, const Inline& in);
  void footnote(pugi::xml_node parent, const Block& note);
  void image(pugi::xml_node parent, const std::string& target, const std::string& alt);
  void common_attributes(pugi::xml_node element, const Block& b);
  /// Marks where the print edition's pages begin (the section's page starts).
  void page_breaks(const model::Section& section, ContentDocument& out);

  /// Sets an author-given id, unless an earlier element took it (then a warning).
  void author_id(pugi::xml_node element, const std::string& id, const support::SourcePos& pos);
  /// A fresh id starting with `stem`, unused in this document.
  std::string fresh_id(std::string_view stem);
  void reserve(const Block& b);
  void reserve(const Inline& in);

  const std::string& file_;
  const SectionContext& ctx_;
  support::Diagnostics& diags_;
  std::set<std::string> ids_;        // ids written so far
  std::set<std::string> reserved_;   // author ids anywhere in this section
  std::map<int, int> refs_of_note_;  // note number → references written so far
  std::vector<TocHeading> headings_;
  int generated_headings_ = 0;
  int last_heading_level_ = 0;
  // Each block's element by its path (the page map's block_path); {} is the section heading.
  std::vector<int> path_;
  std::map<std::vector<int>, pugi::xml_node> element_of_path_;
  // Inside a note's body: its blocks' indices are the note's, not the section's, and a print
  // page never begins in a note (notes are set at the foot), so they are kept out of the map.
  bool in_note_ = false;
  std::string role_;         // the section's role
  bool uses_z3998_ = false;  // a Z39.98 term was written: the root declares its prefix
};

std::string SectionWriter::fresh_id(std::string_view stem) {
  std::string id(stem);
  for (int n = 2; ids_.count(id) || reserved_.count(id); ++n) id = fmt::format("{}-{}", stem, n);
  ids_.insert(id);
  return id;
}

void SectionWriter::reserve(const Block& b) {
  if (!b.id.empty() && b.kind != BlockKind::footnote) reserved_.insert(b.id);
  for (const Inline& in : b.inlines) reserve(in);
  for (const Block& c : b.blocks) reserve(c);
}

void SectionWriter::reserve(const Inline& in) {
  if (!in.id.empty()) reserved_.insert(in.id);
  for (const Inline& c : in.children) reserve(c);
}

void SectionWriter::author_id(pugi::xml_node element, const std::string& id,
                              const support::SourcePos& pos) {
  if (id.empty()) return;
  if (!ids_.insert(id).second) {
    diags_.warning("epub-duplicate-id", pos,
                   fmt::format("id '{}' is used twice in this section; the second is dropped", id));
    return;
  }
  element.append_attribute("id") = id.c_str();
}

void SectionWriter::common_attributes(pugi::xml_node element, const Block& b) {
  author_id(element, b.id, b.source);
  set_lang(element, b.lang);
  for (const auto& c : b.classes) add_class(element, c);
}

ContentDocument SectionWriter::write(const model::Section& section) {
  ContentDocument out;
  out.file = file_;
  std::string heading_text = section.heading ? model::plain_text(section.heading->inlines) : "";
  out.title = heading_text.empty() ? std::string(ctx_.book_title) : heading_text;

  XhtmlPage page(out.title, ctx_.book_lang, ctx_.stylesheet_href);
  pugi::xml_node body = page.body();
  body.append_attribute("epub:type") = std::string(matter_epub_type(section.matter)).c_str();

  role_ = section.role;
  pugi::xml_node sec = append_block(body, "section");
  if (auto sem = semantics_of_role(section.role)) {
    sec.append_attribute("epub:type") = std::string(sem->epub_type).c_str();
    sec.append_attribute("role") = std::string(sem->aria_role).c_str();
  }
  // Generated ids (title, fn-1, …) must never take an id the author gave something later on.
  if (section.heading) reserve(*section.heading);
  for (const Block& b : section.blocks) reserve(b);
  for (const Block& b : section.footnotes) reserve(b);

  if (section.heading) {
    const Block& h = *section.heading;
    set_lang(sec, h.lang);
    heading(sec, h, 1);
    element_of_path_[{}] = sec.last_child();
    sec.append_attribute("aria-labelledby") = headings_.back().id.c_str();
  } else {
    sec.append_attribute("aria-label") = out.title.c_str();
  }
  blocks(sec, section.blocks);
  for (const Block& note : section.footnotes) footnote(sec, note);
  page_breaks(section, out);
  // EPUB reserves no prefix for Z39.98 in content documents: it is declared on the root.
  if (uses_z3998_)
    body.parent().append_attribute("epub:prefix") =
        "z3998: http://www.daisy.org/z3998/2012/vocab/structure/#";
  sec.append_child(pugi::node_pcdata).set_value("\n");
  body.append_child(pugi::node_pcdata).set_value("\n");

  out.xhtml = page.str();
  out.headings = std::move(headings_);
  return out;
}

void SectionWriter::heading(pugi::xml_node parent, const Block& b, int level) {
  // Levels never skip in the output (### right after # becomes h2): assistive technology
  // navigates by them. The check stage warns the author about the skip itself.
  level = std::clamp(std::min(level, last_heading_level_ + 1), 1, 6);
  last_heading_level_ = level;
  pugi::xml_node h = append_block(parent, fmt::format("h{}", level).c_str());
  if (!b.id.empty() && !ids_.count(b.id)) {
    author_id(h, b.id, b.source);
  } else {
    h.append_attribute("id") =
        (level == 1 ? fresh_id("title") : fresh_id(fmt::format("h-{}", ++generated_headings_)))
            .c_str();
  }
  set_lang(h, b.lang);
  for (const auto& c : b.classes) {
    // A level-1 heading's class that names a section role (`# To Ada {.dedication}`) is
    // the section's: its design is the section's, as in print.
    if (level == 1 && model::matter_of_role(c) && h.parent().name() == std::string("section")) {
      add_class(h.parent(), c);
      continue;
    }
    add_class(h, c);
  }
  inlines(h, b.inlines);
  if (level <= 2)
    headings_.push_back({level, h.attribute("id").value(), model::plain_text(b.inlines)});
}

void SectionWriter::blocks(pugi::xml_node parent, const std::vector<Block>& bs) {
  for (std::size_t i = 0; i < bs.size(); ++i) {
    path_.push_back(static_cast<int>(i));
    block(parent, bs[i]);
    pugi::xml_node e = parent.last_child();
    while (e && e.type() != pugi::node_element) e = e.previous_sibling();
    if (e && !in_note_) element_of_path_[path_] = e;
    path_.pop_back();
  }
}

void SectionWriter::page_breaks(const model::Section& section, ContentDocument& out) {
  for (const model::PageStart& start : ctx_.page_starts) {
    const Block* b = section.heading ? &*section.heading : nullptr;
    const std::vector<Block>* level = &section.blocks;
    for (int i : start.block_path) {
      if (i < 0 || static_cast<std::size_t>(i) >= level->size()) {
        b = nullptr;
        break;
      }
      b = &(*level)[static_cast<std::size_t>(i)];
      level = &b->blocks;
    }
    auto it = element_of_path_.find(start.block_path);
    if (!b || it == element_of_path_.end()) {
      diags_.warning("epub-page-break", section.source,
                     fmt::format("print page {} begins at a place the EPUB does not have; "
                                 "its page break is left out",
                                 start.label));
      continue;
    }
    std::string text = b->kind == BlockKind::code_block ? b->text : model::plain_text(b->inlines);
    std::string id = ids_.count("page-" + start.label) || reserved_.count("page-" + start.label)
                         ? fresh_id("page-" + start.label + "-")
                         : "page-" + start.label;
    ids_.insert(id);
    insert_page_break(it->second, letters_before(text, start.char_offset), start.label, id);
    out.page_breaks.emplace_back(start.label, id);
  }
}

void SectionWriter::block(pugi::xml_node parent, const Block& b) {
  switch (b.kind) {
    case BlockKind::paragraph: {
      pugi::xml_node p = append_block(parent, "p");
      common_attributes(p, b);
      inlines(p, b.inlines);
      return;
    }
    case BlockKind::heading:
      // Level 1 opens a section; a level-1 heading inside one (in a quote, say) is shown as h2.
      heading(parent, b, std::max(b.level, 2));
      return;
    case BlockKind::block_quote: {
      pugi::xml_node q = append_block(parent, "blockquote");
      common_attributes(q, b);
      blocks(q, b.blocks);
      q.append_child(pugi::node_pcdata).set_value("\n");
      return;
    }
    case BlockKind::dateline: {
      // Place and date opening or closing a text: one paragraph, its lines kept apart by <br/>.
      pugi::xml_node p = append_block(parent, "p");
      add_class(p, "dateline");
      if (b.dateline_place == model::DatelinePlace::opening) add_class(p, "opening");
      common_attributes(p, b);
      lines(p, b);
      return;
    }
    case BlockKind::epigraph: {
      pugi::xml_node d = append_block(parent, "div");
      d.append_attribute("epub:type") = "epigraph";
      d.append_attribute("role") = "doc-epigraph";
      add_class(d, "epigraph");
      common_attributes(d, b);
      blocks(d, b.blocks);
      d.append_child(pugi::node_pcdata).set_value("\n");
      return;
    }
    case BlockKind::scene_break: {
      pugi::xml_node hr = append_block(parent, "hr");
      add_class(hr, "scene-break");
      hr.append_attribute("role") = "separator";
      return;
    }
    case BlockKind::list: {
      pugi::xml_node l = append_block(parent, b.ordered ? "ol" : "ul");
      if (b.ordered && b.start != 1) l.append_attribute("start") = b.start;
      common_attributes(l, b);
      blocks(l, b.blocks);
      l.append_child(pugi::node_pcdata).set_value("\n");
      return;
    }
    case BlockKind::list_item: {
      pugi::xml_node li = append_block(parent, "li");
      common_attributes(li, b);
      blocks(li, b.blocks);
      return;
    }
    case BlockKind::line_block: {
      // Verse: each line its own block, so long lines wrap with a hanging indent.
      pugi::xml_node d = append_block(parent, "div");
      add_class(d, "line-block");
      common_attributes(d, b);
      for (auto line : model::lines_of(b)) {
        pugi::xml_node l = append_block(d, "div");
        bool blank = model::plain_text(line).find_first_not_of(" \t") == std::string::npos;
        if (blank && line.size() <= 1) {
          add_class(l, "stanza-break");
          append_text(l, "\u00A0");
          continue;
        }
        // Leading spaces indent a verse line (as in Pandoc); keep them from collapsing.
        if (!line.empty() && line.front().kind == InlineKind::text) {
          std::string& t = line.front().text;
          std::size_t n = t.find_first_not_of(' ');
          if (n == std::string::npos) n = t.size();
          std::string nbsp;
          for (std::size_t i = 0; i < n; ++i) nbsp += "\u00A0";
          t.replace(0, n, nbsp);
        }
        add_class(l, "line");
        inlines(l, line);
      }
      d.append_child(pugi::node_pcdata).set_value("\n");
      return;
    }
    case BlockKind::footnote:
      footnote(parent, b);
      return;
    case BlockKind::figure: {
      pugi::xml_node f = append_block(parent, "figure");
      common_attributes(f, b);
      image(f, b.target, b.alt);
      if (!b.inlines.empty()) inlines(append_inline(f, "figcaption"), b.inlines);
      return;
    }
    case BlockKind::code_block: {
      pugi::xml_node pre = append_block(parent, "pre");
      common_attributes(pre, b);
      pugi::xml_node code = append_inline(pre, "code");
      if (!b.lang.empty()) {
        // The info string names a programming language, not a human one.
        pre.remove_attribute("lang");
        pre.remove_attribute("xml:lang");
        add_class(code, "language-" + b.lang.substr(0, b.lang.find(' ')));
      }
      append_text(code, b.text);
      return;
    }
    case BlockKind::div: {
      pugi::xml_node d = append_block(parent, "div");
      // A letter and its parts, a dedication: the vocabularies' terms where they have one
      // (the first class that has; a dedication inside a dedication section has its role).
      for (const std::string& c : b.classes) {
        auto sem = semantics_of_div_class(c);
        if (!sem || (c == "dedication" && role_ == "dedication")) continue;
        d.append_attribute("epub:type") = std::string(sem->epub_type).c_str();
        if (sem->epub_type.starts_with("z3998:")) uses_z3998_ = true;
        if (!sem->aria_role.empty())
          d.append_attribute("role") = std::string(sem->aria_role).c_str();
        break;
      }
      common_attributes(d, b);
      blocks(d, b.blocks);
      inlines(d, b.inlines);
      d.append_child(pugi::node_pcdata).set_value("\n");
      return;
    }
  }
}

void SectionWriter::lines(pugi::xml_node parent, const Block& b) {
  bool first = true;
  for (const auto& line : model::lines_of(b)) {
    if (!first) append_inline(parent, "br");
    inlines(parent, line);
    first = false;
  }
}

void SectionWriter::inlines(pugi::xml_node parent, const std::vector<Inline>& ins) {
  for (const Inline& in : ins) inline_node(parent, in);
}

void SectionWriter::inline_node(pugi::xml_node parent, const Inline& in) {
  auto container = [&](const char* name) {
    pugi::xml_node e = append_inline(parent, name);
    author_id(e, in.id, in.source);
    set_lang(e, in.lang);
    for (const auto& c : in.classes) add_class(e, c);
    inlines(e, in.children);
    return e;
  };
  switch (in.kind) {
    case InlineKind::text:
      append_text(parent, in.text);
      return;
    case InlineKind::emphasis:
      container("em");
      return;
    case InlineKind::strong:
      container("strong");
      return;
    case InlineKind::small_caps: {
      pugi::xml_node e = append_inline(parent, "span");
      add_class(e, "smallcaps");
      author_id(e, in.id, in.source);
      set_lang(e, in.lang);
      for (const auto& c : in.classes)
        if (c != "smallcaps") add_class(e, c);
      inlines(e, in.children);
      return;
    }
    case InlineKind::span:
      container("span");
      return;
    case InlineKind::code: {
      pugi::xml_node c = append_inline(parent, "code");
      append_text(c, in.text);
      return;
    }
    case InlineKind::line_break:
      append_inline(parent, "br");
      return;
    case InlineKind::link:
      link(parent, in);
      return;
    case InlineKind::note_ref:
      note_ref(parent, in);
      return;
    case InlineKind::image:
      image(parent, in.target, in.text);
      return;
  }
}

void SectionWriter::link(pugi::xml_node parent, const Inline& in) {
  std::string href;
  if (is_external(in.target)) {
    href = in.target;
  } else if (in.target.starts_with("#")) {
    auto it = ctx_.links.file_of_id.find(in.target.substr(1));
    if (it != ctx_.links.file_of_id.end())
      href = it->second == file_ ? in.target : it->second + in.target;
  }
  if (href.empty()) {
    diags_.warning("epub-link-target", in.source,
                   fmt::format("link target '{}' is neither a web address nor an id in the book; "
                               "the EPUB shows the link text without a link",
                               in.target));
    inlines(parent, in.children);
    return;
  }
  pugi::xml_node a = append_inline(parent, "a");
  a.append_attribute("href") = href.c_str();
  author_id(a, in.id, in.source);
  set_lang(a, in.lang);
  inlines(a, in.children);
}

void SectionWriter::note_ref(pugi::xml_node parent, const Inline& in) {
  pugi::xml_node sup = append_inline(parent, "sup");
  auto it = ctx_.links.file_of_note.find(in.number);
  std::string number = std::to_string(in.number);
  if (it == ctx_.links.file_of_note.end()) {
    append_text(sup, number);  // the reader has reported the missing note
    return;
  }
  int nth = ++refs_of_note_[in.number];
  pugi::xml_node a = append_inline(sup, "a");
  a.append_attribute("epub:type") = "noteref";
  a.append_attribute("role") = "doc-noteref";
  std::string target = "#fn-" + number;
  a.append_attribute("href") = (it->second == file_ ? target : it->second + target).c_str();
  a.append_attribute("id") =
      fresh_id(nth == 1 ? "fnref-" + number : fmt::format("fnref-{}-{}", number, nth)).c_str();
  append_text(a, number);
}

void SectionWriter::footnote(pugi::xml_node parent, const Block& note) {
  std::string number = std::to_string(note.number);
  pugi::xml_node aside = append_block(parent, "aside");
  aside.append_attribute("epub:type") = "footnote";
  aside.append_attribute("role") = "doc-footnote";
  aside.append_attribute("id") = fresh_id("fn-" + number).c_str();
  add_class(aside, "footnote");
  // The back link opens the note's first paragraph (or stands alone when there is none).
  std::vector<Block> body = note.blocks;
  pugi::xml_node first;
  std::size_t rest = 0;
  if (!body.empty() && body.front().kind == BlockKind::paragraph) {
    first = append_block(aside, "p");
    rest = 1;
  } else {
    first = append_block(aside, "p");
  }
  pugi::xml_node back = append_inline(first, "a");
  back.append_attribute("href") = ("#fnref-" + number).c_str();
  back.append_attribute("role") = "doc-backlink";
  // A tooltip only in the book's language: a title attribute cannot carry a lang of its own.
  if (labels_lang_attribute(ctx_.labels, ctx_.book_lang).empty())
    back.append_attribute("title") = std::string(ctx_.labels.back_to_text).c_str();
  add_class(back, "note-number");
  append_text(back, number + ".");
  if (rest == 1) {
    append_text(first, " ");
    inlines(first, body.front().inlines);
  }
  // A quote or list in the note would otherwise take the body's paths ({0}, {1}, …) and
  // draw the body's page-break markers into the note.
  bool outer = in_note_;
  in_note_ = true;
  for (std::size_t i = rest; i < body.size(); ++i) block(aside, body[i]);
  in_note_ = outer;
  aside.append_child(pugi::node_pcdata).set_value("\n");
}

void SectionWriter::image(pugi::xml_node parent, const std::string& target,
                          const std::string& alt) {
  auto it = ctx_.links.image_href.find(target);
  if (it == ctx_.links.image_href.end()) return;  // reported when the image was read
  pugi::xml_node img = append_inline(parent, "img");
  img.append_attribute("src") = it->second.c_str();
  img.append_attribute("alt") = alt.c_str();
}

}  // namespace

ContentDocument render_section(const model::Section& section, const std::string& file,
                               const SectionContext& ctx, support::Diagnostics& diags) {
  return SectionWriter(file, ctx, diags).write(section);
}

}  // namespace folio::epub
