// The EPUB's CSS: a fixed base (justified, hyphenated, indented, quiet) plus the style's choices.
#include "epub/stylesheet.hpp"

#include <fmt/format.h>

#include "model/document.hpp"

namespace folio::epub {

namespace {

// The fixed part of the design; the style's choices follow it (see design_rules).
constexpr const char* kBase = R"css(@charset "UTF-8";
@namespace epub "http://www.idpf.org/2007/ops";

/* Running text: justified and hyphenated, paragraphs marked by a first-line indent. */
body {
  font-family: serif;
  margin: 0 4%;
  line-height: 1.4;
  widows: 2;
  orphans: 2;
}
p {
  margin: 0;
  text-align: justify;
}
/* No indent where a paragraph opens a passage: after a heading, rule or inset block. */
h1 + p, h2 + p, h3 + p, h4 + p, h5 + p, h6 + p,
hr + p, .epigraph + p, .line-block + p, figure + p, p.dateline + p,
blockquote > p:first-child, li > p:first-child, aside > p:first-child {
  text-indent: 0;
}

h1, h2, h3, h4, h5, h6 {
  font-weight: normal;
  line-height: 1.2;
  text-align: center;
  -webkit-hyphens: none;
  hyphens: none;
  page-break-after: avoid;
  break-after: avoid;
}
h1 { font-size: 1.6em; margin: 2.5em 0 1.5em; }
h2 { font-size: 1.25em; margin: 1.8em 0 1em; }
h3 { font-size: 1.1em; margin: 1.5em 0 0.8em; }
h4, h5, h6 { font-size: 1em; margin: 1.2em 0 0.6em; font-style: italic; }

blockquote + blockquote { margin-top: 0.5em; }

/* The dateline that closes a preface or letter: set apart (alignment and caps: the style). */
p.dateline {
  margin-top: 1.5em;
  text-indent: 0;
  -webkit-hyphens: none;
  hyphens: none;
  page-break-inside: avoid;
  break-inside: avoid;
}

/* Epigraph: narrow, italic, toward the right; its last paragraph (the source) flush right. */
.epigraph {
  margin: 1.5em 0 2em 20%;
  font-style: italic;
}
.epigraph p { text-indent: 0; text-align: left; }
.epigraph p + p:last-child { text-align: right; font-style: normal; margin-top: 0.3em; }

/* Scene break: a short centred rule with space around it. */
hr.scene-break {
  width: 20%;
  margin: 1.4em auto;
  border: none;
  border-top: 1px solid;
  opacity: 0.6;
}

/* Verse: each line a block, long lines wrap with a hanging indent. */
.line-block {
  margin: 1em 0 1em 1.5em;
  text-align: left;
}
.line-block .line {
  padding-left: 1.5em;
  text-indent: -1.5em;
}
.line-block .stanza-break { line-height: 1; }

.smallcaps {
  font-variant: small-caps;
  font-variant-caps: small-caps;
}

/* Footnotes: pop-ups where the reading system can, otherwise small text after the section. */
a[epub|type~="noteref"] {
  text-decoration: none;
}
sup {
  font-size: 0.7em;
  line-height: 0;
  vertical-align: super;
}
aside.footnote {
  font-size: 0.85em;
  margin-top: 1em;
}
section > aside.footnote:first-of-type { margin-top: 2.5em; }
aside.footnote + aside.footnote { margin-top: 0.3em; }
aside.footnote p { text-indent: 0; }
aside.footnote p + p { text-indent: 1.5em; }

figure { margin: 1.5em 0; text-align: center; page-break-inside: avoid; break-inside: avoid; }
figure img { max-width: 100%; }
figcaption { font-size: 0.9em; font-style: italic; margin-top: 0.5em; }
pre { white-space: pre-wrap; font-size: 0.85em; margin: 1em 0; }
ul, ol { margin: 0.8em 0; padding-left: 1.5em; }

/* Generated pages. */
body.cover-page { margin: 0; padding: 0; text-align: center; }
section.cover { height: 99vh; text-align: center; }
section.cover img { height: 99vh; max-width: 100%; object-fit: contain; }

section.titlepage { text-align: center; margin-top: 20%; }
section.titlepage h1.title { font-size: 2em; margin: 0 0 0.6em; }
section.titlepage p { text-indent: 0; text-align: center; }
section.titlepage .subtitle { font-size: 1.2em; font-style: italic; margin-bottom: 3em; }
section.titlepage .author { font-size: 1.2em; font-variant: small-caps; }
section.titlepage .publisher { margin-top: 6em; font-size: 0.9em; }

section.imprint { margin-top: 40%; font-size: 0.85em; }
section.imprint p { text-indent: 0; text-align: left; margin-bottom: 0.8em; }

nav#toc ol { list-style: none; padding-left: 0; }
nav#toc ol ol { padding-left: 1.5em; }
nav#toc li { margin: 0.3em 0; }
nav#toc a { text-decoration: none; }
)css";

// CSS's `text-align` for an alignment: the style's word for it.
std::string_view css_align(style::Align align) {
  return style::word(align);
}

std::string face_rules(const style::Face& face) {
  return fmt::format("font-style: {}; font-variant: {};", face.italic ? "italic" : "normal",
                     face.small_caps ? "small-caps" : "normal");
}

// A family name as a CSS string: quoted, with quotes and backslashes escaped.
std::string css_family(const std::string& family) {
  std::string out = "\"";
  for (char c : family) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') continue;
    out += c;
  }
  return out + "\"";
}

