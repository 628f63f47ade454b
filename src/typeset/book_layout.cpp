// The page builder: section flows (set on any thread) → pages, furniture, labels, outline.
#include "typeset/book_layout.hpp"

#include <fmt/format.h>
#include <glib.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <thread>
#include <tuple>

#include "typeset/figure_box.hpp"
#include "typeset/flow.hpp"
#include "typeset/flow_setter.hpp"
#include "typeset/font_context.hpp"
#include "typeset/front_matter_setter.hpp"
#include "typeset/hyphenator.hpp"
#include "typeset/inline_text.hpp"
#include "typeset/layout_dump.hpp"
#include "typeset/page_builder.hpp"
#include "typeset/page_content.hpp"
#include "typeset/page_sink.hpp"
#include "typeset/paragraph.hpp"
#include "typeset/primer.hpp"
#include "typeset/section_flows.hpp"
#include "typeset/spread_balance.hpp"

namespace folio::typeset {
namespace {

// A running head sets only its first line: at most this much of its text is set.
constexpr std::size_t kFurnitureBytes = 2000;

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

// What a page shows besides its content, decided after pagination.
struct PageMeta {
  bool front = true;     // roman folios
  bool display = false;  // half-title, title, copyright: no head, no folio
  bool opening = false;  // a section's first page: no head, folio at the foot
  std::string section_title;
};

class BookSetter {
 public:
  BookSetter(const model::Document& doc, const style::Style& st, const LayoutOptions& options,
             support::Diagnostics& diags)
      : doc_(doc),
        st_(st),
        options_(options),
        diags_(diags),
        facts_(options.facts ? *options.facts : facts::metadata_facts(doc.metadata)),
        font_config_(FontConfig::load(font_folders(doc.base_dir), diags)),
        fonts_(doc.metadata.lang.empty() ? "en-US" : doc.metadata.lang.value, font_config_),
        hyphenators_(st.hyphenation.dictionary_dir, st.hyphenation.left_min,
                     st.hyphenation.right_min),
        measure_(st.page.width - st.page.inside - st.page.outside),
        tools_{st, fonts_, hyphenators_, cache_, measure_, options.glyphs, &doc.base_dir},
        setter_(tools_, out_.fonts, main_events_),
        furniture_setter_(tools_, out_.fonts, furniture_events_),
        resetter_(tools_, out_.fonts, reset_events_),
        sink_(options.glyphs ? options.sink : nullptr) {
    // The book's language's patterns are loaded here, before any thread sets text; the other
    // languages' on a thread of their own while the book is set (German's 1 MB of patterns
    // held up the start of Dracula by a tenth of a second), or here with no threads.
    if (st.hyphenation.enabled) {
      hyphenators_.add(fonts_.lang(), &diags, st.hyphenation.exceptions);
      other_langs_ = other_languages(doc);
      if (threads() > 1) {
        std::vector<std::string> langs;
        for (const UsedLanguage& u : other_langs_) langs.push_back(u.lang);
        hyphenators_.add_in_background(langs);
      } else {
        for (const UsedLanguage& u : other_langs_) hyphenators_.add(u.lang, &diags);
      }
    }
    out_.width = st.page.width;
    out_.height = st.page.height;
  }

  PagedDocument run() {
    try {
      return set_book();
    } catch (...) {
      if (sink_) sink_->abandon();  // before out_'s pages go
      throw;
    }
  }

 private:
  // The threads that set the book: the calling one and its workers.
  int threads() const {
    return options_.threads > 0
               ? options_.threads
               : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  }

