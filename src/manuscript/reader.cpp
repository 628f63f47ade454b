// The reader's recipe: book.yaml → contents → each file checked and parsed → one Document.
#include "manuscript/reader.hpp"

#include <set>

#include "manuscript/encoding.hpp"
#include "manuscript/markdown.hpp"
#include "manuscript/metadata.hpp"

namespace folio::manuscript {
namespace {

constexpr const char* kBookYaml = "book.yaml";

}  // namespace

const SourceFile* Manuscript::source(std::string_view name) const {
  for (const auto& s : sources)
    if (s.name == name) return &s;
  return nullptr;
}

std::optional<Manuscript> read_manuscript(const FileSource& files, support::Diagnostics& diags) {
  Manuscript m;
  m.document.base_dir = files.base_dir();
  std::string why;
  auto yaml = files.read(kBookYaml, why);
  if (!yaml) {
    diags.error("no-book-yaml", {kBookYaml, 0, 0},
                "cannot read book.yaml (" + why + "); a manuscript folder needs one");
    return std::nullopt;
  }
  m.sources.push_back({kBookYaml, *yaml});
  if (!text_is_usable(kBookYaml, *yaml, diags)) return m;
  if (!read_metadata(kBookYaml, *yaml, m.document.metadata, diags)) return m;

  // The files to read: `contents` in order, else every *.md in name order.
  std::vector<model::MetaString> order = m.document.metadata.contents;
  if (order.empty())
    for (const auto& name : files.markdown_files()) order.push_back({name, {kBookYaml, 0, 0}});

  std::set<std::string> seen;
  NoteNumbering notes;
  for (const auto& entry : order) {
    if (!seen.insert(entry.value).second) {
      diags.error("contents-duplicate", entry.source,
                  "'" + entry.value + "' is listed twice in contents");
      continue;
    }
    auto text = files.read(entry.value, why);
    if (!text) {
      if (m.document.metadata.contents.empty())  // found in the folder, not listed
        diags.error("file-unreadable", {entry.value, 0, 0}, "cannot be read: " + why);
      else
        diags.error("contents-missing", entry.source,
                    "contents lists '" + entry.value + "', which cannot be read: " + why);
      continue;
    }
    m.sources.push_back({entry.value, *text});
    if (!text_is_usable(entry.value, *text, diags)) {
      continue;
    }
    std::string body = *text;
    // A byte-order mark is not part of the text (the checker warns about it).
    if (body.starts_with("\xEF\xBB\xBF")) body.replace(0, 3, "   ");
    for (auto& s : read_markdown(entry.value, body, notes, diags))
      m.document.sections.push_back(std::move(s));
  }
  return m;
}

}  // namespace folio::manuscript
