// The built-in "classic" e-book design: justified, hyphenated, indented, quiet.
#include "epub/stylesheet.hpp"

namespace folio::epub {

std::string stylesheet(std::string_view /*style_name*/) {
  // Every length is in em or %; only a generic font family and no colour on running text.
  return R"css(@charset "UTF-8";
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
  text-indent: 1.5em;
  text-align: justify;
  -webkit-hyphens: auto;
  hyphens: auto;
}
/* No indent where a paragraph opens a passage: after a heading, rule or inset block. */
h1 + p, h2 + p, h3 + p, h4 + p, h5 + p, h6 + p,
hr + p, .epigraph + p, .line-block + p, figure + p,
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
h2 { font-size: 1.25em; margin: 1.8em 0 1em; font-style: italic; }
h3 { font-size: 1.1em; margin: 1.5em 0 0.8em; font-variant: small-caps; }
h4, h5, h6 { font-size: 1em; margin: 1.2em 0 0.6em; font-style: italic; }

/* Block quotations: inset on both sides, a touch smaller, paragraphs indented as in the text. */
blockquote {
  margin: 1em 2em;
  font-size: 0.95em;
}
blockquote + blockquote { margin-top: 0.5em; }

/* The dateline that closes a preface or letter: set apart, flush right, in small capitals. */
p.dateline {
  margin-top: 1.5em;
  text-align: right;
  text-indent: 0;
  font-variant: small-caps;
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
}

}  // namespace folio::epub
