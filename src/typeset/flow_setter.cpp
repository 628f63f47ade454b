// Model blocks into flow items: paragraphs set through set_paragraph, spaces, keep rules.
#include "typeset/flow_setter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <type_traits>
#include <variant>

#include "model/walk.hpp"
#include "typeset/fraction_shaping.hpp"
#include "typeset/inline_text.hpp"

namespace folio::typeset {

StyledText plain(const std::string& s) {
  StyledText t;
  t.text = s;
  return t;
}

Frame designed_frame(const Frame& f, const style::BlockDesign& d) {
  Frame df = f;
  if (d.size) {
    // A size alone keeps the surrounding proportion of leading to size.
    if (!d.leading && df.face.size > 0) df.face.leading *= *d.size / df.face.size;
    df.face.size = *d.size;
  }
  if (d.leading) df.face.leading = *d.leading;
  if (d.italic) df.face.italic = *d.italic;
  if (d.small_caps) df.face.small_caps = *d.small_caps;
  if (d.tracking) df.face.tracking = *d.tracking;
  if (d.align) df.align = *d.align;
  if (d.indent) df.first_indent = *d.indent;
  df.x += d.inset_left;
  df.measure = std::max(1.0, df.measure - d.inset_left - d.inset_right);
  return df;
}

const style::BlockDesign* section_design(const style::Style& st, const model::Section& sec) {
  if (const style::BlockDesign* d = st.design(sec.role)) return d;
  if (sec.heading)
    for (const std::string& c : sec.heading->attr.classes)
      if (const style::BlockDesign* d = st.design(c)) return d;
  return nullptr;
}

SectionFlow FlowSetter::set_section(const SetterTools& tools, const model::Section& sec,
                                    std::size_t index) {
  SectionFlow out;
  FlowSetter setter(tools, out.fonts, out.events);
  const style::Style& st = tools.st;
  setter.section_index_ = static_cast<int>(index);
  setter.set_notes(sec, out.notes);
  Frame f{st.body, tools.measure, 0, "", st.indent};
  bool indent = false;
  const style::BlockDesign* design = section_design(st, sec);
  // A section designed to stand on its own page (a dedication) is that page alone: its
  // heading small (the section-heading face) above its text, both placed as the design says.
  if (design && design->own_page() && !sec.blocks.empty()) {
    setter.designed(out.flow, sec.blocks, f, *design, indent, [&](std::vector<FlowItem>& flow) {
      if (!sec.heading) return;
      setter.block_ = sec.heading->node_id;
      setter.heading_lines(flow, styled_text(sec.heading->inlines, st.section.uppercase),
                           st.section, f, Role::chapter_title, fmt::format("section-{}", index + 1),
                           sec.heading->source);
      setter.add_space(flow, st.section.space_after + st.body.leading);
    });
    return out;
  }
  if (sec.heading) {
    setter.block_ = sec.heading->node_id;
    setter.add_space(out.flow, st.chapter.space_before, true);
    setter.heading_lines(out.flow, styled_text(sec.heading->inlines, st.chapter.uppercase),
                         st.chapter, f, Role::chapter_title, fmt::format("section-{}", index + 1),
                         sec.heading->source);
    setter.add_space(out.flow, st.chapter.space_after);
  }
  if (design)
    setter.designed(out.flow, sec.blocks, f, *design, indent);
  else
    setter.blocks(out.flow, sec.blocks, f, indent);
  return out;
}

ParagraphSettings FlowSetter::settings(const style::Face& face, double measure, double indent,
                                       Align align, bool hyphenate, const std::string& lang) const {
  ParagraphSettings s;
  s.face = face;
  s.measure = measure;
  s.indent = indent;
  s.align = align;
  s.lang = lang;
  if (hyphenate && st_.hyphenation.enabled) {
    s.hyphenator = tools_.hyphenators.find(lang.empty() ? tools_.fonts.lang() : lang);
    s.languages = &tools_.hyphenators;
    s.capitalized = st_.hyphenation.capitalized;
  }
  s.min_word = st_.hyphenation.min_word;
  s.breaking = st_.line_breaking;
  // Emergency stretch and indents are given for the body size; scale them with the face.
  s.breaking.emergency_stretch *= face.size / st_.body.size;
  s.mono_family = st_.mono_family;
  for (const std::string& family : st_.fallback_families) s.fallback += "," + family;
  s.strong = st_.strong;
  s.cache = &tools_.cache;
  s.glyphs = tools_.glyphs;
  return s;
}

SetParagraph FlowSetter::set(const StyledText& text, const ParagraphSettings& s,
                             const support::SourcePos& where) {
  // Fractions the face lacks are set from its figures (fraction_shaping.hpp), and the lines
  // given back the text as written.
  std::optional<FractionPlan> fractions = plan_fractions(tools_.fonts, text, s);
  const StyledText& shaped = fractions ? fractions->text : text;
  SetParagraph p = set_paragraph(tools_.fonts, table_, shaped, s);
  if (fractions) restore_fraction_text(p, *fractions);
  // In the order BookSetter::report reports them: coverage, the shaper's count, overfull lines.
  std::vector<GlyphGap> gaps =
      tools_.fonts.coverage_gaps(shaped, s.face, s.strong, s.mono_family, st_.fallback_families);
  if (!gaps.empty()) {
    LayoutEvent e;
    e.kind = LayoutEvent::coverage;
    e.where = where;
    e.gaps = std::move(gaps);
    events_.push_back(std::move(e));
  }
  if (p.missing_glyphs > 0) {
    LayoutEvent e;
    e.kind = LayoutEvent::missing_glyphs;
    e.where = where;
    e.family = s.face.family;
    e.count = p.missing_glyphs;
    events_.push_back(std::move(e));
  }
  for (const SetLine& l : p.lines)
    if (l.overfull) {
      LayoutEvent e;
      e.kind = LayoutEvent::overfull_line;
      e.where = where;
      events_.push_back(std::move(e));
    }
  return p;
}

// Appends a paragraph's lines with the widow, orphan and hyphen-at-page-end rules.
void FlowSetter::add_lines(std::vector<FlowItem>& flow, SetParagraph& p, const style::Face& face,
                           double x, Role role, const std::string& group, const std::string& dest,
                           bool keep_with_previous) {
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
    it.role = role;
    it.group = group;
    it.notes = p.lines[k].notes;
    it.hyphenated = p.lines[k].hyphenated;
    it.ratio = p.lines[k].ratio;
    it.badness = p.lines[k].badness;
    it.on_grid = st_.grid && face.leading == st_.body.leading && role != Role::note;
    // What a break before this line costs: an orphan (first line alone), a widow (last line
    // alone), a heading parted from its first two lines, as the style weighs them; never a
    // word split across pages.
    const style::PageMakeup& pm = st_.pages;
    double cost = 0;
    if (k == 0) {
      it.dest = dest;
      if (keep_with_previous) cost = kNeverBreak;
    } else if (p.lines[k - 1].hyphenated) {
      cost = kNeverBreak;
    } else {
      if (k == 1) cost = std::max(cost, pm.orphan);
      if (n - k == 1) cost = std::max(cost, pm.widow);
      if (!group.empty()) cost = std::max(cost, pm.break_inside_block);
    }
    if (keep_lines_ > 0) {
      cost = std::max(cost, pm.keep_with_next);
      --keep_lines_;
    }
    it.break_before = cost < kNeverBreak;
    it.break_cost = it.break_before ? cost : 0;
    flow.push_back(std::move(it));
  }
  keep_next_ = false;
}

