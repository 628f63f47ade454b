// Paragraph setting: shape once, build TeX's node list, break, then slice glyph runs per line.
#include "typeset/paragraph.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "typeset/item_shaper.hpp"
#include "typeset/knuth_plass.hpp"
#include "typeset/simple_itemizer.hpp"

namespace folio::typeset {
namespace {

// How far a paragraph set a line looser or tighter for the page make-up may strain: word
// spaces to 0.5 em within the tolerance (issue 21's bar is 0.65 em), and to badness 3000;
// with emergency stretch to 0.4 em, since such a paragraph's many loose lines are what a
// reader sees (0.5 em made the calibration text 15.7 % loose lines against the goal's 15 %).
// Strained settings only mend a short page, an uneven spread or a runt last page
// (spread_balance.cpp).
constexpr double kMaxLooseSpaceEm = 0.5;
constexpr double kLooseStrainedTolerance = 3000;
constexpr double kMaxEmergencySpaceEm = 0.4;

// A unit (a word, or a run with no break opportunity: one "word" of 500,000 letters, words
// joined by no-break spaces, a URL or code span) longer than this many bytes has the widths
// at its breaks measured in a window around each break, not from the unit's ends: reshaping
// from the ends cost time and memory in the square of the unit's length (an 8,000-letter
// word took 2.6 GB). No word is this long, so words are measured exactly as before.
constexpr std::size_t kExactUnit = 128;
// The window: whole clusters from at least this many bytes before a break to this many after.
constexpr std::size_t kBreakWindow = 8;
// Letter runs longer than this are not words and are not hyphenated (libhyphen's own
// patterns stop at 100 characters; the longest English words have about 45 letters).
constexpr int kMaxHyphenatedLetters = 64;
// Code's size against the text around it: a monospaced face looks larger at the same size.
constexpr double kMonoScale = 0.85;
// A superscript (a note reference) is set at this share of the face's size, and raised by
// kSuperscriptRise of the size (y grows downwards).
constexpr double kSuperscriptScale = 0.62;
constexpr double kSuperscriptRise = -0.36;
// The penalty of an emergency break (between two characters of a piece wider than the
// measure): a last resort, dearer than any hyphen.
constexpr int kEmergencyPenalty = 5000;

struct FontUnref {
  void operator()(PangoFont* f) const {
    if (f) g_object_unref(f);
  }
};

struct ShapedItem {
  std::shared_ptr<PangoFont> font;
  std::size_t offset;
  std::size_t length;
  std::vector<ShapedGlyph> glyphs;
};

// Pango attributes for the text's spans over the settings' face.
struct AttrListDeleter {
  void operator()(PangoAttrList* l) const { pango_attr_list_unref(l); }
};
using AttrList = std::unique_ptr<PangoAttrList, AttrListDeleter>;

void insert(PangoAttrList* list, PangoAttribute* a, std::size_t start, std::size_t end) {
  a->start_index = static_cast<guint>(start);
  a->end_index = static_cast<guint>(end);
  pango_attr_list_insert(list, a);
}

std::string join_features(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + ", " + b;
}

// With `only` (span indices, ascending), only those spans' attributes: for a fragment of a
// paragraph with thousands of spans, whose itemizing would otherwise walk the attributes
// before it each time. Pango keeps attributes by start, then in insertion order, so the
// attributes over the fragment stand in the same order as in the whole list.
// With `shift`, for text that starts `shift` bytes into the paragraph: indices move back by it
// (attributes that end before it are left out).
AttrList make_attrs(const StyledText& t, const ParagraphSettings& s,
                    const std::vector<std::size_t>* only = nullptr, std::size_t shift = 0) {
  AttrList list(pango_attr_list_new());
  std::size_t n = t.text.size() + 8;  // + room for an appended hyphen
  auto insert = [&](PangoAttrList* l, PangoAttribute* a, std::size_t start, std::size_t end) {
    if (end <= shift) {
      pango_attribute_destroy(a);
      return;
    }
    folio::typeset::insert(l, a, start > shift ? start - shift : 0, end - shift);
  };
  PangoFontDescription* d = describe(s.face);
  if (!s.fallback.empty())
    pango_font_description_set_family(d, (s.face.family + s.fallback).c_str());
  insert(list.get(), pango_attr_font_desc_new(d), 0, n);
  pango_font_description_free(d);
  std::string base_features = s.face.features;
  if (s.face.small_caps) base_features = join_features(base_features, "smcp 1");
  if (!base_features.empty())
    insert(list.get(), pango_attr_font_features_new(base_features.c_str()), 0, n);
  for (std::size_t k = 0; k < (only ? only->size() : t.spans.size()); ++k) {
    const Span& sp = t.spans[only ? (*only)[k] : k];
    std::size_t end = sp.end >= t.text.size() ? n : sp.end;
    if (sp.italic) insert(list.get(), pango_attr_style_new(PANGO_STYLE_ITALIC), sp.start, end);
    if (sp.bold) {
      if (s.strong == style::Strong::bold) {
        insert(list.get(), pango_attr_weight_new(PANGO_WEIGHT_BOLD), sp.start, end);
      } else if (s.strong == style::Strong::italic) {
        insert(list.get(), pango_attr_style_new(PANGO_STYLE_ITALIC), sp.start, end);
      }
    }
    std::string features;
    if (sp.small_caps || (sp.bold && s.strong == style::Strong::small_caps)) features = "smcp 1";
    if (sp.superscript) features = join_features(features, "lnum 1");
    if (!sp.features.empty()) features = join_features(features, sp.features);
    if (!features.empty())
      insert(list.get(),
             pango_attr_font_features_new(join_features(base_features, features).c_str()), sp.start,
             end);
    if (sp.mono)
      insert(list.get(), pango_attr_family_new((s.mono_family + s.fallback).c_str()), sp.start,
             end);
    if (sp.mono) insert(list.get(), pango_attr_scale_new(kMonoScale), sp.start, end);
    if (sp.superscript) insert(list.get(), pango_attr_scale_new(kSuperscriptScale), sp.start, end);
    if (!sp.lang.empty())
      insert(list.get(), pango_attr_language_new(pango_language_from_string(sp.lang.c_str())),
             sp.start, end);
  }
  return list;
}

// Shapes bytes [start, end) of `text` (the whole string is the shaping context); words come
// from `words` where that gives the same glyphs (see item_shaper.hpp).
//
// `rebased(start)`, when given, makes the attributes for the text from `start` on: Pango's
// itemizer counts each item's characters from the text's start (g_utf8_strlen), so a fragment
// deep in a long paragraph, itemized by Pango, cost the whole paragraph before it.
std::vector<ShapedItem> shape(PangoContext* ctx, std::string_view text, PangoAttrList* attrs,
                              std::size_t start, std::size_t end, double tracking, int* missing,
                              WordShapes* words,
                              const std::function<AttrList(std::size_t)>& rebased = {}) {
  std::vector<ShapedItem> out;
  if (end <= start) return out;
  GList* items = itemize_simple(ctx, text, start, end, attrs);
  if (!items && start > 0 && rebased) {
    AttrList from_start = rebased(start);
    items = pango_itemize(ctx, text.data() + start, 0, static_cast<int>(end - start),
                          from_start.get(), nullptr);
    for (GList* l = items; l; l = l->next)
      static_cast<PangoItem*>(l->data)->offset += static_cast<int>(start);
  } else if (!items) {
    items = pango_itemize(ctx, text.data(), static_cast<int>(start), static_cast<int>(end - start),
                          attrs, nullptr);
  }
  PangoGlyphString* gs = pango_glyph_string_new();
  for (GList* l = items; l; l = l->next) {
    auto* item = static_cast<PangoItem*>(l->data);
    PangoFont* font =
        item->analysis.font ? static_cast<PangoFont*>(g_object_ref(item->analysis.font)) : nullptr;
    ShapedItem si{std::shared_ptr<PangoFont>(font, FontUnref{}),
                  static_cast<std::size_t>(item->offset),
                  static_cast<std::size_t>(item->length),
                  {}};
    double size = 0;
    if (tracking != 0 && si.font) {
      PangoFontDescription* fd = pango_font_describe(si.font.get());
      size = pango_font_description_get_size(fd) / double(PANGO_SCALE);
      pango_font_description_free(fd);
    }
    shape_item(text, *item, words, gs, si.glyphs);
    if (missing)
      for (const ShapedGlyph& g : si.glyphs)
        if (g.id & PANGO_GLYPH_UNKNOWN_FLAG) {
          gunichar u = g.id & ~PANGO_GLYPH_UNKNOWN_FLAG;
          if (u != '\n') ++*missing;  // a forced break is not shown
        }
    // Letter-spacing: add the tracking after each cluster (Pango's shaper does not).
    if (size > 0) {
      for (std::size_t i = 0; i < si.glyphs.size(); ++i) {
        bool last_of_cluster =
            i + 1 == si.glyphs.size() || si.glyphs[i + 1].cluster != si.glyphs[i].cluster;
        if (last_of_cluster) si.glyphs[i].width += tracking * size;
      }
    }
    out.push_back(std::move(si));
    pango_item_free(item);
  }
  g_list_free(items);
  pango_glyph_string_free(gs);
  return out;
}

double width_of(const std::vector<ShapedItem>& items) {
  double w = 0;
  for (const auto& it : items)
    for (const auto& g : it.glyphs) w += g.width;
  return w;
}

bool is_space(gunichar c) {
  return c == ' ' || c == '\t';
}

// A cluster of the paragraph's shaping: bytes [start, end), glyphs [g0, g1) of `item`.
struct Cluster {
  std::size_t start, end;
  std::size_t item, g0, g1;
};

// The bytes of a reshaped fragment whose glyphs count towards its width (the rest is context).
struct Count {
  std::size_t from = 0, to = SIZE_MAX;
};

// What a node stands for in the text, to cut lines from it.
struct NodeText {
  std::size_t a = 0, b = 0;            // bytes of a box; glue: the space run
  std::size_t unit_a = 0, unit_b = 0;  // hyphen penalties: the word piece reshaped at a break
  bool hyphen = false;                 // a discretionary hyphen at byte a
};

class ParagraphSetter {
 public:
  ParagraphSetter(const FontContext& fonts, FontTable& table, const StyledText& t,
                  const ParagraphSettings& s)
      : fonts_(fonts), table_(table), t_(t), s_(s), attrs_(make_attrs(t, s)) {
    // The line-end hyphen is set as U+2010 where the font has it: a glyph of its own, whose
    // ToUnicode can then be U+00AD without an /ActualText override on every real hyphen.
    // (A view of a literal: assigning a literal to a std::string here trips GCC 12's false
    // -Wrestrict at -O3.)
    hyphen_ = has_hyphen_glyph() ? "\u2010" : "-";
    if (s_.cache) widths_ = &s_.cache->fragment_widths[style_key()];
    span_order_.resize(t_.spans.size());
    for (std::size_t i = 0; i < span_order_.size(); ++i) span_order_[i] = i;
    std::stable_sort(span_order_.begin(), span_order_.end(), [&](std::size_t x, std::size_t y) {
      return t_.spans[x].start < t_.spans[y].start;
    });
    // Spans in another language than the paragraph's, by start (inline_text makes one span a
    // text leaf, so they do not overlap): for the runs' language and the words' hyphenator.
    for (std::size_t i : span_order_) {
      const Span& sp = t_.spans[i];
      if (!sp.lang.empty() && sp.start < sp.end && !same_lang(sp.lang, paragraph_lang()))
        langs_.push_back({sp.start, sp.end, &sp.lang});
    }
    notes_sorted_ = std::is_sorted(t_.notes.begin(), t_.notes.end(),
                                   [](const auto& x, const auto& y) { return x.first < y.first; });
    // Superscripts (note marks: one span each, up to the book's 50,000 notes in a paragraph)
    // by start, with the furthest end so far, for rise_at.
    for (std::size_t i : span_order_)
      if (t_.spans[i].superscript && t_.spans[i].start < t_.spans[i].end) {
        std::size_t reach = std::max(t_.spans[i].end, supers_.empty() ? 0 : supers_.back().second);
        supers_.push_back({t_.spans[i].start, reach});
      }
  }

