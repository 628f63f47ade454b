// cmark-gfm → model: blocks (phase 1, with fenced divs grouped) and inlines (phase 2).
//
// Control flow: read_markdown → scan_fenced_divs → cmark parse → convert_children(document)
// (recursing through convert_block / convert_inlines) → footnote bodies → split into sections.
#include "manuscript/markdown.hpp"

#include <cmark-gfm.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

#include "manuscript/attributes.hpp"
#include "manuscript/encoding.hpp"
#include "manuscript/fenced_divs.hpp"
#include "manuscript/footnote_labels.hpp"
#include "manuscript/inline_spans.hpp"
#include "manuscript/language_tag.hpp"
#include "manuscript/limits.hpp"
#include "manuscript/markdown_lines.hpp"
#include "manuscript/source_alignment.hpp"
#include "manuscript/table_reader.hpp"
#include "model/text_pieces.hpp"

namespace folio::manuscript {
namespace {

using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;

struct CmarkDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};

std::string literal(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? s : "";
}

// Tabs in code are expanded to stops every 4 columns, as Pandoc does by default
// (--tab-stop=4): no face has a glyph for a tab, and the EPUB would collapse it.
std::string expand_tabs(std::string s) {
  if (s.find('\t') == std::string::npos) return s;
  std::string out;
  std::size_t column = 0;
  for (char c : s) {
    if (c == '\t') {
      std::size_t n = 4 - column % 4;
      out.append(n, ' ');
      column += n;
      continue;
    }
    out += c;
    if (c == '\n')
      column = 0;
    else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
      ++column;  // characters, not bytes
  }
  return out;
}

// In running text a tab and the line and paragraph separators U+2028/U+2029 are word spaces
// (Pandoc: "tabs in regular text are always treated as spaces"); no face has glyphs for them.
std::string as_word_spaces(std::string s) {
  if (s.find('\t') == std::string::npos && s.find("\u2028") == std::string::npos &&
      s.find("\u2029") == std::string::npos)
    return s;
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\t') {
      out += ' ';
    } else if (s.compare(i, 3, "\u2028") == 0 || s.compare(i, 3, "\u2029") == 0) {
      out += ' ';
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Marks each dateline as opening or closing its container, or as standing inside it. A
// heading or a scene break starts a new part of a container (a journal entry under a
// sub-heading opens with its date, a letter goes on "Evening." after a break); an opening dateline
// may follow the container's epigraph or bridgehead (a letter's "Letter from Mina Murray to Lucy
// Westenra"), a closing one may precede a signature (the place and date above the sign-off). A
// dateline alone in its container closes it.
void place_datelines(std::vector<Block>& blocks) {
  // Where one part of a container ends and the next begins.
  auto boundary = [](const Block& b) {
    return b.is<model::Heading>() || b.is<model::SceneBreak>();
  };
  auto lead_in = [](const Block& b) {
    return b.is<model::Epigraph>() || (b.is<model::Div>() && b.attr.has_class("bridgehead"));
  };
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    Block& b = blocks[i];
    place_datelines(b.blocks);
    auto* dateline = b.get_if<model::Dateline>();
    if (!dateline) continue;
    const Block* next = i + 1 < blocks.size() ? &blocks[i + 1] : nullptr;
    bool closes =
        !next || boundary(*next) || (next->is<model::Div>() && next->attr.has_class("signature"));
    std::size_t k = i;
    while (k > 0 && lead_in(blocks[k - 1])) --k;
    bool opens = k == 0 || boundary(blocks[k - 1]);
    dateline->place = closes  ? model::DatelinePlace::closing
                      : opens ? model::DatelinePlace::opening
                              : model::DatelinePlace::inside;
  }
}

class Converter {
 public:
  Converter(const std::string& file, const std::string& text, const DivScan& scan,
            NoteNumbering& notes, support::Diagnostics& diags)
      : file_(file), scan_(scan), notes_(notes), diags_(diags) {
    // Offsets are into the file as read: the div scan rewrites fence lines only, so a line
    // and column of cmark's mean the same bytes in both.
    line_starts_.push_back(0);
    for (std::size_t i = text.find('\n'); i != std::string::npos; i = text.find('\n', i + 1))
      line_starts_.push_back(i + 1);
    text_size_ = text.size();
    source_ = text;
  }

