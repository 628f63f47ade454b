// Reads word/document.xml paragraph by paragraph: a paragraph's style (by name, through
// styles.xml), alignment and indent decide its block; its runs' properties decide the
// inlines. Sections open at Heading 1 (or a page break before a short centred line).
#include "import/docx_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "import/epub_reader.hpp"
#include "import/inline_tidy.hpp"

namespace folio::import {
namespace {

using model::Block;
using model::Inline;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

Inline text_inline(std::string s) {
  Inline in;
  in.node = model::Text{std::move(s)};
  return in;
}

Inline line_break() {
  Inline in;
  in.node = model::LineBreak{};
  return in;
}

// A toggle property (<w:i/>, <w:i w:val="0"/>): on unless its value says off.
bool toggle(pugi::xml_node props, const char* name) {
  pugi::xml_node p = props.child(name);
  if (!p) return false;
  std::string v = p.attribute("w:val").value();
  return v.empty() || (v != "0" && v != "false" && v != "off");
}

// The section role a heading's text names, as publishers title their front and back matter.
std::string role_of_heading(std::string_view text) {
  std::string t = lower(std::string(text));
  static const std::pair<const char*, const char*> kRoles[] = {
      {"preface", "preface"},
      {"foreword", "foreword"},
      {"introduction", "introduction"},
      {"prologue", "prologue"},
      {"dedication", "dedication"},
      {"acknowledgments", "acknowledgments"},
      {"acknowledgements", "acknowledgments"},
      {"epilogue", "epilogue"},
      {"afterword", "afterword"},
      {"appendix", "appendix"},
      {"bibliography", "bibliography"},
      {"glossary", "glossary"},
      {"conclusion", "conclusion"},
      {"colophon", "colophon"}};
  for (const auto& [word, role] : kRoles)
    if (t.starts_with(word)) return role;
  return "chapter";
}

struct StyleInfo {
  std::string name;  // lower case: "heading 1", "quote"
  std::string based_on;
  std::string lang;
  bool italic = false, bold = false, small_caps = false;
  int outline = -1;
};

struct Paragraph {
  pugi::xml_node node;
  int number = 0;  // 1-based, in document order (the report's location)
  std::string style;
  std::string align;  // left, center, right/end, both
  int indent = 0;     // twips
  bool page_break_before = false;
  bool numbered = false;
  std::string num_id;
  int list_level = 0;
  bool bullet = false;
  std::vector<Inline> inlines;
  std::string text;  // plain text
  bool only_image = false;
};

class DocxReader {
 public:
  DocxReader(PackageFiles& pkg, support::Diagnostics& diags) : pkg_(pkg), diags_(diags) {}
  std::optional<ImportedBook> run();

 private:
  bool load(const std::string& entry, pugi::xml_document& doc, bool required);
  void read_styles();
  void read_numbering();
  void read_relationships();
  void read_core_properties();
  void read_notes(const char* entry, const char* element,
                  std::map<std::string, pugi::xml_node>& out);
  const StyleInfo* style(const std::string& id) const;
  std::string style_name(const std::string& id) const;
  bool style_toggle(const std::string& id, bool StyleInfo::*field) const;
  std::string style_lang(const std::string& id) const;

  Paragraph paragraph(pugi::xml_node p);
  void runs(pugi::xml_node parent, const Paragraph& para, std::vector<Inline>& out);
  void run(pugi::xml_node r, const Paragraph& para, std::vector<Inline>& out);
  void drawing(pugi::xml_node d, std::vector<Inline>& out);
  void note_ref(const std::string& id, bool endnote, std::vector<Inline>& out);
  std::vector<Block> note_blocks(pugi::xml_node note);
  Block table(pugi::xml_node tbl);
  void body(pugi::xml_node body);
  void place(Paragraph& para, std::vector<Paragraph>& pending);
  void flush_section_end();
  model::Section& current();
  void open_section(std::vector<Inline> heading, const std::string& where);
  std::string where(const Paragraph& p) const {
    return fmt::format("word/document.xml paragraph {} (style {})", p.number,
                       p.style.empty() ? "Normal" : p.style);
  }
  void unmapped(const std::string& at, const std::string& what) {
    book_.report.unmapped.push_back({at, what});
  }
  /// Where the reader is, for the report: the paragraph (number and style) or table.
  std::string here_;
  support::SourcePos pos(const Paragraph& p) const {
    return {fmt::format("word/document.xml#p{}", p.number), 0, 0};
  }