  SetParagraph run() {
    SetParagraph out;
    items_ = shape(fonts_.context(), t_.text, attrs_.get(), 0, t_.text.size(), s_.face.tracking,
                   &out.missing_glyphs, words());
    index_clusters();
    build_nodes();
    set_hangs();
    BreakParams bp;
    bp.line_width = s_.measure;
    bp.pretolerance = s_.breaking.pretolerance;
    bp.tolerance = s_.breaking.tolerance;
    bp.line_penalty = s_.breaking.line_penalty;
    bp.adj_demerits = s_.breaking.adj_demerits;
    bp.double_hyphen_demerits = s_.breaking.double_hyphen_demerits;
    bp.final_hyphen_demerits = s_.breaking.final_hyphen_demerits;
    bp.emergency_stretch = s_.breaking.emergency_stretch;
    bp.runt_demerits = s_.breaking.runt_demerits;
    bp.max_hyphen_ladder = s_.breaking.max_hyphen_ladder;
    bp.start_hang = start_hang_;
    if (s_.align != Align::justify) {
      bp.line_stretch = 2 * s_.face.size;
      bp.adj_demerits = 0;
    }
    // A paragraph set looser or tighter for the page make-up never gets a word space a
    // reader would see as a hole.
    BreakResult br =
        s_.looseness == 0
            ? break_lines(nodes_, bp)
            : break_lines_loose(
                  nodes_, bp, s_.looseness,
                  {kMaxLooseSpaceEm * s_.face.size, kLooseStrainedTolerance,
                   kMaxLooseSpaceEm * s_.face.size, kMaxEmergencySpaceEm * s_.face.size},
                  s_.usual_lines);
    out.pass = br.pass;
    out.demerits = br.demerits;
    std::size_t prev = SIZE_MAX;
    for (std::size_t i = 0; i < br.breaks.size(); ++i) {
      out.lines.push_back(render_line(prev, br.breaks[i].node, i == 0));
      out.lines.back().badness = badness(br.breaks[i].ratio);
      prev = br.breaks[i].node;
    }
    return out;
  }