  std::vector<model::Section> convert(cmark_node* document);

 private:
  model::SourcePos pos(cmark_node* n) const {
    return {file_, cmark_node_get_start_line(n), cmark_node_get_start_column(n)};
  }
  model::SourceRange range(cmark_node* n) const;
  model::Text located(cmark_node* n, int line, std::string literal);
  model::Text soft_break_after(cmark_node* previous);
  std::vector<Block> convert_children(cmark_node* parent, int depth);
  std::optional<Block> convert_block(cmark_node* n, int depth);
  std::vector<Inline> convert_inlines(cmark_node* parent, int depth);
  void append_inlines(cmark_node* parent, std::vector<Inline>& out, int depth);
  Block make_div(std::size_t index, std::vector<Block> blocks);
  std::optional<Block> line_block(cmark_node* para);
  bool too_deep(cmark_node* n, int depth);
  Block table(cmark_node* n, int depth);
  std::string checked_lang(std::string lang, const model::SourcePos& at, const char* what);
  void check_inline_langs(std::vector<Inline>& inlines);

  const std::string& file_;
  const DivScan& scan_;
  NoteNumbering& notes_;
  support::Diagnostics& diags_;
  std::vector<cmark_node*> footnote_defs_;
  // The footnotes' labels, set by convert().
  std::optional<FootnoteLabels> footnote_labels_;
  std::map<std::string, int> note_numbers_;     // label → number, this file
  std::map<std::string, int> note_first_line_;  // label → line of its first reference
  bool reported_depth_ = false;
  // Line fix-up after hard breaks, where cmark-gfm 0.29 keeps the previous line's number.
  int break_line_ = 0;
  bool softbreak_is_line_break_ = false;
  std::vector<std::size_t> line_starts_;        // byte offset of each line (index 0: line 1)
  std::vector<std::string_view> parsed_lines_;  // scan_.text's lines, made for the first table
  std::size_t text_size_ = 0;
  std::string_view source_;
  // The end of the text last located, and its line: the next text on that line lies after it.
  std::size_t located_end_ = 0;
  int located_line_ = 0;
};

// cmark's start and end (line, 1-based column, end inclusive) as byte offsets; empty when
// cmark gives no position. Inlines inside container blocks (quotes, list items) can be off
// where cmark-gfm miscounts the container prefix; docs/model-json.md.
model::SourceRange Converter::range(cmark_node* n) const {
  auto offset = [&](int line, int column) -> std::optional<std::size_t> {
    if (line <= 0 || column <= 0 || static_cast<std::size_t>(line) > line_starts_.size())
      return std::nullopt;
    std::size_t at =
        line_starts_[static_cast<std::size_t>(line - 1)] + static_cast<std::size_t>(column - 1);
    if (at >= text_size_) return std::nullopt;
    return at;
  };
  auto begin = offset(cmark_node_get_start_line(n), cmark_node_get_start_column(n));
  auto last = offset(cmark_node_get_end_line(n), cmark_node_get_end_column(n));
  if (!begin || !last || *last < *begin) return {};
  return {*begin, *last + 1};
}

// A text node's literal with the source bytes it came from, verified against the source:
// cmark-gfm's inline columns can be off inside block quotes and list items (it counts from
// the paragraph's first line), so where the stated bytes are not the literal, the literal is
// looked for on the stated line, after the text located before it there. A backslash escape
// maps to the escaped character, an entity to its whole `&…;`.
model::Text Converter::located(cmark_node* n, int line, std::string literal) {
  if (literal.empty() || line <= 0 || static_cast<std::size_t>(line) > line_starts_.size())
    return model::unplaced_text(std::move(literal));
  std::size_t line_begin = line_starts_[static_cast<std::size_t>(line - 1)];
  std::size_t line_end = source_.find('\n', line_begin);
  if (line_end == std::string_view::npos) line_end = source_.size();
  std::size_t floor = line == located_line_ ? std::max(located_end_, line_begin) : line_begin;
  auto at = [&](std::size_t from) -> std::optional<model::Text> {
    if (from < floor || from >= line_end) return std::nullopt;
    return align_literal(literal, source_, from, line_end);
  };
  model::SourceRange stated = range(n);
  std::optional<model::Text> found = stated.empty() ? std::nullopt : at(stated.begin);
  if (!found) {
    // The occurrence nearest the stated column, at or after the floor.
    std::size_t want = stated.empty() ? floor : stated.begin;
    std::size_t best_distance = std::string_view::npos;
    for (std::size_t k = floor; k < line_end; ++k) {
      std::size_t distance = k > want ? k - want : want - k;
      if (distance >= best_distance) break;
      if (auto t = at(k)) {
        found = std::move(t);
        best_distance = distance;
      }
    }
  }
  if (!found) return model::unplaced_text(std::move(literal));
  const model::TextPiece& p = found->pieces.back();
  located_end_ = p.source + p.length;
  located_line_ = line;
  return std::move(*found);
}

// A soft break's space, at the end of the line the text before it ended on (before any
// trailing spaces), where the checker's joins stand.
model::Text Converter::soft_break_after(cmark_node* previous) {
  if (!previous) return model::unplaced_text(" ");
  int line = cmark_node_get_end_line(previous);
  if (line <= 0 || static_cast<std::size_t>(line) >= line_starts_.size())
    return model::unplaced_text(" ");
  std::size_t end = line_starts_[static_cast<std::size_t>(line)] - 1;  // the '\n'
  std::size_t begin = line_starts_[static_cast<std::size_t>(line - 1)];
  while (end > begin &&
         (source_[end - 1] == ' ' || source_[end - 1] == '\t' || source_[end - 1] == '\r'))
    --end;
  model::Text space{" ", {}};
  space.pieces.push_back({0, static_cast<std::uint32_t>(end), 0});
  return space;
}

// A `lang=` that is no BCP 47 tag would make the EPUB invalid and name no hyphenation
// patterns: it is left out (the text keeps the language around it), with a warning.
std::string Converter::checked_lang(std::string lang, const model::SourcePos& at,
                                    const char* what) {
  if (lang.empty() || is_bcp47(lang)) return lang;
  std::string fixed = lang;
  std::replace(fixed.begin(), fixed.end(), '_', '-');
  std::string fix = fixed != lang && is_bcp47(fixed)
                        ? "write lang=" + fixed
                        : "write a BCP 47 tag (de, fr-CA, la, grc…), or remove lang=";
  diags_.warning("lang-attribute-invalid", at,
                 "lang=" + lang + " is not a BCP 47 language tag; this " + what +
                     " is left in the language around it",
                 fix);
  return {};
}

void Converter::check_inline_langs(std::vector<Inline>& inlines) {
  for (Inline& in : inlines) {
    if (!in.attr.lang.empty())
      in.attr.lang = checked_lang(std::move(in.attr.lang), in.source, "span");
    check_inline_langs(in.children);
  }
}

bool Converter::too_deep(cmark_node* n, int depth) {
  if (depth <= kMaxNesting) return false;
  if (!reported_depth_) {
    diags_.error("nesting-limit", pos(n),
                 "blocks or inlines nested more than " + std::to_string(kMaxNesting) +
                     " levels deep; the deeper content is left out");
    reported_depth_ = true;
  }
  return true;
}

std::vector<Block> Converter::convert_children(cmark_node* parent, int depth) {
  struct OpenDiv {
    std::size_t index;
    std::vector<Block> blocks;
  };
  std::vector<Block> result;
  std::vector<OpenDiv> open;
  auto sink = [&]() -> std::vector<Block>& { return open.empty() ? result : open.back().blocks; };

  for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
    cmark_node_type t = cmark_node_get_type(c);
    if (t == CMARK_NODE_FOOTNOTE_DEFINITION) {
      footnote_defs_.push_back(c);
      continue;
    }
    if (t == CMARK_NODE_HTML_BLOCK) {
      std::string html = literal(c);
      std::size_t index = 0;
      int marker = parse_div_marker(html, index);
      if (marker > 0 && index < scan_.divs.size()) {
        open.push_back({index, {}});
      } else if (marker < 0) {
        if (!open.empty() && open.back().index == index) {
          OpenDiv d = std::move(open.back());
          open.pop_back();
          sink().push_back(make_div(d.index, std::move(d.blocks)));
        } else {
          diags_.error("div-container", pos(c),
                       "this ':::' closes a fenced div opened inside another container");
        }
      } else if (html.starts_with("<!--folio-stray-->")) {
        // Already reported by the fence scanner.
      } else if (!html.starts_with("<!--")) {
        diags_.warning("raw-html", pos(c),
                       "raw HTML blocks are not supported; this one is left out");
      }
      continue;
    }
    // A `Table: …` paragraph right after a table is its caption (Pandoc). It is read before
    // the table: both editions set it above the rows, so its notes are numbered first.
    std::optional<std::vector<model::Inline>> caption;
    cmark_node* next = cmark_node_next(c);
    if (is_table(c) && next && cmark_node_get_type(next) == CMARK_NODE_PARAGRAPH) {
      cmark_node* first = cmark_node_first_child(next);
      std::string opening =
          first && cmark_node_get_type(first) == CMARK_NODE_TEXT ? literal(first) : "";
      if (opening.starts_with("Table: ") || opening.starts_with("table: ") ||
          opening.starts_with(": ")) {
        caption = convert_inlines(next, depth);
        take_caption_marker(*caption);
      }
    }
    if (auto b = convert_block(c, depth)) {
      if (caption && b->is<model::Table>()) {
        b->inlines = std::move(*caption);
        c = next;
      }
      sink().push_back(std::move(*b));
    }
  }
  while (!open.empty()) {
    OpenDiv d = std::move(open.back());
    open.pop_back();
    const FencedDiv& fd = scan_.divs[d.index];
    if (fd.closed)  // an unclosed one was reported by the fence scanner
      diags_.error("div-container", {file_, fd.line, fd.column},
                   "this fenced div is not closed inside the block that contains it");
    sink().push_back(make_div(d.index, std::move(d.blocks)));
  }
  return result;
}

