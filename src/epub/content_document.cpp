// Section → XHTML: blocks and inlines as semantic HTML, footnotes as EPUB 3 pop-up notes.
#include "epub/content_document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "epub/page_breaks.hpp"
#include "epub/semantics.hpp"
#include "epub/table_writer.hpp"
#include "epub/xhtml_page.hpp"
#include "model/walk.hpp"

namespace folio::epub {
namespace {

using model::Block;
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
  // One writer per block kind, chosen by block().
  void write(pugi::xml_node parent, const Block& b, const model::Paragraph&);
  void write(pugi::xml_node parent, const Block& b, const model::Heading& h);
  void write(pugi::xml_node parent, const Block& b, const model::BlockQuote&);
  void write(pugi::xml_node parent, const Block& b, const model::Dateline& d);
  void write(pugi::xml_node parent, const Block& b, const model::Epigraph&);
  void write(pugi::xml_node parent, const Block& b, const model::SceneBreak&);
  void write(pugi::xml_node parent, const Block& b, const model::List& list);
  void write(pugi::xml_node parent, const Block& b, const model::ListItem&);
  void write(pugi::xml_node parent, const Block& b, const model::LineBlock&);
  void write(pugi::xml_node parent, const Block& b, const model::Footnote&);
  void write(pugi::xml_node parent, const Block& b, const model::Figure& figure);
  void write(pugi::xml_node parent, const Block& b, const model::CodeBlock& code);
  void write(pugi::xml_node parent, const Block& b, const model::Div&);
  void write(pugi::xml_node parent, const Block& b, const model::Table& table);
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
  void reserve(const model::Section& section);

