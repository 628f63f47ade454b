// XHTML content document → model sections. Block elements become blocks by their element
// name, class and epub:type; inline elements become inlines; whitespace is collapsed as a
// browser would; notes are looked up by their references and set beside them.
#include "import/xhtml_converter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "import/inline_tidy.hpp"
#include "import/package_files.hpp"

namespace folio::import {

std::vector<std::string> epub_types(pugi::xml_node e) {
  std::vector<std::string> out;
  std::string_view v = e.attribute("epub:type").value();
  std::size_t from = 0;
  while (from < v.size()) {
    std::size_t to = v.find(' ', from);
    if (to == std::string_view::npos) to = v.size();
    if (to > from) out.emplace_back(v.substr(from, to - from));
    from = to + 1;
  }
  return out;
}

bool has_epub_type(pugi::xml_node e, std::string_view type) {
  for (const auto& t : epub_types(e))
    if (t == type) return true;
  return false;
}

namespace {

using model::Block;
using model::Inline;

std::vector<std::string> classes_of(pugi::xml_node e) {
  std::vector<std::string> out;
  std::string_view v = e.attribute("class").value();
  std::size_t from = 0;
  while (from < v.size()) {
    std::size_t to = v.find_first_of(" \t\n", from);
    if (to == std::string_view::npos) to = v.size();
    if (to > from) out.emplace_back(v.substr(from, to - from));
    from = to + 1;
  }
  return out;
}

bool has_class(pugi::xml_node e, std::string_view c) {
  for (const auto& x : classes_of(e))
    if (x == c) return true;
  return false;
}

std::string_view name_of(pugi::xml_node e) {
  std::string_view n = e.name();
  std::size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

bool is_heading_name(std::string_view n) {
  return n.size() == 2 && n[0] == 'h' && n[1] >= '1' && n[1] <= '6';
}

// Classes folio's EPUB writer adds for its own structures: not the author's, so not kept.
bool is_writer_class(std::string_view c) {
  static constexpr std::string_view kOwn[] = {
      "line-block", "line",     "stanza-break", "footnote",   "scene-break",  "dateline",
      "opening",    "epigraph", "note-number",  "align-left", "align-center", "align-right",
      "smallcaps",  "letter",   "signature",    "salutation", "postscript"};
  return std::find(std::begin(kOwn), std::end(kOwn), c) != std::end(kOwn);
}

// The div classes a Z39.98 or EPUB structural term stands for.
std::string div_class_of_type(std::string_view t) {
  if (t == "z3998:letter") return "letter";
  if (t == "z3998:postscript") return "postscript";
  if (t == "z3998:signature" || t == "z3998:valediction" || t == "z3998:sender") return "signature";
  if (t == "z3998:salutation") return "salutation";
  if (t == "bridgehead") return "bridgehead";
  if (t == "dedication") return "dedication";
  if (t == "z3998:poem" || t == "z3998:verse" || t == "z3998:song" || t == "z3998:hymn")
    return "poem";
  return {};
}

bool is_verse(pugi::xml_node e) {
  for (const auto& t : epub_types(e))
    if (t == "z3998:poem" || t == "z3998:verse" || t == "z3998:song" || t == "z3998:hymn")
      return true;
  return false;
}

// Section roles folio writes no file for: the generated pages of the source.
bool is_generated_page(std::string_view t) {
  return t == "cover" || t == "titlepage" || t == "halftitlepage" || t == "imprint" ||
         t == "copyright-page" || t == "toc" || t == "landmarks" || t == "loi" || t == "lot";
}

Inline text_inline(std::string s) {
  Inline in;
  in.node = model::Text{std::move(s)};
  return in;
}

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

std::string collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (space) out += ' ';
  return out;
}

class Converter {
 public:
  Converter(const std::string& entry, std::string_view text, BookContext& book)
      : entry_(entry), text_(text), book_(book) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') line_starts_.push_back(i + 1);
  }

  std::vector<model::Section> run(const pugi::xml_document& doc);