Block Converter::table(cmark_node* n, int depth) {
  if (parsed_lines_.empty()) {
    std::string_view text = scan_.text;
    for (std::size_t i = 0; i <= text.size();) {
      std::size_t end = text.find('\n', i);
      if (end == std::string_view::npos) end = text.size();
      parsed_lines_.push_back(text.substr(i, end - i));
      i = end + 1;
    }
  }
  Block b = read_table(
      n, file_, parsed_lines_, [&](cmark_node* cell) { return convert_inlines(cell, depth + 1); },
      diags_);
  b.source = pos(n);
  b.range = range(n);
  return b;
}

Block Converter::make_div(std::size_t index, std::vector<Block> blocks) {
  const FencedDiv& fd = scan_.divs[index];
  const Attributes& a = fd.attributes;
  Block b;
  b.source = {file_, fd.line, fd.column};
  b.attr.id = a.id;
  for (const auto& [k, v] : a.pairs) {
    if (k == "lang")
      b.attr.lang = checked_lang(v, b.source, "div");
    else
      b.attr.attributes[k] = v;
  }
  auto has = [&](std::string_view cls) {
    for (const auto& c : a.classes)
      if (c == cls) return true;
    return false;
  };
  if (has("dateline")) {
    // A dateline's lines: hard breaks within a paragraph, or one paragraph per line.
    b.node = model::Dateline{};
    for (Block& p : blocks) {
      if (!p.is<model::Paragraph>()) {
        diags_.warning("dateline-content", p.source,
                       "a dateline holds only lines of text; this block is left out");
        continue;
      }
      if (!b.inlines.empty())
        b.inlines.push_back(Inline{.node = model::LineBreak{}, .source = p.source});
      for (auto& in : p.inlines) b.inlines.push_back(std::move(in));
    }
    for (const auto& c : a.classes)
      if (c != "dateline") b.attr.classes.push_back(c);
  } else if (has("epigraph")) {
    b.node = model::Epigraph{};
    b.blocks = std::move(blocks);
    for (const auto& c : a.classes)
      if (c != "epigraph") b.attr.classes.push_back(c);
  } else {
    b.node = model::Div{};
    b.attr.classes = a.classes;
    b.blocks = std::move(blocks);
  }
  return b;
}