 private:
  void index_clusters() {
    cum_.assign(t_.text.size() + 1, 0.0);
    std::vector<double> byte_width(t_.text.size(), 0.0);
    for (std::size_t it = 0; it < items_.size(); ++it) {
      const auto& gl = items_[it].glyphs;
      std::size_t item_end = items_[it].offset + items_[it].length;
      std::size_t g = 0;
      while (g < gl.size()) {
        std::size_t g1 = g;
        double w = 0;
        while (g1 < gl.size() && gl[g1].cluster == gl[g].cluster) w += gl[g1++].width;
        std::size_t start = gl[g].cluster;
        std::size_t end = g1 < gl.size() ? gl[g1].cluster : item_end;
        if (end <= start) end = start + 1;  // right-to-left runs are not expected in our books
        clusters_.push_back({start, end, it, g, g1});
        // Spread the cluster's width over its characters (ligatures span several).
        const char* first = t_.text.c_str() + start;
        const char* last = t_.text.c_str() + end;
        std::size_t chars = 0;
        for (const char* p = first; p < last; p = g_utf8_next_char(p)) ++chars;
        for (const char* p = first; p < last; p = g_utf8_next_char(p))
          byte_width[static_cast<std::size_t>(p - t_.text.c_str())] =
              w / static_cast<double>(chars);
        g = g1;
      }
    }
    // Left-to-right items come in text order, so this is almost always sorted already.
    auto by_start = [](const Cluster& a, const Cluster& b) { return a.start < b.start; };
    if (!std::is_sorted(clusters_.begin(), clusters_.end(), by_start))
      std::sort(clusters_.begin(), clusters_.end(), by_start);
    for (std::size_t i = 0; i < byte_width.size(); ++i) cum_[i + 1] = cum_[i] + byte_width[i];
  }

  double w(std::size_t a, std::size_t b) const { return cum_[b] - cum_[a]; }

  // The width of bytes [a, b) shaped on their own (plus a line-end hyphen), as at a break.
  // `words`: whether the word cache may keep the fragment's words (not for the many one-off
  // fragments of a long run). With a `count` range, only the glyphs of those bytes (and the
  // hyphen) are counted: the rest is context, shaped for its kerning and contextual forms.
  double reshaped_width(std::size_t a, std::size_t b, bool hyphen, bool reuse, bool words = true,
                        Count count = {}) {
    bool counted = count.from > a || count.to < b;
    // A fragment opening on a combining mark is shaped against the text before it.
    if (!widths_ || !reuse || g_unichar_ismark(g_utf8_get_char(t_.text.c_str() + a)))
      return shaped_width(a, b, hyphen, words && reuse, count);
    fragment_key(a, b, hyphen, key_);
    if (counted) {
      key_ += '\x03';
      append_raw(key_, count.from - a);
      append_raw(key_, std::min(count.to, b) - a);
    }
    auto it = widths_->find(std::string_view(key_));
    if (it == widths_->end())
      it = widths_->emplace(key_, shaped_width(a, b, hyphen, words, count)).first;
    return it->second;
  }

  double shaped_width(std::size_t a, std::size_t b, bool hyphen, bool cache_words,
                      Count count = {}) {
    if (count.from <= a && count.to >= b)
      return width_of(shape_fragment(a, b, hyphen, cache_words));
    double width = 0;
    for (const ShapedItem& it : shape_fragment(a, b, hyphen, cache_words))
      for (const ShapedGlyph& g : it.glyphs)
        if (g.cluster >= count.from && (g.cluster < count.to || g.cluster >= b)) width += g.width;
    return width;
  }

  // Bytes [a, b) shaped on their own, plus a line-end hyphen, with the paragraph before them
  // as context. The text is not copied: the hyphen is written after b in a copy of the
  // paragraph made once (a copy of the text up to b for each fragment was quadratic).
  std::vector<ShapedItem> shape_fragment(std::size_t a, std::size_t b, bool hyphen,
                                         bool cache_words) {
    std::string_view text(t_.text.data(), b);
    if (hyphen) {
      if (with_hyphen_.empty()) with_hyphen_ = t_.text + std::string(8, ' ');
      std::copy(hyphen_.begin(), hyphen_.end(), with_hyphen_.begin() + static_cast<long>(b));
      text = std::string_view(with_hyphen_.data(), b + hyphen_.size());
    }
    auto items = shape(fonts_.context(), text, attrs_over(a, text.size()), a, text.size(),
                       s_.face.tracking, nullptr, cache_words ? words() : nullptr,
                       [&](std::size_t base) { return rebased_attrs(a, text.size(), base); });
    if (hyphen)  // the copy is the paragraph again
      std::copy(t_.text.begin() + static_cast<long>(b),
                t_.text.begin() + static_cast<long>(std::min(b + hyphen_.size(), t_.text.size())),
                with_hyphen_.begin() + static_cast<long>(b));
    return items;
  }

  // Where the widths at a break at `at` in the unit [ua, ub) are measured: the unit's pieces
  // before and after it when the unit is short; else whole clusters around the break, [from,
  // at) and [at, to), each shaped with as much again of context on its far side (the
  // lookups of small caps and kerning reach a few glyphs).
  struct Window {
    std::size_t before, from, to, after;
  };
  Window break_window(std::size_t ua, std::size_t ub, std::size_t at) const {
    if (ub - ua <= kExactUnit) return {ua, ua, ub, ub};
    auto by_start = [](const Cluster& c, std::size_t v) { return c.start < v; };
    // The start of the cluster holding byte p, and the first cluster start at or after p.
    auto start_of = [&](std::size_t p) {
      auto it = std::lower_bound(clusters_.begin(), clusters_.end(), p + 1, by_start);
      return it == clusters_.begin() ? ua : std::max(ua, std::prev(it)->start);
    };
    auto next_start = [&](std::size_t p) {
      auto it = std::lower_bound(clusters_.begin(), clusters_.end(), p, by_start);
      return it == clusters_.end() ? ub : std::min(ub, it->start);
    };
    std::size_t from = at - ua > kBreakWindow ? start_of(at - kBreakWindow) : ua;
    std::size_t before = from - ua > kBreakWindow ? start_of(from - kBreakWindow) : ua;
    std::size_t to = ub - at > kBreakWindow ? next_start(at + kBreakWindow) : ub;
    std::size_t after = ub - to > kBreakWindow ? next_start(to + kBreakWindow) : ub;
    return {std::min(before, from), std::min(from, at), std::max(to, at), std::max(after, to)};
  }