 private:
  // Sections
  void top_level(pugi::xml_node parent);
  void section_element(pugi::xml_node e);
  void start_section(pugi::xml_node e, pugi::xml_node heading);
  model::Section& current();
  // Blocks
  void blocks(pugi::xml_node parent, std::vector<Block>& out);
  void block(pugi::xml_node e, std::vector<Block>& out, std::vector<Inline>& loose);
  void flush_loose(std::vector<Inline>& loose, std::vector<Block>& out, pugi::xml_node at);
  void verse(pugi::xml_node e, std::vector<Block>& out);
  Block line_block_of_spans(pugi::xml_node p);
  Block folio_line_block(pugi::xml_node e);
  Block list(pugi::xml_node e, bool ordered);
  Block table(pugi::xml_node e);
  Block figure(pugi::xml_node e);
  Block heading_block(pugi::xml_node e, int level);
  std::vector<Inline> heading_inlines(pugi::xml_node e);
  // Inlines
  std::vector<Inline> inlines_of(pugi::xml_node e);
  void inlines(pugi::xml_node parent, std::vector<Inline>& out);
  void inline_node(pugi::xml_node n, std::vector<Inline>& out);
  void note_ref(pugi::xml_node a, std::vector<Inline>& out);
  std::string image_src(pugi::xml_node img);
  // Attributes, positions, the report
  model::Attr attr_of(pugi::xml_node e, bool keep_classes = true);
  std::string lang_of(pugi::xml_node e);
  support::SourcePos pos_of(pugi::xml_node e) const;
  std::string path_of(pugi::xml_node e) const;
  void unmapped(pugi::xml_node e, const std::string& what);
  void count(const std::string& mapping) {
    if (book_.report) book_.report->count(mapping);
  }

  const std::string& entry_;
  std::string_view text_;
  BookContext& book_;
  std::vector<std::size_t> line_starts_;
  std::vector<model::Section> sections_;
  std::string section_role_;  // the role of the section element being read
  int heading_base_ = 1;      // the level of the section's own heading (folio: 1, SE: 2)
  int note_count_ = 0;        // notes given labels in this file
  std::map<std::string, std::string> note_labels_;  // entry#id → label in this file
  std::set<std::string> unmapped_seen_;             // element kinds reported in this file
};

support::SourcePos Converter::pos_of(pugi::xml_node e) const {
  std::size_t off = static_cast<std::size_t>(std::max<std::ptrdiff_t>(e.offset_debug(), 0));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), off);
  std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
  std::size_t col = off - line_starts_[line - 1] + 1;
  // offset_debug points past '<'; the column names the '<'.
  return {entry_, static_cast<int>(line), static_cast<int>(col > 1 ? col - 1 : col)};
}

std::string Converter::path_of(pugi::xml_node e) const {
  std::vector<std::string> parts;
  for (pugi::xml_node n = e; n && n.type() == pugi::node_element; n = n.parent()) {
    int index = 1, same = 0;
    for (pugi::xml_node s = n.parent().first_child(); s; s = s.next_sibling()) {
      if (s.type() != pugi::node_element || std::strcmp(s.name(), n.name()) != 0) continue;
      ++same;
      if (s == n) index = same;
    }
    parts.push_back(same > 1 ? fmt::format("{}[{}]", n.name(), index) : std::string(n.name()));
  }
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) out += (out.empty() ? "" : "/") + *it;
  return out;
}

void Converter::unmapped(pugi::xml_node e, const std::string& what) {
  auto pos = pos_of(e);
  std::string where = fmt::format("{}:{}:{} {}", pos.file, pos.line, pos.column, path_of(e));
  if (book_.report) book_.report->unmapped.push_back({where, what});
  // The diagnostics name each kind of element once per file; the report lists every one.
  std::string kind = std::string(e.name()) + "|" + what;
  if (book_.diags && unmapped_seen_.insert(kind).second)
    book_.diags->warning("import-unmapped", pos,
                         fmt::format("<{}> ({}): {}", e.name(), path_of(e), what));
}

std::string Converter::lang_of(pugi::xml_node e) {
  const char* l = e.attribute("xml:lang").value();
  if (!*l) l = e.attribute("lang").value();
  if (!*l) return {};
  // The same language as around it says nothing new.
  std::string inherited;
  for (pugi::xml_node p = e.parent(); p && p.type() == pugi::node_element; p = p.parent()) {
    const char* pl = p.attribute("xml:lang").value();
    if (!*pl) pl = p.attribute("lang").value();
    if (*pl) {
      inherited = pl;
      break;
    }
  }
  if (inherited.empty()) inherited = book_.book_lang;
  return inherited == l ? std::string() : std::string(l);
}