std::optional<Block> Converter::line_block(cmark_node* para) {
  // Pandoc's line blocks: every line of the paragraph starts with "| ".
  bool at_line_start = true;
  for (cmark_node* c = cmark_node_first_child(para); c; c = cmark_node_next(c)) {
    cmark_node_type t = cmark_node_get_type(c);
    if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
      at_line_start = true;
      continue;
    }
    if (at_line_start) {
      std::string s = t == CMARK_NODE_TEXT ? literal(c) : "";
      if (!(s == "|" || s.starts_with("| "))) return std::nullopt;
      at_line_start = false;
    }
  }
  Block b;
  b.node = model::LineBlock{};
  b.source = pos(para);
  softbreak_is_line_break_ = true;
  std::vector<Inline> all = convert_inlines(para, 1);
  softbreak_is_line_break_ = false;
  // Strip the "| " that opens each line (the first inline of a line is that text).
  bool line_start = true;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].is<model::LineBreak>()) {
      line_start = true;
      continue;
    }
    if (line_start && all[i].is<model::Text>()) {
      model::Text& t = all[i].as<model::Text>();
      std::size_t cut = t.text.size() >= 2 ? 2 : t.text.size();
      t = model::slice(t, cut, t.text.size());
      all[i].source.column += 2;
      all[i].range.begin = std::min(all[i].range.begin + cut, all[i].range.end);
    }
    line_start = false;
  }
  std::erase_if(all, [](const Inline& in) {
    return in.is<model::Text>() && in.as<model::Text>().text.empty();
  });
  b.inlines = std::move(all);
  return b;
}