// One rule for a block design (the PDF setter reads the same design): `selector` is the block,
// its paragraphs get the alignment and indent (the base sets `p` justified and indented).
// `reset`: declarations first in the block's rule (what the design overrides of the base).
std::string block_design_rules(const std::string& selector, const style::BlockDesign& d,
                               double body, const std::string& reset = {}) {
  // Lengths in em of the block's own size, so they match the print edition's points.
  double own = d.size ? *d.size : body;
  auto em = [&](double pt) { return fmt::format("{:.3g}em", pt / own); };
  std::string block = reset, para;
  if (d.size) block += fmt::format(" font-size: {:.3g}rem;", *d.size / body);
  if (d.leading) block += fmt::format(" line-height: {:.3g};", *d.leading / own);
  if (d.italic) block += fmt::format(" font-style: {};", *d.italic ? "italic" : "normal");
  if (d.small_caps)
    block += fmt::format(" font-variant: {};", *d.small_caps ? "small-caps" : "normal");
  if (d.tracking && *d.tracking != 0)
    block += fmt::format(" letter-spacing: {:.3g}em;", *d.tracking);
  if (d.align) {
    block += fmt::format(" text-align: {};", css_align(*d.align));
    para += fmt::format(" text-align: {};", css_align(*d.align));
  }
  if (d.indent) para += fmt::format(" text-indent: {};", *d.indent > 0 ? em(*d.indent) : "0");
  if (d.inset_left > 0) block += fmt::format(" margin-left: {};", em(d.inset_left));
  if (d.inset_right > 0) block += fmt::format(" margin-right: {};", em(d.inset_right));
  if (d.own_page()) {
    // Alone on its page: a page break on both sides, the top at the sink (else about a third
    // down, where a centred block of a few lines sits).
    block += d.page == style::Placement::own_recto
                 ? " page-break-before: right; break-before: recto;"
                 : " page-break-before: always; break-before: page;";
    block += " page-break-after: always; break-after: page;";
    block += fmt::format(" margin-top: {:.3g}vh;", d.sink ? *d.sink * 100 : 30);
  } else {
    if (d.space_before > 0) block += fmt::format(" margin-top: {};", em(d.space_before));
    if (d.space_after > 0) block += fmt::format(" margin-bottom: {};", em(d.space_after));
    if (d.page_break_before) block += " page-break-before: always; break-before: page;";
  }
  if (d.keep_with_next) block += " page-break-after: avoid; break-after: avoid;";
  std::string out;
  // A design for a paragraph itself (an opening dateline) takes its paragraph rules directly.
  if (selector.starts_with("p.")) {
    block += para;
    para.clear();
  }
  if (!block.empty()) out += fmt::format("{} {{{} }}\n", selector, block);
  if (!para.empty()) {
    // The rule for its paragraphs, for each selector of a list ("a, b" → "a p, b p").
    std::string paras;
    std::size_t p = 0;
    while (p <= selector.size()) {
      std::size_t q = selector.find(", ", p);
      if (q == std::string::npos) q = selector.size();
      paras += (paras.empty() ? "" : ", ") + selector.substr(p, q - p) + " p";
      p = q + 2;
    }
    out += fmt::format("{} {{{} }}\n", paras, para);
  }
  return out;
}