model::Attr Converter::attr_of(pugi::xml_node e, bool keep_classes) {
  model::Attr a;
  std::string id = e.attribute("id").value();
  // Ids folio's EPUB writer makes for itself: not the author's.
  auto generated = [](std::string_view s) {
    auto numbered = [&](std::string_view stem) {
      if (!s.starts_with(stem)) return false;
      std::string_view rest = s.substr(stem.size());
      return !rest.empty() && rest.find_first_not_of("0123456789-") == std::string_view::npos;
    };
    return s == "title" || numbered("title-") || numbered("h-") || numbered("fn-") ||
           numbered("fnref-");
  };
  if (!generated(id)) a.id = id;
  a.lang = lang_of(e);
  if (keep_classes)
    for (auto& c : classes_of(e))
      if (!is_writer_class(c)) a.classes.push_back(c);
  return a;
}

model::Section& Converter::current() {
  if (sections_.empty()) {
    model::Section s;
    s.source = {entry_, 1, 1};
    sections_.push_back(std::move(s));
  }
  return sections_.back();
}

std::vector<model::Section> Converter::run(const pugi::xml_document& doc) {
  pugi::xml_node html = doc.document_element();
  pugi::xml_node body = html.child("body");
  if (!body) {
    unmapped(html, "no <body>: the document is left out");
    return {};
  }
  top_level(body);
  // A note's body converted later may have added notes: each section lists those it cites.
  return std::move(sections_);
}

// What in a <header> is part of the heading (the rest, an epigraph, is the section's text).
bool heads(pugi::xml_node c) {
  std::string_view n = name_of(c);
  return is_heading_name(n) || n == "hgroup" ||
         (n == "p" && (has_epub_type(c, "title") || has_epub_type(c, "subtitle")));
}

// Finds the element that heads a section: its first h1–h6, or an hgroup/header holding one.
pugi::xml_node own_heading(pugi::xml_node section) {
  for (pugi::xml_node c = section.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view n = name_of(c);
    if (n == "span" && has_epub_type(c, "pagebreak")) continue;
    if (is_heading_name(n) || n == "hgroup") return c;
    if (n == "header") {
      for (pugi::xml_node h = c.first_child(); h; h = h.next_sibling())
        if (is_heading_name(name_of(h)) || name_of(h) == "hgroup") return c;
    }
    return {};
  }
  return {};
}

bool only_sections(pugi::xml_node e) {
  bool any = false;
  for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata) {
      if (collapse(c.value()) != " " && !collapse(c.value()).empty()) return false;
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    std::string_view n = name_of(c);
    if (n == "span" && has_epub_type(c, "pagebreak")) continue;
    if (n != "section" && n != "article") return false;
    any = true;
  }
  return any;
}

std::string role_of(pugi::xml_node e) {
  for (const auto& t : epub_types(e))
    if (model::matter_of_role(t)) return t;
  std::string_view aria = e.attribute("role").value();
  if (aria.starts_with("doc-") && model::matter_of_role(aria.substr(4)))
    return std::string(aria.substr(4));
  return {};
}

void Converter::top_level(pugi::xml_node parent) {
  std::vector<Inline> loose;
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) {
      if (c.type() == pugi::node_pcdata && !collapse(c.value()).empty() &&
          collapse(c.value()) != " ")
        loose.push_back(text_inline(collapse(c.value())));
      continue;
    }
    std::string_view n = name_of(c);
    if (n == "section" || n == "article") {
      flush_loose(loose, current().blocks, c);
      section_element(c);
    } else if (is_heading_name(n) && (n == "h1" || n == "h2") &&
               (sections_.empty() || !sections_.back().blocks.empty() ||
                sections_.back().heading)) {
      // A book without <section>s: each top heading opens one.
      flush_loose(loose, current().blocks, c);
      model::Section s;
      s.source = pos_of(c);
      heading_base_ = n[1] - '0';
      Block h = heading_block(c, 1);
      s.heading = std::move(h);
      sections_.push_back(std::move(s));
      count("<" + std::string(n) + "> outside a <section> → a section");
    } else {
      block(c, current().blocks, loose);
    }
  }
  flush_loose(loose, current().blocks, parent);
}

