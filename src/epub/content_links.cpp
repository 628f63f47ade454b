// The link index: which content document holds each author id and each footnote.
#include "epub/content_document.hpp"
#include "model/walk.hpp"

namespace folio::epub {
namespace {

// A footnote's label is not an author id (not in its Attr); its number is what links use.
void index_block(const model::Block& b, const std::string& file, ContentLinks& links) {
  if (!b.attr.id.empty()) links.file_of_id.try_emplace(b.attr.id, file);
  if (auto* note = b.get_if<model::Footnote>()) links.file_of_note.try_emplace(note->number, file);
  model::walk_block_inlines(b, [&](const model::Inline& in) {
    if (!in.attr.id.empty()) links.file_of_id.try_emplace(in.attr.id, file);
  });
}

}  // namespace

ContentLinks index_links(const model::Document& doc, const std::vector<std::string>& files) {
  ContentLinks links;
  for (std::size_t i = 0; i < doc.sections.size() && i < files.size(); ++i) {
    model::walk_blocks(doc.sections[i],
                       [&](const model::Block& b) { index_block(b, files[i], links); });
  }
  return links;
}

}  // namespace folio::epub
