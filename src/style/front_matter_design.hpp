// The print design of the pages folio generates: half-title, title page, copyright page, contents.
//
// `front-matter:` in a style (docs/styles.md). Each line of those pages starts from one of the
// style's own faces and is scaled from it, so the defaults — the look folio always had — follow
// a style's chapter, body and note faces. Lengths are points once loaded. The EPUB's generated
// pages keep their own CSS (epub/stylesheet.cpp): these values are for print only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "style/style_values.hpp"

namespace folio::style {

struct Face;
struct Style;

/// The style faces a generated line can start from (`face:` in a line's design).
enum class BaseFace {
  body,
  chapter,
  section,
  subsection,
  block_quote,
  dateline,
  running_heads,
  folios,
  footnotes
};

/// The style key of `f` ("block-quote"); `base_face` reads one back (nullopt: no such face).
std::string_view base_face_name(BaseFace f);
std::optional<BaseFace> base_face(std::string_view name);
/// The names base_face knows, in the order of the style file.
std::vector<std::string> base_face_names();

/// One line (or wrapped paragraph) of a generated page: the title, a name, a copyright line.
struct DisplayLine {
  BaseFace from = BaseFace::body;
  double scale = 1;                   ///< size as a multiple of the base face's
  std::optional<double> size;         ///< points; given, it replaces `scale`
  std::optional<double> line_height;  ///< leading as a multiple of the size; unset: the base
                                      ///< face's leading, scaled as the size is
  std::optional<double> leading;      ///< points; given, it replaces `line_height`
  std::optional<std::string> family;
  std::optional<bool> italic;
  std::optional<bool> small_caps;
  std::optional<double> tracking;
  std::optional<std::string> features;
  Align align = Align::center;  ///< left | center | right
  /// White space above it: its first baseline sits the line before's leading plus this below
  /// that line's baseline (subtitle, author, contents entries; the others start a page).
  double space_before = 0;
};

/// The face `line` is set in under `style`: its base face with the line's changes.
Face display_face(const Style& style, const DisplayLine& line);

/// The half-title: the title alone on the first recto.
struct HalfTitlePage {
  DisplayLine title{.from = BaseFace::chapter};
  double first_baseline = 130;  ///< from the text block's top
};

/// The title page: title, subtitle and authors from the top, the publisher at the foot.
struct TitlePage {
  double first_baseline = 100;  ///< the title's first baseline, from the text block's top
  DisplayLine title{.from = BaseFace::chapter, .scale = 1.3, .line_height = 1.2};
  DisplayLine subtitle{.from = BaseFace::body,
                       .scale = 1.2,
                       .line_height = 1.25,
                       .italic = true,
                       .space_before = 14};
  DisplayLine author{.from = BaseFace::body,
                     .scale = 1.2,
                     .line_height = 1.25,
                     .italic = false,
                     .small_caps = true,
                     .tracking = 0.06,
                     .space_before = 60};
  /// Its last baseline on the text block's last line; when a long title leaves less room than
  /// `publisher_min_lines` body lines above it, it follows the rest that far below instead.
  DisplayLine publisher{.from = BaseFace::body};
  double publisher_min_lines = 2;
};

/// The copyright page (the verso of the title page): its lines stacked up from the foot.
struct CopyrightPage {
  DisplayLine text{.from = BaseFace::footnotes, .align = Align::left};
  double paragraph_space = 0.5;  ///< between its paragraphs, in lines of its leading
};

/// The contents page: the chapter heading's design, then one entry a titled section.
struct ContentsPage {
  /// An entry: the title in a column of the measure less `number_width` (the heading is set
  /// across it too), the page number set flush right in the last `number_width`.
  DisplayLine entry{.from = BaseFace::body, .align = Align::left};
  double number_width = 30;
};

/// `front-matter:` in a style.
struct FrontMatterDesign {
  HalfTitlePage half_title;
  TitlePage title_page;
  CopyrightPage copyright_page;
  ContentsPage contents;
};

}  // namespace folio::style
