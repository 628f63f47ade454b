// JSON dump of the model. The field set is documented in docs/model-json.md; keep them in step.
#include "model/dump.hpp"

#include "support/json_writer.hpp"

namespace folio::model {
namespace {

using support::JsonWriter;

void write_source(JsonWriter& w, const SourcePos& p) {
  w.key("source");
  w.begin_object();
  w.key("file");
  w.value(p.file);
  w.key("line");
  w.value(p.line);
  w.key("column");
  w.value(p.column);
  w.end_object();
}

void write_classes(JsonWriter& w, const std::vector<std::string>& classes) {
  if (classes.empty()) return;
  w.key("classes");
  w.begin_array();
  for (const auto& c : classes) w.value(c);
  w.end_array();
}

void write_inlines(JsonWriter& w, const std::vector<Inline>& inlines);
void write_blocks(JsonWriter& w, const std::vector<Block>& blocks);

void write_string(JsonWriter& w, std::string_view key, const std::string& value) {
  w.key(key);
  w.value(value);
}

void write_inline(JsonWriter& w, const Inline& in) {
  w.begin_object();
  w.key("type");
  w.value(kind_name(in.kind()));
  std::visit(Overloaded{
                 [&](const Text& t) { write_string(w, "text", t.text); },
                 [&](const Code& c) { write_string(w, "text", c.text); },
                 [&](const Link& l) { write_string(w, "target", l.target); },
                 [&](const NoteRef& n) {
                   write_string(w, "id", n.label);
                   w.key("number");
                   w.value(n.number);
                 },
                 [&](const Image& i) {
                   write_string(w, "target", i.src);
                   write_string(w, "alt", i.alt);
                 },
                 [](const auto&) {},
             },
             in.node);
  if (!in.attr.id.empty()) write_string(w, "id", in.attr.id);
  if (!in.attr.lang.empty()) write_string(w, "lang", in.attr.lang);
  write_classes(w, in.attr.classes);
  write_source(w, in.source);
  if (!in.children.empty()) write_inlines(w, in.children);
  w.end_object();
}

void write_inlines(JsonWriter& w, const std::vector<Inline>& inlines) {
  w.key("inlines");
  w.begin_array();
  for (const auto& in : inlines) write_inline(w, in);
  w.end_array();
}

void write_row(JsonWriter& w, const TableRow& row) {
  w.begin_object();
  write_source(w, row.source);
  w.key("cells");
  w.begin_array();
  for (const TableCell& cell : row.cells) {
    w.begin_object();
    write_source(w, cell.source);
    write_inlines(w, cell.inlines);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

// A table's columns and rows; its caption is the block's "inlines".
void write_table(JsonWriter& w, const Table& t) {
  w.key("alignments");
  w.begin_array();
  for (ColumnAlign a : t.alignments) w.value(align_name(a));
  w.end_array();
  w.key("header");
  write_row(w, t.header);
  w.key("rows");
  w.begin_array();
  for (const TableRow& row : t.rows) write_row(w, row);
  w.end_array();
}

void write_block(JsonWriter& w, const Block& b) {
  w.begin_object();
  w.key("type");
  w.value(kind_name(b.kind()));
  // The JSON keeps the shape it had before the typed model: a footnote's label is its "id",
  // a figure's src its "target", a code block's info string its "lang".
  std::string id = b.attr.id;
  std::string lang = b.attr.lang;
  std::visit(Overloaded{
                 [&](const Heading& h) {
                   w.key("level");
                   w.value(h.level);
                 },
                 [&](const List& l) {
                   w.key("ordered");
                   w.value(l.ordered);
                   if (l.ordered) {
                     w.key("start");
                     w.value(l.start);
                   }
                 },
                 [&](const Footnote& f) {
                   w.key("number");
                   w.value(f.number);
                   if (id.empty()) id = f.label;
                 },
                 [&](const Figure& f) {
                   write_string(w, "target", f.src);
                   write_string(w, "alt", f.alt);
                 },
                 [&](const CodeBlock& c) {
                   write_string(w, "text", c.text);
                   if (lang.empty()) lang = c.info;
                 },
                 [&](const Dateline& d) {
                   w.key("place");
                   w.value(place_name(d.place));
                 },
                 [](const auto&) {},
             },
             b.node);
  if (!id.empty()) write_string(w, "id", id);
  if (!lang.empty()) write_string(w, "lang", lang);
  write_classes(w, b.attr.classes);
  if (!b.attr.attributes.empty()) {
    w.key("attributes");
    w.begin_object();
    for (const auto& [k, v] : b.attr.attributes) write_string(w, k, v);
    w.end_object();
  }
  write_source(w, b.source);
  switch (b.kind()) {
    case BlockKind::paragraph:
    case BlockKind::heading:
    case BlockKind::dateline:
    case BlockKind::line_block:
    case BlockKind::figure:
      write_inlines(w, b.inlines);
      break;
    case BlockKind::table:
      write_inlines(w, b.inlines);
      write_table(w, b.as<Table>());
      break;
    case BlockKind::scene_break:
    case BlockKind::code_block:
      break;
    default:
      write_blocks(w, b.blocks);
  }
  w.end_object();
}

void write_blocks(JsonWriter& w, const std::vector<Block>& blocks) {
  w.key("blocks");
  w.begin_array();
  for (const auto& b : blocks) write_block(w, b);
  w.end_array();
}

void write_meta(JsonWriter& w, const char* key, const MetaString& s) {
  if (s.empty()) return;
  w.key(key);
  w.value(s.value);
}

void write_meta_list(JsonWriter& w, const char* key, const std::vector<MetaString>& list) {
  if (list.empty()) return;
  w.key(key);
  w.begin_array();
  for (const auto& s : list) w.value(s.value);
  w.end_array();
}

void write_metadata(JsonWriter& w, const Metadata& m) {
  w.key("metadata");
  w.begin_object();
  write_meta(w, "title", m.title);
  write_meta(w, "subtitle", m.subtitle);
  write_meta_list(w, "author", m.authors);
  write_meta(w, "lang", m.lang);
  write_meta(w, "date", m.date);
  write_meta(w, "identifier", m.identifier);
  write_meta(w, "publisher", m.publisher);
  write_meta(w, "rights", m.rights);
  write_meta(w, "edition", m.edition);
  write_meta(w, "description", m.description);
  write_meta_list(w, "subject", m.subjects);
  write_meta(w, "cover-image", m.cover_image);
  write_meta(w, "style", m.style);
  write_meta_list(w, "contents", m.contents);
  w.end_object();
}

}  // namespace

std::string dump_json(const Document& doc) {
  JsonWriter w(true);
  w.begin_object();
  w.key("version");
  w.value(kDumpVersion);
  write_metadata(w, doc.metadata);
  w.key("sections");
  w.begin_array();
  for (const Section& s : doc.sections) {
    w.begin_object();
    w.key("role");
    w.value(s.role);
    w.key("matter");
    w.value(matter_name(s.matter));
    write_source(w, s.source);
    if (s.heading) {
      w.key("heading");
      write_block(w, *s.heading);
    }
    write_blocks(w, s.blocks);
    w.key("footnotes");
    w.begin_array();
    for (const auto& f : s.footnotes) write_block(w, f);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  std::string out = w.take();
  out += '\n';
  return out;
}

}  // namespace folio::model