  PagedDocument set_book() {
    check_fonts();
    if (st_.hyphenation.enabled && !hyphenators_.find(fonts_.lang()))
      diags_.warning("pdf-no-hyphenation", {},
                     fmt::format("no hyphenation dictionary for '{}' in {}; lines will be looser",
                                 fonts_.lang(), st_.hyphenation.dictionary_dir.string()),
                     "install the hyphen-en-us package (or the one for the book's language)");
    // Another language without patterns: its words are set whole; one note a language.
    for (const UsedLanguage& u : other_langs_)
      if (!hyphenators_.has_dictionary(u.lang))
        diags_.report({support::Severity::note,
                       "pdf-no-hyphenation",
                       fmt::format("no hyphenation dictionary for '{}' in {}: its words ({} "
                                   "span(s) or block(s)) are set unhyphenated",
                                   u.lang, st_.hyphenation.dictionary_dir.string(), u.uses),
                       u.first,
                       {},
                       "install Debian's hyphen-* package for the language, if there is one"});
    // The sections are set from now on, while this thread sets the front matter and contents.
    SectionFlows flows(doc_, tools_, font_config_, threads(), options_.calling_thread_sets);
    // Before any page is handed over, while the workers start on the sections.
    if (options_.glyphs)
      out_.primer = set_primer(fonts_, out_.fonts, primer_text(doc_),
                               setter_.settings(st_.body, 1e5, 0, Align::left, false));
    if (options_.front_matter) front_matter();
    std::size_t toc_page = SIZE_MAX;
    std::vector<std::size_t> titled;
    for (std::size_t i = 0; i < doc_.sections.size(); ++i)
      if (doc_.sections[i].heading) titled.push_back(i);
    if (options_.front_matter && titled.size() >= 2) toc_page = contents(titled.size());
    for (std::size_t i = 0; i < doc_.sections.size(); ++i) {
      const model::Section& sec = doc_.sections[i];
      bool front = sec.matter == model::Matter::front;
      if (!front && !body_started_) {
        body_started_ = true;
        start_page(true, false);
        first_body_page_ = out_.pages.size() - 1;
      } else {
        start_page(st_.opening.recto || front, front);
      }
      section(flows, sec, i, front);
    }
    if (!body_started_) first_body_page_ = out_.pages.size();
    release_before(out_.pages.size());
    for (std::size_t k = 0; k < start_pages_.size(); ++k)
      out_.page_map[k].label = out_.pages[start_pages_[k]].label;
    if (toc_page != SIZE_MAX) fill_contents();
    for (std::size_t p = out_.late_begin; p < out_.late_end; ++p) finish_page(p);
    report(main_events_);
    report(furniture_events_);
    report_lenders();
    hyphenators_.finish_background(&diags_);
    return std::move(out_);
  }

  // ---- finished pages ------------------------------------------------------------------

  // Pages before `end` are final but for their label and furniture: those are added, and the
  // page handed to the sink. The late pages (the contents) wait for the end of the book.
  void release_before(std::size_t end) {
    for (std::size_t p = released_; p < end; ++p)
      if (p < out_.late_begin || p >= late_end_) finish_page(p);
    released_ = std::max(released_, end);
  }

  void finish_page(std::size_t p) {
    bool front = !body_started_ || p < first_body_page_;
    out_.pages[p].label =
        front ? roman(static_cast<int>(p) + 1) : std::to_string(p - first_body_page_ + 1);
    out_.pages[p].opening = meta_[p].opening;
    out_.pages[p].display = meta_[p].display;
    furnish(p);
    if (sink_) sink_->page_done(out_, p);
  }

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
    // A fallback family fontconfig does not have would lend nothing: an error where it is named.
    for (std::size_t k = 0; k < st_.fallback_families.size(); ++k) {
      style::Face face = st_.body;
      face.family = st_.fallback_families[k];
      face.italic = false;
      if (fonts_.has_family(face) || !missing_families_.insert(face.family).second) continue;
      support::SourcePos at = k < st_.fallback_positions.size()
                                  ? st_.fallback_positions[k]
                                  : support::SourcePos{st_.file.string(), 0, 0};
      diags_.error("pdf-font-missing", at,
                   fmt::format("the style names '{}' as a fallback family, which fontconfig cannot "
                               "find: {}",
                               face.family, font_install_hint(face.family)));
    }
  }

  // ---- paragraphs into the flow ----------------------------------------------------------