void Converter::section_element(pugi::xml_node e) {
  std::string role = role_of(e);
  for (const auto& t : epub_types(e)) {
    if (is_generated_page(t) || (book_.standard_ebooks && t == "colophon")) {
      count("epub:type=" + t + " → left out (folio makes its own)");
      return;
    }
    if (t == "endnotes" || t == "rearnotes" || t == "footnotes") {
      count("epub:type=" + t + " → notes set beside their references");
      return;
    }
  }
  pugi::xml_node heading = own_heading(e);
  // A wrapper (SE's part around each chapter file's section) holds nothing of its own.
  if (!heading && only_sections(e)) {
    top_level(e);
    return;
  }
  start_section(e, heading);
  std::string outer_role = section_role_;
  section_role_ = sections_.back().role;
  std::vector<Block>& out = sections_.back().blocks;
  std::vector<Inline> loose;
  for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling()) {
    if (c == heading) {
      // A <header>'s epigraph (SE's chapters) opens the section's text.
      if (name_of(c) == "header")
        for (pugi::xml_node h = c.first_child(); h; h = h.next_sibling())
          if (h.type() == pugi::node_element && !heads(h)) block(h, out, loose);
      continue;
    }
    if (c.type() == pugi::node_pcdata) {
      if (!collapse(c.value()).empty() && collapse(c.value()) != " ")
        loose.push_back(text_inline(collapse(c.value())));
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    block(c, out, loose);
  }
  flush_loose(loose, out, e);
  section_role_ = outer_role;
}

void Converter::start_section(pugi::xml_node e, pugi::xml_node heading) {
  model::Section s;
  s.source = pos_of(heading ? heading : e);
  std::string role = role_of(e);
  if (!role.empty()) {
    s.role = role;
    count("epub:type=" + role + " → section role " + role);
  } else {
    count("<" + std::string(e.name()) + "> → a chapter");
  }
  s.matter = *model::matter_of_role(s.role);
  if (heading) {
    pugi::xml_node h = heading;
    if (!is_heading_name(name_of(h))) {
      for (pugi::xml_node c = heading.first_child(); c; c = c.next_sibling())
        if (is_heading_name(name_of(c))) {
          h = c;
          break;
        }
    }
    heading_base_ = is_heading_name(name_of(h)) ? h.name()[1] - '0' : 1;
    Block hb = heading_block(heading, 1);
    model::Attr sec = attr_of(e);
    if (!sec.id.empty() && hb.attr.id.empty()) hb.attr.id = sec.id;
    for (auto& c : sec.classes) hb.attr.classes.push_back(c);
    if (!sec.lang.empty() && hb.attr.lang.empty()) hb.attr.lang = sec.lang;
    s.heading = std::move(hb);
  } else {
    heading_base_ = 1;
  }
  sections_.push_back(std::move(s));
}

std::vector<Inline> Converter::heading_inlines(pugi::xml_node e) {
  std::string_view n = name_of(e);
  if (n == "hgroup" || n == "header") {
    // SE's <hgroup><h2>Chapter I</h2><p>The Title</p></hgroup>: one heading, its parts joined.
    std::vector<Inline> out;
    for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      if (c.attribute("hidden")) continue;
      if (n == "header" && !heads(c)) continue;
      std::vector<Inline> part = heading_inlines(c);
      if (part.empty()) continue;
      if (!out.empty()) out.push_back(text_inline(": "));
      for (auto& in : part) out.push_back(std::move(in));
    }
    tidy(out);
    return out;
  }
  return inlines_of(e);
}

Block Converter::heading_block(pugi::xml_node e, int level) {
  Block b;
  b.node = model::Heading{level};
  b.source = pos_of(e);
  pugi::xml_node h = e;
  if (!is_heading_name(name_of(e)))
    for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling())
      if (is_heading_name(name_of(c))) {
        h = c;
        break;
      }
  b.attr = attr_of(h);
  b.inlines = heading_inlines(e);
  if (b.inlines.empty())
    b.inlines.push_back(text_inline(section_role_.empty() ? "Untitled" : section_role_));
  return b;
}

void Converter::flush_loose(std::vector<Inline>& loose, std::vector<Block>& out,
                            pugi::xml_node at) {
  tidy(loose);
  trim_lines(loose);
  if (!loose.empty()) {
    Block p;
    p.node = model::Paragraph{};
    p.source = pos_of(at);
    p.inlines = std::move(loose);
    out.push_back(std::move(p));
  }
  loose.clear();
}

void Converter::blocks(pugi::xml_node parent, std::vector<Block>& out) {
  std::vector<Inline> loose;
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      loose.push_back(text_inline(collapse(c.value())));
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    block(c, out, loose);
  }
  flush_loose(loose, out, parent);
}

bool is_inline_element(std::string_view n) {
  static constexpr std::string_view kInline[] = {
      "a",   "abbr", "b",   "bdi",  "bdo", "br",  "cite", "code",  "data", "dfn",    "em",
      "i",   "img",  "kbd", "mark", "q",   "s",   "samp", "small", "span", "strong", "sub",
      "sup", "time", "u",   "var",  "wbr", "del", "ins",  "ruby",  "rt",   "rp",     "math"};
  return std::find(std::begin(kInline), std::end(kInline), n) != std::end(kInline);
}