  const std::string& file_;
  const SectionContext& ctx_;
  support::Diagnostics& diags_;
  std::set<std::string> ids_;        // ids written so far
  std::set<std::string> reserved_;   // author ids anywhere in this section
  std::map<int, int> refs_of_note_;  // note number → references written so far
  std::vector<TocHeading> headings_;
  int generated_headings_ = 0;
  int last_heading_level_ = 0;
  // Each block written (the section heading too) and its element, by the block's NodeId: the
  // page map names the block a print page begins in.
  struct Written {
    const Block* block;
    pugi::xml_node element;
  };
  std::map<model::NodeId, Written> written_;
  // Inside a note's body: a print page never begins in a note (notes are set at the foot),
  // so its blocks are kept out of the map.
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

void SectionWriter::reserve(const model::Section& section) {
  // A footnote's label is not in its Attr: only author ids are reserved.
  model::walk_blocks(section, [&](const Block& b) {
    if (!b.attr.id.empty()) reserved_.insert(b.attr.id);
    model::walk_block_inlines(b, [&](const Inline& in) {
      if (!in.attr.id.empty()) reserved_.insert(in.attr.id);
    });
  });
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
  author_id(element, b.attr.id, b.source);
  set_lang(element, b.attr.lang);
  for (const auto& c : b.attr.classes) add_class(element, c);
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
  reserve(section);

  if (section.heading) {
    const Block& h = *section.heading;
    set_lang(sec, h.attr.lang);
    heading(sec, h, 1);
    written_[h.node_id] = {&h, sec.last_child()};
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
  if (!b.attr.id.empty() && !ids_.count(b.attr.id)) {
    author_id(h, b.attr.id, b.source);
  } else {
    h.append_attribute("id") =
        (level == 1 ? fresh_id("title") : fresh_id(fmt::format("h-{}", ++generated_headings_)))
            .c_str();
  }
  set_lang(h, b.attr.lang);
  for (const auto& c : b.attr.classes) {
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
  for (const Block& b : bs) {
    block(parent, b);
    pugi::xml_node e = parent.last_child();
    while (e && e.type() != pugi::node_element) e = e.previous_sibling();
    if (e && !in_note_ && b.node_id) written_[b.node_id] = {&b, e};
  }
}

void SectionWriter::page_breaks(const model::Section& section, ContentDocument& out) {
  for (const model::PageStart& start : ctx_.page_starts) {
    auto it = written_.find(start.block);
    if (!start.block || it == written_.end()) {
      diags_.warning("epub-page-break", section.source,
                     fmt::format("print page {} begins at a place the EPUB does not have; "
                                 "its page break is left out",
                                 start.label));
      continue;
    }
    const Block& b = *it->second.block;
    auto* code = b.get_if<model::CodeBlock>();
    std::string text = code ? code->text : model::plain_text(b.inlines);
    std::string id = ids_.count("page-" + start.label) || reserved_.count("page-" + start.label)
                         ? fresh_id("page-" + start.label + "-")
                         : "page-" + start.label;
    ids_.insert(id);
    if (b.is<model::Table>())  // the print setter gives a table's row as its offset
      insert_row_page_break(it->second.element, start.char_offset, start.label, id);
    else
      insert_page_break(it->second.element, letters_before(text, start.char_offset), start.label,
                        id);
    out.page_breaks.emplace_back(start.label, id);
  }
}

void SectionWriter::block(pugi::xml_node parent, const Block& b) {
  std::visit([&](const auto& kind) { write(parent, b, kind); }, b.node);
}

void SectionWriter::write(pugi::xml_node parent, const Block& b, const model::Paragraph&) {
  pugi::xml_node p = append_block(parent, "p");
  common_attributes(p, b);
  inlines(p, b.inlines);
}

void SectionWriter::write(pugi::xml_node parent, const Block& b, const model::Heading& h) {
  // Level 1 opens a section; a level-1 heading inside one (in a quote, say) is shown as h2.
  heading(parent, b, std::max(h.level, 2));
}

void SectionWriter::write(pugi::xml_node parent, const Block& b, const model::BlockQuote&) {
  pugi::xml_node q = append_block(parent, "blockquote");
  common_attributes(q, b);
  blocks(q, b.blocks);
  q.append_child(pugi::node_pcdata).set_value("\n");
}

void SectionWriter::write(pugi::xml_node parent, const Block& b, const model::Dateline& d) {
  // Place and date opening or closing a text: one paragraph, its lines kept apart by <br/>.
  pugi::xml_node p = append_block(parent, "p");
  add_class(p, "dateline");
  if (d.place == model::DatelinePlace::opening) add_class(p, "opening");
  common_attributes(p, b);
  lines(p, b);
}

void SectionWriter::write(pugi::xml_node parent, const Block& b, const model::Epigraph&) {
  pugi::xml_node d = append_block(parent, "div");
  d.append_attribute("epub:type") = "epigraph";
  d.append_attribute("role") = "doc-epigraph";
  add_class(d, "epigraph");
  common_attributes(d, b);
  blocks(d, b.blocks);
  d.append_child(pugi::node_pcdata).set_value("\n");
}

void SectionWriter::write(pugi::xml_node parent, const Block&, const model::SceneBreak&) {
  pugi::xml_node hr = append_block(parent, "hr");
  add_class(hr, "scene-break");
  hr.append_attribute("role") = "separator";
}

void SectionWriter::write(pugi::xml_node parent, const Block& b, const model::List& list) {
  pugi::xml_node l = append_block(parent, list.ordered ? "ol" : "ul");
  if (list.ordered && list.start != 1) l.append_attribute("start") = list.start;
  common_attributes(l, b);
  blocks(l, b.blocks);
  l.append_child(pugi::node_pcdata).set_value("\n");
}

void SectionWriter::write(pugi::xml_node parent, const Block& b, const model::ListItem&) {
  pugi::xml_node li = append_block(parent, "li");
  common_attributes(li, b);
  blocks(li, b.blocks);
}

void SectionWriter::write(pugi::xml_node parent, const Block& b, const model::LineBlock&) {
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
    if (!line.empty() && line.front().is<model::Text>()) {
      std::string& t = line.front().as<model::Text>().text;
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
}

void SectionWriter::write(pugi::xml_node parent, const Block& b, const model::Footnote&) {
  footnote(parent, b);
}

void SectionWriter::write(pugi::xml_node parent, const Block& b, const model::Figure& figure) {
  pugi::xml_node f = append_block(parent, "figure");
  common_attributes(f, b);
  image(f, figure.src, figure.alt);
  if (!b.inlines.empty()) inlines(append_inline(f, "figcaption"), b.inlines);
}

void SectionWriter::write(pugi::xml_node parent, const Block& b, const model::CodeBlock& code) {
  pugi::xml_node pre = append_block(parent, "pre");
  common_attributes(pre, b);
  pugi::xml_node c = append_inline(pre, "code");
  // The info string names a programming language, not a human one: a class, never a lang.
  if (!code.info.empty()) add_class(c, "language-" + code.info.substr(0, code.info.find(' ')));
  append_text(c, code.text);
}

void SectionWriter::write(pugi::xml_node parent, const Block& b, const model::Div&) {
  pugi::xml_node d = append_block(parent, "div");
  // A letter and its parts, a dedication: the vocabularies' terms where they have one
  // (the first class that has; a dedication inside a dedication section has its role).
  for (const std::string& c : b.attr.classes) {
    auto sem = semantics_of_div_class(c);
    if (!sem || (c == "dedication" && role_ == "dedication")) continue;
    d.append_attribute("epub:type") = std::string(sem->epub_type).c_str();
    if (sem->epub_type.starts_with("z3998:")) uses_z3998_ = true;
    if (!sem->aria_role.empty()) d.append_attribute("role") = std::string(sem->aria_role).c_str();
    break;
  }
  common_attributes(d, b);
  blocks(d, b.blocks);
  inlines(d, b.inlines);
  d.append_child(pugi::node_pcdata).set_value("\n");
}

void SectionWriter::write(pugi::xml_node parent, const Block& b, const model::Table& table) {
  pugi::xml_node t =
      write_table(parent, b, table, [&](pugi::xml_node e, const auto& ins) { inlines(e, ins); });
  common_attributes(t, b);
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
    author_id(e, in.attr.id, in.source);
    set_lang(e, in.attr.lang);
    for (const auto& c : in.attr.classes) add_class(e, c);
    inlines(e, in.children);
    return e;
  };
  switch (in.kind()) {
    case InlineKind::text:
      append_text(parent, in.as<model::Text>().text);
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
      author_id(e, in.attr.id, in.source);
      set_lang(e, in.attr.lang);
      for (const auto& c : in.attr.classes)
        if (c != "smallcaps") add_class(e, c);
      inlines(e, in.children);
      return;
    }
    case InlineKind::span:
      container("span");
      return;
    case InlineKind::code: {
      pugi::xml_node c = append_inline(parent, "code");
      append_text(c, in.as<model::Code>().text);
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
      image(parent, in.as<model::Image>().src, in.as<model::Image>().alt);
      return;
  }
}

void SectionWriter::link(pugi::xml_node parent, const Inline& in) {
  const std::string& target = in.as<model::Link>().target;
  std::string href;
  if (is_external(target)) {
    href = target;
  } else if (target.starts_with("#")) {
    auto it = ctx_.links.file_of_id.find(target.substr(1));
    if (it != ctx_.links.file_of_id.end())
      href = it->second == file_ ? target : it->second + target;
  }
  if (href.empty()) {
    diags_.warning("epub-link-target", in.source,
                   fmt::format("link target '{}' is neither a web address nor an id in the book; "
                               "the EPUB shows the link text without a link",
                               target));
    inlines(parent, in.children);
    return;
  }
  pugi::xml_node a = append_inline(parent, "a");
  a.append_attribute("href") = href.c_str();
  author_id(a, in.attr.id, in.source);
  set_lang(a, in.attr.lang);
  inlines(a, in.children);
}

void SectionWriter::note_ref(pugi::xml_node parent, const Inline& in) {
  pugi::xml_node sup = append_inline(parent, "sup");
  int note = in.as<model::NoteRef>().number;
  auto it = ctx_.links.file_of_note.find(note);
  std::string number = std::to_string(note);
  if (it == ctx_.links.file_of_note.end()) {
    append_text(sup, number);  // the reader has reported the missing note
    return;
  }
  int nth = ++refs_of_note_[note];
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
  std::string number = std::to_string(note.as<model::Footnote>().number);
  pugi::xml_node aside = append_block(parent, "aside");
  aside.append_attribute("epub:type") = "footnote";
  aside.append_attribute("role") = "doc-footnote";
  aside.append_attribute("id") = fresh_id("fn-" + number).c_str();
  add_class(aside, "footnote");
  // The back link opens the note's first paragraph (or stands alone when there is none).
  std::vector<Block> body = note.blocks;
  pugi::xml_node first;
  std::size_t rest = 0;
  if (!body.empty() && body.front().is<model::Paragraph>()) {
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
  // A print page never begins inside a note: its blocks stay out of the page-break map.
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
