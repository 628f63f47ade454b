// A book design: page, fonts, spacing and line-breaking parameters, loaded from styles/<name>.yaml.
//
// Every length is in PostScript points (1/72 in) once loaded; the YAML accepts "pt", "in",
// "mm" and "em" (of the body size) units. The defaults below are the `classic` style, so a
// style file only has to name what it changes; styles/classic.yaml spells them all out.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "style/front_matter_design.hpp"
#include "style/protrusion.hpp"
#include "style/style_values.hpp"
#include "support/diagnostic.hpp"

namespace folio::style {

/// The trim size and the margins of the text block (inside = spine side).
struct Page {
  double width = 432;     // 6 in
  double height = 648;    // 9 in
  double top = 57.6;      // 0.8 in
  double bottom = 64.8;   // 0.9 in
  double inside = 57.6;   // 0.8 in
  double outside = 50.4;  // 0.7 in
};

/// A face at a size: the Pango family name, OpenType features ("onum 1, liga 1").
struct Face {
  std::string family;
  double size = 11;
  double leading = 13.6;
  bool italic = false;
  bool small_caps = false;  ///< through the `smcp` (and `c2sc` for capitals) feature
  double tracking = 0;      ///< letter-spacing in em (for small-cap and capital lines)
  std::string features;
};

/// How a heading level is set.
struct Heading {
  Face face;
  Align align = Align::center;  ///< left | center | right
  double space_before = 0;      ///< for the chapter title: the sink from the text block's top
  double space_after = 27.2;
  bool uppercase = false;
};

struct BlockQuote {
  Face face;
  double inset_left = 16.5;   ///< from the measure's left edge
  double inset_right = 16.5;  ///< from the measure's right edge
  double space_before = 6.8;
  double space_after = 6.8;
  bool indent_paragraphs = true;  ///< following paragraphs of a quote get the (smaller) indent
};

/// How a block of a class is set (`classes:` in a style): the same design drives the PDF
/// setter and the EPUB's CSS. A face field left unset keeps the surrounding text's (the body,
/// or the block quote's when the block sits in one); lengths are points.
struct BlockDesign {
  std::optional<Align> align;  ///< left | center | right | justify
  std::optional<double> size;
  std::optional<double> leading;  ///< unset with a size: the surrounding leading, scaled
  std::optional<bool> italic;
  std::optional<bool> small_caps;
  std::optional<double> tracking;
  std::optional<double> indent;  ///< first-line indent of its paragraphs
  double inset_left = 0;         ///< from the surrounding measure's left edge
  double inset_right = 0;
  double space_before = 0;
  double space_after = 0;
  bool keep_with_next = false;          ///< its last line stays on the page of what follows
  bool page_break_before = false;       ///< starts a new page
  Placement page = Placement::in_flow;  ///< auto | own | own-recto: alone on a page (a right one)
  /// On its own page: where its top sits, as a fraction of the text block's height from the
  /// top; unset: centred vertically.
  std::optional<double> sink;
  support::SourcePos source;  ///< where the style designs it (empty: built in)

