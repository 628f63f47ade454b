// The book setter: model sections → flow of lines → pages with furniture, labels and outline.
#include "typeset/book_layout.hpp"

#include <fmt/format.h>
#include <glib.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "typeset/flow.hpp"
#include "typeset/font_context.hpp"
#include "typeset/hyphenator.hpp"
#include "typeset/inline_text.hpp"
#include "typeset/paragraph.hpp"

namespace folio::typeset {
namespace {

using model::Block;
using model::BlockKind;

std::string roman(int n) {
  static const std::pair<int, const char*> table[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [v, s] : table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

Align align_of(const std::string& a) {
  if (a == "left") return Align::left;
  if (a == "right") return Align::right;
  if (a == "center") return Align::center;
  return Align::justify;
}

StyledText plain(const std::string& s) {
  StyledText t;
  t.text = s;
  return t;
}

// What a page shows besides its content, decided after pagination.
struct PageMeta {
  bool front = true;     // roman folios
  bool display = false;  // half-title, title, copyright: no head, no folio
  bool opening = false;  // a section's first page: no head, folio at the foot
  std::string section_title;
};

// Where the text of one set of blocks goes: its face, measure and offset.
struct Frame {
  style::Face face;
  double measure;
  double x = 0;
  std::string group;
  double indent;
};

class BookSetter {
 public:
  BookSetter(const model::Document& doc, const style::Style& st, const LayoutOptions& options,
             support::Diagnostics& diags)
      : doc_(doc),
        st_(st),
        options_(options),
        diags_(diags),
        fonts_(doc.metadata.lang.empty() ? "en-US" : doc.metadata.lang.value,
               FontConfig::load(font_folders(doc.base_dir), diags)),
        hyphenator_(st.hyphenation.dictionary_dir, fonts_.lang(), st.hyphenation.left_min,
                    st.hyphenation.right_min) {
    for (const auto& e : st.hyphenation.exceptions) hyphenator_.add_exception(e);
    out_.width = st.page.width;
    out_.height = st.page.height;
    measure_ = st.page.width - st.page.inside - st.page.outside;
  }

  PagedDocument run() {
    check_fonts();
    if (st_.hyphenation.enabled && !hyphenator_.loaded())
      diags_.warning("pdf-no-hyphenation", {},
                     fmt::format("no hyphenation dictionary for '{}' in {}; lines will be looser",
                                 fonts_.lang(), st_.hyphenation.dictionary_dir.string()),
                     "install the hyphen-en-us package (or the one for the book's language)");
    if (options_.front_matter) front_matter();
    std::size_t toc_page = SIZE_MAX;
    std::vector<std::size_t> titled;
    for (std::size_t i = 0; i < doc_.sections.size(); ++i)
      if (doc_.sections[i].heading) titled.push_back(i);
    if (options_.front_matter && titled.size() >= 2) toc_page = contents(titled.size());
    bool body_started = false;
    for (std::size_t i = 0; i < doc_.sections.size(); ++i) {
      const model::Section& sec = doc_.sections[i];
      bool front = sec.matter == model::Matter::front;
      if (!front && !body_started) {
        body_started = true;
        start_page(true, false);
        first_body_page_ = out_.pages.size() - 1;
      } else {
        start_page(st_.opening.recto || front, front);
      }
      section(sec, i, front);
    }
    if (!body_started) first_body_page_ = out_.pages.size();
    label_pages();
    for (std::size_t k = 0; k < start_pages_.size(); ++k)
      out_.page_map[k].label = out_.pages[start_pages_[k]].label;
    if (toc_page != SIZE_MAX) fill_contents();
    furniture();
    return std::move(out_);
  }

 private:
  // ---- fonts ---------------------------------------------------------------------------

  void check_fonts() {
    std::vector<const style::Face*> faces{&st_.body, &st_.chapter.face, &st_.block_quote.face,
                                          &st_.running_heads.face};
    std::vector<std::string> checked;
    for (const style::Face* f : faces) {
      if (std::find(checked.begin(), checked.end(), f->family) != checked.end()) continue;
      checked.push_back(f->family);
      if (!fonts_.has_family(*f) && missing_families_.insert(f->family).second)
        diags_.error("pdf-font-missing", {st_.file.string(), 0, 0},
                     fmt::format("the style '{}' needs the font family '{}', which fontconfig "
                                 "cannot find (no other face is put in its place): {}",
                                 st_.name, f->family, font_install_hint(f->family)));
    }
  }

  // ---- paragraphs into the flow ----------------------------------------------------------

  ParagraphSettings settings(const style::Face& face, double measure, double indent, Align align,
                             bool hyphenate) {
    ParagraphSettings s;
    s.face = face;
    s.measure = measure;
    s.indent = indent;
    s.align = align;
    s.hyphenator =
        hyphenate && st_.hyphenation.enabled && hyphenator_.loaded() ? &hyphenator_ : nullptr;
    s.min_word = st_.hyphenation.min_word;
    s.breaking = st_.line_breaking;
    // Emergency stretch and indents are given for the body size; scale them with the face.
    s.breaking.emergency_stretch *= face.size / st_.body.size;
    s.mono_family = st_.mono_family;
    s.strong = st_.strong;
    s.cache = &cache_;
    return s;
  }

  SetParagraph set(const StyledText& text, const ParagraphSettings& s,
                   const support::SourcePos& where) {
    SetParagraph p = set_paragraph(fonts_, out_.fonts, text, s);
    report_coverage(text, s, where);
    if (p.missing_glyphs > 0 && !missing_reported_) {
      missing_reported_ = true;
      diags_.error("pdf-missing-glyphs", where,
                   fmt::format("the font '{}' has no glyph for {} character(s) of this text",
                               s.face.family, p.missing_glyphs));
    }
    for (const SetLine& l : p.lines)
      if (l.overfull) {
        ++out_.overfull_lines;
        diags_.warning("pdf-overfull-line", where,
                       "a line is wider than the measure (a character wider than the column?)");
      }
    return p;
  }

  // Characters the paragraph's own faces lack (Pango would take them from another face):
  // an error per face, naming each character once per book.
  void report_coverage(const StyledText& text, const ParagraphSettings& s,
                       const support::SourcePos& where) {
    for (const GlyphGap& gap : fonts_.coverage_gaps(text, s.face, s.strong, s.mono_family)) {
      missing_reported_ = true;  // the shaper's count of unknown glyphs would only repeat it
      std::set<char32_t>& seen = gaps_reported_[gap.font];
      if (gap.no_family) {
        if (!seen.insert(0).second || missing_families_.count(gap.family)) continue;
        diags_.error("pdf-font-missing", where,
                     fmt::format("this text is set in the font family '{}', which fontconfig "
                                 "cannot find (no other face is put in its place): {}",
                                 gap.family, font_install_hint(gap.family)));
        continue;
      }
      if (gap.synthetic) {
        if (!seen.insert(0).second) continue;  // reported once per face
        diags_.error("pdf-missing-face", where,
                     fmt::format("the family '{}' has no usable face for '{}' (fontconfig would "
                                 "fake it from another face); use a family that has one, or "
                                 "another setting for this text (body.strong: italic)",
                                 gap.family, gap.font));
        continue;
      }
      std::string chars;
      int n = 0;
      for (char32_t c : gap.missing) {
        if (!seen.insert(c).second) continue;
        ++n;
        if (n <= 8) {
          char utf8[8] = {};
          g_unichar_to_utf8(static_cast<gunichar>(c), utf8);
          chars += fmt::format("{}{} (U+{:04X})", chars.empty() ? "" : ", ", utf8,
                               static_cast<unsigned>(c));
        }
      }
      if (n == 0) continue;
      if (n > 8) chars += fmt::format(" and {} more", n - 8);
      diags_.error("pdf-missing-glyphs", where,
                   fmt::format("the font '{}' has no glyph for {}; folio does not borrow them "
                               "from another face: use a font that has them ({}), or change "
                               "the text",
                               gap.font, chars, font_install_hint(gap.family)));
    }
  }

  // Appends a paragraph's lines with the widow, orphan and hyphen-at-page-end rules.
  void add_lines(std::vector<FlowItem>& flow, SetParagraph& p, const style::Face& face,
                 double x, const std::string& tag, const std::string& group,
                 const std::string& dest, bool keep_with_previous) {
    int block = next_block_++;
    std::size_t n = p.lines.size();
    for (std::size_t k = 0; k < n; ++k) {
      FlowItem it;
      it.kind = FlowItem::line;
      it.runs = std::move(p.lines[k].runs);  // the lines' glyphs move on to the flow
      it.x = x;
      it.leading = face.leading;
      it.top = face.size;
      it.block = block;
      it.tag = tag;
      it.group = group;
      it.notes = p.lines[k].notes;
      it.hyphenated = p.lines[k].hyphenated;
      it.on_grid = st_.grid && face.leading == st_.body.leading && tag != "Note";
      if (k == 0) {
        it.dest = dest;
        it.break_before = !keep_with_previous && !keep_next_;
      } else {
        // No orphan (first line alone), no widow (last line alone), no word split across pages.
        it.break_before = k >= 2 && n - k >= 2 && !p.lines[k - 1].hyphenated;
      }
      flow.push_back(std::move(it));
    }
    // A heading keeps with the first two lines of what follows.
    keep_next_ = false;
  }

  void add_space(std::vector<FlowItem>& flow, double amount, bool keep_at_top = false) {
    if (amount <= 0) return;
    FlowItem it;
    it.kind = FlowItem::space;
    it.amount = amount;
    it.keep_at_top = keep_at_top;
    flow.push_back(it);
  }

  // Pads the spaces that open and close flow[from..] so that, from the body line before to
  // the body line after, the advances add up to whole body lines: the text after a block
  // quote or heading returns to the baseline grid. The padding is split between both sides.
  void pad_to_grid(std::vector<FlowItem>& flow, std::size_t from) {
    if (!st_.grid || from >= flow.size()) return;
    if (flow[from].kind != FlowItem::space) add_space_at(flow, from, 0.001);
    if (flow.back().kind != FlowItem::space) add_space(flow, 0.001);
    double total = st_.body.leading;  // the next body line's own advance
    for (std::size_t i = from; i < flow.size(); ++i)
      total += flow[i].kind == FlowItem::space ? flow[i].amount : flow[i].leading;
    double lines = std::ceil(total / st_.body.leading - 1e-6);
    double extra = lines * st_.body.leading - total;
    flow[from].amount += extra / 2;
    flow.back().amount += extra / 2;
  }

  void add_space_at(std::vector<FlowItem>& flow, std::size_t at, double amount) {
    FlowItem it;
    it.kind = FlowItem::space;
    it.amount = amount;
    flow.insert(flow.begin() + static_cast<std::ptrdiff_t>(at), it);
  }

  void paragraph(std::vector<FlowItem>& flow, const StyledText& text, const Frame& f, bool indent,
                 Align align, const std::string& tag, const support::SourcePos& where,
                 bool keep_with_previous = false, const std::string& dest = {}) {
    if (text.empty()) return;
    ParagraphSettings s =
        settings(f.face, f.measure, indent ? f.indent : 0, align, tag == "P" || tag == "Note");
    SetParagraph p = set(text, s, where);
    std::size_t first = flow.size();
    add_lines(flow, p, f.face, f.x, tag, f.group, dest, keep_with_previous);
    if (section_index_ < 0) return;
    for (std::size_t k = 0; k < p.lines.size(); ++k) {
      FlowItem& it = flow[first + k];
      it.section = section_index_;
      it.block_path = path_;
      it.char_offset = model_offset(text, p.lines[k].start);
    }
  }

  // The styled text's byte offset as an offset into the model's plain text: note marks and
  // a list item's number are the typesetter's, not the model's.
  std::size_t model_offset(const StyledText& text, std::size_t at) const {
    std::size_t added = mark_shift_;
    for (const auto& [offset, number] : text.notes)
      if (offset < at) added += std::to_string(number).size();
    return at > added ? at - added : 0;
  }

  void heading_lines(std::vector<FlowItem>& flow, const StyledText& text, const style::Heading& h,
                     const Frame& f, const std::string& tag, const std::string& dest,
                     const support::SourcePos& where) {
    Frame hf = f;
    hf.face = h.face;
    paragraph(flow, text, hf, false, align_of(h.align), tag, where, false, dest);
    keep_next_ = true;  // the next paragraph's first line may not start a page
  }

  // ---- blocks ---------------------------------------------------------------------------

  void blocks(std::vector<FlowItem>& flow, const std::vector<Block>& bs, const Frame& f,
              bool& indent_next) {
    for (std::size_t k = 0; k < bs.size(); ++k) {
      path_.push_back(static_cast<int>(k));
      block(flow, bs[k], f, indent_next);
      path_.pop_back();
    }
  }

  void block(std::vector<FlowItem>& flow, const Block& b, const Frame& f, bool& indent_next) {
    switch (b.kind) {
      case BlockKind::paragraph:
        paragraph(flow, styled_text(b.inlines), f, indent_next, Align::justify, "P", b.source);
        indent_next = true;
        break;
      case BlockKind::heading: {
        const style::Heading& h = b.level <= 2 ? st_.section : st_.subsection;
        std::size_t from = flow.size();
        add_space(flow, h.space_before);
        std::string tag = b.level <= 2 ? "H2" : "H3";
        heading_lines(flow, styled_text(b.inlines, h.uppercase), h, f, tag, {}, b.source);
        add_space(flow, h.space_after);
        pad_to_grid(flow, from);
        indent_next = false;
        break;
      }
      case BlockKind::block_quote:
      case BlockKind::epigraph: {
        const style::BlockQuote& q = st_.block_quote;
        Frame qf = f;
        qf.face = q.face;
        if (b.kind == BlockKind::epigraph) qf.face.italic = true;
        qf.x = f.x + q.inset_left;
        qf.measure = f.measure - q.inset_left - q.inset_right;
        qf.group = b.kind == BlockKind::epigraph ? "Div" : "BlockQuote";
        qf.indent = f.indent * q.face.size / st_.body.size;
        std::size_t from = flow.size();
        add_space(flow, q.space_before);
        bool inner = false;
        for (std::size_t k = 0; k < b.blocks.size(); ++k) {
          path_.push_back(static_cast<int>(k));
          block(flow, b.blocks[k], qf, inner);
          path_.pop_back();
          inner = q.indent_paragraphs;
        }
        add_space(flow, q.space_after);
        if (f.group.empty()) pad_to_grid(flow, from);
        indent_next = false;
        break;
      }
      case BlockKind::dateline: {
        const style::Dateline& d = st_.dateline;
        Frame df = f;
        df.face = d.face;
        add_space(flow, d.space_before);
        paragraph(flow, styled_text(b.inlines), df, false, align_of(d.align), "P", b.source,
                  /*keep_with_previous=*/true);
        indent_next = false;
        break;
      }
      case BlockKind::scene_break: {
        std::size_t from = flow.size();
        add_space(flow, st_.body.leading / 2);
        paragraph(flow, plain(st_.scene_break), f, false, Align::center, "P", b.source);
        add_space(flow, st_.body.leading / 2);
        pad_to_grid(flow, from);
        indent_next = false;
        break;
      }
      case BlockKind::line_block:
      case BlockKind::code_block: {
        Frame lf = f;
        lf.x = f.x + f.indent;
        lf.measure = f.measure - f.indent;
        StyledText t = b.kind == BlockKind::code_block ? plain(b.text) : styled_text(b.inlines);
        if (b.kind == BlockKind::code_block) {
          while (!t.text.empty() && t.text.back() == '\n') t.text.pop_back();
          t.spans.push_back({0, t.text.size(), false, false, false, true, false, {}});
        }
        std::size_t from = flow.size();
        add_space(flow, st_.body.leading / 2);
        paragraph(flow, t, lf, false, Align::left, "P", b.source);
        add_space(flow, st_.body.leading / 2);
        pad_to_grid(flow, from);
        indent_next = false;
        break;
      }
      case BlockKind::list: {
        int n = b.start;
        Frame lf = f;
        lf.x = f.x + f.indent;
        lf.measure = f.measure - f.indent;
        for (std::size_t ii = 0; ii < b.blocks.size(); ++ii) {
          const Block& item = b.blocks[ii];
          path_.push_back(static_cast<int>(ii));
          bool first = true;
          for (std::size_t ci = 0; ci < item.blocks.size(); ++ci) {
            const Block& c = item.blocks[ci];
            path_.push_back(static_cast<int>(ci));
            if (first && c.kind == BlockKind::paragraph) {
              StyledText t = styled_text(c.inlines);
              std::string mark = b.ordered ? std::to_string(n) + ". " : "• ";
              t.text.insert(0, mark);
              for (auto& sp : t.spans) {
                sp.start += mark.size();
                sp.end += mark.size();
              }
              for (auto& nt : t.notes) nt.first += mark.size();
              mark_shift_ = mark.size();
              paragraph(flow, t, lf, false, Align::justify, "P", c.source);
              mark_shift_ = 0;
            } else {
              bool ind = false;
              block(flow, c, lf, ind);
            }
            path_.pop_back();
            first = false;
          }
          path_.pop_back();
          ++n;
        }
        indent_next = false;
        break;
      }
      case BlockKind::figure:
        if (!figure_warned_) {
          figure_warned_ = true;
          diags_.warning("pdf-figure-unsupported", b.source,
                         "figures are not placed in the PDF yet; only the caption is set");
        }
        paragraph(flow, styled_text(b.inlines), f, false, Align::center, "P", b.source);
        indent_next = false;
        break;
      case BlockKind::div:
      case BlockKind::list_item:
        blocks(flow, b.blocks, f, indent_next);
        break;
      case BlockKind::footnote:
        break;
    }
  }

  // ---- notes ---------------------------------------------------------------------------

  void set_notes(const model::Section& sec) {
    Frame nf{st_.footnotes.face, measure_, 0, "",
             st_.indent * st_.footnotes.face.size / st_.body.size};
    for (const Block& note : sec.footnotes) {
      std::vector<FlowItem> lines;
      bool first = true;
      for (const Block& c : note.blocks) {
        if (c.kind != BlockKind::paragraph) {
          // Lists, quotes and verse in a note are set like the body's, at the note's size;
          // a note that opens with one gets its number on a line of its own.
          if (first)
            paragraph(lines, plain(std::to_string(note.number) + "."), nf, false, Align::left,
                      "Note", c.source);
          bool indent = false;
          if (c.kind == BlockKind::block_quote || c.kind == BlockKind::epigraph) {
            Frame qf = nf;  // inset, but at the note's size, not the body quotes'
            qf.x += nf.indent;
            qf.measure -= 2 * nf.indent;
            blocks(lines, c.blocks, qf, indent);
          } else {
            block(lines, c, nf, indent);
          }
          first = false;
          continue;
        }
        StyledText t = styled_text(c.inlines);
        if (first) {
          std::string mark = std::to_string(note.number) + ".\u2002";
          t.text.insert(0, mark);
          for (auto& sp : t.spans) {
            sp.start += mark.size();
            sp.end += mark.size();
          }
        }
        paragraph(lines, t, nf, !first, Align::justify, "Note", c.source);
        first = false;
      }
      notes_[note.number] = std::move(lines);
    }
  }

  double notes_height(const std::vector<int>& numbers) const {
    if (numbers.empty()) return 0;
    double h = st_.footnotes.space_before;
    for (int n : numbers) {
      auto it = notes_.find(n);
      if (it == notes_.end()) continue;
      for (const FlowItem& l : it->second) h += l.leading;
    }
    return h;
  }

  // ---- pages ---------------------------------------------------------------------------

  double left(bool recto) const { return recto ? st_.page.inside : st_.page.outside; }
  double body_top() const { return st_.page.top; }
  double body_bottom() const { return st_.page.height - st_.page.bottom; }

  Page& new_page(bool front, bool display = false) {
    Page p;
    p.recto = out_.pages.size() % 2 == 0;
    out_.pages.push_back(std::move(p));
    PageMeta m;
    m.front = front;
    m.display = display;
    meta_.push_back(m);
    return out_.pages.back();
  }

  void start_page(bool recto, bool front) {
    if (recto && out_.pages.size() % 2 == 1) {
      Page& blank = new_page(front);
      blank.blank = true;
    }
    new_page(front);
  }

  // Places a run list at (x, baseline) on `page` inside block `b`.
  static void place(PageBlock& b, const std::vector<GlyphRun>& runs, double x, double y) {
    for (GlyphRun r : runs) {
      r.x += x;
      r.y += y;
      b.runs.push_back(std::move(r));
    }
  }
  static void place(PageBlock& b, std::vector<GlyphRun>&& runs, double x, double y) {
    for (GlyphRun& r : runs) {
      r.x += x;
      r.y += y;
      b.runs.push_back(std::move(r));
    }
    runs.clear();
  }

  // Lays out a section's flow from the current (fresh) page on.
  void paginate(std::vector<FlowItem>& flow, bool front, const std::string& title) {
    std::size_t i = 0;
    bool first_page = true;
    while (i < flow.size()) {
      if (!first_page) new_page(front);
      PageMeta& pm = meta_.back();
      pm.section_title = title;
      pm.opening = first_page;
      Page& page = out_.pages.back();
      // Drop discardable spaces at the top.
      while (i < flow.size() && flow[i].kind == FlowItem::space && !flow[i].keep_at_top) ++i;
      struct Placed {
        std::size_t item;
        double baseline;
      };
      std::vector<Placed> placed;
      std::vector<int> page_notes;
      double pending = 0;
      std::optional<double> prev;
      std::size_t j = i;
      std::size_t cut = flow.size();
      std::optional<std::size_t> last_good;
      for (; j < flow.size(); ++j) {
        const FlowItem& it = flow[j];
        if (it.kind == FlowItem::space) {
          pending += it.amount;
          continue;
        }
        double baseline = prev ? *prev + pending + it.leading : body_top() + pending + it.top;
        if (it.on_grid) {
          // Snap up to the grid (a no-op where pad_to_grid already made the spaces fit).
          double origin = body_top() + st_.body.size;
          double steps = std::ceil((baseline - origin) / st_.body.leading - 1e-6);
          baseline = origin + std::max(0.0, steps) * st_.body.leading;
        }
        std::vector<int> with = page_notes;
        for (int n : it.notes)
          if (std::find(with.begin(), with.end(), n) == with.end()) with.push_back(n);
        bool fits = baseline <= body_bottom() - notes_height(with) + 0.01;
        if (!fits) {
          if (placed.empty()) {
            cut = j + 1;  // too tall for any page: place it anyway
            placed.push_back({j, baseline});
            page_notes = with;
          } else if (it.break_before) {
            cut = j;
          } else if (last_good) {
            cut = *last_good;
          } else {
            cut = j;  // no legal break on this page: break here all the same
          }
          break;
        }
        if (!placed.empty() && it.break_before) last_good = j;
        placed.push_back({j, baseline});
        page_notes = with;
        prev = baseline;
        pending = 0;
      }
      if (j == flow.size()) cut = flow.size();
      if (!placed.empty() && placed.front().item < cut) {
        const FlowItem& top = flow[placed.front().item];
        if (top.section >= 0) {
          start_pages_.push_back(out_.pages.size() - 1);
          out_.page_map.push_back({{}, top.section, top.block_path, top.char_offset});
        }
      }
      // Emit the items before the cut.
      std::vector<int> notes_here;
      int last_block = -1;
      for (const Placed& pl : placed) {
        if (pl.item >= cut) break;
        FlowItem& it = flow[pl.item];  // placed once: its runs move to the page
        if (last_block != it.block) {
          PageBlock b;
          b.tag = it.tag;
          b.group = it.group;
          page.blocks.push_back(std::move(b));
          last_block = it.block;
        }
        PageBlock& b = page.blocks.back();
        if (it.tag == "TOCI" && it.runs.empty())
          toc_slots_.push_back({out_.pages.size() - 1, page.blocks.size() - 1, pl.baseline});
        if (!it.dest.empty() && b.dest.empty()) b.dest = it.dest;
        place(b, std::move(it.runs), left(page.recto) + it.x, pl.baseline);
        for (int n : it.notes)
          if (std::find(notes_here.begin(), notes_here.end(), n) == notes_here.end())
            notes_here.push_back(n);
      }
      place_notes(page, notes_here);
      i = cut;
      first_page = false;
    }
  }

  void place_notes(Page& page, const std::vector<int>& numbers) {
    if (numbers.empty()) return;
    double h = notes_height(numbers) - st_.footnotes.space_before;
    double y = body_bottom() - h;
    double x = left(page.recto);
    // The rule sits in the space above the notes, clear of the last text line's descenders
    // (the text ends space_before above y) and of the first note's ascenders.
    page.rules.push_back({x, y - 0.15 * st_.footnotes.space_before, st_.footnotes.rule_width,
                          st_.footnotes.rule_thickness});
    for (int n : numbers) {
      auto it = notes_.find(n);
      if (it == notes_.end()) continue;
      int current = -1;
      for (const FlowItem& l : it->second) {
        y += l.leading;
        if (current != l.block) {
          PageBlock b;
          b.tag = "Note";
          page.blocks.push_back(std::move(b));
          current = l.block;
        }
        place(page.blocks.back(), l.runs, x + l.x, y);
      }
    }
  }

  void section(const model::Section& sec, std::size_t index, bool front) {
    std::vector<FlowItem> flow;
    section_index_ = static_cast<int>(index);
    path_.clear();
    set_notes(sec);
    Frame f{st_.body, measure_, 0, "", st_.indent};
    std::string title;
    std::string dest = fmt::format("section-{}", index + 1);
    if (sec.heading) {
      title = model::plain_text(sec.heading->inlines);
      add_space(flow, st_.chapter.space_before, true);
      heading_lines(flow, styled_text(sec.heading->inlines, st_.chapter.uppercase), st_.chapter, f,
                    "H1", dest, sec.heading->source);
      add_space(flow, st_.chapter.space_after);
      out_.outline.push_back({title, dest, 1});
      section_dests_.push_back({index, dest});
      section_titles_.push_back(title);
    }
    bool indent = false;
    blocks(flow, sec.blocks, f, indent);
    section_index_ = -1;
    std::size_t first = out_.pages.size() - 1;
    paginate(flow, front, title);
    if (sec.heading) section_pages_.push_back(first);
  }

  // ---- front matter --------------------------------------------------------------------

  // Sets a one-off display paragraph at a fixed baseline on the current page.
  double display(Page& page, const StyledText& text, style::Face face, Align align, double y,
                 const std::string& tag = "P") {
    Frame f{face, measure_, 0, "", 0};
    std::vector<FlowItem> lines;
    paragraph(lines, text, f, false, align, tag, {});
    PageBlock b;
    b.tag = tag;
    double baseline = y;
    for (const FlowItem& l : lines) {
      place(b, l.runs, left(page.recto), baseline);
      baseline += l.leading;
    }
    page.blocks.push_back(std::move(b));
    return baseline;
  }

  void front_matter() {
    const model::Metadata& md = doc_.metadata;
    style::Face title_face = st_.chapter.face;
    // Half-title.
    {
      Page& p = new_page(true, true);
      display(p, plain(md.title.value), title_face, Align::center, body_top() + 130);
      new_page(true, true).blank = true;
    }
    // Title page.
    {
      Page& p = new_page(true, true);
      style::Face big = title_face;
      big.size = title_face.size * 1.3;
      big.leading = big.size * 1.2;
      double y = display(p, plain(md.title.value), big, Align::center, body_top() + 100);
      if (!md.subtitle.empty()) {
        style::Face sub = st_.body;
        sub.size = st_.body.size * 1.2;
        sub.leading = sub.size * 1.25;
        sub.italic = true;
        y = display(p, plain(md.subtitle.value), sub, Align::center, y + 14);
      }
      std::string authors;
      for (const auto& a : md.authors) authors += (authors.empty() ? "" : ", ") + a.value;
      if (!authors.empty()) {
        style::Face au = st_.body;
        au.size = st_.body.size * 1.2;
        au.leading = au.size * 1.25;
        au.small_caps = true;
        au.tracking = 0.06;
        display(p, plain(authors), au, Align::center, y + 60);
      }
      if (!md.publisher.empty())
        display(p, plain(md.publisher.value), st_.body, Align::center, body_bottom());
    }
    // Copyright page: set at the foot of the verso.
    {
      Page& p = new_page(true, true);
      std::vector<std::string> lines;
      if (!md.rights.empty()) lines.push_back(md.rights.value);
      if (!md.publisher.empty()) lines.push_back("Published by " + md.publisher.value);
      if (!md.identifier.empty()) {
        std::string id = md.identifier.value;
        for (const char* prefix : {"urn:isbn:", "isbn:"})
          if (id.rfind(prefix, 0) == 0) id = id.substr(std::string(prefix).size());
        bool isbn = md.identifier.value.find("isbn") != std::string::npos ||
                    std::all_of(id.begin(), id.end(), [](char c) {
                      return std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == 'X';
                    });
        lines.push_back(isbn ? "ISBN " + id : id);
      }
      if (!md.date.empty()) lines.push_back("First edition " + md.date.value.substr(0, 4));
      lines.push_back("Typeset with " + options_.creator + " in " + st_.body.family);
      style::Face small = st_.footnotes.face;
      double y = body_bottom() - small.leading * 1.5 * static_cast<double>(lines.size() - 1);
      for (const auto& l : lines) {
        display(p, plain(l), small, Align::left, y);
        y += small.leading * 1.5;
      }
    }
  }

  std::size_t contents(std::size_t entries) {
    start_page(true, true);
    std::size_t page_index = out_.pages.size() - 1;
    std::vector<FlowItem> flow;
    Frame f{st_.body, measure_ - 30, 0, "", st_.indent};
    add_space(flow, st_.chapter.space_before, true);
    heading_lines(flow, plain("Contents"), st_.chapter, f, "H1", "contents", {});
    add_space(flow, st_.chapter.space_after);
    for (std::size_t i = 0; i < entries; ++i) {
      // Placeholder lines; titles and page numbers are filled in after pagination.
      FlowItem it;
      it.leading = st_.body.leading;
      it.top = st_.body.size;
      it.tag = "TOCI";
      it.block = next_block_++;
      it.break_before = true;
      it.dest = fmt::format("toc-{}", i);
      flow.push_back(it);
    }
    out_.outline.push_back({"Contents", "contents", 1});
    paginate(flow, true, "Contents");  // records where each placeholder landed
    return page_index;
  }

  void fill_contents() {
    for (std::size_t i = 0; i < toc_slots_.size() && i < section_titles_.size(); ++i) {
      const TocSlot& slot = toc_slots_[i];
      Page& page = out_.pages[slot.page];
      PageBlock& blk = page.blocks[slot.block];
      blk.dest.clear();
      double x = left(page.recto);
      Frame f{st_.body, measure_ - 30, 0, "", 0};
      std::vector<FlowItem> lines;
      paragraph(lines, plain(section_titles_[i]), f, false, Align::left, "TOCI", {});
      double y = slot.baseline;
      for (const FlowItem& l : lines) {
        place(blk, l.runs, x, y);
        y += l.leading;
      }
      std::vector<FlowItem> num;
      Frame nf{st_.body, 30, 0, "", 0};
      paragraph(num, plain(out_.pages[section_pages_[i]].label), nf, false, Align::right, "TOCI",
                {});
      if (!num.empty()) place(blk, num.front().runs, x + measure_ - 30, slot.baseline);
      page.links.push_back(
          {x, slot.baseline - st_.body.size, measure_, st_.body.leading, section_dests_[i].second});
    }
  }

  void label_pages() {
    for (std::size_t p = 0; p < out_.pages.size(); ++p) {
      bool front = p < first_body_page_;
      out_.pages[p].label =
          front ? roman(static_cast<int>(p) + 1) : std::to_string(p - first_body_page_ + 1);
    }
  }

  // Running heads and folios, none on blank or display pages.
  void furniture() {
    const style::RunningHeads& rh = st_.running_heads;
    std::string author;
    for (const auto& a : doc_.metadata.authors) author += (author.empty() ? "" : ", ") + a.value;
    for (std::size_t p = 0; p < out_.pages.size(); ++p) {
      Page& page = out_.pages[p];
      const PageMeta& m = meta_[p];
      if (page.blank || m.display) continue;
      double l = left(page.recto);
      auto line_of = [&](const std::string& text, const style::Face& face, Align a) {
        Frame f{face, measure_, 0, "", 0};
        std::vector<FlowItem> lines;
        paragraph(lines, plain(text), f, false, a, "Artifact", {});
        return lines.empty() ? std::vector<GlyphRun>{} : lines.front().runs;
      };
      auto put = [&](const std::vector<GlyphRun>& runs, double x, double y) {
        for (GlyphRun r : runs) {
          r.x += x;
          r.y += y;
          page.furniture.push_back(std::move(r));
        }
      };
      bool head_folio = st_.folios.position == "head-outside";
      if (!m.opening) {
        const std::string& what = page.recto ? rh.recto : rh.verso;
        std::string text = what == "title"     ? doc_.metadata.title.value
                           : what == "author"  ? author
                           : what == "section" ? m.section_title
                                               : std::string();
        if (rh.uppercase && !text.empty()) {
          gchar* up = g_utf8_strup(text.c_str(), static_cast<gssize>(text.size()));
          text = up;
          g_free(up);
        }
        if (!text.empty()) put(line_of(text, rh.face, Align::center), l, rh.baseline);
        if (head_folio)
          put(line_of(page.label, st_.folios.face, page.recto ? Align::right : Align::left), l,
              rh.baseline);
      }
      if (m.opening || !head_folio)
        put(line_of(page.label, st_.folios.face, Align::center), l,
            st_.page.height - st_.folios.foot_baseline);
    }
  }

  const model::Document& doc_;
  const style::Style& st_;
  const LayoutOptions& options_;
  support::Diagnostics& diags_;
  FontContext fonts_;
  Hyphenator hyphenator_;
  ShapingCache cache_;  // after hyphenator_: its points are that hyphenator's
  PagedDocument out_;
  std::vector<PageMeta> meta_;
  double measure_ = 0;
  int next_block_ = 1;
  // The model position being set: section index (-1 outside sections) and block path.
  int section_index_ = -1;
  std::vector<int> path_;
  std::size_t mark_shift_ = 0;            // bytes of a list item's number before its text
  std::vector<std::size_t> start_pages_;  // page index of each page_map entry
  bool keep_next_ = false;
  bool missing_reported_ = false;
  std::map<std::string, std::set<char32_t>> gaps_reported_;  // per face: characters reported
  std::set<std::string> missing_families_;                   // reported by check_fonts
  bool figure_warned_ = false;
  std::map<int, std::vector<FlowItem>> notes_;
  std::size_t first_body_page_ = 0;
  std::vector<std::pair<std::size_t, std::string>> section_dests_;
  std::vector<std::string> section_titles_;
  std::vector<std::size_t> section_pages_;
  struct TocSlot {
    std::size_t page;
    std::size_t block;
    double baseline;
  };
  std::vector<TocSlot> toc_slots_;
};

}  // namespace

PagedDocument layout_book(const model::Document& doc, const style::Style& style,
                          const LayoutOptions& options, support::Diagnostics& diags) {
  BookSetter setter(doc, style, options, diags);
  return setter.run();
}

}  // namespace folio::typeset