// Sizes are taken relative to the body size, so they stay em and follow the reader's size.
std::string design_rules(const style::Style& st) {
  double body = st.body.size > 0 ? st.body.size : 11;
  auto em = [&](double pt) { return fmt::format("{:.3g}em", pt / body); };
  const char* hyphens = st.hyphenation.enabled ? "auto" : "manual";
  std::string strong =
      st.strong == style::Strong::italic       ? "font-weight: normal; font-style: italic;"
      : st.strong == style::Strong::small_caps ? "font-weight: normal; font-variant: small-caps;"
                                               : "font-weight: bold;";
  std::string out = "\n/* From the style '" + st.name + "'. */\n";
  // The style's families lead, with a generic fallback: a reading system without them (fonts
  // not embedded, or embedding ignored) and a reader's own font choice still get a serif.
  // The style's fallback families follow, as in print, for the characters the face lacks.
  std::string fallbacks;
  for (const std::string& family : st.fallback_families) fallbacks += ", " + css_family(family);
  out +=
      fmt::format("body {{ font-family: {}{}, serif; }}\n", css_family(st.body.family), fallbacks);
  if (st.chapter.face.family != st.body.family)
    out += fmt::format("h1, h2, h3 {{ font-family: {}{}, serif; }}\n",
                       css_family(st.chapter.face.family), fallbacks);
  out += fmt::format("p {{ text-indent: {}; -webkit-hyphens: {}; hyphens: {}; }}\n", em(st.indent),
                     hyphens, hyphens);
  out += fmt::format("strong {{ {} }}\n", strong);
  out += fmt::format("h1 {{ text-align: {}; {} }}\n", css_align(st.chapter.align),
                     face_rules(st.chapter.face));
  out += fmt::format("h2 {{ text-align: {}; {} }}\n", css_align(st.section.align),
                     face_rules(st.section.face));
  out += fmt::format("h3 {{ text-align: {}; {} }}\n", css_align(st.subsection.align),
                     face_rules(st.subsection.face));
  out += fmt::format("blockquote {{ margin: 1em {} 1em {}; font-size: {}; }}\n",
                     em(st.block_quote.inset_right), em(st.block_quote.inset_left),
                     em(st.block_quote.face.size));
  out += fmt::format("blockquote p + p {{ text-indent: {}; }}\n",
                     st.block_quote.indent_paragraphs ? em(st.indent) : "0");
  // The scene break shows the style's ornament, as in print; where a reading system does not
  // draw generated content the space around the rule still marks the break.
  if (!st.scene_break.empty())
    out += fmt::format(
        "hr.scene-break {{ border: none; width: auto; height: auto; opacity: 1; "
        "overflow: visible; text-align: center; }}\n"
        "hr.scene-break::after {{ content: {}; }}\n",
        css_family(st.scene_break));
  out += fmt::format("p.dateline {{ text-align: {}; font-variant: {}; }}\n",
                     css_align(st.dateline.align),
                     st.dateline.face.small_caps ? "small-caps" : "normal");
  // A dateline opening its container (a letter's place and date): its own design, and not
  // the closing one's space above or small capitals unless the design says so.
  out += block_design_rules("p.dateline.opening", st.dateline.opening, body,
                            " margin-top: 0; font-variant: normal;");
  // The classes the style designs (`classes:`), in name order; a class that names a section
  // role (dedication) designs that section too, as in print.
  out += "\n/* Block designs (the style's classes:). */\n";
  for (const auto& [cls, d] : st.classes) {
    std::string selector = "." + cls;
    if (model::matter_of_role(cls)) selector += ", section[epub|type~=\"" + cls + "\"]";
    // (`.dedication` also matches a section whose heading has the class: content_document
    // moves such a class from the h1 to the section.)
    out += block_design_rules(selector, d, body);
    // A section alone on its page shows its heading small, as a section heading, as in print.
    if (model::matter_of_role(cls) && d.own_page())
      out += fmt::format(
          "section[epub|type~=\"{0}\"] > h1, section.{0} > h1 {{ font-size: {1:.3g}em; "
          "text-align: {2}; {3} margin: 0 0 {4:.3g}em; }}\n",
          cls, st.section.face.size / body, css_align(st.section.align),
          face_rules(st.section.face), (st.section.space_after + st.body.leading) / body);
  }
  return out;
}

// The style's table design, for a book that has tables: rules above, under the header and
// below; no vertical rules; padding and size in em of the table's own size.
std::string table_rules(const style::Style& st) {
  const style::TableDesign& t = st.table;
  double body = st.body.size > 0 ? st.body.size : 11;
  double own = t.face.size > 0 ? t.face.size : body;
  auto em = [&](double pt) { return fmt::format("{:.3g}em", pt / own); };
  auto rule = [&](const char* side, double weight) {
    return weight > 0 ? fmt::format(" border-{}: {} solid;", side, em(weight)) : std::string();
  };
  std::string out = "\n/* Tables (the style's table:). */\n";
  out += fmt::format(
      "table {{ border-collapse: collapse; margin: {} auto {}; font-size: {:.3g}rem; "
      "line-height: {:.3g};{}{} }}\n",
      em(t.space_before), em(t.space_after), own / body, t.face.leading / own,
      rule("top", t.rule_top), rule("bottom", t.rule_bottom));
  out += fmt::format("caption {{ caption-side: top; font-style: {}; margin-bottom: {}; }}\n",
                     t.caption_italic ? "italic" : "normal", em(t.row_padding * 2));
  out += fmt::format(
      "th, td {{ padding: {} {}; vertical-align: top; text-align: {}; text-indent: 0; }}\n",
      em(t.row_padding), em(t.cell_padding), css_align(t.align));
  out += fmt::format("thead th {{ font-weight: normal; font-style: italic;{} }}\n",
                     rule("bottom", t.rule_head));
  out +=
      ".align-left { text-align: left; }\n.align-center { text-align: center; }\n"
      ".align-right { text-align: right; }\n";
  return out;
}

}  // namespace

std::string stylesheet(const style::Style& style, const std::string& font_faces, bool tables) {
  std::string css = kBase;
  if (!font_faces.empty())
    css += "\n/* The style's fonts, embedded (epub: embed-fonts). */\n" + font_faces;
  css += design_rules(style);
  if (tables) css += table_rules(style);
  // Last, so the author's rules win the cascade over the generated ones.
  if (!style.epub.extra_css.empty())
    css += "\n/* The style's extra-css. */\n" + style.epub.extra_css + "\n";
  return css;
}

}  // namespace folio::epub