  PackageFiles& pkg_;
  support::Diagnostics& diags_;
  ImportedBook book_;
  pugi::xml_document document_, styles_, numbering_, rels_, core_, footnotes_, endnotes_;
  std::map<std::string, StyleInfo> styles_by_id_;
  std::map<std::string, std::string> num_format_;  // numId → numFmt of level 0
  std::map<std::string, std::string> link_of_rel_;
  std::map<std::string, std::string> media_of_rel_;
  std::map<std::string, pugi::xml_node> footnote_nodes_, endnote_nodes_;
  std::map<std::string, std::string> image_names_;
  std::string doc_lang_;
  int note_count_ = 0;
  int paragraph_number_ = 0;
  int tracked_changes_ = 0;
  std::set<std::string> comments_;
  std::vector<model::Section> sections_;
  bool page_break_pending_ = false;
  std::string list_num_id_;  // the numbering of the list being read
  int empty_run_ = 0;
};

bool DocxReader::load(const std::string& entry, pugi::xml_document& doc, bool required) {
  if (!pkg_.has(entry)) {
    if (required) diags_.error("import-unreadable", {entry, 0, 0}, "missing from the document");
    return false;
  }
  std::string error;
  auto text = pkg_.read(entry, error);
  if (!text) {
    diags_.error(pkg_.last_problem() == PackageProblem::too_large
                     ? support::Code("import-too-large")
                     : support::Code("import-unreadable"),
                 {entry, 0, 0}, error);
    return false;
  }
  return parse_xml(doc, *text, entry, diags_);
}

void DocxReader::read_styles() {
  if (!load("word/styles.xml", styles_, false)) return;
  pugi::xml_node root = styles_.document_element();
  if (pugi::xml_node lang =
          root.child("w:docDefaults").child("w:rPrDefault").child("w:rPr").child("w:lang"))
    doc_lang_ = lang.attribute("w:val").value();
  for (pugi::xml_node s : root.children("w:style")) {
    StyleInfo info;
    info.name = lower(s.child("w:name").attribute("w:val").value());
    info.based_on = s.child("w:basedOn").attribute("w:val").value();
    pugi::xml_node rpr = s.child("w:rPr");
    info.italic = toggle(rpr, "w:i");
    info.bold = toggle(rpr, "w:b");
    info.small_caps = toggle(rpr, "w:smallCaps");
    info.lang = rpr.child("w:lang").attribute("w:val").value();
    if (pugi::xml_node o = s.child("w:pPr").child("w:outlineLvl"))
      info.outline = o.attribute("w:val").as_int(-1);
    styles_by_id_[s.attribute("w:styleId").value()] = info;
  }
}

const StyleInfo* DocxReader::style(const std::string& id) const {
  auto it = styles_by_id_.find(id);
  return it == styles_by_id_.end() ? nullptr : &it->second;
}

std::string DocxReader::style_name(const std::string& id) const {
  const StyleInfo* s = style(id);
  return s ? s->name : lower(id);
}

bool DocxReader::style_toggle(const std::string& id, bool StyleInfo::*field) const {
  std::string at = id;
  for (int depth = 0; depth < 16 && !at.empty(); ++depth) {
    const StyleInfo* s = style(at);
    if (!s) return false;
    if (s->*field) return true;
    at = s->based_on;
  }
  return false;
}

std::string DocxReader::style_lang(const std::string& id) const {
  std::string at = id;
  for (int depth = 0; depth < 16 && !at.empty(); ++depth) {
    const StyleInfo* s = style(at);
    if (!s) return {};
    if (!s->lang.empty()) return s->lang;
    at = s->based_on;
  }
  return {};
}

void DocxReader::read_numbering() {
  if (!load("word/numbering.xml", numbering_, false)) return;
  std::map<std::string, std::string> abstract_format;
  pugi::xml_node root = numbering_.document_element();
  for (pugi::xml_node a : root.children("w:abstractNum"))
    for (pugi::xml_node l : a.children("w:lvl"))
      if (std::string_view(l.attribute("w:ilvl").value()) == "0")
        abstract_format[a.attribute("w:abstractNumId").value()] =
            l.child("w:numFmt").attribute("w:val").value();
  for (pugi::xml_node n : root.children("w:num"))
    num_format_[n.attribute("w:numId").value()] =
        abstract_format[n.child("w:abstractNumId").attribute("w:val").value()];
}

void DocxReader::read_relationships() {
  if (!load("word/_rels/document.xml.rels", rels_, false)) return;
  for (pugi::xml_node r : rels_.document_element().children("Relationship")) {
    std::string id = r.attribute("Id").value(), target = r.attribute("Target").value();
    std::string_view type = r.attribute("Type").value();
    if (type.ends_with("/hyperlink"))
      link_of_rel_[id] = target;
    else if (type.ends_with("/image"))
      media_of_rel_[id] = std::string_view(r.attribute("TargetMode").value()) == "External"
                              ? std::string()
                              : resolve_href("word/document.xml", target);
  }
}

void DocxReader::read_core_properties() {
  if (!load("docProps/core.xml", core_, false)) return;
  model::Metadata& m = book_.metadata;
  for (pugi::xml_node n : core_.document_element().children()) {
    std::string_view name = n.name();
    std::string v = n.text().get();
    if (v.empty()) continue;
    if (name == "dc:title") m.title = {v, {"docProps/core.xml", 0, 0}};
    if (name == "dc:creator") m.authors.push_back({v, {"docProps/core.xml", 0, 0}});
    if (name == "dc:language") m.lang = {v, {"docProps/core.xml", 0, 0}};
    if (name == "dc:description") m.description = {v, {"docProps/core.xml", 0, 0}};
    if (name == "dc:subject") m.subjects.push_back({v, {"docProps/core.xml", 0, 0}});
    if (name == "cp:keywords") book_.report.count("core property keywords → left out");
  }
  if (!m.title.empty()) book_.report.count("core property dc:title → title");
  if (!m.authors.empty()) book_.report.count("core property dc:creator → author");
}

void DocxReader::read_notes(const char* entry, const char* element,
                            std::map<std::string, pugi::xml_node>& out) {
  pugi::xml_document& doc =
      std::string_view(entry) == "word/footnotes.xml" ? footnotes_ : endnotes_;
  if (!load(entry, doc, false)) return;
  for (pugi::xml_node n : doc.document_element().children(element)) {
    std::string_view type = n.attribute("w:type").value();
    if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice")
      continue;
    out[n.attribute("w:id").value()] = n;
  }
}

Paragraph DocxReader::paragraph(pugi::xml_node p) {
  Paragraph para;
  para.node = p;
  para.number = ++paragraph_number_;
  pugi::xml_node ppr = p.child("w:pPr");
  std::string style_id = ppr.child("w:pStyle").attribute("w:val").value();
  para.style = style_name(style_id);
  here_ = where(para);
  para.align = ppr.child("w:jc").attribute("w:val").value();
  para.indent = ppr.child("w:ind").attribute("w:left").as_int(0);
  if (!para.indent) para.indent = ppr.child("w:ind").attribute("w:start").as_int(0);
  para.page_break_before = toggle(ppr, "w:pageBreakBefore");
  if (pugi::xml_node num = ppr.child("w:numPr")) {
    std::string id = num.child("w:numId").attribute("w:val").value();
    if (id != "0" && !id.empty()) {
      para.numbered = true;
      para.num_id = id;
      para.list_level = num.child("w:ilvl").attribute("w:val").as_int(0);
      para.bullet = num_format_[id] == "bullet" || num_format_[id].empty();
    }
  }
  runs(p, para, para.inlines);
  tidy(para.inlines);
  trim_lines(para.inlines);
  para.text = model::plain_text(para.inlines);
  para.only_image = para.inlines.size() == 1 && para.inlines[0].is<model::Image>();
  return para;
}

void DocxReader::runs(pugi::xml_node parent, const Paragraph& para, std::vector<Inline>& out) {
  for (pugi::xml_node c : parent.children()) {
    std::string_view n = c.name();
    if (n == "w:r") {
      run(c, para, out);
    } else if (n == "w:hyperlink") {
      std::string target;
      if (auto id = c.attribute("r:id"); id)
        target = link_of_rel_[id.value()];
      else if (auto a = c.attribute("w:anchor"); a)
        target = std::string("#") + a.value();
      Inline link;
      link.node = model::Link{target};
      runs(c, para, link.children);
      if (target.empty()) {
        for (auto& in : link.children) out.push_back(std::move(in));
      } else {
        out.push_back(std::move(link));
        book_.report.count("hyperlink → link");
      }
    } else if (n == "w:ins" || n == "w:moveTo") {
      ++tracked_changes_;
      diags_.warning(
          "import-tracked-change", pos(para),
          fmt::format("a tracked {} by {} is accepted", n == "w:ins" ? "insertion" : "move",
                      c.attribute("w:author").value()));
      runs(c, para, out);
    } else if (n == "w:del" || n == "w:moveFrom") {
      ++tracked_changes_;
      diags_.warning("import-tracked-change", pos(para),
                     fmt::format("a tracked deletion by {} is accepted (the text is left out)",
                                 c.attribute("w:author").value()));
    } else if (n == "w:commentRangeStart" || n == "w:commentReference") {
      std::string id = c.attribute("w:id").value();
      if (comments_.insert(id).second)
        diags_.warning("import-comment", pos(para),
                       fmt::format("comment {} is dropped: a manuscript has no comments", id));
    } else if (n == "w:smartTag" || n == "w:sdt" || n == "w:sdtContent" || n == "w:customXml" ||
               n == "w:fldSimple") {
      runs(c, para, out);
    }
  }
}

void DocxReader::run(pugi::xml_node r, const Paragraph& para, std::vector<Inline>& out) {
  pugi::xml_node rpr = r.child("w:rPr");
  std::string rstyle = rpr.child("w:rStyle").attribute("w:val").value();
  std::string pstyle = para.node.child("w:pPr").child("w:pStyle").attribute("w:val").value();
  auto on = [&](const char* prop, bool StyleInfo::*field) {
    if (rpr.child(prop)) return toggle(rpr, prop);
    return style_toggle(rstyle, field) ||
           (!para.style.starts_with("heading") && style_toggle(pstyle, field));
  };
  bool italic = on("w:i", &StyleInfo::italic);
  bool bold =
      on("w:b", &StyleInfo::bold) && !para.style.starts_with("heading") && para.style != "title";
  bool small_caps = on("w:smallCaps", &StyleInfo::small_caps);
  std::string lang = rpr.child("w:lang").attribute("w:val").value();
  if (lang.empty()) lang = style_lang(rstyle);
  if (lang == doc_lang_ || lang == book_.metadata.lang.value) lang.clear();
  std::string_view vert = rpr.child("w:vertAlign").attribute("w:val").value();

  std::vector<Inline> content;
  for (pugi::xml_node c : r.children()) {
    std::string_view n = c.name();
    if (n == "w:t") {
      content.push_back(text_inline(c.text().get()));
    } else if (n == "w:tab") {
      content.push_back(text_inline(" "));
    } else if (n == "w:br" || n == "w:cr") {
      std::string_view type = c.attribute("w:type").value();
      if (type == "page")
        page_break_pending_ = true;
      else
        content.push_back(line_break());
    } else if (n == "w:noBreakHyphen") {
      content.push_back(text_inline("\u2011"));
    } else if (n == "w:footnoteReference" || n == "w:endnoteReference") {
      note_ref(c.attribute("w:id").value(), n == "w:endnoteReference", content);
    } else if (n == "w:drawing" || n == "w:pict") {
      drawing(c, content);
    } else if (n == "w:delText") {
      // inside a deletion: left out with it
    } else if (n == "w:commentReference") {
      std::string id = c.attribute("w:id").value();
      if (comments_.insert(id).second)
        diags_.warning("import-comment", pos(para),
                       fmt::format("comment {} is dropped: a manuscript has no comments", id));
    }
  }
  if (content.empty()) return;
  if (vert == "superscript" || vert == "subscript") {
    bool is_note = std::any_of(content.begin(), content.end(),
                               [](const Inline& i) { return i.is<model::NoteRef>(); });
    if (!is_note)
      unmapped(where(para),
               fmt::format("{} text '{}': kept as plain text", vert, model::plain_text(content)));
  }
  auto wrap = [&](model::InlineNode node) {
    Inline in;
    in.node = std::move(node);
    in.children = std::move(content);
    content.clear();
    content.push_back(std::move(in));
  };
  if (small_caps) wrap(model::SmallCaps{});
  if (italic) wrap(model::Emphasis{});
  if (bold) wrap(model::Strong{});
  if (!lang.empty()) {
    wrap(model::Span{});
    content.back().attr.lang = lang;
  }
  for (auto& in : content) out.push_back(std::move(in));
}

void DocxReader::drawing(pugi::xml_node d, std::vector<Inline>& out) {
  pugi::xml_node doc_pr = d.select_node(".//*[local-name()='docPr']").node();
  pugi::xml_node blip = d.select_node(".//*[local-name()='blip']").node();
  std::string alt = doc_pr.attribute("descr").value();
  std::string rel = blip.attribute("r:embed").value();
  std::string entry = media_of_rel_[rel];
  if (entry.empty()) {
    unmapped(here_ + ", drawing '" + std::string(doc_pr.attribute("name").value()) + "'",
             "a drawing that is not an embedded picture: left out");
    return;
  }
  std::string& name = image_names_[entry];
  if (name.empty()) {
    std::string error;
    auto bytes = pkg_.read(entry, error);
    if (!bytes) {
      diags_.warning("import-image", {entry, 0, 0}, "an image left out: " + error);
      return;
    }
    name = "images/" + entry.substr(entry.rfind('/') + 1);
    book_.images.push_back({name, std::move(*bytes)});
  }
  if (alt.empty())
    unmapped(here_ + ", " + entry,
             "a picture without alternative text (descr): add a caption to the figure");
  Inline img;
  img.node = model::Image{name, alt};
  if (!alt.empty()) img.children.push_back(text_inline(alt));
  out.push_back(std::move(img));
}

void DocxReader::note_ref(const std::string& id, bool endnote, std::vector<Inline>& out) {
  auto& nodes = endnote ? endnote_nodes_ : footnote_nodes_;
  auto it = nodes.find(id);
  if (it == nodes.end()) return;
  Block note;
  std::string label = fmt::format("n{}", ++note_count_);
  note.node = model::Footnote{label, 0};
  note.blocks = note_blocks(it->second);
  current().footnotes.push_back(std::move(note));
  Inline ref;
  ref.node = model::NoteRef{label, 0};
  out.push_back(std::move(ref));
  book_.report.count(endnote ? "endnote → footnote" : "footnote → footnote");
}

std::vector<Block> DocxReader::note_blocks(pugi::xml_node note) {
  std::vector<Block> out;
  for (pugi::xml_node p : note.children("w:p")) {
    Paragraph para;
    para.node = p;
    runs(p, para, para.inlines);
    tidy(para.inlines);
    trim_lines(para.inlines);
    if (para.inlines.empty()) continue;
    Block b;
    b.node = model::Paragraph{};
    b.inlines = std::move(para.inlines);
    out.push_back(std::move(b));
  }
  return out;
}

Block DocxReader::table(pugi::xml_node tbl) {
  Block b;
  model::Table t;
  std::vector<model::TableRow> rows;
  std::size_t columns = 0;
  for (pugi::xml_node tr : tbl.children("w:tr")) {
    model::TableRow row;
    for (pugi::xml_node tc : tr.children("w:tc")) {
      model::TableCell cell;
      for (pugi::xml_node c : tc.children()) {
        std::string_view n = c.name();
        std::vector<Inline> part;
        if (n == "w:p") {
          Paragraph para;
          para.node = c;
          runs(c, para, part);
        } else if (n == "w:tbl") {
          unmapped(here_, "a table inside a table cell: its text is kept");
          for (auto p : c.select_nodes(".//*[local-name()='p']")) {
            Paragraph para;
            para.node = p.node();
            runs(p.node(), para, part);
            part.push_back(text_inline(" "));
          }
        }
        if (part.empty()) continue;
        if (!cell.inlines.empty()) cell.inlines.push_back(text_inline(" "));
        for (auto& in : part) cell.inlines.push_back(std::move(in));
      }
      tidy(cell.inlines);
      trim_lines(cell.inlines);
      for (auto& in : cell.inlines)
        if (in.is<model::LineBreak>()) in = text_inline(" ");
      tidy(cell.inlines);
      row.cells.push_back(std::move(cell));
    }
    columns = std::max(columns, row.cells.size());
    rows.push_back(std::move(row));
  }
  for (auto& r : rows) r.cells.resize(columns);
  t.alignments.assign(columns, model::ColumnAlign::none);
  if (!rows.empty()) {
    t.header = std::move(rows.front());
    rows.erase(rows.begin());
  }
  t.rows = std::move(rows);
  b.node = std::move(t);
  book_.report.count("table → pipe table (first row: the header)");
  return b;
}

model::Section& DocxReader::current() {
  if (sections_.empty()) sections_.emplace_back();
  return sections_.back();
}

void DocxReader::open_section(std::vector<Inline> heading, const std::string& at) {
  model::Section s;
  s.role = role_of_heading(model::plain_text(heading));
  s.matter = *model::matter_of_role(s.role);
  Block h;
  h.node = model::Heading{1};
  h.inlines = std::move(heading);
  s.heading = std::move(h);
  book_.report.count("Heading 1 → section (" + s.role + ")");
  (void)at;
  sections_.push_back(std::move(s));
}

bool is_scene_break_text(std::string_view t) {
  std::string s;
  for (char c : t)
    if (c != ' ' && c != '\t') s += c;
  return s == "***" || s == "#" || s == "⁂" || s == "*" || s == "§" || s == "~" || s == "•••" ||
         s == "···";
}

void DocxReader::body(pugi::xml_node body) {
  std::vector<Paragraph> tail;  // right-aligned short paragraphs waiting for what follows
  std::vector<Block>* quote = nullptr;
  auto out = [&]() -> std::vector<Block>& { return current().blocks; };
  auto flush_tail = [&](bool at_end) {
    if (tail.empty()) return;
    // Right-aligned short lines: a dateline when they hold a number (a date), else a signature.
    bool dated = std::any_of(tail.begin(), tail.end(), [](const Paragraph& p) {
      return p.text.find_first_of("0123456789") != std::string::npos;
    });
    Block b;
    b.node = model::Dateline{};
    std::vector<Inline> lines;
    for (auto& p : tail) {
      if (!lines.empty()) lines.push_back(line_break());
      for (auto& in : p.inlines) lines.push_back(std::move(in));
    }
    if (dated || !at_end) {
      b.inlines = std::move(lines);
      book_.report.count("short right-aligned lines → dateline");
    } else {
      b.node = model::Div{};
      b.attr.classes.push_back("signature");
      Block p;
      p.node = model::Paragraph{};
      p.inlines = std::move(lines);
      b.blocks.push_back(std::move(p));
      book_.report.count("short right-aligned lines closing a section → signature");
    }
    out().push_back(std::move(b));
    tail.clear();
  };
  std::vector<Block>* list_items = nullptr;
  for (pugi::xml_node c : body.children()) {
    std::string_view n = c.name();
    if (n == "w:tbl") {
      here_ = fmt::format("word/document.xml table after paragraph {}", paragraph_number_);
      flush_tail(false);
      quote = nullptr;
      list_items = nullptr;
      out().push_back(table(c));
      continue;
    }
    if (n == "w:sdt") {
      unmapped("word/document.xml content control",
               "a content control (a generated table of contents?): left out");
      continue;
    }
    if (n != "w:p") continue;
    bool break_before = page_break_pending_;
    page_break_pending_ = false;
    Paragraph para = paragraph(c);
    break_before = break_before || para.page_break_before;
    const std::string& st = para.style;
    bool empty = para.inlines.empty();
    if (empty) {
      ++empty_run_;
      if (page_break_pending_) continue;
      continue;
    }
    int empties = empty_run_;
    empty_run_ = 0;
    if (st == "title") {
      if (book_.metadata.title.empty()) book_.metadata.title = {para.text, pos(para)};
      book_.report.count("Title style → title");
      continue;
    }
    if (st == "subtitle") {
      book_.metadata.subtitle = {para.text, pos(para)};
      book_.report.count("Subtitle style → subtitle");
      continue;
    }
    if (st == "date") {
      if (book_.metadata.date.empty()) book_.metadata.date = {para.text, pos(para)};
      book_.report.count("Date style → date");
      continue;
    }
    if (st == "abstract") {
      if (book_.metadata.description.empty()) book_.metadata.description = {para.text, pos(para)};
      book_.report.count("Abstract style → description");
      continue;
    }
    if ((st == "image caption" || st == "caption") && !out().empty() &&
        out().back().is<model::Figure>()) {
      // Pandoc and Word set a figure's caption as a paragraph of its own under the picture.
      std::vector<Inline> caption = std::move(para.inlines);
      if (caption.size() == 1 && caption[0].is<model::Emphasis>())
        caption = std::move(caption[0].children);
      out().back().inlines = std::move(caption);
      book_.report.count("Caption under a picture → the figure's caption");
      continue;
    }
    if (st == "source code") {
      flush_tail(false);
      quote = nullptr;
      list_items = nullptr;
      Block code;
      std::string text;
      for (const auto& l :
           model::lines_of(Block{.node = model::Paragraph{}, .inlines = para.inlines}))
        text += model::plain_text(l) + "\n";
      code.node = model::CodeBlock{"", text};
      out().push_back(std::move(code));
      book_.report.count("Source Code style → code block");
      continue;
    }
    if (st == "author") {
      if (book_.metadata.authors.empty()) book_.metadata.authors.push_back({para.text, pos(para)});
      book_.report.count("Author style → author");
      continue;
    }
    // The title page's lines before the first heading, when the properties already say them.
    if (sections_.empty()) {
      const model::Metadata& m = book_.metadata;
      bool said = para.text == m.title.value || para.text == m.subtitle.value ||
                  std::any_of(m.authors.begin(), m.authors.end(),
                              [&](const model::MetaString& a) { return a.value == para.text; });
      if (said) {
        book_.report.count("a title-page line the core properties say → left out");
        continue;
      }
    }
    int level = 0;
    if (st.starts_with("heading ")) level = std::atoi(st.c_str() + 8);
    if (!level) {
      std::string at = para.node.child("w:pPr").child("w:pStyle").attribute("w:val").value();
      if (const StyleInfo* s = style(at); s && s->outline >= 0) level = s->outline + 1;
    }
    bool short_centred = para.align == "center" && para.text.size() < 80;
    if (level == 1 ||
        (level == 0 && break_before && short_centred && !is_scene_break_text(para.text))) {
      flush_tail(true);
      quote = nullptr;
      list_items = nullptr;
      open_section(std::move(para.inlines), where(para));
      continue;
    }
    if (level > 1) {
      flush_tail(false);
      quote = nullptr;
      list_items = nullptr;
      Block h;
      h.node = model::Heading{std::min(level, 6)};
      h.inlines = std::move(para.inlines);
      out().push_back(std::move(h));
      book_.report.count(fmt::format("Heading {} → sub-heading", level));
      continue;
    }
    if (para.align == "center" && is_scene_break_text(para.text)) {
      flush_tail(false);
      quote = nullptr;
      list_items = nullptr;
      Block b;
      b.node = model::SceneBreak{};
      out().push_back(std::move(b));
      book_.report.count("centred * * * → scene break");
      continue;
    }
    if (empties >= 2 && !out().empty() && !out().back().is<model::SceneBreak>()) {
      Block b;
      b.node = model::SceneBreak{};
      out().push_back(std::move(b));
      book_.report.count("a run of empty paragraphs → scene break");
    }
    if ((para.align == "right" || para.align == "end") && para.text.size() < 80) {
      // Opening a section (a letter's place and date) or waiting to see if it closes one.
      if (out().empty()) {
        tail.push_back(std::move(para));
        flush_tail(false);
      } else {
        tail.push_back(std::move(para));
      }
      continue;
    }
    flush_tail(false);
    Block b;
    if (para.only_image) {
      const auto& img = para.inlines[0].as<model::Image>();
      b.node = model::Figure{img.src, img.alt};
      b.inlines = para.inlines[0].children;
      book_.report.count("picture alone in a paragraph → figure");
    } else {
      b.node = model::Paragraph{};
      b.inlines = std::move(para.inlines);
    }
    if (para.numbered) {
      quote = nullptr;
      if (!list_items || out().empty() || !out().back().is<model::List>() ||
          para.num_id != list_num_id_) {
        list_num_id_ = para.num_id;
        Block l;
        l.node = model::List{!para.bullet, 1};
        out().push_back(std::move(l));
        book_.report.count("numbered paragraphs → list");
      }
      Block item;
      item.node = model::ListItem{};
      item.blocks.push_back(std::move(b));
      out().back().blocks.push_back(std::move(item));
      list_items = &out().back().blocks;
      continue;
    }
    list_items = nullptr;
    bool quoted = st == "quote" || st == "block text" || st == "intense quote" ||
                  st == "block quotation" || st == "quotations" || para.indent >= 567;
    if (quoted) {
      if (!quote || out().empty() || !out().back().is<model::BlockQuote>()) {
        Block q;
        q.node = model::BlockQuote{};
        out().push_back(std::move(q));
        book_.report.count("Quote / Block Text / indented paragraphs → block quote");
      }
      out().back().blocks.push_back(std::move(b));
      quote = &out().back().blocks;
      continue;
    }
    quote = nullptr;
    out().push_back(std::move(b));
  }
  flush_tail(true);
}

std::optional<ImportedBook> DocxReader::run() {
  book_.report.source = "Word document (word/document.xml)";
  if (!load("word/document.xml", document_, true)) return std::nullopt;
  read_styles();
  read_numbering();
  read_relationships();
  read_core_properties();
  read_notes("word/footnotes.xml", "w:footnote", footnote_nodes_);
  read_notes("word/endnotes.xml", "w:endnote", endnote_nodes_);
  if (diags_.has_errors()) return std::nullopt;
  if (book_.metadata.lang.empty() && !doc_lang_.empty())
    book_.metadata.lang = {doc_lang_, {"word/styles.xml", 0, 0}};
  body(document_.document_element().child("w:body"));
  std::erase_if(sections_, [](const model::Section& s) {
    return !s.heading && s.blocks.empty() && s.footnotes.empty();
  });
  if (sections_.empty()) {
    diags_.error("import-unreadable", {"word/document.xml", 0, 0}, "the document has no text");
    return std::nullopt;
  }
  // One file per section, named by its number and heading (`01-preface.md`).
  int n = 0;
  for (auto& s : sections_) {
    std::string stem = s.heading ? model::slug(model::plain_text(s.heading->inlines)) : "opening";
    if (stem.size() > 40) stem.resize(40);
    if (stem.empty()) stem = "section";
    book_.files.push_back({fmt::format("{:02}-{}.md", ++n, stem), {std::move(s)}});
  }
  return std::move(book_);
}

}  // namespace

bool is_docx(const PackageFiles& pkg) {
  return pkg.has("word/document.xml");
}

std::optional<ImportedBook> read_docx(PackageFiles& pkg, support::Diagnostics& diags) {
  return DocxReader(pkg, diags).run();
}

}  // namespace folio::import