std::optional<Block> Converter::convert_block(cmark_node* n, int depth) {
  if (too_deep(n, depth)) return std::nullopt;
  if (is_table(n)) return table(n, depth);
  Block b;
  b.source = pos(n);
  b.range = range(n);
  switch (cmark_node_get_type(n)) {
    case CMARK_NODE_PARAGRAPH: {
      if (auto lb = line_block(n)) return lb;
      b.inlines = convert_inlines(n, depth);
      if (std::size_t size = model::plain_text(b.inlines).size(); size > kMaxParagraphBytes) {
        diags_.error("paragraph-limit", b.source,
                     "this paragraph is " + std::to_string(size >> 10) +
                         " KiB long; folio accepts paragraphs up to " +
                         std::to_string(kMaxParagraphBytes >> 10) + " KiB");
        return std::nullopt;
      }
      // A paragraph that is one image is a figure, its alt text the caption (Pandoc).
      if (b.inlines.size() == 1 && b.inlines[0].is<model::Image>()) {
        Inline img = std::move(b.inlines[0]);
        auto& image = img.as<model::Image>();
        b.node = model::Figure{.src = std::move(image.src), .alt = std::move(image.alt)};
        b.inlines = std::move(img.children);
      }
      return b;
    }
    case CMARK_NODE_HEADING: {
      b.node = model::Heading{.level = cmark_node_get_heading_level(n)};
      b.inlines = convert_inlines(n, depth);
      if (!b.inlines.empty() && b.inlines.back().is<model::Text>()) {
        Inline& last = b.inlines.back();
        model::Text& t = last.as<model::Text>();
        if (auto attrs = trailing_attributes(t.text)) {
          bool exact = last.range.end - last.range.begin == t.text.size();
          t = model::slice(t, 0, attrs->second);
          if (exact) last.range.end = last.range.begin + t.text.size();
          if (t.text.empty()) b.inlines.pop_back();
          b.attr.id = attrs->first.id;
          b.attr.classes = attrs->first.classes;
          for (const auto& [k, v] : attrs->first.pairs) {
            if (k == "lang")
              b.attr.lang = checked_lang(v, b.source, "heading");
            else
              b.attr.attributes[k] = v;
          }
        }
      }
      return b;
    }
    case CMARK_NODE_BLOCK_QUOTE:
      b.node = model::BlockQuote{};
      b.blocks = convert_children(n, depth + 1);
      return b;
    case CMARK_NODE_THEMATIC_BREAK:
      b.node = model::SceneBreak{};
      return b;
    case CMARK_NODE_LIST: {
      bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
      b.node = model::List{.ordered = ordered, .start = ordered ? cmark_node_get_list_start(n) : 1};
      b.blocks = convert_children(n, depth + 1);
      return b;
    }
    case CMARK_NODE_ITEM:
      b.node = model::ListItem{};
      b.blocks = convert_children(n, depth + 1);
      return b;
    case CMARK_NODE_CODE_BLOCK: {
      const char* info = cmark_node_get_fence_info(n);
      b.node = model::CodeBlock{.info = info ? info : "", .text = expand_tabs(literal(n))};
      return b;
    }
    default:
      return std::nullopt;
  }
}

