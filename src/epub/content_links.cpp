// The link index: which content document holds each author id and each footnote.
#include "epub/content_document.hpp"

namespace folio::epub {
namespace {

void index_inlines(const std::vector<model::Inline>& inlines, const std::string& file,
                   ContentLinks& links) {
  for (const auto& in : inlines) {
    if (!in.id.empty()) links.file_of_id.try_emplace(in.id, file);
    index_inlines(in.children, file, links);
  }
}

void index_blocks(const std::vector<model::Block>& blocks, const std::string& file,
                  ContentLinks& links) {
  for (const auto& b : blocks) {
    if (!b.id.empty() && b.kind != model::BlockKind::footnote)
      links.file_of_id.try_emplace(b.id, file);
    if (b.kind == model::BlockKind::footnote) links.file_of_note.try_emplace(b.number, file);
    index_inlines(b.inlines, file, links);
    index_blocks(b.blocks, file, links);
  }
}

}  // namespace

ContentLinks index_links(const model::Document& doc, const std::vector<std::string>& files) {
  ContentLinks links;
  for (std::size_t i = 0; i < doc.sections.size() && i < files.size(); ++i) {
    const model::Section& s = doc.sections[i];
    if (s.heading) {
      if (!s.heading->id.empty()) links.file_of_id.try_emplace(s.heading->id, files[i]);
      index_inlines(s.heading->inlines, files[i], links);
    }
    index_blocks(s.blocks, files[i], links);
    index_blocks(s.footnotes, files[i], links);
  }
  return links;
}

}  // namespace folio::epub