  // Everything a fragment's shaped width depends on besides the face and settings (the outer
  // key, style_key()): the bytes, the appended hyphen, and the spans over the bytes — clipped
  // to the fragment, in the order Pango's attribute list keeps them (by start, then as
  // inserted). Pango itemizes and HarfBuzz shapes only the fragment; for the Latin-script words
  // hyphenated here the text before it (HarfBuzz's pre-context) changes nothing, so equal keys
  // give equal widths.
  void fragment_key(std::size_t a, std::size_t b, bool hyphen, std::string& key) {
    key.clear();
    std::size_t end = b + (hyphen ? hyphen_.size() : 0);  // the hyphen takes the attrs at b
    std::size_t n = t_.text.size() + 8;                   // as in make_attrs
    for (std::size_t i : spans_over(a, end)) {
      const Span& sp = t_.spans[i];
      std::size_t s0 = std::max(sp.start, a);
      std::size_t e0 = std::min(sp.end >= t_.text.size() ? n : sp.end, end);
      if (s0 >= e0) continue;
      append_raw(key, s0 - a);
      append_raw(key, e0 - a);
      key += static_cast<char>(sp.italic | sp.bold << 1 | sp.small_caps << 2 | sp.mono << 3 |
                               sp.superscript << 4);
      key += sp.lang;
      if (!sp.features.empty()) key += '\x1d' + sp.features;
      key += '\x1f';
    }
    key += hyphen ? '\x01' : '\x02';
    key.append(t_.text, a, b - a);
  }

  // The attributes for shaping bytes [a, b): the paragraph's, or with many spans only those
  // of the spans that may overlap [a, b) (see make_attrs).
  PangoAttrList* attrs_over(std::size_t a, std::size_t b) {
    const std::vector<std::size_t>& spans = spans_over(a, b);
    if (&spans == &span_order_) return attrs_.get();
    std::vector<std::size_t> only(spans);
    std::sort(only.begin(), only.end());
    fragment_attrs_ = make_attrs(t_, s_, &only);
    return fragment_attrs_.get();
  }

  // attrs_over(a, b) for the text from `base` on (see shape()).
  AttrList rebased_attrs(std::size_t a, std::size_t b, std::size_t base) {
    const std::vector<std::size_t>& spans = spans_over(a, b);
    if (&spans == &span_order_) return make_attrs(t_, s_, nullptr, base);
    std::vector<std::size_t> only(spans);
    std::sort(only.begin(), only.end());
    return make_attrs(t_, s_, &only, base);
  }

  // The spans (indices, in span_order_'s order) that may overlap bytes [a, b): all of them
  // when there are few; else those listed for the 512-byte blocks [a, b) touches, so that a
  // paragraph with thousands of spans does not cost thousands of steps per fragment.
  const std::vector<std::size_t>& spans_over(std::size_t a, std::size_t b) {
    constexpr std::size_t kFew = 32, kBlock = 512;
    if (span_order_.size() <= kFew) return span_order_;
    std::size_t n = t_.text.size() + 8;
    if (span_blocks_.empty()) {
      span_blocks_.resize(n / kBlock + 1);
      for (std::size_t k = 0; k < span_order_.size(); ++k) {
        const Span& sp = t_.spans[span_order_[k]];
        std::size_t e = sp.end >= t_.text.size() ? n : sp.end;
        for (std::size_t blk = sp.start / kBlock; sp.start < e && blk <= (e - 1) / kBlock; ++blk)
          span_blocks_[blk].push_back(k);
      }
    }
    spans_scratch_.clear();
    std::size_t last = std::min((std::max(b, a + 1) - 1) / kBlock, span_blocks_.size() - 1);
    for (std::size_t blk = std::min(a / kBlock, last); blk <= last; ++blk)
      spans_scratch_.insert(spans_scratch_.end(), span_blocks_[blk].begin(),
                            span_blocks_[blk].end());
    std::sort(spans_scratch_.begin(), spans_scratch_.end());
    spans_scratch_.erase(std::unique(spans_scratch_.begin(), spans_scratch_.end()),
                         spans_scratch_.end());
    for (std::size_t& k : spans_scratch_) k = span_order_[k];
    return spans_scratch_;
  }

  template <typename T>
  static void append_raw(std::string& key, T v) {
    key.append(reinterpret_cast<const char*>(&v), sizeof v);
  }

  // The paragraph-wide part of a fragment key: what make_attrs and shape() read of settings.
  std::string style_key() const {
    std::string key;
    const style::Face& f = s_.face;
    for (std::string_view part :
         {std::string_view(f.family), std::string_view(f.features), style::word(s_.strong),
          std::string_view(s_.mono_family), std::string_view(s_.fallback), hyphen_}) {
      key += part;
      key += '\x1f';
    }
    append_raw(key, f.size);
    append_raw(key, f.tracking);
    key += static_cast<char>(f.italic | f.small_caps << 1);
    key += '\x1e';
    return key;
  }

  WordShapes* words() const { return s_.cache ? &s_.cache->words : nullptr; }

  bool has_hyphen_glyph() {
    std::string key;
    if (s_.cache) {
      key = s_.face.family;
      append_raw(key, s_.face.size);
      key += s_.face.italic ? 'i' : 'r';
      if (auto it = s_.cache->has_hyphen_glyph.find(key); it != s_.cache->has_hyphen_glyph.end())
        return it->second;
    }
    bool has = true;
    PangoFontDescription* d = describe(s_.face);
    if (PangoFont* f = pango_context_load_font(fonts_.context(), d)) {
      has = pango_font_has_char(f, 0x2010);
      g_object_unref(f);
    }
    pango_font_description_free(d);
    if (s_.cache) s_.cache->has_hyphen_glyph.emplace(std::move(key), has);
    return has;
  }

