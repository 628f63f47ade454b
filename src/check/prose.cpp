// The prose map, built from the model: each prose block's text with the source byte of every
// character, from the text pieces the reader placed (model/text_pieces.hpp).
#include <algorithm>
#include <cctype>

#include "check/line_index.hpp"
#include "check/prose.hpp"
#include "model/text_pieces.hpp"
#include "model/walk.hpp"

namespace folio::check {
namespace {

using model::Block;
using model::Inline;

std::string normalise_label(std::string_view label) {
  std::string out(label);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// `[^label]` at t[i]: the index just past `]`, or npos.
std::size_t footnote_label_end(std::string_view t, std::size_t i) {
  if (i + 2 >= t.size() || t[i] != '[' || t[i + 1] != '^') return std::string_view::npos;
  std::size_t j = i + 2;
  while (j < t.size() && t[j] != ']' && t[j] != '[' &&
         !std::isspace(static_cast<unsigned char>(t[j])))
    ++j;
  if (j >= t.size() || t[j] != ']' || j == i + 2) return std::string_view::npos;
  return j + 1;
}

// Where a block stands: block quote depth, nesting (quotes and divs), inside a signature.
struct Place {
  int depth = 0;
  int nest = 0;
  bool signature = false;
};

class ModelProse {
 public:
  ModelProse(const std::string& file, std::string_view source, const LineIndex& lines)
      : file_(file), source_(source), lines_(lines) {}

  ProseMap run(const model::Document& doc) {
    for (const model::Section& s : doc.sections) {
      if (s.heading) block(*s.heading, {});
      for (const Block& b : s.blocks) block(b, {});
      for (const Block& b : s.footnotes) block(b, {});
    }
    // The checks read blocks in the order they were written (notes close their file).
    std::stable_sort(map_.blocks.begin(), map_.blocks.end(),
                     [](const ProseBlock& a, const ProseBlock& b) { return a.start < b.start; });
    definitions(doc);
    return std::move(map_);
  }

 private:
  void block(const Block& b, Place at);
  void container(const Block& b, Place inner) {
    ++serial_;  // a container's blocks are siblings of each other only
    for (const Block& c : b.blocks) block(c, inner);
    ++serial_;
  }
  void prose(const std::vector<Inline>& inlines, Place at, ProseBlock::Kind kind,
             const model::SourcePos& where, bool verse = false, bool figure = false);
  void flatten(ProseBlock& p, const std::vector<Inline>& inlines, bool verse);
  void put(ProseBlock& p, char c, std::size_t source_at) {
    if (p.segments.empty() ||
        p.segments.back().source_begin + (p.text.size() - p.segments.back().text_begin) !=
            source_at)
      p.segments.push_back({p.text.size(), source_at});
    p.text += c;
    last_ = source_at + 1;
  }
  void mask_markup(ProseBlock& p);
  std::size_t offset_of(const model::SourcePos& pos) const;

  void definitions(const model::Document& doc);

  const std::string& file_;
  std::string_view source_;
  const LineIndex& lines_;
  ProseMap map_;
  int serial_ = 0;
  std::size_t last_ = 0;  // the source byte after the last character put
};

std::size_t ModelProse::offset_of(const model::SourcePos& pos) const {
  if (pos.line <= 0) return last_;
  return std::min(source_.size(), lines_.line_start(pos.line) +
                                      static_cast<std::size_t>(std::max(pos.column, 1) - 1));
}

// Every footnote definition written in the file, the ones cmark-gfm dropped (never cited,
// or defined twice) included: a line opening with `[^label]:` (indented at most three
// spaces) outside the code blocks, and the definitions the model keeps wherever they stand.
void ModelProse::definitions(const model::Document& doc) {
  std::vector<model::SourceRange> code;
  std::vector<FootnoteMark> kept;  // the model's notes: label and where
  model::walk_blocks(doc, [&](const Block& b) {
    if (b.source.file != file_) return;
    if (b.is<model::CodeBlock>()) code.push_back(b.range);
    if (auto* note = b.get_if<model::Footnote>())
      kept.push_back({normalise_label(note->label), offset_of(b.source)});
  });
  auto in_code = [&](std::size_t at) {
    return std::any_of(code.begin(), code.end(),
                       [&](const model::SourceRange& r) { return at >= r.begin && at < r.end; });
  };
  auto line_of = [&](std::size_t at) { return lines_.at(file_, at).line; };
  std::vector<FootnoteMark> found;
  for (int line = 1; line <= lines_.line_count(); ++line) {
    std::size_t at = lines_.line_start(line);
    std::size_t indent = 0;
    while (indent < 3 && at + indent < source_.size() && source_[at + indent] == ' ') ++indent;
    at += indent;
    if (at >= source_.size() || source_[at] != '[') continue;
    std::size_t nl = source_.find('\n', at);
    std::string_view row = source_.substr(at, nl == std::string_view::npos ? nl : nl - at);
    std::size_t end = footnote_label_end(row, 0);
    if (end == std::string_view::npos || end >= row.size() || row[end] != ':' || in_code(at))
      continue;
    FootnoteMark mark{normalise_label(row.substr(2, end - 3)), at};
    bool is_kept = std::any_of(kept.begin(), kept.end(), [&](const FootnoteMark& k) {
      return k.label == mark.label && line_of(k.offset) == line;
    });
    // A note cmark-gfm dropped is in no prose block; what it cites on its first line counts
    // as cited, from text that is left out.
    if (!is_kept)
      for (std::size_t i = end; i < row.size(); ++i)
        if (std::size_t e = footnote_label_end(row, i); e != std::string_view::npos) {
          map_.references.push_back({normalise_label(row.substr(i + 2, e - i - 3)), at + i});
          i = e - 1;
        }
    found.push_back(std::move(mark));
  }
  // Notes the model keeps from where no line opens with their label (inside a block quote).
  for (const FootnoteMark& k : kept) {
    bool listed = std::any_of(found.begin(), found.end(), [&](const FootnoteMark& m) {
      return m.label == k.label && line_of(m.offset) == line_of(k.offset);
    });
    if (!listed) found.push_back(k);
  }
  std::sort(found.begin(), found.end(),
            [](const FootnoteMark& a, const FootnoteMark& b) { return a.offset < b.offset; });
  map_.definitions = std::move(found);
}

void ModelProse::block(const Block& b, Place at) {
  if (b.source.file != file_) {
    // A container from another file holds none of this one's blocks.
    return;
  }
  Place in = at;
  switch (b.kind()) {
    case model::BlockKind::paragraph:
      prose(b.inlines, at, ProseBlock::Kind::paragraph, b.source, false,
            !b.inlines.empty() && b.inlines.front().is<model::Image>());
      break;
    case model::BlockKind::heading:
      prose(b.inlines, at, ProseBlock::Kind::heading, b.source);
      break;
    case model::BlockKind::line_block:
      prose(b.inlines, at, ProseBlock::Kind::paragraph, b.source, true);
      break;
    case model::BlockKind::figure:
      prose(b.inlines, at, ProseBlock::Kind::paragraph, b.source, false, true);
      break;
    case model::BlockKind::dateline:
      ++in.nest;  // written as a div
      ++serial_;
      prose(b.inlines, in, ProseBlock::Kind::paragraph, b.source);
      ++serial_;
      break;
    case model::BlockKind::block_quote:
      ++in.depth;
      ++in.nest;
      container(b, in);
      break;
    case model::BlockKind::div:
    case model::BlockKind::epigraph:
      ++in.nest;
      in.signature = in.signature || b.attr.has_class("signature");
      container(b, in);
      break;
    case model::BlockKind::list:
    case model::BlockKind::list_item:
    case model::BlockKind::footnote:
      for (const Block& c : b.blocks) block(c, at);
      break;
    case model::BlockKind::table: {
      const auto& t = b.as<model::Table>();
      auto cells = [&](const model::TableRow& row) {
        for (const model::TableCell& c : row.cells)
          if (!c.inlines.empty()) prose(c.inlines, at, ProseBlock::Kind::paragraph, c.source);
      };
      cells(t.header);
      for (const model::TableRow& r : t.rows) cells(r);
      if (!b.inlines.empty()) prose(b.inlines, at, ProseBlock::Kind::paragraph, b.source);
      break;
    }
    case model::BlockKind::scene_break:
    case model::BlockKind::code_block:
      break;
  }
}

void ModelProse::prose(const std::vector<Inline>& inlines, Place at, ProseBlock::Kind kind,
                       const model::SourcePos& where, bool verse, bool figure) {
  ProseBlock p;
  p.kind = kind;
  p.depth = at.depth;
  p.nest = at.nest;
  p.container = serial_;
  p.verse = verse;
  p.signature = at.signature;
  p.figure = figure;
  last_ = offset_of(where);
  p.start = last_;
  flatten(p, inlines, verse);
  // Trailing breaks and spaces are no prose (a soft break before a dropped attribute block).
  while (!p.text.empty() && (p.text.back() == '\n' || p.text.back() == ' ')) {
    if (!p.hard_breaks.empty() && p.hard_breaks.back() == p.text.size() - 1)
      p.hard_breaks.pop_back();
    p.text.pop_back();
  }
  if (p.text.empty()) return;
  if (!p.segments.empty()) p.start = p.segments.front().source_begin;
  mask_markup(p);
  map_.blocks.push_back(std::move(p));
}

void ModelProse::flatten(ProseBlock& p, const std::vector<Inline>& inlines, bool verse) {
  for (const Inline& in : inlines) {
    if (auto* t = in.get_if<model::Text>()) {
      for (std::size_t k = 0; k < t->pieces.size() || (t->pieces.empty() && k == 0); ++k) {
        std::size_t b = t->pieces.empty() ? 0 : t->pieces[k].text;
        std::size_t e = t->pieces.empty() ? t->text.size() : model::piece_end(*t, k);
        const model::TextPiece* piece = t->pieces.empty() ? nullptr : &t->pieces[k];
        bool known = piece && piece->source != model::TextPiece::kUnknown;
        if (known && piece->length == 0) {  // a soft break: the line's end
          put(p, '\n', piece->source);
          continue;
        }
        bool exact = known && piece->length == e - b;
        // An escaped character is the author's "not markup", which is no prose either.
        bool escaped = piece && piece->escaped;
        for (std::size_t i = b; i < e; ++i) {
          std::size_t at = !known ? last_ : exact ? piece->source + (i - b) : piece->source;
          char c = escaped ? kOpaque : t->text[i];
          // A verse line's indent is layout, not prose.
          if (verse && c == ' ' && (p.text.empty() || p.text.back() == '\n')) continue;
          put(p, c, at);
        }
      }
      continue;
    }
    switch (in.kind()) {
      case model::InlineKind::line_break:
        p.hard_breaks.push_back(p.text.size());
        put(p, '\n', last_);
        break;
      case model::InlineKind::code:
        put(p, kOpaque, in.range.empty() ? last_ : in.range.begin);
        break;
      case model::InlineKind::note_ref: {
        std::size_t at = last_;
        put(p, kOpaque, at);
        map_.references.push_back({normalise_label(in.as<model::NoteRef>().label), at});
        break;
      }
      case model::InlineKind::link:
      case model::InlineKind::image: {
        // An autolink's text is its address, no prose; a link's or image's text is, and the
        // destination after it is markup, which parts what stands either side.
        const auto* link = in.get_if<model::Link>();
        std::string text = model::plain_text(in.children);
        if (link && (text == link->target || "mailto:" + text == link->target))
          put(p, kOpaque, last_);
        else
          flatten(p, in.children, verse);
        put(p, kOpaque, last_);
        break;
      }
      default:  // emphasis, spans: their text
        flatten(p, in.children, verse);
        break;
    }
  }
}

// What the model keeps as text but is no prose: raw HTML, and a footnote reference whose
// note is never defined (cmark-gfm leaves `[^label]` as text), recorded as a reference.
void ModelProse::mask_markup(ProseBlock& p) {
  std::string& t = p.text;
  auto mask = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to && k < t.size(); ++k)
      if (t[k] != '\n') t[k] = kOpaque;
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '<' && i + 1 < t.size()) {
      std::size_t end = std::string::npos;
      if (t.compare(i, 4, "<!--") == 0) {
        std::size_t e = t.find("-->", i + 4);
        if (e != std::string::npos) end = e + 3;
      } else if (std::isalpha(static_cast<unsigned char>(t[i + 1])) || t[i + 1] == '/' ||
                 t[i + 1] == '?' || t[i + 1] == '!') {
        std::size_t e = t.find('>', i + 1);
        if (e != std::string::npos) end = e + 1;
      }
      if (end != std::string::npos) {
        mask(i, end);
        i = end - 1;
      }
    } else if (t[i] == '[' && i + 1 < t.size() && t[i + 1] == '^') {
      std::size_t end = footnote_label_end(t, i);
      if (end == std::string::npos) continue;
      map_.references.push_back(
          {normalise_label(std::string_view(t).substr(i + 2, end - i - 3)), p.source_offset(i)});
      mask(i, end);
      i = end - 1;
    }
  }
}

}  // namespace

std::size_t ProseBlock::source_offset(std::size_t i) const {
  auto it = std::upper_bound(segments.begin(), segments.end(), i,
                             [](std::size_t v, const Segment& s) { return v < s.text_begin; });
  if (it == segments.begin()) return segments.empty() ? 0 : segments.front().source_begin;
  --it;
  return it->source_begin + (i - it->text_begin);
}

ProseMap map_prose(const model::Document& doc, const std::string& file, std::string_view source,
                   const LineIndex& lines) {
  return ModelProse(file, source, lines).run(doc);
}

}  // namespace folio::check