  // Reports what setting paragraphs met, in the order met, once per book where so ruled.
  void report(std::vector<LayoutEvent>& events) {
    for (const LayoutEvent& e : events) {
      switch (e.kind) {
        case LayoutEvent::coverage:
          report_coverage(e.gaps, e.where);
          break;
        case LayoutEvent::missing_glyphs:
          if (missing_reported_) break;
          missing_reported_ = true;
          diags_.error("pdf-missing-glyphs", e.where,
                       fmt::format("the font '{}' has no glyph for {} character(s) of this text",
                                   e.family, e.count));
          break;
        case LayoutEvent::overfull_line:
          ++out_.overfull_lines;
          diags_.warning("pdf-overfull-line", e.where,
                         "a line is wider than the measure (a character wider than the column?)");
          break;
        case LayoutEvent::table_too_wide:
          diags_.warning("table-too-wide", e.where, e.message,
                         "split the table, shorten its longest words, or lower the style's "
                         "table min-size");
          break;
        case LayoutEvent::figure_unreadable:
          diags_.error("pdf-figure-unreadable", e.where, e.message);
          break;
        case LayoutEvent::low_resolution:
          diags_.warning("image-resolution", e.where, e.message);
          break;
        case LayoutEvent::inline_image:
          diags_.warning("pdf-inline-image", e.where, e.message,
                         "give the image a paragraph of its own to set it as a figure");
          break;
      }
    }
    events.clear();
  }

  // Characters the paragraph's own faces lack (Pango would take them from another face):
  // an error per face, naming each character once per book.
  void report_coverage(const std::vector<GlyphGap>& gaps, const support::SourcePos& where) {
    for (const GlyphGap& gap : gaps) {
      // Borrowed from a fallback family: gathered per lender, noted once at the book's end.
      for (const auto& [c, lender] : gap.borrowed) {
        if (!borrowed_reported_.insert(c).second) continue;
        auto it = std::find_if(lenders_.begin(), lenders_.end(),
                               [&](const Lender& l) { return l.family == lender; });
        if (it == lenders_.end())
          it = lenders_.insert(lenders_.end(), Lender{lender, where, {}, {}});
        it->chars.push_back(c);
        if (std::find(it->faces.begin(), it->faces.end(), gap.font) == it->faces.end())
          it->faces.push_back(gap.font);
      }
      if (gap.missing.empty() && !gap.synthetic && !gap.no_family) continue;
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
                   fmt::format("the font '{}' has no glyph for {}; folio borrows glyphs only "
                               "from the style's body.fallback-families: name a family that has "
                               "them there, use a font that has them ({}), or change the text",
                               gap.font, chars, font_install_hint(gap.family)));
    }
  }

  // One note per fallback family that lent characters: which, and for which faces (where the
  // first of them is used).
  void report_lenders() {
    for (const Lender& l : lenders_) {
      std::string chars;
      for (std::size_t k = 0; k < l.chars.size() && k < 16; ++k) {
        char utf8[8] = {};
        g_unichar_to_utf8(static_cast<gunichar>(l.chars[k]), utf8);
        chars +=
            fmt::format("{}{} (U+{:04X})", k ? ", " : "", utf8, static_cast<unsigned>(l.chars[k]));
      }
      if (l.chars.size() > 16) chars += fmt::format(" and {} more", l.chars.size() - 16);
      std::string faces;
      for (const std::string& f : l.faces) faces += (faces.empty() ? "'" : ", '") + f + "'";
      diags_.report({support::Severity::note,
                     "pdf-fallback-glyphs",
                     fmt::format("the style's fallback family '{}' supplied {} character{} {} "
                                 "{}: {}",
                                 l.family, l.chars.size(), l.chars.size() == 1 ? "" : "s", faces,
                                 l.faces.size() == 1 ? "lacks" : "lack", chars),
                     l.first,
                     {},
                     {}});
    }
  }

  // Below the notes' last baseline: on a grid, the room a full page of body lines leaves, so
  // that the notes end on the facing page's last baseline.
  double notes_foot_room() const {
    double span = body_bottom() - (body_top() + st_.body.size);
    return st_.grid && span > 0 ? std::fmod(span, st_.body.leading) : 0;
  }

  // What a page with notes gives them beyond their lines: the space above, the room below.
  double notes_overhead() const { return st_.footnotes.space_before + notes_foot_room(); }