  // `h`'s points in `word`, from the book's cache when there is one.
  const std::vector<std::size_t>& hyphen_points(const Hyphenator* h, std::string_view word) {
    if (!s_.cache) return scratch_points_ = h->points(word);
    if (h != cached_for_) {
      cached_for_ = h;
      cached_points_ = &s_.cache->hyphen_points[h];
    }
    auto& known = *cached_points_;
    auto it = known.find(word);
    if (it == known.end()) it = known.emplace(std::string(word), h->points(word)).first;
    return it->second;
  }

  static bool same_lang(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return g_ascii_tolower(x) == g_ascii_tolower(y);
           });
  }

  // The paragraph's language: its own (a div's), else the book's.
  const std::string& paragraph_lang() const { return s_.lang.empty() ? fonts_.lang() : s_.lang; }

  // The language at byte `at` when it is not the book's (for the runs), else empty.
  const std::string& run_lang(std::size_t at) const {
    static const std::string none;
    if (!langs_.empty()) {
      auto it = std::upper_bound(langs_.begin(), langs_.end(), at,
                                 [](std::size_t v, const LangRange& r) { return v < r.start; });
      if (it != langs_.begin() && std::prev(it)->end > at) {
        const std::string& l = *std::prev(it)->lang;
        return same_lang(l, fonts_.lang()) ? none : l;
      }
    }
    return s_.lang.empty() || same_lang(s_.lang, fonts_.lang()) ? none : s_.lang;
  }

  // The hyphenator for a word starting at byte `at`, and its language.
  const Hyphenator* hyphenator_at(std::size_t at, const std::string** lang) const {
    *lang = &paragraph_lang();
    if (langs_.empty() || !s_.languages) return s_.hyphenator;
    auto it = std::upper_bound(langs_.begin(), langs_.end(), at,
                               [](std::size_t v, const LangRange& r) { return v < r.start; });
    if (it == langs_.begin() || std::prev(it)->end <= at) return s_.hyphenator;
    *lang = std::prev(it)->lang;
    return s_.languages->find(**lang);
  }

  void add(Node n, NodeText nt) {
    nodes_.push_back(n);
    text_.push_back(nt);
  }

  // Boxes and discretionary breaks for the word piece [ua, ub).
  void add_unit(std::size_t ua, std::size_t ub) {
    struct Point {
      std::size_t at;
      Node::Level level;
    };
    std::vector<Point> points;
    if (s_.hyphenator || s_.languages) {
      // Hyphenate maximal letter runs only (typesetting.md §3.1: strip punctuation).
      const char* base = t_.text.c_str();
      const char* p = base + ua;
      const char* end = base + ub;
      while (p < end) {
        if (!g_unichar_isalpha(g_utf8_get_char(p))) {
          p = g_utf8_next_char(p);
          continue;
        }
        const char* q = p;
        int letters = 0;
        while (q < end && g_unichar_isalpha(g_utf8_get_char(q))) {
          q = g_utf8_next_char(q);
          ++letters;
        }
        std::size_t off = static_cast<std::size_t>(p - base);
        const std::string* lang = nullptr;
        const Hyphenator* h = letters >= s_.min_word && letters <= kMaxHyphenatedLetters
                                  ? hyphenator_at(off, &lang)
                                  : nullptr;
        // A capitalised word is a name (or starts a sentence) unless the language
        // capitalises its nouns: left whole unless the style allows it.
        gunichar first = g_utf8_get_char(p);
        if (h && !s_.capitalized && (g_unichar_isupper(first) || g_unichar_istitle(first)) &&
            !capitalises_nouns(*lang))
          h = nullptr;
        if (h)
          for (std::size_t at :
               hyphen_points(h, std::string_view(p, static_cast<std::size_t>(q - p))))
            points.push_back({off + at, Node::hyphenation});
        p = q;
      }
    }
    // A piece wider than the measure gets emergency breaks between all its characters (the
    // hyphenation points, in order, are merged in: one pass).
    if (w(ua, ub) > s_.measure * 0.9) {
      std::vector<Point> merged;
      merged.reserve(ub - ua);
      std::size_t k = 0;
      const char* base = t_.text.c_str();
      for (const char* p = g_utf8_next_char(base + ua); p < base + ub; p = g_utf8_next_char(p)) {
        std::size_t at = static_cast<std::size_t>(p - base);
        while (k < points.size() && points[k].at < at) merged.push_back(points[k++]);
        if (k < points.size() && points[k].at == at)
          merged.push_back(points[k++]);
        else if (w(merged.empty() ? ua : merged.back().at, at) > 0)  // not after zero widths:
          merged.push_back({at, Node::emergency});  // (word joiners) they add only breaks
      }
      while (k < points.size()) merged.push_back(points[k++]);
      points = std::move(merged);
    }
    bool long_unit = ub - ua > kExactUnit;
    std::size_t from = ua;
    for (const Point& pt : points) {
      add(Node::Box(w(from, pt.at)), {from, pt.at});
      // Emergency points fall anywhere, even inside a cluster: in a word (rare) not worth a
      // key; in a long run the windows repeat and are kept.
      bool reuse = pt.level != Node::emergency || long_unit;
      Window win = break_window(ua, ub, pt.at);
      double pre = reshaped_width(win.before, pt.at, true, reuse, !long_unit, {win.from}) -
                   w(win.from, pt.at);
      double post = reshaped_width(pt.at, win.after, false, reuse, !long_unit, {0, win.to}) -
                    w(pt.at, win.to);
      int pen = pt.level == Node::emergency ? kEmergencyPenalty
                                            : static_cast<int>(s_.breaking.hyphen_penalty);
      Node n = Node::Penalty(pre, pen, true);
      n.post_width = post;
      n.level = pt.level;
      add(n, {pt.at, pt.at, ua, ub, true});
      from = pt.at;
    }
    add(Node::Box(w(from, ub)), {from, ub});
  }

