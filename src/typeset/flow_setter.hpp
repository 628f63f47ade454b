// Turns model blocks into the flow of set lines (no pages): one section at a time, any thread.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/document.hpp"
#include "style/style.hpp"
#include "support/diagnostic.hpp"
#include "typeset/flow.hpp"
#include "typeset/font_context.hpp"
#include "typeset/font_table.hpp"
#include "typeset/hyphenator.hpp"
#include "typeset/paragraph.hpp"
#include "typeset/shaping_cache.hpp"
#include "typeset/styled_text.hpp"

namespace folio::typeset {

StyledText plain(const std::string& s);

/// Where the text of one set of blocks goes: its face, measure and offset.
struct Frame {
  style::Face face;
  double measure;
  double x = 0;
  std::string group;
  double indent;
  bool note = false;  ///< a footnote's text: quotes in it are inset at the note's size
  std::string lang;   ///< a div's or block's `lang` when it has one; empty: the book's
  /// From a block design: its paragraphs' alignment and first-line indent (unset: justified,
  /// `indent`).
  std::optional<Align> align;
  std::optional<double> first_indent;
};

/// The frame `f` becomes under design `d`: its face, alignment, indent and insets.
Frame designed_frame(const Frame& f, const style::BlockDesign& d);

/// The design a section is set with: its role's ("dedication"), else its heading's first
/// designed class; null when neither is designed.
const style::BlockDesign* section_design(const style::Style& st, const model::Section& sec);

/// Something setting a paragraph found that the book's diagnostics may report. Recorded, not
/// reported, so that sections set on other threads report in the book's order, through the
/// book-wide "once per book" rules (BookSetter replays them).
struct LayoutEvent {
  /// figure_unreadable, low_resolution: a figure's picture (figure_setter.cpp); table_too_wide:
  /// what was done with the table; inline_image: a picture print leaves out. Each says
  /// `message`.
  enum Kind {
    coverage,
    missing_glyphs,
    overfull_line,
    figure_unreadable,
    low_resolution,
    table_too_wide,
    inline_image
  } kind = coverage;
  support::SourcePos where;
  std::vector<GlyphGap> gaps;  ///< coverage: the paragraph's faces' gaps
  std::string family;          ///< missing_glyphs: the paragraph's face
  int count = 0;               ///< missing_glyphs: characters the shaper could not show
  std::string message;         ///< figures' and tables' events: what to say
};

/// What the typesetter's thread-independent work needs: the style, a font context and shaping
/// cache of the setting thread's own, and the (read-only) hyphenators of the book's languages.
struct SetterTools {
  const style::Style& st;
  const FontContext& fonts;
  const Hyphenators& hyphenators;
  ShapingCache& cache;
  double measure = 0;  ///< the text block's width
  bool glyphs = true;  ///< ParagraphSettings::glyphs
  /// The manuscript folder figures' pictures are read from (null or empty: none can be).
  const std::filesystem::path* base_dir = nullptr;
};

/// One section's flow: its lines and notes, the fonts their runs index (in order of first
/// use, in the setting thread's font context) and the events met on the way.
struct SectionFlow {
  std::vector<FlowItem> flow;
  std::map<int, std::vector<FlowItem>> notes;  ///< note number → its lines
  FontTable fonts;
  std::vector<LayoutEvent> events;
};

/// What a body paragraph was set from, with its first line in the flow: the page make-up may
/// set it again a line looser or tighter (FlowSetter::reset) to balance a spread.
struct ParagraphRecipe {
  /// The model paragraph's text (the document outlives its layout): styled again when set.
  const std::vector<model::Inline>* inlines = nullptr;
  Frame frame;
  bool indent = false;
  Align align = Align::justify;
  support::SourcePos where;
  std::string dest;
  int block = 0;     ///< its lines' structure element
  int section = -1;  ///< its model place: section index, block, list mark bytes
  model::NodeId node;
  std::size_t mark_shift = 0;
  int keep_lines = 0;   ///< lines still kept with a heading above it when it was set
  int lines = 0;        ///< as first set
  double demerits = 0;  ///< ... and the breaking's demerits
  /// Only the final pass could break it: it has no looser or tighter setting to give.
  bool final_pass = false;
};

/// Sets paragraphs into flow items. Block ids are unique within one FlowSetter: a section's
/// pages hold only that section's blocks, so each section may count from 1.
class FlowSetter {
 public:
  /// Runs index `table`; events are appended to `events`.
  FlowSetter(const SetterTools& tools, FontTable& table, std::vector<LayoutEvent>& events)
      : tools_(tools), st_(tools.st), table_(table), events_(events) {}

  /// Sets section `index` of the model: its notes, then its heading and blocks.
  static SectionFlow set_section(const SetterTools& tools, const model::Section& sec,
                                 std::size_t index);