std::vector<Inline> Converter::convert_inlines(cmark_node* parent, int depth) {
  std::vector<Inline> out;
  break_line_ = 0;
  append_inlines(parent, out, depth);
  extract_spans(out);
  check_inline_langs(out);
  return out;
}

void Converter::append_inlines(cmark_node* parent, std::vector<Inline>& out, int depth) {
  if (too_deep(parent, depth)) return;
  for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
    Inline in;
    in.source = pos(c);
    if (break_line_ > 0 && in.source.line > 0 && in.source.line < break_line_)
      in.source.line = break_line_;
    switch (cmark_node_get_type(c)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_HTML_INLINE:
        if (cmark_node_get_type(c) == CMARK_NODE_HTML_INLINE && !literal(c).starts_with("<!--"))
          diags_.warning("raw-html", in.source, "raw HTML is kept as plain text");
        if (cmark_node_get_type(c) == CMARK_NODE_HTML_INLINE && literal(c).starts_with("<!--"))
          continue;
        if (std::string raw = literal(c), spaced = as_word_spaces(raw); spaced.size() == raw.size())
          append_text(out, located(c, in.source.line, std::move(spaced)), in.source, range(c));
        else
          append_text(out, model::unplaced_text(std::move(spaced)), in.source, range(c));
        continue;
      case CMARK_NODE_SOFTBREAK:
        break_line_ = 0;
        if (softbreak_is_line_break_) {
          in.node = model::LineBreak{};
          break;
        }
        append_text(out, soft_break_after(cmark_node_previous(c)), in.source);
        continue;
      case CMARK_NODE_LINEBREAK: {
        in.node = model::LineBreak{};
        int prev = out.empty() ? cmark_node_get_start_line(parent) : out.back().source.line;
        if (in.source.line == 0) in.source = out.empty() ? pos(parent) : out.back().source;
        break_line_ = std::max(prev, in.source.line) + 1;
        break;
      }
      case CMARK_NODE_CODE:
        in.node = model::Code{.text = expand_tabs(literal(c))};
        in.range = range(c);
        break;
      case CMARK_NODE_EMPH:
        in.node = model::Emphasis{};
        append_inlines(c, in.children, depth + 1);
        break;
      case CMARK_NODE_STRONG:
        in.node = model::Strong{};
        append_inlines(c, in.children, depth + 1);
        break;
      case CMARK_NODE_LINK:
        in.node = model::Link{.target = cmark_node_get_url(c) ? cmark_node_get_url(c) : ""};
        append_inlines(c, in.children, depth + 1);
        break;
      case CMARK_NODE_IMAGE:
        append_inlines(c, in.children, depth + 1);
        in.node = model::Image{.src = cmark_node_get_url(c) ? cmark_node_get_url(c) : "",
                               .alt = model::plain_text(in.children)};
        break;
      case CMARK_NODE_FOOTNOTE_REFERENCE: {
        std::string label = footnote_labels_->of_reference(c);
        auto [it, fresh] = note_numbers_.try_emplace(label, notes_.next);
        if (fresh) {
          ++notes_.next;
          note_first_line_[label] = in.source.line;
        }
        in.node = model::NoteRef{.label = std::move(label), .number = it->second};
        break;
      }
      default:
        continue;
    }
    out.push_back(std::move(in));
  }
}