  void build_nodes() {
    const std::string& x = t_.text;
    bool justify = s_.align == Align::justify;
    // About three nodes a word (box, glue, a hyphen point or two): room for them up front,
    // rather than copying the lists as they grow.
    nodes_.reserve(x.size() / 2 + 8);
    text_.reserve(x.size() / 2 + 8);
    add(Node::Box(s_.indent), {0, 0});
    std::size_t i = 0;
    auto space_glue = [&](std::size_t a, std::size_t b) {
      double sw = w(a, b);
      add(justify ? Node::Glue(sw, sw * s_.breaking.space_stretch, sw * s_.breaking.space_shrink)
                  : Node::Glue(sw, 0, 0),
          {a, b});
      glue_at_.push_back(a);
    };
    auto forced_break = [&](std::size_t at) {
      add(Node::Penalty(0, kInfPenalty), {at, at});
      add(Node::Glue(0, kFil, 0), {at, at});
      add(Node::Penalty(0, -kInfPenalty), {at, at});
    };
    while (i < x.size()) {
      gunichar c = g_utf8_get_char(x.c_str() + i);
      std::size_t next = static_cast<std::size_t>(g_utf8_next_char(x.c_str() + i) - x.c_str());
      if (c == '\n') {
        forced_break(i);
        i = next;
        while (i < x.size() && is_space(static_cast<unsigned char>(x[i]))) ++i;
        continue;
      }
      if (is_space(c)) {
        std::size_t j = i;
        while (j < x.size() && is_space(static_cast<unsigned char>(x[j]))) ++j;
        if (j < x.size() && x[j] != '\n' && i > 0 && x[i - 1] != '\n') space_glue(i, j);
        i = j;
        continue;
      }
      // A chunk: non-space characters, cut after explicit hyphens and dashes.
      std::size_t j = i;
      std::size_t unit = i;
      while (j < x.size()) {
        gunichar d = g_utf8_get_char(x.c_str() + j);
        if (is_space(d) || d == '\n') break;
        std::size_t after = static_cast<std::size_t>(g_utf8_next_char(x.c_str() + j) - x.c_str());
        bool dash = d == '-' || d == 0x2013 || d == 0x2014;
        bool more =
            after < x.size() && !is_space(static_cast<unsigned char>(x[after])) && x[after] != '\n';
        if (dash && more && after - unit > (d == '-' ? 1u : 0u)) {
          add_unit(unit, after);
          // Explicit hyphens count as hyphenated lines (TeX's \exhyphenpenalty); dashes not.
          Node n = Node::Penalty(0, static_cast<int>(s_.breaking.ex_hyphen_penalty), d == '-');
          add(n, {after, after});
          unit = after;
        }
        j = after;
      }
      add_unit(unit, j);
      i = j;
    }
    add(Node::Penalty(0, kInfPenalty), {x.size(), x.size()});
    add(Node::Glue(0, kFil, 0), {x.size(), x.size()});
    add(Node::Penalty(0, -kInfPenalty), {x.size(), x.size()});
    std::sort(glue_at_.begin(), glue_at_.end());
  }

  bool protrudes() const {
    return s_.protrusion && !s_.protrusion->empty() && s_.align == Align::justify;
  }

  // Optical margin alignment (microtype's protrusion): each break's hang, the protrusion of
  // the glyph that ends its line, and the hang of the glyph that starts the next line, as the
  // style's fractions of their advances. The breaker counts them as width the line gains.
  void set_hangs() {
    if (!protrudes()) return;
    const std::string& x = t_.text;
    const style::Protrusion& table = *s_.protrusion;
    // The line-end hyphen is the one set (U+2010 when the face has it, else '-').
    char32_t hyphen_char = hyphen_ == "-" || !table.count(U'\u2010') ? U'-' : U'\u2010';
    const double hyphen_right = style::hang_of(table, hyphen_char).right;
    auto right_before = [&](std::size_t e) {
      if (e == 0) return 0.0;
      const char* p = g_utf8_find_prev_char(x.c_str(), x.c_str() + e);
      if (!p) return 0.0;
      auto a = static_cast<std::size_t>(p - x.c_str());
      return style::hang_of(table, g_utf8_get_char(p)).right * w(a, e);
    };
    // The left hang of the first character of the first non-empty box after node k.
    auto left_after = [&](std::size_t k) {
      for (std::size_t j = k + 1; j < nodes_.size(); ++j) {
        if (nodes_[j].kind != Node::box) continue;
        std::size_t a = text_[j].a;
        if (text_[j].b <= a) continue;  // the indent
        const char* p = x.c_str() + a;
        auto next = static_cast<std::size_t>(g_utf8_next_char(p) - x.c_str());
        return style::hang_of(table, g_utf8_get_char(p)).left * w(a, next);
      }
      return 0.0;
    };
    for (std::size_t k = 0; k < nodes_.size(); ++k) {
      Node& n = nodes_[k];
      if (n.kind == Node::box || (n.kind == Node::penalty && n.cost >= kInfPenalty)) continue;
      if (n.kind == Node::glue && !(k > 0 && nodes_[k - 1].kind == Node::box)) continue;
      if (n.kind == Node::penalty && text_[k].hyphen) {
        // The penalty's width is the reshaped "prefix-" less the prefix: the hyphen's advance
        // (with its kerning). The next line goes on with the word: letters, no hang.
        n.hang = hyphen_right * std::max(0.0, n.width);
        continue;
      }
      // A forced break ends a line set ragged (the last, or one before a hard line break).
      bool forced = n.kind == Node::penalty && n.cost <= -kInfPenalty;
      if (!forced) n.hang = right_before(text_[k].a);
      n.next_hang = left_after(k);
    }
    // An indented first line starts with the indent, not with a glyph at the margin.
    start_hang_ = s_.indent > 0 ? 0 : left_after(0);
  }

  // One piece of a line: original clusters [a, b), or a reshaped fragment.
  struct Piece {
    std::size_t a, b;
    bool reshaped;
    bool hyphen;
    bool reuse = true;  // a reshaped fragment at hyphenation points, not emergency ones
  };

  // A line's pieces: at most a fragment, the clusters between and a fragment.
  struct LinePieces {
    Piece at[3];
    std::size_t size = 0;
    void push_back(const Piece& p) { at[size++] = p; }
  };

  // A line's natural width (with a first line's indent) and its spaces' stretch and shrink.
  struct LineWidth {
    double natural = 0, stretch = 0, shrink = 0;
  };

  // Sets the line that ends at node `brk`, the line before having ended at `prev_break`
  // (SIZE_MAX: this is the first line).
  SetLine render_line(std::size_t prev_break, std::size_t brk, bool first) {
    SetLine line;
    const Node& bn = nodes_[brk];
    auto [start, end] = line_extent(prev_break, brk);
    line.start = start;
    LinePieces pieces = line_pieces(prev_break, brk, start, end, line);
    std::vector<std::vector<ShapedItem>> frags(pieces.size);
    LineWidth width = measure(pieces, first, frags);
    bool last = bn.kind == Node::penalty && bn.cost <= -kInfPenalty;
    line.hang_left = prev_break == SIZE_MAX ? start_hang_ : nodes_[prev_break].next_hang;
    line.hang_right = bn.hang;
    double x = adjust(line, width, first, last);
    line.notes = notes_in(start, end);
    if (!s_.glyphs) return line;
    emit_line(line, pieces, frags, x, brk);
    return line;
  }

