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

void write_inline(JsonWriter& w, const Inline& in) {
  w.begin_object();
  w.key("type");
  w.value(kind_name(in.kind));
  switch (in.kind) {
    case InlineKind::text:
    case InlineKind::code:
      w.key("text");
      w.value(in.text);
      break;
    case InlineKind::link:
      w.key("target");
      w.value(in.target);
      break;
    case InlineKind::note_ref:
      w.key("id");
      w.value(in.target);
      w.key("number");
      w.value(in.number);
      break;
    case InlineKind::image:
      w.key("target");
      w.value(in.target);
      w.key("alt");
      w.value(in.text);
      break;
    default:
      break;
  }
  if (!in.id.empty()) {
    w.key("id");
    w.value(in.id);
  }
  if (!in.lang.empty()) {
    w.key("lang");
    w.value(in.lang);
  }
  write_classes(w, in.classes);
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

void write_block(JsonWriter& w, const Block& b) {
  w.begin_object();
  w.key("type");
  w.value(kind_name(b.kind));
  switch (b.kind) {
    case BlockKind::heading:
      w.key("level");
      w.value(b.level);
      break;
    case BlockKind::list:
      w.key("ordered");
      w.value(b.ordered);
      if (b.ordered) {
        w.key("start");
        w.value(b.start);
      }
      break;
    case BlockKind::footnote:
      w.key("number");
      w.value(b.number);
      break;
    case BlockKind::figure:
      w.key("target");
      w.value(b.target);
      w.key("alt");
      w.value(b.alt);
      break;
    case BlockKind::code_block:
      w.key("text");
      w.value(b.text);
      break;
    default:
      break;
  }
  if (!b.id.empty()) {
    w.key("id");
    w.value(b.id);
  }
  if (!b.lang.empty()) {
    w.key("lang");
    w.value(b.lang);
  }
  write_classes(w, b.classes);
  if (!b.attributes.empty()) {
    w.key("attributes");
    w.begin_object();
    for (const auto& [k, v] : b.attributes) {
      w.key(k);
      w.value(v);
    }
    w.end_object();
  }
  write_source(w, b.source);
  switch (b.kind) {
    case BlockKind::paragraph:
    case BlockKind::heading:
    case BlockKind::dateline:
    case BlockKind::line_block:
    case BlockKind::figure:
      write_inlines(w, b.inlines);
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