std::vector<model::Section> Converter::convert(cmark_node* document) {
  footnote_labels_.emplace(document, scan_.text);
  std::vector<Block> blocks = convert_children(document, 0);
  place_datelines(blocks);

  // Split at level-1 headings; blocks before the first one form a heading-less section.
  std::vector<model::Section> sections;
  for (Block& b : blocks) {
    if (auto* h = b.get_if<model::Heading>(); h && h->level == 1) {
      model::Section s;
      s.source = b.source;
      auto it = b.attr.attributes.find("epub:type");
      if (it != b.attr.attributes.end() && !it->second.empty()) {
        std::string roles = it->second;
        // "bodymatter chapter": take the first word that names a section role.
        std::string chosen;
        std::size_t p = 0;
        while (p < roles.size()) {
          std::size_t q = roles.find(' ', p);
          std::string word = roles.substr(p, q == std::string::npos ? std::string::npos : q - p);
          if (!word.empty() && chosen.empty() && model::matter_of_role(word)) chosen = word;
          p = q == std::string::npos ? roles.size() : q + 1;
        }
        s.role = chosen.empty() ? roles.substr(0, roles.find(' ')) : chosen;
      }
      s.matter = model::matter_of_role(s.role).value_or(model::Matter::body);
      s.heading = std::move(b);
      sections.push_back(std::move(s));
      continue;
    }
    if (sections.empty()) {
      model::Section s;
      s.source = b.source;
      sections.push_back(std::move(s));
    }
    sections.back().blocks.push_back(std::move(b));
  }

  // Footnote bodies (cmark-gfm gathers them at the end, in order of first reference) go to
  // the section holding their first reference.
  // The section of a line: the last one starting at or before it (sections are in line
  // order). A lookup per note keeps a million notes linear, not quadratic.
  auto section_at = [&](int line) -> model::Section* {
    if (sections.empty()) return nullptr;
    auto it =
        std::upper_bound(sections.begin(), sections.end(), line,
                         [](int l, const model::Section& sec) { return l < sec.source.line; });
    return it == sections.begin() ? &sections.front() : &*std::prev(it);
  };
  for (std::size_t i = 0; i < footnote_defs_.size(); ++i) {
    cmark_node* def = footnote_defs_[i];
    Block note;
    note.source = pos(def);
    model::Footnote& footnote = note.node.emplace<model::Footnote>();
    footnote.label = footnote_labels_->of_definition(def);
    // cmark-gfm also counts references inside definitions it drops (a note nobody cites) or
    // inside blocks folio leaves out: such a note has no reference in the book, so it would
    // be numbered in the EPUB and placed nowhere in print. Only references converted so far
    // (the text, then the notes kept before this one, in cmark's order) keep a note.
    auto it = note_numbers_.find(footnote.label);
    if (it == note_numbers_.end()) continue;
    footnote.number = it->second;
    note.blocks = convert_children(def, 1);
    place_datelines(note.blocks);
    auto first = note_first_line_.find(footnote.label);
    int line = first != note_first_line_.end() ? first->second : note.source.line;
    if (model::Section* sec = section_at(line)) sec->footnotes.push_back(std::move(note));
  }
  // In number order, which is reading order (cmark-gfm lists them in its own order: a table's
  // caption, read first, cites its notes after the cells' in the source).
  for (model::Section& sec : sections)
    std::stable_sort(sec.footnotes.begin(), sec.footnotes.end(),
                     [](const Block& a, const Block& b) {
                       return a.as<model::Footnote>().number < b.as<model::Footnote>().number;
                     });
  return sections;
}

}  // namespace