  // Where the line ending at `brk` begins and ends in the text: from the first box after the
  // previous break to the end of the last box before this one.
  std::pair<std::size_t, std::size_t> line_extent(std::size_t prev_break, std::size_t brk) const {
    std::size_t k = prev_break == SIZE_MAX ? 1 : prev_break + 1;
    while (k < brk && nodes_[k].kind != Node::box) ++k;
    std::size_t start = k < brk ? text_[k].a : text_[brk].a;
    std::size_t e = brk;
    while (e > k && nodes_[e - 1].kind != Node::box) --e;
    std::size_t end = e > k ? text_[e - 1].b : start;
    if (end < start) end = start;
    return {start, end};
  }

  // The line's pieces: the rest of a word hyphenated at the line before and a word hyphenated
  // at this line's end are reshaped fragments; the clusters between keep the paragraph's
  // shaping. Marks the line hyphenated when it ends in a hyphen (set or explicit).
  LinePieces line_pieces(std::size_t prev_break, std::size_t brk, std::size_t start,
                         std::size_t end, SetLine& line) const {
    const Node& bn = nodes_[brk];
    LinePieces pieces;
    std::size_t pos = start;
    bool start_frag = prev_break != SIZE_MAX && text_[prev_break].hyphen;
    bool end_frag = bn.kind == Node::penalty && text_[brk].hyphen;
    bool start_reuse = start_frag && nodes_[prev_break].level != Node::emergency;
    bool end_reuse = end_frag && bn.level != Node::emergency;
    if (start_frag) {
      std::size_t ub = text_[prev_break].unit_b;
      if (end_frag && end <= ub) {
        pieces.push_back({start, end, true, true, start_reuse && end_reuse});
        pos = end;
        end_frag = false;
        line.hyphenated = true;
      } else {
        pieces.push_back({start, ub, true, false, start_reuse});
        pos = ub;
      }
    }
    if (end_frag) {
      std::size_t ua = std::max(pos, text_[brk].unit_a);
      if (ua > pos) pieces.push_back({pos, ua, false, false});
      pieces.push_back({ua, end, true, true, end_reuse});
      line.hyphenated = true;
    } else if (end > pos) {
      pieces.push_back({pos, end, false, false});
    }
    if (bn.kind == Node::penalty && !text_[brk].hyphen && bn.flagged) line.hyphenated = true;
    return pieces;
  }

  // The pieces' natural width and the glue inside the line; reshaped fragments are shaped
  // into `frags` when glyphs are wanted.
  LineWidth measure(const LinePieces& pieces, bool first,
                    std::vector<std::vector<ShapedItem>>& frags) {
    LineWidth lw;
    lw.natural = first ? s_.indent : 0;
    for (std::size_t p = 0; p < pieces.size; ++p) {
      const Piece& pc = pieces.at[p];
      if (pc.reshaped && !s_.glyphs) {
        // The width shaped_width gives (from the cache: the breaks were found with it).
        lw.natural += reshaped_width(pc.a, pc.b, pc.hyphen, pc.reuse);
      } else if (pc.reshaped) {
        frags[p] = shape_fragment(pc.a, pc.b, pc.hyphen, pc.reuse);
        lw.natural += width_of(frags[p]);
      } else {
        lw.natural += w(pc.a, pc.b);
        for (auto it = std::lower_bound(glue_at_.begin(), glue_at_.end(), pc.a);
             it != glue_at_.end() && *it < pc.b; ++it) {
          double sw = space_width(*it);
          lw.stretch += sw * s_.breaking.space_stretch;
          lw.shrink += sw * s_.breaking.space_shrink;
        }
      }
    }
    return lw;
  }

  // Sets the line's adjustment ratio (justified lines but the `last`), natural width and
  // overfull flag; returns where its content starts: the indent and the alignment's offset.
  double adjust(SetLine& line, const LineWidth& lw, bool first, bool last) const {
    // A line whose edge glyphs hang into the margins is that much wider (as the breaker saw it)
    // and starts left of the measure by its left hang.
    double m = s_.measure + line.hang_left + line.hang_right;
    double r = 0;
    bool justify = s_.align == Align::justify;
    if (lw.natural > m + 1e-6) {
      r = lw.shrink > 0 ? std::max(-1.0, (m - lw.natural) / lw.shrink) : 0;
      if (lw.natural + r * lw.shrink > m + 0.01) line.overfull = true;
    } else if (justify && !last && lw.stretch > 0) {
      r = (m - lw.natural) / lw.stretch;
    }
    if (!justify && r > 0) r = 0;
    line.ratio = r;
    double set_width = lw.natural + (r > 0 ? r * lw.stretch : r * lw.shrink);
    double x = (first ? s_.indent : 0) - line.hang_left;
    if (s_.align == Align::right) x += m - set_width;
    if (s_.align == Align::center) x += (m - set_width) / 2;
    line.natural = lw.natural;
    return x;
  }

  // The numbers of the notes referenced in text [start, end) (at `start` on an empty line).
  std::vector<int> notes_in(std::size_t start, std::size_t end) const {
    std::vector<int> notes;
    // The notes come in text order (one search a line, not a walk over all of them: a
    // paragraph may reference thousands).
    auto by_offset = [](const std::pair<std::size_t, int>& note, std::size_t v) {
      return note.first < v;
    };
    if (notes_sorted_) {
      for (auto it = std::lower_bound(t_.notes.begin(), t_.notes.end(), start, by_offset);
           it != t_.notes.end() && it->first < std::max(end, start + 1); ++it)
        notes.push_back(it->second);
    } else {
      for (const auto& [at, number] : t_.notes)
        if (at >= start && at < std::max(end, start + 1)) notes.push_back(number);
    }
    return notes;
  }

  // Appends the line's glyph runs from `x` on, spaces stretched by the line's ratio, and the
  // break space after them.
  void emit_line(SetLine& line, const LinePieces& pieces,
                 const std::vector<std::vector<ShapedItem>>& frags, double x, std::size_t brk) {
    const double r = line.ratio;
    for (std::size_t p = 0; p < pieces.size; ++p) {
      const Piece& pc = pieces.at[p];
      if (pc.reshaped) {
        for (const ShapedItem& si : frags[p])
          emit_item(line, si, si.offset, si.offset + si.length, x, r, pc.hyphen ? pc.b : SIZE_MAX);
      } else {
        emit_original(line, pc.a, pc.b, x, r);
      }
    }
    line.right = x;
    // Keep the break space as a glyph at the line end, so extracted text keeps the word gap.
    if (nodes_[brk].kind == Node::glue) {
      std::size_t sp = text_[brk].a;
      double x_end = x;
      emit_original(line, sp, sp + 1, x_end, 0);
    }
    // The runs live until the PDF is written (moved, not copied, onto the pages): drop the
    // slack push_back left, or a book's pages would hold up to twice their glyphs' memory.
    for (GlyphRun& run : line.runs) {
      run.glyphs.shrink_to_fit();
      run.clusters.shrink_to_fit();
      run.text.shrink_to_fit();
    }
  }