  void paragraph(std::vector<FlowItem>& flow, const StyledText& text, const Frame& f, bool indent,
                 Align align, Role role, const support::SourcePos& where,
                 bool keep_with_previous = false, const std::string& dest = {});
  void heading_lines(std::vector<FlowItem>& flow, const StyledText& text, const style::Heading& h,
                     const Frame& f, Role role, const std::string& dest,
                     const support::SourcePos& where);
  void add_space(std::vector<FlowItem>& flow, double amount, bool keep_at_top = false);
  static void add_page_break(std::vector<FlowItem>& flow, bool recto);
  int next_block() { return next_block_++; }
  /// `r`'s paragraph set again `looseness` lines longer (> 0) or shorter (< 0): its lines as
  /// the first setting made them (block, model place, break costs), and the breaking's
  /// demerits in `demerits`. No items when no such setting is within the style's limits.
  std::vector<FlowItem> reset(const ParagraphRecipe& r, int looseness, double& demerits);
  /// The settings a paragraph in `face` gets from the style (breaking, strong, mono family,
  /// the shared caches); `lang`: the paragraph's language when not the book's.
  ParagraphSettings settings(const style::Face& face, double measure, double indent, Align align,
                             bool hyphenate, const std::string& lang = {}) const;

 private:
  SetParagraph set(const StyledText& text, const ParagraphSettings& s,
                   const support::SourcePos& where);
  void add_lines(std::vector<FlowItem>& flow, SetParagraph& p, const style::Face& face, double x,
                 Role role, const std::string& group, const std::string& dest,
                 bool keep_with_previous);
  void pad_to_grid(std::vector<FlowItem>& flow, std::size_t from);
  static void add_space_at(std::vector<FlowItem>& flow, std::size_t at, double amount);
  std::size_t model_offset(const StyledText& text, std::size_t at) const;
  void blocks(std::vector<FlowItem>& flow, const std::vector<model::Block>& bs, const Frame& f,
              bool& indent_next);
  void block(std::vector<FlowItem>& flow, const model::Block& b, const Frame& f, bool& indent_next);
  /// Sets a block of kind `Kind` (its variant's alternative). block() chooses; flow_setter.cpp
  /// specialises it once per kind.
  template <class Kind>
  void set_block(std::vector<FlowItem>& flow, const model::Block& b, const Kind& kind,
                 const Frame& f, bool& indent_next);
  /// A block quote or an epigraph (with the `epigraph` design over it).
  void keep_with_next();
  void quote(std::vector<FlowItem>& flow, const model::Block& b, const Frame& f, bool epigraph,
             bool& indent_next);
  /// Verse and code: one paragraph set flush left, inset by the paragraph indent.
  void set_inset_lines(std::vector<FlowItem>& flow, const StyledText& t, const model::Block& b,
                       const Frame& f);
  /// A figure: its picture sized to the measure and the text block, its caption set below
  /// in the style's caption design; one flow item the page builder may float
  /// (figure_setter.cpp).
  void figure(std::vector<FlowItem>& flow, const model::Block& b, const model::Figure& fig,
              const Frame& f);
  void set_notes(const model::Section& sec, std::map<int, std::vector<FlowItem>>& notes);
  /// Sets `bs` as a block of design `d`: spaces, page breaks, keep-with-next, own page.
  /// `before` sets what goes on an own page above the blocks (a section's heading).
  void designed(std::vector<FlowItem>& flow, const std::vector<model::Block>& bs, const Frame& f,
                const style::BlockDesign& d, bool& indent_next,
                const std::function<void(std::vector<FlowItem>&)>& before = {});
  /// The first class of `b` the style designs, or null.
  const style::BlockDesign* design_of(const model::Block& b) const;
  /// Does the dateline at `index` of `count` sibling blocks open its container (a letter's
  /// place and date) rather than close it? Kept in one place: the model will say so itself.

  const SetterTools& tools_;
  const style::Style& st_;
  FontTable& table_;
  std::vector<LayoutEvent>& events_;
  int next_block_ = 1;
  // The model position being set: section index (-1 outside sections) and block.
  int section_index_ = -1;
  model::NodeId block_;
  std::size_t mark_shift_ = 0;  // bytes of a list item's number before its text
  bool keep_next_ = false;      // a heading keeps with the first two lines of what follows
  int keep_lines_ = 0;          // ... of which this many are still to come
  bool full_page_ = false;      // inside a `::: full-page` div: its figures stand alone
  // The body paragraph being set, which may be set again (null: not one that may).
  const std::vector<model::Inline>* recipe_inlines_ = nullptr;
  int looseness_ = 0;    // reset(): the paragraph's \looseness
  int usual_lines_ = 0;  // ... and its lines as first set
  double demerits_ = 0;  // the last paragraph's breaking's demerits
};

/// Tables: set by table_setter.cpp (columns from content, cells through set_paragraph).
template <>
void FlowSetter::set_block<model::Table>(std::vector<FlowItem>& flow, const model::Block& b,
                                         const model::Table& table, const Frame& f,
                                         bool& indent_next);

}  // namespace folio::typeset