  const NoteShape* note_shape(int n) const {
    auto it = note_shapes_.find(n);
    return it == note_shapes_.end() ? nullptr : &it->second;
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

  PageFrame page_frame() const {
    PageFrame f;
    f.top = body_top();
    f.bottom = body_bottom();
    f.grid_origin = body_top() + st_.body.size;
    f.body_leading = st_.body.leading;
    f.space_stretch = st_.pages.space_stretch;
    f.note_shapes = [this](int n) { return note_shape(n); };
    f.notes_overhead = notes_overhead();
    return f;
  }

  // A section's opening page keeps its designed spaces (the sink, the title's): no stretch.
  static PageFrame opening(PageFrame frame) {
    frame.space_stretch = 0;
    return frame;
  }

  // The section's breaks from `at` on (below a carried note, under floated figures), chosen
  // over the rest of it, its pages filled by `fill`.
  std::vector<PageEnd> plan(const std::vector<FlowItem>& flow, const PlanStart& at,
                            const PageFiller& fill) const {
    std::map<std::tuple<std::size_t, NoteCarry, std::size_t>, std::vector<PageEnd>> ends;
    return plan_pages(
        at.item, flow.size(), at.recto, at.carried, at.floats_from,
        [&](std::size_t start, NoteCarry c, std::size_t f) -> const std::vector<PageEnd>& {
          auto key = std::make_tuple(start, c, f);
          auto it = ends.find(key);
          if (it == ends.end()) it = ends.emplace(key, fill(flow, start, c, f)).first;
          return it->second;
        },
        page_costs(st_.pages));
  }

  // Lays out a section's flow from the current (fresh) page on, at the breaks of least cost.
  void paginate(std::vector<FlowItem>& flow, bool front, const std::string& title) {
    const PageFrame frame = page_frame();
    const bool floating = std::any_of(
        flow.begin(), flow.end(), [](const FlowItem& it) { return it.kind == FlowItem::figure; });
    std::vector<PageEnd> planned;
    std::size_t step = 0;
    int replans = 0;  // a plan the pages leave is made again from there, a few times at most
    std::size_t i = 0;
    bool first_page = true;
    // Nothing left but what a page top drops (spaces, page breaks): no page is started for it.
    auto only_breaks_from = [&](std::size_t k) {
      for (; k < flow.size(); ++k)
        if (flow[k].kind == FlowItem::line || flow[k].kind == FlowItem::figure ||
            (flow[k].kind == FlowItem::space && flow[k].keep_at_top))
          return false;
      return true;
    };
    bool want_recto = false;  // the page break that ended the last page asks for a recto
    // A page's ends from a start (the section's opening page keeps its designed spaces).
    const PageFiller ends_from = [&](const std::vector<FlowItem>& f, std::size_t start, NoteCarry c,
                                     std::size_t fl) {
      return fill_page(f, start, start == 0 ? opening(frame) : frame, floating, c, fl).ends;
    };
    // The section's plan, its faults mended where a paragraph set a line looser or tighter
    // can (the flow then holds that paragraph's new lines).
    planned = balance_spreads(
        flow, 0, out_.pages.back().recto, ends_from,
        [&](const ParagraphRecipe& r, int looseness, double& demerits) {
          return resetter_.reset(r, looseness, demerits);
        },
        page_costs(st_.pages), st_.body.leading);
    reset_events_.clear();
    NoteCarry carry;  // the note the last page split, continued at this one's foot
    std::size_t floats_from = kNoFloat;  // the figures that floated to this page's top
    while (i < flow.size() || carry || floats_from != kNoFloat) {
      if (!first_page) {
        if (only_breaks_from(i) && !carry && floats_from == kNoFloat) break;
        if (want_recto && out_.pages.size() % 2 == 1) new_page(front).blank = true;
        new_page(front);
        release_before(out_.pages.size() - 1);
      }
      want_recto = false;
      // Drop discardable spaces at the top; a page break there is already made, but one that
      // asks for a recto on a verso leaves this page blank.
      while (i < flow.size() && ((flow[i].kind == FlowItem::space && !flow[i].keep_at_top) ||
                                 flow[i].kind == FlowItem::page_break)) {
        if (flow[i].kind == FlowItem::page_break && flow[i].recto && !out_.pages.back().recto &&
            !only_breaks_from(i + 1)) {
          out_.pages.back().blank = true;
          meta_.back().section_title = title;
          new_page(front);
          release_before(out_.pages.size() - 1);
        }
        ++i;
      }
      PageMeta& pm = meta_.back();
      pm.section_title = title;
      pm.opening = first_page;
      Page& page = out_.pages.back();
      PageFill fill =
          fill_page(flow, i, first_page ? opening(frame) : frame, floating, carry, floats_from);
      auto find_planned = [&]() -> const PageEnd* {
        if (step >= planned.size()) return nullptr;
        for (const PageEnd& e : fill.ends)
          if (e.cut == planned[step].cut && e.long_page == planned[step].long_page &&
              e.carry == planned[step].carry && e.floats_from == planned[step].floats_from)
            return &e;
        return nullptr;
      };
      const PageEnd* end = find_planned();
      if (!end && replans < 4 && (i < flow.size() || carry || floats_from != kNoFloat)) {
        ++replans;
        planned = plan(flow, {i, carry, floats_from, out_.pages.back().recto}, ends_from);
        step = 0;
        end = find_planned();
      }
      ++step;
      if (!end) end = &local_best_end(fill, page_costs(st_.pages));
      const std::size_t cut = end->cut;
      want_recto = end->want_recto;
      const double extra = end->long_page ? st_.body.leading : 0;
      // The page's place in the model is its first line's (a floated figure at its top has
      // left its place in the text).
      auto first_line =
          std::find_if(fill.placed.begin(), fill.placed.end(), [&](const PageFill::Placed& pl) {
            return pl.item < cut && flow[pl.item].kind == FlowItem::line;
          });
      if (first_line != fill.placed.end()) {
        const FlowItem& top = flow[first_line->item];
        if (top.section >= 0) {
          start_pages_.push_back(out_.pages.size() - 1);
          out_.page_map.push_back({{}, top.section, top.node, top.char_offset});
        }
      }
      PageContent content = put_on_page(page, flow, fill, cut, stretched_baselines(fill, *end),
                                        left(page.recto), body_top());
      if (content.display) pm.display = true;
      for (const PageContent::Slot& slot : content.contents_slots)
        toc_slots_.push_back({out_.pages.size() - 1, slot.block, slot.baseline});
      const NoteArea area(frame.note_shapes, frame.notes_overhead, carry);
      const std::vector<NotePart> parts = area.parts(notes_of(flow, fill, cut), end->carry);
      place_notes(page, parts, area.lines_height(parts), extra);
      carry = end->carry;
      floats_from = end->floats_from;
      i = cut;
      first_page = false;
    }
  }

  // The notes at the page's foot (`extra` below the text block's on a long page): a part
  // continued from the page before comes first, under a rule across the measure.
  // `h`: the parts' lines' height (NoteArea::lines_height).
  void place_notes(Page& page, const std::vector<NotePart>& parts, double h, double extra) {
    if (parts.empty()) return;
    double y = body_bottom() - notes_foot_room() + extra - h;
    double x = left(page.recto);
    // The rule sits in the space above the notes, clear of the last text line's descenders
    // (the text ends space_before above y) and of the first note's ascenders.
    const double continued_width =
        st_.footnotes.continued_rule_width > 0 ? st_.footnotes.continued_rule_width : measure_;
    page.rules.push_back({x, y - 0.15 * st_.footnotes.space_before,
                          parts.front().continued() ? continued_width : st_.footnotes.rule_width,
                          st_.footnotes.rule_thickness});
    for (const NotePart& part : parts) {
      const std::vector<FlowItem>& items = notes_.at(part.note);
      int current = -1;
      for (std::size_t k = part.from; k < part.to && k < items.size(); ++k) {
        const FlowItem& l = items[k];
        if (l.kind == FlowItem::space) {  // around code and verse in a note
          y += l.amount;
          continue;
        }
        y += l.leading;
        if (current != l.block) {
          PageBlock b;
          b.role = Role::note;
          b.note = part.note;
          b.continued = part.continued();
          page.blocks.push_back(std::move(b));
          current = l.block;
        }
        record_line(page, l, x + l.x, y, part.note);
        place(page.blocks.back(), l.runs, x + l.x, y);
      }
    }
  }

  // Places section `index`'s flow (set on any thread) from the current (fresh) page on: its
  // runs' fonts become the book's, in order of first use, and its events are reported.
  void section(SectionFlows& flows, const model::Section& sec, std::size_t index, bool front) {
    release_before(out_.pages.size() - 1);  // all but the fresh page, while the flow is set
    SectionFlows::Taken taken = flows.take(index);
    SectionFlow& sf = taken.flow;
    std::vector<PangoFont*> ours(sf.fonts.size());
    bool mapped = true;
    for (std::size_t k = 0; k < ours.size() && mapped; ++k) {
      PangoFont* f = sf.fonts.at(static_cast<int>(k));
      ours[k] = taken.main_fonts ? f : flows.main_font(f);
      mapped = ours[k] || !f;
    }
    if (!taken.main_fonts && options_.stats) ++options_.stats->sections_on_workers;
    if (!mapped) {
      if (options_.stats) ++options_.stats->sections_set_again;
      // No font of ours verifiably equal to one the worker used: set the section again here,
      // rather than risk a run in another font.
      flows.retire(std::move(sf.fonts));
      sf = FlowSetter::set_section(tools_, sec, index);
      ours.resize(sf.fonts.size());
      for (std::size_t k = 0; k < ours.size(); ++k) ours[k] = sf.fonts.at(static_cast<int>(k));
    }
    std::vector<int> index_of(ours.size());
    for (std::size_t k = 0; k < ours.size(); ++k) index_of[k] = out_.fonts.index_of(ours[k]);
    std::set<const RepeatedHeader*> headers;  // each table's header once
    auto renumber = [&](std::vector<FlowItem>& items, auto& self) -> void {
      for (FlowItem& it : items) {
        for (GlyphRun& r : it.runs) r.font = index_of.at(static_cast<std::size_t>(r.font));
        if (it.header && headers.insert(it.header.get()).second) self(it.header->cells, self);
        if (it.figure_box) self(it.figure_box->caption, self);
      }
    };
    renumber(sf.flow, renumber);
    for (auto& [number, lines] : sf.notes) renumber(lines, renumber);
    flows.retire(std::move(sf.fonts));
    report(main_events_);  // whatever the book setter itself set before this section
    report(sf.events);
    for (auto& [number, lines] : sf.notes) {
      NoteShape& shape = note_shapes_[number];
      shape = {};
      for (std::size_t k = 0; k < lines.size(); ++k) {
        const FlowItem& l = lines[k];
        const bool line = l.kind != FlowItem::space;
        shape.advance.push_back(line ? l.leading : l.amount);
        shape.line.push_back(line);
        // Between two lines (never next to the space around a note's code or verse), and
        // never a word split across pages.
        shape.split_before.push_back(line && k > 0 && lines[k - 1].kind != FlowItem::space &&
                                     !lines[k - 1].hyphenated);
      }
      notes_[number] = std::move(lines);
    }
    std::string title;
    if (sec.heading) {
      title = model::plain_text(sec.heading->inlines);
      std::string dest = fmt::format("section-{}", index + 1);
      out_.outline.push_back({title, dest, 1});
      section_dests_.push_back({index, dest});
      section_titles_.push_back(title);
    }
    std::size_t first = out_.pages.size() - 1;
    paginate(sf.flow, front, title);
    if (sec.heading) section_pages_.push_back(first);
  }

  // ---- front matter --------------------------------------------------------------------

  // Places `flow` on the current display page, its first baseline at `first_baseline` (never
  // above the text block) and each line below the one before; lines that would pass the foot
  // of the text block go on to a further display page rather than over the margin.
  void place_display(std::vector<FlowItem>& flow, double first_baseline) {
    std::optional<double> prev;
    double pending = 0;
    int last_block = -1;
    for (FlowItem& it : flow) {
      if (it.kind == FlowItem::space) {
        pending += it.amount;
        continue;
      }
      double baseline =
          prev ? *prev + pending + it.leading : std::max(first_baseline, body_top() + it.top);
      if (prev && baseline > body_bottom() + 0.01) {
        new_page(true, true);
        baseline = body_top() + it.top;
        last_block = -1;
      }
      Page& page = out_.pages.back();
      if (it.block != last_block) {
        PageBlock b;
        b.role = Role::display;
        page.blocks.push_back(std::move(b));
        last_block = it.block;
      }
      record_line(page, it, left(page.recto) + it.x, baseline);
      place(page.blocks.back(), std::move(it.runs), left(page.recto) + it.x, baseline);
      prev = baseline;
      pending = 0;
    }
  }

  // The generated pages, as the style's front-matter design composes them, each on a display
  // page of its own; the half-title's verso is left blank.
  void front_matter() {
    const model::Metadata& md = doc_.metadata;
    FrontMatterText text{md.title.value, md.subtitle.value, authors(), md.publisher.value, {}};
    for (const facts::CopyrightLine& l : facts_.copyright) text.copyright.push_back(l.text);
    text.copyright.push_back(
        facts::fill_label(facts_.labels->typeset_with, {options_.creator, st_.body.family}));
    FrontMatterSetter pages(setter_, st_, measure_);
    auto show = [&](DisplayPage page) {
      new_page(true, true);
      place_display(page.flow, page.first_baseline);
    };
    show(pages.half_title(text));
    new_page(true, true).blank = true;
    show(pages.title_page(text));
    show(pages.copyright_page(text));
  }

  // The contents page: the chapter heading's design, then a placeholder line a titled
  // section, each filled in once pagination has numbered the pages.
  std::size_t contents(std::size_t entries) {
    const style::ContentsPage& toc = st_.front_matter.contents;
    const style::Face entry = style::display_face(st_, toc.entry);
    start_page(true, true);
    std::size_t page_index = out_.pages.size() - 1;
    std::vector<FlowItem> flow;
    Frame f{st_.body, measure_ - toc.number_width, 0, "", st_.indent};
    setter_.add_space(flow, st_.chapter.space_before, true);
    const std::string heading(facts_.labels->contents);
    setter_.heading_lines(flow, plain(heading), st_.chapter, f, Role::chapter_title, "contents",
                          {});
    setter_.add_space(flow, st_.chapter.space_after);
    for (std::size_t i = 0; i < entries; ++i) {
      if (i > 0 && toc.entry.space_before > 0) setter_.add_space(flow, toc.entry.space_before);
      // Placeholder lines; titles and page numbers are filled in after pagination.
      FlowItem it;
      it.leading = entry.leading;
      it.top = entry.size;
      it.role = Role::contents_entry;
      it.block = setter_.next_block();
      it.break_before = true;
      it.dest = fmt::format("toc-{}", i);
      flow.push_back(it);
    }
    out_.outline.push_back({heading, "contents", 1});
    out_.late_begin = page_index;
    late_end_ = SIZE_MAX;           // the pages paginate makes now are late too
    paginate(flow, true, heading);  // records where each placeholder landed
    out_.late_end = late_end_ = out_.pages.size();
    return page_index;
  }

  // Each placeholder gets its section's title, in the title column, and page number, flush
  // right in the number column on the title's first line; the whole entry is a link.
  void fill_contents() {
    const style::ContentsPage& toc = st_.front_matter.contents;
    const style::Face entry = style::display_face(st_, toc.entry);
    const double column = measure_ - toc.number_width;
    for (std::size_t i = 0; i < toc_slots_.size() && i < section_titles_.size(); ++i) {
      const TocSlot& slot = toc_slots_[i];
      Page& page = out_.pages[slot.page];
      PageBlock& blk = page.blocks[slot.block];
      blk.dest.clear();
      double x = left(page.recto);
      Frame f{entry, column, 0, "", 0};
      std::vector<FlowItem> lines;
      setter_.paragraph(lines, plain(section_titles_[i]), f, false, toc.entry.align,
                        Role::contents_entry, {});
      double y = slot.baseline;
      for (const FlowItem& l : lines) {
        record_line(page, l, x, y);
        place(blk, l.runs, x, y);
        y += l.leading;
      }
      std::vector<FlowItem> num;
      Frame nf{entry, toc.number_width, 0, "", 0};
      setter_.paragraph(num, plain(out_.pages[section_pages_[i]].label), nf, false, Align::right,
                        Role::contents_entry, {});
      // (x + measure) − width, in the order the sum was always taken: the same point.
      if (!num.empty())
        place(blk, num.front().runs, x + measure_ - toc.number_width, slot.baseline);
      page.links.push_back(
          {x, slot.baseline - entry.size, measure_, entry.leading, section_dests_[i].second});
    }
  }

  std::string authors() const {
    std::string all;
    for (const auto& a : doc_.metadata.authors) all += (all.empty() ? "" : ", ") + a.value;
    return all;
  }

  // What a running head showing `what` says on a page of `m`'s.
  std::string head_text(style::HeadContent what, const PageMeta& m) const {
    switch (what) {
      case style::HeadContent::title:
        return doc_.metadata.title.value;
      case style::HeadContent::author:
        return authors();
      case style::HeadContent::section:
        return m.section_title;
      case style::HeadContent::none:
        break;
    }
    return {};
  }

  // Page `p`'s running head and folio, none on blank or display pages.
  void furnish(std::size_t p) {
    const style::RunningHeads& rh = st_.running_heads;
    Page& page = out_.pages[p];
    const PageMeta& m = meta_[p];
    if (page.blank || m.display) return;
    double l = left(page.recto);
    auto line_of = [&](const std::string& text, const style::Face& face, Align a) {
      Frame f{face, measure_, 0, "", 0};
      std::vector<FlowItem> lines;
      furniture_setter_.paragraph(lines, plain(text), f, false, a, Role::furniture, {});
      return lines.empty() ? std::vector<GlyphRun>{} : lines.front().runs;
    };
    auto put = [&](const std::vector<GlyphRun>& runs, double x, double y) {
      for (GlyphRun r : runs) {
        r.x += x;
        r.y += y;
        page.furniture.push_back(std::move(r));
      }
    };
    bool head_folio = st_.folios.position == style::FolioPosition::head_outside;
    if (!m.opening) {
      std::string text = head_text(page.recto ? rh.recto : rh.verso, m);
      // Only the first line is shown: a section title of half a million characters is not
      // set again in full on each of its pages (that was quadratic).
      if (text.size() > kFurnitureBytes) {
        std::size_t cut = kFurnitureBytes;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text.resize(cut);
      }
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

  const model::Document& doc_;
  const style::Style& st_;
  const LayoutOptions& options_;
  support::Diagnostics& diags_;
  const facts::EditionFacts facts_;  // a copy: small, and the layout may outlive the caller's
  std::shared_ptr<const FontConfig> font_config_;
  FontContext fonts_;
  Hyphenators hyphenators_;
  std::vector<UsedLanguage> other_langs_;  // the text's languages besides the book's
  ShapingCache cache_;                     // after hyphenators_: its points are theirs
  PagedDocument out_;
  double measure_ = 0;
  SetterTools tools_;                     // this thread's: fonts_, hyphenators_, cache_
  std::vector<LayoutEvent> main_events_;  // of what setter_ set, not yet reported
  FlowSetter setter_;                     // front matter and contents: runs index out_.fonts
  // Running heads and folios, set as pages are finished; their events are reported last, as
  // when they were set after the whole book.
  std::vector<LayoutEvent> furniture_events_;
  FlowSetter furniture_setter_;
  // Paragraphs set again a line looser or tighter for balanced spreads; what setting them
  // meets was reported when they were first set.
  std::vector<LayoutEvent> reset_events_;
  FlowSetter resetter_;
  PageSink* sink_;            // null: nobody draws while the book is set
  std::size_t released_ = 0;  // pages before this one are finished (the late ones aside)
  std::size_t late_end_ = 0;  // out_.late_end, or SIZE_MAX while the contents are paginated
  bool body_started_ = false;
  std::vector<PageMeta> meta_;
  std::vector<std::size_t> start_pages_;  // page index of each page_map entry
  bool missing_reported_ = false;
  std::map<std::string, std::set<char32_t>> gaps_reported_;  // per face: characters reported
  // A fallback family that lent characters: which, to which faces, where first.
  struct Lender {
    std::string family;
    support::SourcePos first;
    std::vector<char32_t> chars;
    std::vector<std::string> faces;
  };
  std::vector<Lender> lenders_;
  std::set<char32_t> borrowed_reported_;    // characters noted as set from a fallback family
  std::set<std::string> missing_families_;  // reported by check_fonts
  std::map<int, std::vector<FlowItem>> notes_;
  std::map<int, NoteShape> note_shapes_;  // the page builder's view of notes_
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