namespace {

void report_footnote_limit(const model::SourcePos& at, support::Diagnostics& diags) {
  diags.error("footnote-limit", at,
              "more than " + std::to_string(kMaxFootnotes) +
                  " footnotes in the book; folio accepts up to that many");
}

// The line of the (kMaxFootnotes+1)-th footnote definition counting `before` from earlier files,
// or 0. A line scan, not a parse: cmark-gfm spends ~15 µs on each definition, so a file of a
// million would take half a minute before the tree could be counted.
int line_past_footnote_limit(std::string_view text, int before) {
  int line = 1, notes = before;
  for (std::size_t i = 0; i < text.size(); ++line) {
    std::size_t end = text.find('\n', i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(i, end - i);
    l.remove_prefix(container_prefix(l).length);  // a definition in a block quote counts too
    std::size_t indent = l.find_first_not_of(' ');
    if (indent != std::string_view::npos && indent <= 3 && l.substr(indent).starts_with("[^")) {
      std::size_t close = l.find("]:", indent + 2);
      if (close != std::string_view::npos && ++notes > kMaxFootnotes) return line;
    }
    i = end + 1;
  }
  return 0;
}

// The line where the book's block starts pass kMaxBlockStarts, counting `count` on from earlier
// files, or 0. Like the footnotes, counted on the raw lines: cmark-gfm's own tree for millions
// of tiny paragraphs would exhaust memory before it could be counted. An upper bound on the
// blocks cmark finds (a wrapped line opening with a digit or a dash counts too).
int line_past_block_limit(std::string_view text, int& count) {
  int line = 1;
  bool after_blank = true;
  for (std::size_t i = 0; i < text.size(); ++line) {
    std::size_t end = text.find('\n', i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(i, end - i);
    i = end + 1;
    std::size_t indent = l.find_first_not_of(" \t\r");
    if (indent == std::string_view::npos) {
      after_blank = true;
      continue;
    }
    char c = l[indent];
    bool marker = indent <= 3 && (std::string_view("#>-*+|:`~").find(c) != std::string_view::npos ||
                                  (c >= '0' && c <= '9'));
    if ((after_blank || marker) && ++count > kMaxBlockStarts) return line;
    after_blank = false;
  }
  return 0;
}

// One pass over cmark's tree before anything reaches the model. Character references
// (`&#x202E;`) decode into text the raw-byte check never saw, so every literal, URL and title
// is checked; and footnotes are counted, since each costs the model kilobytes.
bool tree_is_acceptable(const std::string& file, cmark_node* doc, int notes_before,
                        support::Diagnostics& diags) {
  std::unique_ptr<cmark_iter, void (*)(cmark_iter*)> it(cmark_iter_new(doc), cmark_iter_free);
  int notes = notes_before;
  for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it.get());
    model::SourcePos at{file, cmark_node_get_start_line(n), cmark_node_get_start_column(n)};
    if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION && ++notes > kMaxFootnotes) {
      report_footnote_limit(at, diags);
      return false;
    }
    for (const char* s :
         {cmark_node_get_literal(n), cmark_node_get_url(n), cmark_node_get_title(n)})
      if (s && !decoded_text_is_usable(s, at, diags)) return false;
  }
  return true;
}

}  // namespace

std::vector<model::Section> read_markdown(const std::string& file, const std::string& text,
                                          NoteNumbering& notes, support::Diagnostics& diags) {
  if (int line = line_past_footnote_limit(text, notes.next - 1)) {
    report_footnote_limit({file, line, 1}, diags);
    return {};
  }
  if (int line = line_past_block_limit(text, notes.block_starts)) {
    diags.error("block-limit", {file, line, 1},
                "more than " + std::to_string(kMaxBlockStarts) +
                    " blocks (paragraphs, headings, items, quotes) in the book; folio reads up "
                    "to that many");
    return {};
  }
  DivScan scan = scan_fenced_divs(file, text, diags);
  std::unique_ptr<cmark_parser, CmarkDeleter> parser(
      cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES));
  attach_table_extension(parser.get());
  cmark_parser_feed(parser.get(), scan.text.data(), scan.text.size());
  std::unique_ptr<cmark_node, CmarkDeleter> doc(cmark_parser_finish(parser.get()));
  if (!tree_is_acceptable(file, doc.get(), notes.next - 1, diags)) return {};
  Converter converter(file, text, scan, notes, diags);
  return converter.convert(doc.get());
}

}  // namespace folio::manuscript
