// Counts a section's words block by block, the way both editions set them.
#include "editions/model_words.hpp"

#include <optional>
#include <vector>

#include "editions/words.hpp"
#include "model/walk.hpp"

namespace folio::editions {
namespace {

// The characters a writer sets for inlines: note references as their numbers, line breaks
// as breaks, images as nothing.
void inline_text(const std::vector<model::Inline>& inlines, std::string& out) {
  for (const model::Inline& in : inlines) {
    switch (in.kind()) {
      case model::InlineKind::text:
        out += in.as<model::Text>().text;
        break;
      case model::InlineKind::code:
        out += in.as<model::Code>().text;
        break;
      case model::InlineKind::note_ref:
        out += std::to_string(in.as<model::NoteRef>().number);
        break;
      case model::InlineKind::line_break:
        out += '\n';
        break;
      case model::InlineKind::image:
        break;
      default:
        inline_text(in.children, out);
    }
  }
}

class Locator {
 public:
  explicit Locator(std::size_t index) : index_(index) {}
  std::optional<support::SourcePos> found;

  void text(const std::string& s, const support::SourcePos& where) {
    if (found) return;
    seen_ += words_of(s).size();
    if (seen_ > index_) found = where;
  }

  void blocks(const std::vector<model::Block>& bs) {
    for (const model::Block& b : bs) block(b);
  }

  void block(const model::Block& b) {
    if (found) return;
    std::string s;
    switch (b.kind()) {
      case model::BlockKind::code_block:
        text(b.as<model::CodeBlock>().text, b.source);
        break;
      case model::BlockKind::list: {
        const auto& list = b.as<model::List>();
        int n = list.start;
        for (const model::Block& item : b.blocks) {
          if (list.ordered && !item.blocks.empty() && item.blocks.front().is<model::Paragraph>())
            text(std::to_string(n), item.source);
          blocks(item.blocks);
          ++n;
        }
        break;
      }
      case model::BlockKind::figure:
        break;  // its caption is compared apart (caption_word_position)
      case model::BlockKind::footnote:
        text(std::to_string(b.as<model::Footnote>().number), b.source);
        blocks(b.blocks);
        break;
      case model::BlockKind::table:
        // The caption, then the cells row by row, as both editions set them.
        inline_text(b.inlines, s);
        text(s, b.source);
        model::for_each_row(b.as<model::Table>(), [&](const model::TableRow& row) {
          for (const model::TableCell& cell : row.cells) {
            std::string c;
            inline_text(cell.inlines, c);
            text(c, cell.source);
          }
        });
        break;
      default:
        inline_text(b.inlines, s);
        text(s, b.source);
        blocks(b.blocks);
    }
  }

 private:
  std::size_t index_;
  std::size_t seen_ = 0;
};

}  // namespace

support::SourcePos word_position(const model::Document& doc, int section, std::size_t index,
                                 bool notes) {
  if (section < 0 || static_cast<std::size_t>(section) >= doc.sections.size()) return {};
  const model::Section& sec = doc.sections[static_cast<std::size_t>(section)];
  Locator at(index);
  if (notes) {
    at.blocks(sec.footnotes);
  } else {
    if (sec.heading) at.block(*sec.heading);
    at.blocks(sec.blocks);
  }
  return at.found ? *at.found : sec.source;
}

support::SourcePos caption_word_position(const model::Document& doc, int section,
                                         std::size_t index) {
  if (section < 0 || static_cast<std::size_t>(section) >= doc.sections.size()) return {};
  const model::Section& sec = doc.sections[static_cast<std::size_t>(section)];
  std::size_t seen = 0;
  std::optional<support::SourcePos> found;
  model::walk_blocks(sec.blocks, [&](const model::Block& b) {
    if (found || !b.is<model::Figure>()) return;
    std::string s;
    inline_text(b.inlines, s);
    seen += words_of(s).size();
    if (seen > index) found = b.source;
  });
  return found ? *found : sec.source;
}

std::string section_name(const model::Document& doc, int section) {
  if (section < 0 || static_cast<std::size_t>(section) >= doc.sections.size()) return {};
  const model::Section& sec = doc.sections[static_cast<std::size_t>(section)];
  return sec.heading ? model::plain_text(sec.heading->inlines) : sec.role;
}

}  // namespace folio::editions