void Converter::block(pugi::xml_node e, std::vector<Block>& out, std::vector<Inline>& loose) {
  std::string_view n = name_of(e);
  // Notes are set where they are cited; page-break markers are the print edition's.
  if ((n == "aside" || n == "li") && (has_epub_type(e, "footnote") || has_epub_type(e, "endnote") ||
                                      has_epub_type(e, "rearnote") || has_epub_type(e, "note")))
    return;
  if (n == "span" && has_epub_type(e, "pagebreak")) return;
  // SE's epigraph and poem attributions: a <cite> standing as a block in its quote.
  bool block_cite = n == "cite" && e.parent() &&
                    (name_of(e.parent()) == "blockquote" || has_epub_type(e.parent(), "epigraph") ||
                     is_verse(e.parent()));
  if (is_inline_element(n) && !block_cite &&
      !(n == "img" && e.parent() && name_of(e.parent()) != "p")) {
    inline_node(e, loose);
    return;
  }
  flush_loose(loose, out, e);
  auto make = [&](model::BlockNode node) {
    Block b;
    b.node = std::move(node);
    b.source = pos_of(e);
    b.attr = attr_of(e);
    return b;
  };
  std::vector<std::string> types = epub_types(e);
  auto type_class = [&]() -> std::string {
    for (const auto& t : types)
      if (auto c = div_class_of_type(t); !c.empty()) return c;
    return {};
  };

  if (n == "p") {
    if (has_class(e, "dateline") || has_epub_type(e, "se:letter.dateline") ||
        has_epub_type(e, "z3998:dateline")) {
      Block b = make(model::Dateline{});
      b.inlines = inlines_of(e);
      count("<p class=dateline> → dateline");
      out.push_back(std::move(b));
      return;
    }
    std::string cls = type_class();
    if (cls == "signature" || cls == "bridgehead" || cls == "postscript") {
      // SE writes each line of a signature as a <p>: consecutive ones are one signature.
      pugi::xml_node prev = e.previous_sibling();
      while (prev && prev.type() != pugi::node_element) prev = prev.previous_sibling();
      bool follows_signature = false;
      if (prev && name_of(prev) == "p")
        for (const auto& t : epub_types(prev))
          if (div_class_of_type(t) == "signature") follows_signature = true;
      if (cls == "signature" && follows_signature && !out.empty() && out.back().is<model::Div>() &&
          out.back().attr.has_class("signature") && !out.back().blocks.empty()) {
        Block& para = out.back().blocks.back();
        Inline br;
        br.node = model::LineBreak{};
        para.inlines.push_back(std::move(br));
        for (auto& in : inlines_of(e)) para.inlines.push_back(std::move(in));
        return;
      }
      Block d = make(model::Div{});
      d.attr.classes.insert(d.attr.classes.begin(), cls);
      Block p;
      p.node = model::Paragraph{};
      p.source = pos_of(e);
      p.inlines = inlines_of(e);
      d.blocks.push_back(std::move(p));
      count("<p epub:type=" + types.front() + "> → ::: " + cls);
      out.push_back(std::move(d));
      return;
    }
    Block b = make(model::Paragraph{});
    b.inlines = inlines_of(e);
    if (!b.inlines.empty()) out.push_back(std::move(b));
    return;
  }
  if (is_heading_name(n)) {
    int level = std::clamp(n[1] - '0' - heading_base_ + 1, 2, 6);
    out.push_back(heading_block(e, level));
    return;
  }
  if (n == "hgroup" || n == "header") {
    if (own_heading(e.parent()) != e && n == "hgroup") {
      out.push_back(heading_block(e, 2));
      return;
    }
    blocks(e, out);
    return;
  }
  if (n == "hr") {
    out.push_back(make(model::SceneBreak{}));
    out.back().attr = {};
    count("<hr> → scene break");
    return;
  }
  if (n == "section" || n == "article" || n == "nav") {
    // A section inside the section: its heading becomes a sub-heading.
    if (std::string cls = type_class(); !cls.empty()) {
      Block d = make(model::Div{});
      d.attr.classes.insert(d.attr.classes.begin(), cls);
      if (cls == "poem") {
        verse(e, d.blocks);
      } else {
        blocks(e, d.blocks);
      }
      out.push_back(std::move(d));
      return;
    }
    int base = heading_base_;
    blocks(e, out);
    heading_base_ = base;
    return;
  }
  if (has_class(e, "epigraph") || has_epub_type(e, "epigraph")) {
    // SE's verse epigraph (`epigraph z3998:verse`): an epigraph of stanzas.
    Block b = make(model::Epigraph{});
    if (is_verse(e))
      verse(e, b.blocks);
    else
      blocks(e, b.blocks);
    count("epigraph → ::: epigraph");
    out.push_back(std::move(b));
    return;
  }
  if (is_verse(e)) {
    Block d = make(model::Div{});
    d.attr.classes.insert(d.attr.classes.begin(), "poem");
    verse(e, d.blocks);
    count("epub:type=z3998:poem/verse → ::: poem of line blocks");
    out.push_back(std::move(d));
    return;
  }
  if (n == "cite" || has_class(e, "attribution")) {
    Block d = make(model::Div{});
    if (!d.attr.has_class("attribution"))
      d.attr.classes.insert(d.attr.classes.begin(), "attribution");
    blocks(e, d.blocks);
    out.push_back(std::move(d));
    return;
  }
  if (n == "blockquote" && type_class().empty()) {
    Block b = make(model::BlockQuote{});
    blocks(e, b.blocks);
    count("<blockquote> → block quote");
    out.push_back(std::move(b));
    return;
  }
  if (n == "div" && has_class(e, "line-block")) {
    out.push_back(folio_line_block(e));
    return;
  }
  if (n == "ol" || n == "ul") {
    out.push_back(list(e, n == "ol"));
    return;
  }
  if (n == "figure" || n == "img") {
    out.push_back(figure(e));
    return;
  }
  if (n == "pre") {
    model::CodeBlock code;
    pugi::xml_node c = e.child("code");
    for (const auto& cls : classes_of(c))
      if (cls.starts_with("language-")) code.info = cls.substr(9);
    code.text = (c ? c : e).text().get();
    if (!code.text.empty() && code.text.back() != '\n') code.text += '\n';
    Block b = make(std::move(code));
    out.push_back(std::move(b));
    return;
  }
  if (n == "table") {
    out.push_back(table(e));
    return;
  }
  if (n == "div" || n == "blockquote" || n == "aside" || n == "header" || n == "footer" ||
      n == "main" || n == "address" || n == "details" || n == "dl" || n == "dd" || n == "dt" ||
      n == "li" || n == "center" || n == "fieldset" || n == "figcaption") {
    Block d = make(model::Div{});
    if (std::string cls = type_class(); !cls.empty() && !d.attr.has_class(cls))
      d.attr.classes.insert(d.attr.classes.begin(), cls);
    if (n != "div" && n != "blockquote") {
      if (n != "aside" && n != "header" && n != "footer")
        unmapped(e, "its content is kept, the element is not");
    }
    blocks(e, d.blocks);
    if (d.attr.classes.empty() && d.attr.id.empty() && d.attr.lang.empty()) {
      // A div that says nothing (layout only): its blocks stand on their own.
      for (auto& b : d.blocks) out.push_back(std::move(b));
      return;
    }
    if (!d.attr.classes.empty())
      count("class=" + d.attr.classes.front() + " → ::: " + d.attr.classes.front());
    out.push_back(std::move(d));
    return;
  }
  unmapped(e, "unknown element: its text is kept as a paragraph");
  blocks(e, out);
}