// What follows keeps with what was set last: its first line may not start a page, nor may
// its second (a heading stands with at least two lines of text).
void FlowSetter::keep_with_next() {
  keep_next_ = true;
  keep_lines_ = 2;
}

void FlowSetter::add_page_break(std::vector<FlowItem>& flow, bool recto) {
  FlowItem it;
  it.kind = FlowItem::page_break;
  it.leading = 0;
  it.recto = recto;
  flow.push_back(it);
}

void FlowSetter::add_space(std::vector<FlowItem>& flow, double amount, bool keep_at_top) {
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
void FlowSetter::pad_to_grid(std::vector<FlowItem>& flow, std::size_t from) {
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

void FlowSetter::add_space_at(std::vector<FlowItem>& flow, std::size_t at, double amount) {
  FlowItem it;
  it.kind = FlowItem::space;
  it.amount = amount;
  flow.insert(flow.begin() + static_cast<std::ptrdiff_t>(at), it);
}

std::vector<FlowItem> FlowSetter::reset(const ParagraphRecipe& r, int looseness, double& demerits) {
  if (r.final_pass || looseness == 0) return {};
  // The setter's place in the section as it was when the paragraph was first set; whatever
  // it was doing is given back after.
  const int block = next_block_, section = section_index_, keep_lines = keep_lines_;
  const model::NodeId node = block_;
  const std::size_t mark_shift = mark_shift_;
  const bool keep_next = keep_next_;
  next_block_ = r.block;
  section_index_ = r.section;
  block_ = r.node;
  mark_shift_ = r.mark_shift;
  keep_lines_ = r.keep_lines;
  looseness_ = looseness;
  usual_lines_ = r.lines;
  std::vector<FlowItem> out;
  paragraph(out, styled_text(*r.inlines), r.frame, r.indent, r.align, Role::body, r.where, false,
            r.dest);
  demerits = demerits_;
  looseness_ = 0;
  usual_lines_ = 0;
  next_block_ = block;
  section_index_ = section;
  block_ = node;
  mark_shift_ = mark_shift;
  keep_lines_ = keep_lines;
  keep_next_ = keep_next;
  return out;
}

void FlowSetter::paragraph(std::vector<FlowItem>& flow, const StyledText& text, const Frame& f,
                           bool indent, Align align, Role role, const support::SourcePos& where,
                           bool keep_with_previous, const std::string& dest) {
  if (text.empty()) return;
  ParagraphSettings s = settings(f.face, f.measure, indent ? f.first_indent.value_or(f.indent) : 0,
                                 align, role == Role::body || role == Role::note, f.lang);
  // Optical margin alignment for justified prose only: a heading, a centred or ragged line,
  // a verse line or a table cell has no straight edge for punctuation to hang from.
  if ((role == Role::body || role == Role::note) && align == Align::justify &&
      !st_.protrusion.empty())
    s.protrusion = &st_.protrusion;
  s.looseness = looseness_;
  s.usual_lines = usual_lines_;
  SetParagraph p = set(text, s, where);
  demerits_ = p.demerits;
  std::size_t first = flow.size();
  std::shared_ptr<ParagraphRecipe> recipe;
  if (recipe_inlines_ && section_index_ >= 0 && p.lines.size() >= 2)
    recipe = std::make_shared<ParagraphRecipe>(ParagraphRecipe{
        recipe_inlines_, f, indent, align, where, dest, next_block_, section_index_, block_,
        mark_shift_, keep_lines_, static_cast<int>(p.lines.size()), p.demerits, p.pass >= 4});
  add_lines(flow, p, f.face, f.x, role, f.group, dest, keep_with_previous);
  if (recipe) flow[first].recipe = std::move(recipe);
  if (section_index_ < 0) return;
  // model_offset for each line; with the notes in text order (as styled_text makes them) the
  // marks before each line are counted in one walk, not once per line (lines × notes).
  bool in_order = std::is_sorted(text.notes.begin(), text.notes.end(),
                                 [](const auto& x, const auto& y) { return x.first < y.first; });
  std::size_t note = 0, added = mark_shift_;
  for (std::size_t k = 0; k < p.lines.size(); ++k) {
    FlowItem& it = flow[first + k];
    it.section = section_index_;
    it.node = block_;
    std::size_t at = p.lines[k].start;
    if (in_order && (k == 0 || at >= p.lines[k - 1].start)) {
      for (; note < text.notes.size() && text.notes[note].first < at; ++note)
        added += std::to_string(text.notes[note].second).size();
      it.char_offset = at > added ? at - added : 0;
    } else {
      in_order = false;
      it.char_offset = model_offset(text, at);
    }
  }
}

// The styled text's byte offset as an offset into the model's plain text: note marks and
// a list item's number are the typesetter's, not the model's.
std::size_t FlowSetter::model_offset(const StyledText& text, std::size_t at) const {
  std::size_t added = mark_shift_;
  for (const auto& [offset, number] : text.notes)
    if (offset < at) added += std::to_string(number).size();
  return at > added ? at - added : 0;
}

void FlowSetter::heading_lines(std::vector<FlowItem>& flow, const StyledText& text,
                               const style::Heading& h, const Frame& f, Role role,
                               const std::string& dest, const support::SourcePos& where) {
  Frame hf = f;
  hf.face = h.face;
  paragraph(flow, text, hf, false, h.align, role, where, false, dest);
  keep_with_next();
}

// ---- blocks ---------------------------------------------------------------------------

void FlowSetter::blocks(std::vector<FlowItem>& flow, const std::vector<model::Block>& bs,
                        const Frame& f, bool& indent_next) {
  for (const model::Block& b : bs) block(flow, b, f, indent_next);
}

const style::BlockDesign* FlowSetter::design_of(const model::Block& b) const {
  for (const std::string& c : b.attr.classes)
    if (const style::BlockDesign* d = st_.design(c)) return d;
  return nullptr;
}

void FlowSetter::designed(std::vector<FlowItem>& flow, const std::vector<model::Block>& bs,
                          const Frame& f, const style::BlockDesign& d, bool& indent_next,
                          const std::function<void(std::vector<FlowItem>&)>& before) {
  Frame df = designed_frame(f, d);
  if (d.own_page()) {
    add_page_break(flow, d.page == style::Placement::own_recto);
    std::size_t from = flow.size();
    if (before) before(flow);
    bool inner = false;
    blocks(flow, bs, df, inner);
    // Placed on the page by a space kept at its top: at the sink, or centred.
    double height = 0;
    bool first = true;
    for (std::size_t i = from; i < flow.size(); ++i) {
      const FlowItem& it = flow[i];
      if (it.kind == FlowItem::space && !first) height += it.amount;
      if (it.kind != FlowItem::line) continue;
      height += first ? it.top : it.leading;
      first = false;
    }
    double room = st_.page.height - st_.page.top - st_.page.bottom;
    double top = d.sink ? *d.sink * room : (room - height) / 2;
    // Spaces before the first line would be dropped at the top of the page anyway.
    while (from < flow.size() && flow[from].kind == FlowItem::space)
      flow.erase(flow.begin() + static_cast<std::ptrdiff_t>(from));
    if (top > 0) {
      add_space_at(flow, from, std::min(top, std::max(0.0, room - height)));
      flow[from].keep_at_top = true;
    }
    for (std::size_t i = from; i < flow.size(); ++i) flow[i].display = true;
    add_page_break(flow, false);
    keep_next_ = false;
    keep_lines_ = 0;
    indent_next = false;
    return;
  }
  if (d.page_break_before) add_page_break(flow, false);
  std::size_t from = flow.size();
  add_space(flow, d.space_before);
  // An indent the design gives is every paragraph's (as its CSS rule says); otherwise, after
  // space of its own, the block's first paragraph opens a passage: no indent.
  bool inner = d.indent ? *d.indent > 0 : d.space_before > 0 ? false : indent_next;
  blocks(flow, bs, df, inner);
  add_space(flow, d.space_after);
  bool off_grid = d.space_before > 0 || d.space_after > 0 || d.size || d.leading;
  if (f.group.empty() && off_grid && from < flow.size()) pad_to_grid(flow, from);
  indent_next = d.space_after > 0 ? false : inner;
  // Its last line stays with the first lines of what follows (as a heading's does).
  if (d.keep_with_next) keep_with_next();
}

template <>
void FlowSetter::set_block<model::Paragraph>(std::vector<FlowItem>& flow, const model::Block& b,
                                             const model::Paragraph&, const Frame& f,
                                             bool& indent_next) {
  // A justified body paragraph on the grid may later be set a line looser or tighter.
  if (f.group.empty() && f.face.leading == st_.body.leading && !f.note &&
      f.align.value_or(Align::justify) == Align::justify)
    recipe_inlines_ = &b.inlines;
  paragraph(flow, styled_text(b.inlines), f, indent_next, f.align.value_or(Align::justify),
            Role::body, b.source);
  recipe_inlines_ = nullptr;
  indent_next = true;
}

template <>
void FlowSetter::set_block<model::Heading>(std::vector<FlowItem>& flow, const model::Block& b,
                                           const model::Heading& heading, const Frame& f,
                                           bool& indent_next) {
  const style::Heading& h = heading.level <= 2 ? st_.section : st_.subsection;
  std::size_t from = flow.size();
  add_space(flow, h.space_before);
  Role role = heading.level <= 2 ? Role::section_heading : Role::subsection_heading;
  heading_lines(flow, styled_text(b.inlines, h.uppercase), h, f, role, {}, b.source);
  add_space(flow, h.space_after);
  pad_to_grid(flow, from);
  indent_next = false;
}

void FlowSetter::quote(std::vector<FlowItem>& flow, const model::Block& b, const Frame& f,
                       bool epigraph, bool& indent_next) {
  indent_next = false;
  if (f.note) {
    // In a note: inset by the note's indent on both sides, in the note's face; the body
    // quotes' face, spacing and grid are the body's.
    Frame qf = f;
    qf.x += f.indent;
    qf.measure -= 2 * f.indent;
    bool inner = false;
    blocks(flow, b.blocks, qf, inner);
    return;
  }
  const style::BlockQuote& q = st_.block_quote;
  Frame qf = f;
  qf.face = q.face;
  qf.x = f.x + q.inset_left;
  qf.measure = f.measure - q.inset_left - q.inset_right;
  qf.group = epigraph ? "Div" : "BlockQuote";
  qf.indent = f.indent * q.face.size / st_.body.size;
  qf.align.reset();
  qf.first_indent.reset();
  // An epigraph is a block quote with the `epigraph` design over it (italic, by default).
  if (epigraph)
    if (const style::BlockDesign* d = st_.design("epigraph")) qf = designed_frame(qf, *d);
  std::size_t from = flow.size();
  add_space(flow, q.space_before);
  bool inner = false;
  for (const model::Block& c : b.blocks) {
    block(flow, c, qf, inner);
    // A paragraph after a paragraph is indented as the style says; after a list, code or
    // verse it is not, as at the top level (the block said so in `inner`).
    inner = q.indent_paragraphs && inner;
  }
  add_space(flow, q.space_after);
  if (f.group.empty()) pad_to_grid(flow, from);
  if (epigraph) keep_with_next();  // an epigraph stands with the text it opens
}

template <>
void FlowSetter::set_block<model::Dateline>(std::vector<FlowItem>& flow, const model::Block& b,
                                            const model::Dateline& dateline, const Frame& f,
                                            bool& indent_next) {
  const style::Dateline& d = st_.dateline;
  indent_next = false;
  // The reader decides where a dateline stands (model::DatelinePlace); the EPUB reads the same.
  if (dateline.place == model::DatelinePlace::opening) {
    // Set as the style's opening design says, over the surrounding face; no indent after.
    const style::BlockDesign& o = d.opening;
    Frame of = designed_frame(f, o);
    std::size_t from = flow.size();
    add_space(flow, o.space_before);
    paragraph(flow, styled_text(b.inlines), of, false, of.align.value_or(Align::right), Role::body,
              b.source);
    add_space(flow, o.space_after);
    if (f.group.empty() && from < flow.size()) pad_to_grid(flow, from);
    if (o.keep_with_next) keep_with_next();
    return;
  }
  Frame df = f;
  df.face = d.face;
  add_space(flow, d.space_before);
  paragraph(flow, styled_text(b.inlines), df, false, d.align, Role::body, b.source,
            /*keep_with_previous=*/true);
}

template <>
void FlowSetter::set_block<model::SceneBreak>(std::vector<FlowItem>& flow, const model::Block& b,
                                              const model::SceneBreak&, const Frame& f,
                                              bool& indent_next) {
  std::size_t from = flow.size();
  add_space(flow, st_.body.leading / 2);
  paragraph(flow, plain(st_.scene_break), f, false, Align::center, Role::body, b.source);
  add_space(flow, st_.body.leading / 2);
  pad_to_grid(flow, from);
  indent_next = false;
}

template <>
void FlowSetter::set_block<model::LineBlock>(std::vector<FlowItem>& flow, const model::Block& b,
                                             const model::LineBlock&, const Frame& f,
                                             bool& indent_next) {
  set_inset_lines(flow, styled_text(b.inlines), b, f);
  indent_next = false;
}

template <>
void FlowSetter::set_block<model::CodeBlock>(std::vector<FlowItem>& flow, const model::Block& b,
                                             const model::CodeBlock& code, const Frame& f,
                                             bool& indent_next) {
  StyledText t = plain(code.text);
  while (!t.text.empty() && t.text.back() == '\n') t.text.pop_back();
  t.spans.push_back({0, t.text.size(), false, false, false, true, false, {}});
  set_inset_lines(flow, t, b, f);
  indent_next = false;
}

void FlowSetter::set_inset_lines(std::vector<FlowItem>& flow, const StyledText& t,
                                 const model::Block& b, const Frame& f) {
  Frame lf = f;
  lf.x = f.x + f.indent;
  lf.measure = f.measure - f.indent;
  std::size_t from = flow.size();
  // Half a line of the text around it before and after: the body's, back on its grid; in a
  // block quote or a note, a half line of their own face (the quote as a whole is put back on
  // the grid; notes are not on it).
  bool nested = !f.group.empty() || f.note;
  double half = (nested ? f.face.leading : st_.body.leading) / 2;
  add_space(flow, half);
  paragraph(flow, t, lf, false, Align::left, Role::body, b.source);
  add_space(flow, half);
  if (!nested) pad_to_grid(flow, from);
}

template <>
void FlowSetter::set_block<model::List>(std::vector<FlowItem>& flow, const model::Block& b,
                                        const model::List& list, const Frame& f,
                                        bool& indent_next) {
  int n = list.start;
  Frame lf = f;
  lf.x = f.x + f.indent;
  lf.measure = f.measure - f.indent;
  for (const model::Block& item : b.blocks) {
    bool first = true;
    for (const model::Block& c : item.blocks) {
      if (first && c.is<model::Paragraph>()) {
        // Set here, not by block(): its lines belong to the paragraph.
        model::NodeId outer = block_;
        block_ = c.node_id;
        StyledText t = styled_text(c.inlines);
        std::string mark = list.ordered ? std::to_string(n) + ". " : "• ";
        t.text.insert(0, mark);
        for (auto& sp : t.spans) {
          sp.start += mark.size();
          sp.end += mark.size();
        }
        for (auto& nt : t.notes) nt.first += mark.size();
        mark_shift_ = mark.size();
        paragraph(flow, t, lf, false, Align::justify, Role::body, c.source);
        mark_shift_ = 0;
        block_ = outer;
      } else {
        bool ind = false;
        block(flow, c, lf, ind);
      }
      first = false;
    }
    ++n;
  }
  indent_next = false;
}

template <>
void FlowSetter::set_block<model::Figure>(std::vector<FlowItem>& flow, const model::Block& b,
                                          const model::Figure& fig, const Frame& f,
                                          bool& indent_next) {
  figure(flow, b, fig, f);
  indent_next = false;
}

template <>
void FlowSetter::set_block<model::Div>(std::vector<FlowItem>& flow, const model::Block& b,
                                       const model::Div&, const Frame& f, bool& indent_next) {
  // `::: full-page` around a figure: the figure alone on a page of its own.
  bool outer_full_page = full_page_;
  full_page_ = full_page_ || b.attr.has_class("full-page");
  if (full_page_ && !outer_full_page) {
    blocks(flow, b.blocks, f, indent_next);
    full_page_ = false;
    return;
  }
  if (const style::BlockDesign* d = design_of(b))
    designed(flow, b.blocks, f, *d, indent_next);
  else
    blocks(flow, b.blocks, f, indent_next);
}

template <>
void FlowSetter::set_block<model::ListItem>(std::vector<FlowItem>& flow, const model::Block& b,
                                            const model::ListItem&, const Frame& f,
                                            bool& indent_next) {
  blocks(flow, b.blocks, f, indent_next);
}

// Notes are set apart, by set_notes, at the foot of the page that cites them.
template <>
void FlowSetter::set_block<model::Footnote>(std::vector<FlowItem>&, const model::Block&,
                                            const model::Footnote&, const Frame&, bool&) {}

void FlowSetter::block(std::vector<FlowItem>& flow, const model::Block& b, const Frame& f,
                       bool& indent_next) {
  // A block in another language (`lang=` on a div or heading): it and what it holds.
  if (!b.attr.lang.empty() && b.attr.lang != f.lang) {
    Frame lf = f;
    lf.lang = b.attr.lang;
    return block(flow, b, lf, indent_next);
  }
  model::NodeId outer = block_;
  block_ = b.node_id;
  // A picture inside running text: print sets figures (a paragraph that is one image), not
  // pictures between words, so this one is the EPUB's only; said, never dropped in silence.
  // (A figure's own inlines are its caption; the children of a block are their own blocks.)
  if (!b.is<model::Figure>())
    model::walk_inlines(b.inlines, [&](const model::Inline& in) {
      if (!in.is<model::Image>()) return;
      LayoutEvent e;
      e.kind = LayoutEvent::inline_image;
      e.where = in.source;
      e.message = fmt::format(
          "the image '{}' stands inside a paragraph: the EPUB shows it there, the PDF leaves it "
          "out (print sets an image as a figure, in a paragraph of its own)",
          in.as<model::Image>().src);
      events_.push_back(std::move(e));
    });
  std::visit(
      [&](const auto& kind) {
        using Kind = std::decay_t<decltype(kind)>;
        // Block quotes and epigraphs share one setter.
        if constexpr (std::is_same_v<Kind, model::BlockQuote> ||
                      std::is_same_v<Kind, model::Epigraph>)
          quote(flow, b, f, std::is_same_v<Kind, model::Epigraph>, indent_next);
        else
          set_block(flow, b, kind, f, indent_next);
      },
      b.node);
  block_ = outer;
}

// ---- notes ---------------------------------------------------------------------------

void FlowSetter::set_notes(const model::Section& sec, std::map<int, std::vector<FlowItem>>& notes) {
  Frame nf{st_.footnotes.face,
           tools_.measure,
           0,
           "",
           st_.indent * st_.footnotes.face.size / st_.body.size,
           true};
  for (const model::Block& note : sec.footnotes) {
    int number = note.as<model::Footnote>().number;
    std::vector<FlowItem> lines;
    bool first = true;
    // Whether the next paragraph is indented: after a paragraph, not after a list, code or
    // verse (as at the top level).
    bool indent = false;
    for (const model::Block& c : note.blocks) {
      if (!c.is<model::Paragraph>()) {
        // Lists, quotes and verse in a note are set like the body's, at the note's size;
        // a note that opens with one gets its number on a line of its own.
        if (first)
          paragraph(lines, plain(std::to_string(number) + "."), nf, false, Align::left, Role::note,
                    c.source);
        indent = false;
        block(lines, c, nf, indent);
        first = false;
        continue;
      }
      StyledText t = styled_text(c.inlines);
      if (first) {
        std::string mark = std::to_string(number) + ".\u2002";
        t.text.insert(0, mark);
        for (auto& sp : t.spans) {
          sp.start += mark.size();
          sp.end += mark.size();
        }
      }
      paragraph(lines, t, nf, !first && indent, Align::justify, Role::note, c.source);
      first = false;
      indent = true;
    }
    notes[number] = std::move(lines);
  }
}

}  // namespace folio::typeset