  bool own_page() const { return page != Placement::in_flow; }
};

/// Class name → its design. Built-in designs (see default_designs) are replaced whole by a
/// style's own design of the same class.
using BlockDesigns = std::map<std::string, BlockDesign>;

/// The designs every style starts from: bridgehead, signature, dedication, letter, epigraph,
/// attribution, poem, stanza, salutation, postscript (for an 11 pt body; `em` scales them).
BlockDesigns default_designs(double body_size = 11);

/// An opening dateline's built-in design: flush right, italic, half a line below.
BlockDesign default_opening_dateline(double body_size = 11);

/// A figure's caption's built-in design: the EPUB's figcaption (0.9 em, italic), centred,
/// half a line below the picture.
BlockDesign default_caption(double body_size = 11);

struct Dateline {
  Face face;
  Align align = Align::right;  ///< left | center | right
  double space_before = 13.6;
  /// A dateline that opens its container (a letter's place and date above the salutation).
  BlockDesign opening = default_opening_dateline();
};

struct RunningHeads {
  Face face;
  HeadContent verso = HeadContent::title;
  HeadContent recto = HeadContent::section;
  double baseline = 34;  ///< distance of the head's baseline from the trim top
  bool uppercase = false;
};

struct Folios {
  Face face;
  /// head-outside: with the running head at the outer edge, and centred at the foot of
  /// opening pages; foot-center: always centred at the foot.
  FolioPosition position = FolioPosition::head_outside;
  double foot_baseline = 30;  ///< distance of a foot folio's baseline from the trim bottom
};

struct Footnotes {
  Face face;
  double space_before = 13.6;  ///< between the text and the notes (the rule sits in it)
  double rule_width = 72;
  double rule_thickness = 0.4;
  /// The rule above a note continued from the page before (0: the full measure).
  double continued_rule_width = 0;
};

/// Knuth–Plass parameters, with TeX's names and meanings (badness and demerit units).
struct LineBreaking {
  double pretolerance = 100;
  double tolerance = 400;
  double line_penalty = 30;  ///< TeX's 10 weighs badness too little against hyphens and runts
  double hyphen_penalty = 275;
  double ex_hyphen_penalty = 50;
  double adj_demerits = 10000;
  double double_hyphen_demerits = 10000;
  double final_hyphen_demerits = 5000;
  /// Points (0.5 em at 11 pt). pandoc's 3 em made an emergency pass's lines all look decent,
  /// so the runt demerits bought lines with spaces three times their natural width.
  double emergency_stretch = 5.5;
  double space_stretch = 0.5;     ///< interword stretch as a fraction of the font's space
  double space_shrink = 0.32;     ///< interword shrink as a fraction of the font's space
  double runt_demerits = 150000;  ///< against a single word on a paragraph's last line
  int max_hyphen_ladder = 2;      ///< most hyphenated lines in a row (0: no limit)
};

/// Page make-up: what the page builder weighs when it chooses a section's page breaks, in
/// TeX-like units (a break cost of 10000 or more: never).
struct PageMakeup {
  double widow = 10000;            ///< a paragraph's last line alone at a page's top
  double orphan = 10000;           ///< a paragraph's first line alone at a page's foot
  double keep_with_next = 10000;   ///< a heading (dateline, epigraph) parted from 2 lines
  double break_inside_block = 50;  ///< a break inside a block quote, verse or list
  double short_page = 10000;       ///< a page a body line short of the foot (squared)
  double long_spread = 400;        ///< each page of a spread run one body line long
  double uneven_spread = 30000;    ///< facing pages a body line apart (squared)
  int last_page_min_lines = 5;     ///< fewest lines on a section's last page
  double runt = 100000;            ///< each line a section's last page holds under that
  double split_note = 1000;        ///< a footnote continued at the next page's foot
  /// How far a space between blocks (around a quote, a scene break, a heading) may grow, as
  /// a fraction of itself, so that a page's last line stands at the foot.
  double space_stretch = 1;
};

struct Hyphenation {
  bool enabled = true;
  int left_min = 2;
  int right_min = 3;
  int min_word = 5;
  std::filesystem::path dictionary_dir = "/usr/share/hyphen";
  std::vector<std::string> exceptions;  ///< TeX \hyphenation style: "man-u-script"
  /// Hyphenate capitalised words (names, a sentence's first word). Languages that capitalise
  /// their nouns (German) hyphenate them whatever this says.
  bool capitalized = false;
};

/// EPUB-only choices: the e-book takes the same design otherwise.
struct Epub {
  /// Copy the font files the text uses into the EPUB, with @font-face rules (when the
  /// fonts' licences allow embedding); otherwise the CSS only names the families.
  bool embed_fonts = false;
  std::string extra_css;  ///< appended verbatim to the generated stylesheet
};

/// How tables are set in print (the EPUB's CSS takes the rules, padding and size from it):
/// booktabs-like rules, no vertical ones, cells padded and set ragged or justified.
struct TableDesign {
  Face face;                   ///< cells' face; the header row takes it too
  Align align = Align::left;   ///< cells' text: left (ragged right) or justify
  bool caption_italic = true;  ///< the caption (`Table: …`) above the table, in the cells' size
  double rule_top = 0.8;       ///< rule weights in points; 0: no such rule
  double rule_head = 0.4;      ///< under the header row
  double rule_bottom = 0.8;
  double cell_padding = 5;  ///< left and right of each cell's text
  double row_padding = 2;   ///< above and below each row's text
  double min_size = 7;      ///< the smallest size a table too wide for the measure is set at
  double space_before = 6.8;
  double space_after = 6.8;
};

struct ChapterOpening {
  bool recto = true;  ///< each chapter and front-matter part starts on a right-hand page
};

/// The style's `print:`: who its print PDF is for by default, as written (empty: not said).
/// book.yaml's `print:` and `folio build --for/--paper` come first.
struct Print {
  std::string printer;  ///< `for:` screen, kdp or ingramspark
  std::string paper;    ///< white or cream
  std::string binding;  ///< paperback
};

struct Style {
  std::string name = "classic";
  std::filesystem::path file;  ///< where it was read from (for messages); empty for defaults
  Page page;
  Face body{"EB Garamond 12", 11, 13.6, false, false, 0, ""};
  double indent = 16.5;  ///< first-line indent (1.5 em)
  /// Body lines sit on a baseline grid of the body leading, so facing pages and the two sides
  /// of a leaf line up: the space around quotes and headings is padded to whole lines.
  bool grid = true;
  Strong strong = Strong::italic;  ///< how **strong** is set: bold | italic | small-caps
  std::string mono_family = "DejaVu Sans Mono";
  /// Optical margin alignment of justified body text and notes (`protrusion:` in `body`):
  /// punctuation at a line's edge hangs into the margin by these fractions of its advance.
  /// Empty (`protrusion: none`): lines end flush at the measure.
  Protrusion protrusion = default_protrusion();
  /// Families that supply the characters a face lacks (⋮, arrows, rare symbols), in order,
  /// in both editions; a character none of them has is still an error. Empty: none borrowed.
  std::vector<std::string> fallback_families;
  /// Where each fallback family is named in the style file (a family fontconfig cannot find
  /// is reported there); empty for a style built in code.
  std::vector<support::SourcePos> fallback_positions;
  Heading chapter{{"EB Garamond 12", 20, 24, false, false, 0, ""}, Align::center, 90, 40.8, false};
  Heading section{
      {"EB Garamond 12", 11, 13.6, true, false, 0, ""}, Align::center, 13.6, 6.8, false};
  Heading subsection{
      {"EB Garamond 12", 11, 13.6, false, true, 0.05, ""}, Align::left, 13.6, 0, false};
  BlockQuote block_quote{{"EB Garamond 12", 10, 12.4, false, false, 0, ""}};
  Dateline dateline{{"EB Garamond 12", 11, 13.6, false, true, 0.05, ""}};
  RunningHeads running_heads{{"EB Garamond 12", 9.5, 12, false, true, 0.08, ""}};
  Folios folios{{"EB Garamond 12", 10, 12, false, false, 0, ""}};
  Footnotes footnotes{{"EB Garamond 12", 9, 11, false, false, 0, ""}};
  TableDesign table{{"EB Garamond 12", 9.5, 11.5, false, false, 0, ""}};
  LineBreaking line_breaking;
  PageMakeup pages;
  Hyphenation hyphenation;
  ChapterOpening opening;
  Print print;
  std::string scene_break = "* * *";
  Epub epub;
  BlockDesigns classes = default_designs();
  /// How a figure's caption is set under its picture (`caption:`), in print.
  BlockDesign caption = default_caption();
  FrontMatterDesign front_matter;  ///< the generated pages, in print

