// Reference checks: footnotes (found in the sources, since cmark-gfm drops unreferenced
// definitions and leaves undefined references as text), ids, and links to them.
#include <cctype>
#include <map>
#include <set>

#include "check/families.hpp"
#include "model/walk.hpp"

namespace folio::check {
namespace {

using model::Block;
using model::Inline;

// `kept`: the labels (normalised) of the notes the reader kept from this file.
void check_footnotes(const ProseSource& s, const std::set<std::string>& kept,
                     support::Diagnostics& diags) {
  const std::string& file = s.file->name;
  std::map<std::string, std::size_t> defined;  // label → offset of its first definition
  for (const FootnoteMark& d : s.prose.definitions) {
    auto [it, fresh] = defined.try_emplace(d.label, d.offset);
    if (!fresh)
      diags.error("footnote-duplicate", s.lines.at(file, d.offset),
                  "the footnote '" + d.label + "' is already defined on line " +
                      std::to_string(s.lines.at(file, it->second).line) +
                      "; this second definition is ignored");
  }
  std::set<std::string> referenced;
  for (const FootnoteMark& r : s.prose.references) {
    referenced.insert(r.label);
    if (!defined.contains(r.label))
      diags.error("footnote-undefined", s.lines.at(file, r.offset),
                  "the footnote '" + r.label + "' is referenced but never defined in " + file +
                      " (add a line `[^" + r.label + "]: …`)");
  }
  for (const auto& [label, offset] : defined) {
    if (!referenced.contains(label))
      diags.warning("footnote-unreferenced", s.lines.at(file, offset),
                    "the footnote '" + label +
                        "' is defined but never referenced, so it is "
                        "left out of the book");
    else if (!kept.contains(label))
      diags.warning("footnote-unreferenced", s.lines.at(file, offset),
                    "the footnote '" + label +
                        "' is cited only from text that is left out of the book (such as a note "
                        "nobody cites), so it is left out too; cite it from the text");
  }
}

// The labels of the notes each file keeps in the model, normalised as FootnoteMark's are.
std::map<std::string, std::set<std::string>> kept_notes(const manuscript::Manuscript& m) {
  std::map<std::string, std::set<std::string>> kept;
  for (const model::Section& s : m.document.sections)
    for (const Block& b : s.footnotes) {
      std::string label = b.as<model::Footnote>().label;
      for (char& c : label)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      kept[b.source.file].insert(label);
    }
  return kept;
}

// Every id the book defines, with where it is defined (first definition wins).
class IdTable {
 public:
  IdTable(const manuscript::Manuscript& m, const std::vector<ProseSource>& sources,
          support::Diagnostics& diags)
      : m_(m), sources_(sources), diags_(diags) {}

  void collect() {
    model::walk_blocks(m_.document, [&](const Block& b) {
      // A footnote's label is per file and not an id of the book; it is not in its Attr.
      add(b.attr.id, b.source);
      model::walk_block_inlines(b, [&](const Inline& in) { add(in.attr.id, in.source); });
    });
  }
  bool has(const std::string& id) const { return ids_.contains(id); }

 private:
  void add(const std::string& id, support::SourcePos pos) {
    if (id.empty()) return;
    pos = locate(pos, "#" + id);
    auto [it, fresh] = ids_.try_emplace(id, pos);
    if (!fresh)
      diags_.error("duplicate-id", pos,
                   "the id '" + id + "' is already used at " + it->second.file + ":" +
                       std::to_string(it->second.line) + "; ids must be unique in the book");
  }
  // Moves `pos` to where `needle` is written on its line, at or after its column.
  support::SourcePos locate(support::SourcePos pos, const std::string& needle) const {
    const ProseSource* src = nullptr;
    for (const ProseSource& s : sources_)
      if (s.file->name == pos.file) src = &s;
    if (!src || !pos.has_line()) return pos;
    const manuscript::SourceFile* f = src->file;
    std::size_t start = src->lines.line_start(pos.line);
    std::size_t end = f->text.find('\n', start);
    std::size_t from = start + static_cast<std::size_t>(std::max(pos.column, 1) - 1);
    if (end == std::string::npos) end = f->text.size();
    if (from >= end) return pos;
    // Search the line only: an id not spelt `#id` there must not cost a scan of the file.
    std::size_t at = std::string_view(f->text).substr(from, end - from).find(needle);
    if (at != std::string_view::npos) pos.column = static_cast<int>(from + at - start) + 1;
    return pos;
  }

  const manuscript::Manuscript& m_;
  const std::vector<ProseSource>& sources_;
  support::Diagnostics& diags_;
  std::map<std::string, support::SourcePos> ids_;
};

// The links both writers keep: web addresses and mail (EPUB: content_document.cpp).
bool is_web_or_mail(const std::string& target) {
  return target.starts_with("http://") || target.starts_with("https://") ||
         target.starts_with("mailto:");
}

void check_link(const IdTable& ids, const Inline& link, support::Diagnostics& diags) {
  const std::string& target = link.as<model::Link>().target;
  if (is_web_or_mail(target)) return;
  if (target.empty()) {
    diags.error("broken-link", link.source, "this link has no target");
    return;
  }
  if (target.starts_with("#")) {
    std::string id = target.substr(1);
    if (!ids.has(id))
      diags.error("broken-link", link.source,
                  "this link points to the id '" + id +
                      "', which nothing in the book defines (give a heading or span {#" + id +
                      "})");
    return;
  }
  // Anything else (another file, a file's #id, another scheme) the book cannot carry.
  std::size_t hash = target.find('#');
  std::string message = "the link target '" + target +
                        "' is neither a web address (http, https, mailto) nor an #id, so the "
                        "book shows the link text without a link";
  if (hash != std::string::npos && ids.has(target.substr(hash + 1)))
    message += "; ids are unique in the whole book, so write '" + target.substr(hash) + "'";
  diags.warning("unsupported-link", link.source, message);
}

void check_links(const manuscript::Manuscript& m, const IdTable& ids, support::Diagnostics& diags) {
  model::walk_inlines(m.document, [&](const Inline& in) {
    if (in.is<model::Link>()) check_link(ids, in, diags);
  });
}

// A footnote reference inside a footnote (a note on a note, or a note citing itself): the
// EPUB would pop up a note from within a note while the PDF sets notes only at the foot of
// the page that cites them, so the two editions could not carry the same notes.
void check_notes_in_notes(const manuscript::Manuscript& m, support::Diagnostics& diags) {
  for (const model::Section& s : m.document.sections)
    model::walk_inlines(s.footnotes, [&](const Inline& in) {
      if (in.is<model::NoteRef>())
        diags.error("footnote-in-footnote", in.source,
                    "a footnote reference inside a footnote; a note cannot have notes of its own "
                    "(put the text into this note, or cite the other note from the main text)");
    });
}

}  // namespace

void check_references(const manuscript::Manuscript& m, const std::vector<ProseSource>& sources,
                      support::Diagnostics& diags) {
  auto kept = kept_notes(m);
  for (const ProseSource& s : sources) check_footnotes(s, kept[s.file->name], diags);
  IdTable ids(m, sources, diags);
  ids.collect();
  check_links(m, ids, diags);
  check_notes_in_notes(m, diags);
}

}  // namespace folio::check