void Converter::verse(pugi::xml_node e, std::vector<Block>& out) {
  // SE: each <p> a stanza of <span> lines (class i1, i2…: indents); anything else as blocks.
  for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view n = name_of(c);
    if (n == "p") {
      Block lb = line_block_of_spans(c);
      if (!lb.inlines.empty()) {
        if (!lb.attr.lang.empty()) {
          Block d;
          d.node = model::Div{};
          d.source = lb.source;
          d.attr.lang = lb.attr.lang;
          lb.attr.lang.clear();
          d.blocks.push_back(std::move(lb));
          out.push_back(std::move(d));
        } else {
          out.push_back(std::move(lb));
        }
      }
    } else if (n == "div" && has_class(c, "line-block")) {
      out.push_back(folio_line_block(c));
    } else if ((n == "div" || n == "blockquote") && is_verse(c)) {
      verse(c, out);
    } else {
      std::vector<Inline> loose;
      block(c, out, loose);
      flush_loose(loose, out, c);
    }
  }
}

Block Converter::line_block_of_spans(pugi::xml_node p) {
  Block b;
  b.node = model::LineBlock{};
  b.source = pos_of(p);
  b.attr.lang = lang_of(p);
  std::vector<std::vector<Inline>> lines;
  bool spans = false;
  for (pugi::xml_node c = p.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && name_of(c) == "span" && !has_epub_type(c, "pagebreak"))
      spans = true;
  if (spans) {
    for (pugi::xml_node c = p.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element || name_of(c) != "span" || has_epub_type(c, "pagebreak"))
        continue;
      int indent = 0;
      for (const auto& cls : classes_of(c))
        if (cls.size() == 2 && cls[0] == 'i' && cls[1] >= '1' && cls[1] <= '9')
          indent = cls[1] - '0';
      std::vector<Inline> line;
      std::string lang = lang_of(c);
      if (lang.empty()) {
        inlines(c, line);
      } else {
        Inline span;
        span.node = model::Span{};
        span.attr.lang = lang;
        inlines(c, span.children);
        line.push_back(std::move(span));
      }
      tidy(line);
      trim_lines(line);
      if (line.empty()) continue;
      if (indent) line.insert(line.begin(), text_inline(std::string(2 * indent, ' ')));
      lines.push_back(std::move(line));
    }
  } else {
    std::vector<Inline> all = inlines_of(p);
    std::vector<Inline> line;
    for (auto& in : all) {
      if (in.is<model::LineBreak>()) {
        lines.push_back(std::move(line));
        line.clear();
      } else {
        line.push_back(std::move(in));
      }
    }
    if (!line.empty()) lines.push_back(std::move(line));
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i) {
      Inline br;
      br.node = model::LineBreak{};
      b.inlines.push_back(std::move(br));
    }
    for (auto& in : lines[i]) b.inlines.push_back(std::move(in));
  }
  return b;
}