  /// The design of `cls`, or null when the style designs no such class.
  const BlockDesign* design(const std::string& cls) const {
    auto it = classes.find(cls);
    return it == classes.end() ? nullptr : &it->second;
  }
};

/// A KDP trim size by name ("6x9", "5.5x8.5", "6 × 9 in"): {width, height} in points, or
/// nullopt for a name that is not one of KDP's standard paperback sizes.
std::optional<std::pair<double, double>> trim_size(const std::string& name);

/// The names trim_size knows, for messages and docs ("5x8, 5.06x7.81, ...").
std::string trim_names();

/// Where `name` is looked for: a path (when it has a '/' or ends in .yaml; a relative one is
/// taken from `base` when given — the manuscript folder for book.yaml's `style:` — else from
/// the current folder), else `<dir>/<name>.yaml` for each dir in order. nullopt when not found.
/// Confinement: with `base` (the name came from book.yaml) a path must resolve inside `base`
/// after symlinks; a file found in a dir inside `manuscript` (its styles/ folder) must resolve
/// inside `manuscript`. A refused style gives nullopt with the reason in `why`.
std::optional<std::filesystem::path> find_style(const std::string& name,
                                                const std::vector<std::filesystem::path>& dirs,
                                                const std::filesystem::path& base = {},
                                                const std::filesystem::path& manuscript = {},
                                                std::string* why = nullptr);

/// Reads a style file over the classic defaults. Unknown keys, wrong types and impossible
/// values are reported with the file's line and column; returns nullopt after an error.
std::optional<Style> load_style(const std::filesystem::path& file, support::Diagnostics& diags);

/// The same, from YAML text (for tests); `file_label` names it in diagnostics.
std::optional<Style> parse_style(const std::string& yaml, const std::string& file_label,
                                 support::Diagnostics& diags);

}  // namespace folio::style
