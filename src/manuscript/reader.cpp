// The reader's recipe: book.yaml → contents → each file checked and parsed → one Document.
#include "manuscript/reader.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <system_error>
#include <utility>

#include "manuscript/encoding.hpp"
#include "manuscript/limits.hpp"
#include "manuscript/markdown.hpp"
#include "manuscript/metadata.hpp"
#include "model/walk.hpp"

namespace folio::manuscript {
namespace {

constexpr const char* kBookYaml = "book.yaml";

namespace fs = std::filesystem;

// What makes two contents entries the same file: for a folder, the file's device and inode
// when it exists (symlinks, hard links, `./a.md`, `sub/../a.md` all meet there), else its
// path with symlinks and dot segments resolved; in memory, the path made lexically normal.
std::string file_identity(const fs::path& base, const std::string& name) {
  fs::path rel = fs::path(name).lexically_normal();
  if (base.empty()) return "m:" + rel.string();
  std::error_code ec;
  fs::path full = fs::weakly_canonical(base / rel, ec);
  if (ec) full = base / rel;
  struct stat st {};
  if (::stat(full.c_str(), &st) == 0)
    return "i:" + std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
  return "p:" + full.string();
}

std::string mib(std::size_t bytes) {
  return std::to_string(bytes >> 20) + " MiB";
}

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

  std::map<std::string, std::string> seen;  // file identity → the entry that named it first
  std::size_t total = yaml->size();
  NoteNumbering notes;
  for (const auto& entry : order) {
    auto [first, fresh] =
        seen.try_emplace(file_identity(files.base_dir(), entry.value), entry.value);
    if (!fresh) {
      if (m.document.metadata.contents.empty())  // two names in the folder for one file
        diags.error("contents-duplicate", {entry.value, 0, 0},
                    "'" + entry.value + "' is the same file as '" + first->second +
                        "' (a symlink or hard link); list the book's files in contents");
      else
        diags.error("contents-duplicate", entry.source,
                    first->second == entry.value
                        ? "'" + entry.value + "' is listed twice in contents"
                        : "'" + entry.value + "' is the file '" + first->second +
                              "', already listed in contents");
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
    total += text->size();
    if (total > kMaxManuscriptBytes) {
      support::SourcePos at = m.document.metadata.contents.empty()
                                  ? support::SourcePos{entry.value, 0, 0}
                                  : entry.source;
      diags.error("manuscript-too-large", at,
                  "with '" + entry.value + "' the manuscript's files come to more than " +
                      mib(kMaxManuscriptBytes) + " (" + mib(total) +
                      "), more than folio reads for one book");
      break;
    }
    m.sources.push_back({entry.value, std::move(*text)});
    const std::string& kept = m.sources.back().text;
    if (!text_is_usable(entry.value, kept, diags)) {
      continue;
    }
    // A byte-order mark is not part of the text (the checker warns about it); only then is
    // the text copied.
    std::string with_bom_blanked;
    if (kept.starts_with("\xEF\xBB\xBF")) {
      with_bom_blanked = kept;
      with_bom_blanked.replace(0, 3, "   ");
    }
    const std::string& body = with_bom_blanked.empty() ? kept : with_bom_blanked;
    for (auto& s : read_markdown(entry.value, body, notes, diags))
      m.document.sections.push_back(std::move(s));
  }
  model::number_nodes(m.document);
  return m;
}

}  // namespace folio::manuscript