  double space_width(std::size_t at) const {
    std::size_t j = at;
    while (j < t_.text.size() && is_space(static_cast<unsigned char>(t_.text[j]))) ++j;
    return w(at, j);
  }

  double rise_at(std::size_t byte) const {
    // The last superscript starting at or before `byte`; one before it reaching past `byte`
    // would have raised the furthest end so far.
    auto it = std::upper_bound(supers_.begin(), supers_.end(), byte,
                               [](std::size_t v, const auto& sp) { return v < sp.first; });
    if (it != supers_.begin() && std::prev(it)->second > byte)
      return kSuperscriptRise * s_.face.size;
    return 0;
  }

  // Appends the glyphs of clusters [a, b) of the paragraph shaping.
  void emit_original(SetLine& line, std::size_t a, std::size_t b, double& x, double r) {
    auto it = std::lower_bound(clusters_.begin(), clusters_.end(), a,
                               [](const Cluster& c, std::size_t v) { return c.start < v; });
    // Continue the line's last run while the font stays the same: Cairo skips a run without
    // ink, so a break space alone in a run would vanish from the text layer.
    GlyphRun* run = line.runs.empty() ? nullptr : &line.runs.back();
    // Clusters come in text order: the glue starts among them are walked alongside.
    auto glue = std::lower_bound(glue_at_.begin(), glue_at_.end(), a);
    for (; it != clusters_.end() && it->start < b; ++it) {
      const ShapedItem& si = items_[it->item];
      int font = font_of(it->item);
      const std::string& lang = run_lang(it->start);
      if (!run || run->font != font || run->lang != lang) {
        line.runs.push_back({font, x, 0, {}, {}, {}, 0, lang});
        run = &line.runs.back();
      }
      while (glue != glue_at_.end() && *glue < it->start) ++glue;
      double extra = 0;
      if (glue != glue_at_.end() && *glue == it->start && r != 0) {
        double sw = space_width(it->start);
        extra = r > 0 ? r * sw * s_.breaking.space_stretch : r * sw * s_.breaking.space_shrink;
      }
      append_cluster(*run, si, it->g0, it->g1,
                     std::string_view(t_.text).substr(it->start, it->end - it->start), it->start, x,
                     extra);
    }
  }

  // Appends a reshaped fragment item; bytes ≥ hyphen_at are the appended hyphen (U+00AD).
  void emit_item(SetLine& line, const ShapedItem& si, std::size_t a, std::size_t b, double& x,
                 double, std::size_t hyphen_at) {
    (void)a;
    (void)b;
    line.runs.push_back({table_.index_of(si.font.get()), x, 0, {}, {}, {}, 0, run_lang(si.offset)});
    GlyphRun& run = line.runs.back();
    std::size_t g = 0;
    while (g < si.glyphs.size()) {
      std::size_t g1 = g;
      while (g1 < si.glyphs.size() && si.glyphs[g1].cluster == si.glyphs[g].cluster) ++g1;
      std::size_t cs = si.glyphs[g].cluster;
      std::size_t ce = g1 < si.glyphs.size() ? si.glyphs[g1].cluster : si.offset + si.length;
      std::string text;
      if (cs >= hyphen_at) {
        text = "\u00AD";
      } else {
        text = t_.text.substr(cs, std::min(ce, hyphen_at) - cs);
        if (ce > hyphen_at) text += "\u00AD";
      }
      append_cluster(run, si, g, g1, text, cs, x, 0);
      g = g1;
    }
  }

  // The font table's index for item `item` of the paragraph's shaping, looked up once.
  int font_of(std::size_t item) {
    if (item_fonts_.empty()) item_fonts_.assign(items_.size(), -1);
    int& f = item_fonts_[item];
    if (f < 0) f = table_.index_of(items_[item].font.get());
    return f;
  }

  void append_cluster(GlyphRun& run, const ShapedItem& si, std::size_t g0, std::size_t g1,
                      std::string_view text, std::size_t byte, double& x, double extra) {
    double rise = rise_at(byte);
    int count = 0;
    for (std::size_t g = g0; g < g1; ++g) {
      const ShapedGlyph& sg = si.glyphs[g];
      double adv = sg.width + (g + 1 == g1 ? extra : 0);
      if (!(sg.id & PANGO_GLYPH_UNKNOWN_FLAG) && sg.id != PANGO_GLYPH_EMPTY) {
        run.glyphs.push_back({sg.id, x - run.x + sg.x_offset, sg.y_offset + rise});
        ++count;
      }
      x += adv;
    }
    run.text += text;
    run.clusters.push_back({static_cast<int>(text.size()), count});
    run.width = x - run.x;
  }

  const FontContext& fonts_;
  FontTable& table_;
  const StyledText& t_;
  const ParagraphSettings& s_;
  AttrList attrs_;
  AttrList fragment_attrs_;  // attrs_over's, for the fragment being shaped
  std::vector<ShapedItem> items_;
  std::vector<int> item_fonts_;  // font_of's answers, -1 until asked
  std::vector<Cluster> clusters_;
  std::vector<double> cum_;
  std::vector<Node> nodes_;
  std::vector<NodeText> text_;
  std::vector<std::size_t> glue_at_;
  double start_hang_ = 0;  // the first line's left hang (set_hangs)
  std::string_view hyphen_;
  StringMap<double>* widths_ = nullptr;  // this face's, in the cache
  std::string key_;                      // the fragment key being looked up
  std::string with_hyphen_;              // the text and room for a hyphen (shape_fragment)
  std::vector<std::size_t> span_order_;  // span indices by start, as Pango's list keeps them
  std::vector<std::vector<std::size_t>> span_blocks_;  // spans_over's index, built when asked
  std::vector<std::size_t> spans_scratch_;             // spans_over's answer
  bool notes_sorted_ = true;  // t_.notes by offset (as inline_text makes them)
  // Superscript spans by start: (start, the furthest end of it and those before).
  std::vector<std::pair<std::size_t, std::size_t>> supers_;
  std::vector<std::size_t> scratch_points_;
  // Hyphenation points in the cache: the map of the hyphenator last asked.
  const Hyphenator* cached_for_ = nullptr;
  StringMap<std::vector<std::size_t>>* cached_points_ = nullptr;
  struct LangRange {
    std::size_t start, end;
    const std::string* lang;  // the span's
  };
  std::vector<LangRange> langs_;  // spans in another language than the paragraph's, by start
};

}  // namespace

SetParagraph set_paragraph(const FontContext& fonts, FontTable& table, const StyledText& text,
                           const ParagraphSettings& settings) {
  ParagraphSetter setter(fonts, table, text, settings);
  return setter.run();
}

}  // namespace folio::typeset