Block Converter::folio_line_block(pugi::xml_node e) {
  Block b;
  b.node = model::LineBlock{};
  b.source = pos_of(e);
  b.attr = attr_of(e);
  bool first = true;
  for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    if (!first) {
      Inline br;
      br.node = model::LineBreak{};
      b.inlines.push_back(std::move(br));
    }
    first = false;
    if (has_class(c, "stanza-break")) continue;
    std::vector<Inline> line;
    inlines(c, line);
    tidy(line);
    // The writer keeps a line's indent as no-break spaces; the manuscript wrote spaces.
    if (!line.empty() && line.front().is<model::Text>()) {
      std::string& t = line.front().as<model::Text>().text;
      std::string spaces;
      std::size_t i = 0;
      while (t.compare(i, 2, "\u00A0") == 0) {
        spaces += ' ';
        i += 2;
      }
      t = spaces + t.substr(i);
    }
    trim_edge(line, false);
    for (auto& in : line) b.inlines.push_back(std::move(in));
  }
  count("<div class=line-block> → line block");
  return b;
}

Block Converter::list(pugi::xml_node e, bool ordered) {
  Block b;
  model::List l;
  l.ordered = ordered;
  if (ordered && e.attribute("start")) l.start = e.attribute("start").as_int(1);
  b.node = l;
  b.source = pos_of(e);
  b.attr = attr_of(e);
  for (pugi::xml_node li = e.child("li"); li; li = li.next_sibling("li")) {
    Block item;
    item.node = model::ListItem{};
    item.source = pos_of(li);
    item.attr = attr_of(li);
    blocks(li, item.blocks);
    b.blocks.push_back(std::move(item));
  }
  return b;
}

Block Converter::figure(pugi::xml_node e) {
  Block b;
  b.source = pos_of(e);
  b.attr = attr_of(e);
  pugi::xml_node img =
      name_of(e) == "img" ? e : e.find_child([](pugi::xml_node c) { return name_of(c) == "img"; });
  if (!img) img = e.select_node(".//*[local-name()='img']").node();
  model::Figure f;
  if (img) {
    f.src = image_src(img);
    f.alt = img.attribute("alt").value();
  }
  pugi::xml_node cap = e.child("figcaption");
  if (cap) b.inlines = inlines_of(cap);
  // Markdown's figure caption is its alt text: without a caption, the alt text says it.
  if (b.inlines.empty() && !f.alt.empty()) b.inlines.push_back(text_inline(f.alt));
  if (f.src.empty()) {
    unmapped(e, "a figure without an image folio can use: its caption is kept as a paragraph");
    b.node = model::Paragraph{};
    return b;
  }
  b.node = std::move(f);
  count("<figure>/<img> → figure");
  return b;
}

Block Converter::table(pugi::xml_node e) {
  Block b;
  b.source = pos_of(e);
  b.attr = attr_of(e);
  model::Table t;
  if (pugi::xml_node cap = e.child("caption")) b.inlines = inlines_of(cap);
  std::vector<pugi::xml_node> rows;
  for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling()) {
    std::string_view n = name_of(c);
    if (n == "tr") rows.push_back(c);
    if (n == "thead" || n == "tbody" || n == "tfoot")
      for (pugi::xml_node r = c.child("tr"); r; r = r.next_sibling("tr")) rows.push_back(r);
  }
  std::size_t columns = 0;
  for (auto r : rows) {
    std::size_t n = 0;
    for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling())
      if (name_of(c) == "td" || name_of(c) == "th") ++n;
    columns = std::max(columns, n);
  }
  t.alignments.assign(columns, model::ColumnAlign::none);
  bool has_head = !rows.empty() && name_of(rows.front().parent()) == "thead";
  auto row_of = [&](pugi::xml_node r) {
    model::TableRow row;
    row.source = pos_of(r);
    std::size_t i = 0;
    for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
      if (name_of(c) != "td" && name_of(c) != "th") continue;
      if (c.attribute("colspan") || c.attribute("rowspan"))
        unmapped(c, "a cell spanning columns or rows: it fills one cell");
      model::TableCell cell;
      cell.source = pos_of(c);
      std::vector<Inline> ins;
      // A cell holding paragraphs or a nested table: its text, lines kept apart.
      for (pugi::xml_node k = c.first_child(); k; k = k.next_sibling()) {
        if (k.type() == pugi::node_element && !is_inline_element(name_of(k))) {
          if (name_of(k) == "table") unmapped(k, "a table inside a cell: its text is kept");
          std::vector<Inline> part = inlines_of(k);
          if (!ins.empty() && !part.empty()) ins.push_back(text_inline(" "));
          for (auto& in : part) ins.push_back(std::move(in));
        } else {
          inline_node(k, ins);
        }
      }
      tidy(ins);
      trim_lines(ins);
      // A line break has no place in a pipe table's cell.
      for (auto& in : ins)
        if (in.is<model::LineBreak>()) in = text_inline(" ");
      tidy(ins);
      cell.inlines = std::move(ins);
      if (i < columns) {
        for (const auto& cls : classes_of(c)) {
          if (cls == "align-left") t.alignments[i] = model::ColumnAlign::left;
          if (cls == "align-center") t.alignments[i] = model::ColumnAlign::center;
          if (cls == "align-right") t.alignments[i] = model::ColumnAlign::right;
        }
      }
      row.cells.push_back(std::move(cell));
      ++i;
    }
    row.cells.resize(columns);
    return row;
  };
  std::size_t first = 0;
  if (has_head) {
    t.header = row_of(rows.front());
    first = 1;
  } else {
    t.header.cells.resize(columns);
  }
  for (std::size_t i = first; i < rows.size(); ++i) t.rows.push_back(row_of(rows[i]));
  b.node = std::move(t);
  count("<table> → pipe table");
  return b;
}

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
  auto container = [&](model::InlineNode node, bool keep_classes) {
    Inline in;
    in.node = std::move(node);
    in.source = pos_of(n);
    in.attr = attr_of(n, keep_classes);
    inlines(n, in.children);
    out.push_back(std::move(in));
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
      Inline in;
      in.node = model::SmallCaps{};
      in.source = pos_of(n);
      in.attr = attr;
      inlines(n, in.children);
      out.push_back(std::move(in));
      return;
    }
    if (name == "sup" || name == "sub" || name == "u" || name == "s" || name == "del") {
      unmapped(n, "<" + std::string(name) + "> has no folio form: its text is kept plain");
    }
    if (attr.classes.empty() && attr.id.empty() && attr.lang.empty()) {
      inlines(n, out);
      return;
    }
    if (name != "span") attr.classes.clear();
    if (attr.classes.empty() && attr.id.empty() && attr.lang.empty()) {
      inlines(n, out);
      return;
    }
    Inline in;
    in.node = model::Span{};
    in.source = pos_of(n);
    in.attr = attr;
    inlines(n, in.children);
    out.push_back(std::move(in));
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

}  // namespace

std::vector<model::Section> convert_content_document(const pugi::xml_document& doc,
                                                     const std::string& entry,
                                                     std::string_view text, BookContext& book) {
  return Converter(entry, text, book).run(doc);
}

}  // namespace folio::import
