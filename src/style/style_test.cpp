// Style loading: the shipped classic style, units, and positioned errors for bad input.
#include "style/style.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace folio::style {
namespace {

TEST(Style, ClassicFileMatchesTheDefaults) {
  support::Diagnostics diags;
  auto s = load_style(std::filesystem::path(FOLIO_SOURCE_DIR) / "styles" / "classic.yaml", diags);
  ASSERT_TRUE(s) << (diags.empty() ? "" : diags.items()[0].message);
  EXPECT_EQ(s->name, "classic");
  EXPECT_DOUBLE_EQ(s->page.width, 432);
  EXPECT_DOUBLE_EQ(s->page.height, 648);
  EXPECT_EQ(s->body.family, "EB Garamond 12");
  EXPECT_DOUBLE_EQ(s->body.size, 11);
  EXPECT_NEAR(s->indent, 16.5, 1e-9);
}

TEST(Style, TableDesignIsReadOverTheDefaults) {
  support::Diagnostics diags;
  auto classic =
      load_style(std::filesystem::path(FOLIO_SOURCE_DIR) / "styles" / "classic.yaml", diags);
  ASSERT_TRUE(classic);
  const TableDesign defaults;
  EXPECT_DOUBLE_EQ(classic->table.face.size, 9.5);
  EXPECT_DOUBLE_EQ(classic->table.rule_head, defaults.rule_head);
  EXPECT_DOUBLE_EQ(classic->table.min_size, defaults.min_size);
  EXPECT_EQ(classic->table.face.family, "EB Garamond 12");  // the body's
  auto s = parse_style("table:\n  size: 8pt\n  align: justify\n  rule-head: 0\n  min-size: 6pt\n",
                       "t.yaml", diags);
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(s->table.face.size, 8);
  EXPECT_EQ(s->table.align, Align::justify);
  EXPECT_DOUBLE_EQ(s->table.rule_head, 0);
  EXPECT_DOUBLE_EQ(s->table.rule_top, defaults.rule_top);
  EXPECT_DOUBLE_EQ(s->table.min_size, 6);
  EXPECT_FALSE(parse_style("table:\n  align: center\n", "t.yaml", diags));
  EXPECT_FALSE(parse_style("table:\n  rule-top: 9pt\n", "t.yaml", diags));
}

TEST(Style, PageMakeupIsReadOverTheDefaults) {
  support::Diagnostics diags;
  auto classic =
      load_style(std::filesystem::path(FOLIO_SOURCE_DIR) / "styles" / "classic.yaml", diags);
  ASSERT_TRUE(classic);
  const PageMakeup defaults;
  EXPECT_DOUBLE_EQ(classic->pages.widow, defaults.widow);
  EXPECT_EQ(classic->pages.last_page_min_lines, defaults.last_page_min_lines);
  EXPECT_DOUBLE_EQ(classic->pages.space_stretch, defaults.space_stretch);
  auto s = parse_style("pages:\n  widow: 150\n  last-page-min-lines: 3\n  space-stretch: 0\n",
                       "t.yaml", diags);
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(s->pages.widow, 150);
  EXPECT_DOUBLE_EQ(s->pages.orphan, defaults.orphan);
  EXPECT_EQ(s->pages.last_page_min_lines, 3);
  EXPECT_DOUBLE_EQ(s->pages.space_stretch, 0);
  EXPECT_FALSE(parse_style("pages:\n  widow: -1\n", "t.yaml", diags));
  EXPECT_FALSE(parse_style("pages:\n  last-page-min-lines: 2.5\n", "t.yaml", diags));
  EXPECT_FALSE(parse_style("pages:\n  windows: 1\n", "t.yaml", diags));
}

TEST(Style, UnitsConvertToPoints) {
  support::Diagnostics diags;
  auto s = parse_style("page: {width: 5.5in, height: 216mm, inside: 2em}\nbody: {size: 10}\n",
                       "t.yaml", diags);
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(s->page.width, 396);
  EXPECT_NEAR(s->page.height, 612.28, 0.01);
  EXPECT_DOUBLE_EQ(s->page.inside, 20);
}

TEST(Style, UnknownKeyIsReportedWithPosition) {
  support::Diagnostics diags;
  auto s = parse_style("page:\n  width: 6in\n  colour: red\n", "t.yaml", diags);
  EXPECT_FALSE(s);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "style-unknown-key");
  EXPECT_EQ(diags.items()[0].pos.line, 3);
  EXPECT_EQ(diags.items()[0].pos.column, 3);
}

TEST(Style, ImpossibleValuesAreErrors) {
  support::Diagnostics diags;
  EXPECT_FALSE(parse_style("body: {size: -3}\n", "t.yaml", diags));
  EXPECT_FALSE(parse_style("page: {width: 2in, inside: 1in, outside: 1in}\n", "t.yaml", diags));
  EXPECT_FALSE(parse_style("page: {top: 3furlongs}\n", "t.yaml", diags));
  EXPECT_EQ(diags.count(support::Severity::error), 3u);
}

}  // namespace
}  // namespace folio::style

namespace folio::style {
namespace {

TEST(Style, KdpTrimNamesGiveThePageSize) {
  EXPECT_EQ(trim_size("6x9"), (std::pair<double, double>{432, 648}));
  EXPECT_EQ(trim_size("5.5x8.5"), (std::pair<double, double>{396, 612}));
  EXPECT_EQ(trim_size("5 x 8"), (std::pair<double, double>{360, 576}));
  EXPECT_EQ(trim_size("5.25 × 8 in"), (std::pair<double, double>{378, 576}));
  EXPECT_FALSE(trim_size("6x10"));
  EXPECT_FALSE(trim_size(""));
}

TEST(Style, TrimInTheFileSetsWidthAndHeight) {
  support::Diagnostics diags;
  auto s = parse_style("page:\n  trim: 5.25x8\n  inside: 0.6in\n", "t.yaml", diags);
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(s->page.width, 378);
  EXPECT_DOUBLE_EQ(s->page.height, 576);
  EXPECT_NEAR(s->page.inside, 43.2, 1e-9);
}

TEST(Style, UnknownTrimIsAnErrorAtItsPosition) {
  support::Diagnostics diags;
  EXPECT_FALSE(parse_style("name: x\npage:\n  trim: 6x10\n", "t.yaml", diags));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "style-invalid");
  EXPECT_EQ(diags.items()[0].pos.file, "t.yaml");
  EXPECT_EQ(diags.items()[0].pos.line, 3);
  EXPECT_EQ(diags.items()[0].pos.column, 9);
  EXPECT_NE(diags.items()[0].message.find("5.5x8.5"), std::string::npos);
}

TEST(Style, TrimAndWidthTogetherAreAnError) {
  support::Diagnostics diags;
  EXPECT_FALSE(parse_style("page: {trim: 6x9, width: 5in}\n", "t.yaml", diags));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_NE(diags.items()[0].message.find("not both"), std::string::npos);
}

TEST(Style, CapitalizedWordsAreAStrictBoolean) {
  support::Diagnostics diags;
  auto s = parse_style("hyphenation:\n  capitalized: true\n", "t.yaml", diags);
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->hyphenation.capitalized);
  const style::Style defaults;
  EXPECT_FALSE(defaults.hyphenation.capitalized);  // names are left whole by default
  EXPECT_FALSE(parse_style("hyphenation:\n  capitalized: sometimes\n", "t.yaml", diags));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].pos.line, 2);
  for (const char* name : {"classic", "libertine"}) {
    support::Diagnostics d;
    auto shipped = load_style(
        std::filesystem::path(FOLIO_SOURCE_DIR) / "styles" / (std::string(name) + ".yaml"), d);
    ASSERT_TRUE(shipped) << name;
    EXPECT_FALSE(shipped->hyphenation.capitalized) << name;
  }
}

TEST(Style, BadValuesCarryLineAndColumn) {
  support::Diagnostics diags;
  EXPECT_FALSE(parse_style("body:\n  size: 11pt\n  strong: heavy\n", "t.yaml", diags));
  EXPECT_FALSE(parse_style("page:\n  top: -1in\n", "t.yaml", diags));
  EXPECT_FALSE(parse_style("hyphenation:\n  enabled: maybe\n", "t.yaml", diags));
  ASSERT_EQ(diags.items().size(), 3u);
  EXPECT_EQ(diags.items()[0].pos.line, 3);
  EXPECT_EQ(diags.items()[0].pos.column, 11);
  EXPECT_EQ(diags.items()[1].pos.line, 2);
  EXPECT_EQ(diags.items()[1].pos.column, 8);
  EXPECT_EQ(diags.items()[2].pos.line, 2);
  EXPECT_EQ(diags.items()[2].pos.column, 12);
}

// Issue 19: the enumerated settings are read once into enums; a word that is not one of a
// setting's is a positioned error listing the words it takes (only those the setting allows).
TEST(Style, EnumeratedSettingsAreReadOnceIntoEnums) {
  support::Diagnostics diags;
  auto s = parse_style(
      "body: {strong: small-caps}\n"
      "chapter: {align: left}\n"
      "dateline: {align: center}\n"
      "running-heads: {verso: author, recto: none}\n"
      "folios: {position: foot-center}\n"
      "classes:\n  epigraph: {align: justify, page: own}\n",
      "t.yaml", diags);
  ASSERT_TRUE(s) << (diags.empty() ? "" : diags.items()[0].message);
  EXPECT_EQ(s->strong, Strong::small_caps);
  EXPECT_EQ(s->chapter.align, Align::left);
  EXPECT_EQ(s->section.align, Align::center);  // the default, untouched
  EXPECT_EQ(s->dateline.align, Align::center);
  EXPECT_EQ(s->running_heads.verso, HeadContent::author);
  EXPECT_EQ(s->running_heads.recto, HeadContent::none);
  EXPECT_EQ(s->folios.position, FolioPosition::foot_center);
  EXPECT_EQ(s->design("epigraph")->align, Align::justify);
  EXPECT_EQ(s->design("epigraph")->page, Placement::own);
  EXPECT_TRUE(s->design("epigraph")->own_page());
  // Each value's word is the file's spelling (the EPUB's CSS takes alignments as they are).
  EXPECT_EQ(word(Strong::small_caps), "small-caps");
  EXPECT_EQ(word(Placement::in_flow), "auto");
  EXPECT_EQ(word(FolioPosition::head_outside), "head-outside");
  EXPECT_EQ(word(Align::justify), "justify");

  EXPECT_FALSE(parse_style("body:\n  strong: heavy\n", "t.yaml", diags));
  EXPECT_FALSE(parse_style("chapter:\n  align: justify\n", "t.yaml", diags));
  EXPECT_FALSE(parse_style("folios:\n  position: head-inside\n", "t.yaml", diags));
  ASSERT_EQ(diags.items().size(), 3u);
  EXPECT_EQ(diags.items()[0].code, "style-invalid");
  EXPECT_EQ(diags.items()[0].message, "'heavy' is not one of bold, italic, small-caps");
  EXPECT_EQ(diags.items()[0].pos.line, 2);
  EXPECT_EQ(diags.items()[0].pos.column, 11);
  EXPECT_EQ(diags.items()[1].message, "'justify' is not one of left, center, right");
  EXPECT_EQ(diags.items()[2].message, "'head-inside' is not one of head-outside, foot-center");
}

TEST(Style, MarginsWiderThanATrimSizedPageAreAnError) {
  support::Diagnostics diags;
  EXPECT_FALSE(parse_style("page: {trim: 5x8, inside: 3in, outside: 2.5in}\n", "t.yaml", diags));
  EXPECT_EQ(diags.count(support::Severity::error), 1u);
}

TEST(Style, EpubOptions) {
  support::Diagnostics diags;
  auto s = parse_style("epub:\n  embed-fonts: false\n  extra-css: 'a { color: red; }'\n", "t.yaml",
                       diags);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->epub.extra_css, "a { color: red; }");
  EXPECT_FALSE(s->epub.embed_fonts);
  auto e = parse_style("epub:\n  embed-fonts: true\n", "t.yaml", diags);
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->epub.embed_fonts);
  EXPECT_FALSE(parse_style("epub:\n  embed-fonts: sometimes\n", "t.yaml", diags));
  EXPECT_EQ(diags.items().back().pos.line, 2);
}

TEST(Style, LibertineFileLoads) {
  support::Diagnostics diags;
  auto s = load_style(std::filesystem::path(FOLIO_SOURCE_DIR) / "styles" / "libertine.yaml", diags);
  ASSERT_TRUE(s) << (diags.empty() ? "" : diags.items()[0].message);
  EXPECT_EQ(s->name, "libertine");
  EXPECT_DOUBLE_EQ(s->page.width, 396);
  EXPECT_DOUBLE_EQ(s->page.height, 612);
  EXPECT_EQ(s->body.family, "Linux Libertine O");
  EXPECT_EQ(s->chapter.face.family, "Linux Libertine O");  // inherited from the body
  EXPECT_EQ(s->strong, Strong::bold);
  EXPECT_FALSE(s->opening.recto);
}

}  // namespace
}  // namespace folio::style

// Issue 17: every style input bounded and positioned.
namespace folio::style {
namespace {

support::Diagnostic first_error(const std::string& yaml) {
  support::Diagnostics diags;
  auto s = parse_style(yaml, "t.yaml", diags);
  EXPECT_FALSE(s) << yaml;
  for (const auto& d : diags.items())
    if (d.severity == support::Severity::error) return d;
  ADD_FAILURE() << "no error for " << yaml;
  return {};
}

TEST(StyleInput, SelfContainingAliasIsAnError) {
  auto d = first_error("name: s\nbody: &b\n  x: *b\n");
  EXPECT_EQ(d.code, "yaml-limit");
  EXPECT_EQ(d.pos.file, "t.yaml");
  EXPECT_EQ(first_error("name: s\nepub: &e {extra-css: *e}\n").code, "yaml-limit");
}

TEST(StyleInput, BadConversionIsPositionedNotInternal) {
  // yaml-cpp's "bad conversion" escaped as an internal error (exit 2) before.
  auto d = first_error("name: s\n[a]: 1\n");
  EXPECT_EQ(d.code, "style-invalid");
  EXPECT_EQ(d.pos.line, 2);
  EXPECT_EQ(d.pos.column, 1);
  EXPECT_EQ(first_error("name: s\nbody: {{a: 1}: 2}\n").pos.line, 2);
}

TEST(StyleInput, DuplicateKeyIsAnError) {
  auto d = first_error("name: s\npage:\n  inside: 1in\n  inside: 2in\n");
  EXPECT_EQ(d.code, "yaml-duplicate-key");
  EXPECT_EQ(d.pos.line, 4);
  EXPECT_NE(d.message.find("line 3"), std::string::npos);
}

TEST(StyleInput, LengthsAreStrictlyDecimalAndBounded) {
  // strtod read 0x10in as 16 in, and nan/inf as lengths.
  for (const char* bad : {"0x10in", "0x10", "nan", "nanpt", "inf", "infin", "-inf", "1e3in",
                          "1e400", ".nan", "1in2", "in", "-3pt", "300in", "14401"}) {
    auto d = first_error(std::string("page:\n  inside: ") + bad + "\n");
    EXPECT_EQ(d.code, "style-invalid") << bad;
    EXPECT_EQ(d.pos.line, 2) << bad;
  }
  for (const char* bad : {"nan", ".nan", "0x10", "1000pt", "inf"})
    EXPECT_EQ(first_error(std::string("body: {size: ") + bad + "}\n").code, "style-invalid") << bad;
  support::Diagnostics diags;
  auto s =
      parse_style("page: {inside: +0.5in, outside: 10.}\nbody: {size: 12.5pt}\n", "t.yaml", diags);
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(s->page.inside, 36);
  EXPECT_DOUBLE_EQ(s->page.outside, 10);
  EXPECT_DOUBLE_EQ(s->body.size, 12.5);
}

TEST(StyleInput, NumbersAreFiniteAndDecimal) {
  for (const char* bad : {".nan", ".inf", "nan", "0x10", "1e10000", "10abc"})
    EXPECT_EQ(first_error(std::string("line-breaking: {tolerance: ") + bad + "}\n").code,
              "style-invalid")
        << bad;
  // yaml-cpp read 0x10 as 16 and 010 as 8 here.
  for (const char* bad : {"0x3", "3.5", "1e1", "nan", "+", ""})
    EXPECT_EQ(first_error(std::string("hyphenation: {left-min: '") + bad + "'}\n").code,
              "style-invalid")
        << bad;
  support::Diagnostics diags;
  auto s = parse_style("hyphenation: {left-min: 010}\nline-breaking: {adj-demerits: 1e4}\n",
                       "t.yaml", diags);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->hyphenation.left_min, 10);
  EXPECT_DOUBLE_EQ(s->line_breaking.adj_demerits, 10000);
}

TEST(StyleInput, StringsGetTheManuscriptsEncodingChecks) {
  EXPECT_EQ(first_error("name: \"a\\u202Eb\"\n").code, "escaped-character");
  EXPECT_EQ(first_error("scene-break: \"\\x01\"\n").code, "escaped-character");
  EXPECT_EQ(first_error("name: \"a\xE2\x80\xAE b\"\n").code, "bidi-control");  // raw U+202E
  EXPECT_EQ(first_error("name: \"a\xFF\"\n").code, "invalid-utf8");
  EXPECT_EQ(first_error("scene-break: \"a\\nb\"\n").code, "style-invalid");
  EXPECT_EQ(first_error("name: \"x */ body { color: red } /*\"\n").code, "style-invalid");
  EXPECT_EQ(first_error("scene-break: " + std::string(300, 'x') + "\n").code, "style-invalid");
}

TEST(StyleInput, ExtraCssCannotBreakOutOfTheStylesheet) {
  for (const char* bad : {"p {} </style><p>x", "p { color: red", "p { } }", "p { content: \"x }",
                          "/* open", "@import url(x.css);", "a <!-- b", "p]]>"}) {
    auto d = first_error(std::string("epub:\n  extra-css: '") + bad + "'\n");
    EXPECT_EQ(d.code, "style-invalid") << bad;
    EXPECT_EQ(d.pos.line, 2) << bad;
  }
  support::Diagnostics diags;
  auto s = parse_style(
      "epub:\n  extra-css: |\n    p { margin: 0 }\n    h1::after { content: \"}\" } /* { */\n",
      "t.yaml", diags);
  ASSERT_TRUE(s) << (diags.empty() ? "" : diags.items()[0].message);
}

TEST(StyleInput, FindStyleConfinesTheManuscriptsStyles) {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("folio-style-confine-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "book" / "styles");
  fs::create_directories(root / "elsewhere");
  { std::ofstream(root / "elsewhere" / "secret.yaml") << "password: hunter2\n"; }
  { std::ofstream(root / "book" / "styles" / "own.yaml") << "name: own\n"; }
  fs::create_symlink(root / "elsewhere" / "secret.yaml", root / "book" / "styles" / "link.yaml");
  fs::path book = fs::canonical(root / "book");
  std::vector<fs::path> dirs{book / "styles", fs::path(FOLIO_SOURCE_DIR) / "styles"};
  std::string why;
  // From book.yaml: paths outside, `..`, absolute and symlinked are refused, with a reason.
  const std::string absolute = (root / "elsewhere" / "secret.yaml").string();
  for (const std::string& name :
       {std::string("../elsewhere/secret.yaml"), std::string("/etc/passwd"),
        std::string("styles/link.yaml"), absolute}) {
    why.clear();
    EXPECT_FALSE(find_style(name, dirs, book, book, &why)) << name;
    EXPECT_FALSE(why.empty()) << name;
    EXPECT_EQ(why.find("hunter2"), std::string::npos);
  }
  why.clear();
  EXPECT_FALSE(find_style("link", dirs, book, book, &why));
  EXPECT_FALSE(why.empty());
  // A --style NAME is looked up in the manuscript's styles/ too: confined the same way.
  EXPECT_FALSE(find_style("link", dirs, {}, book, &why));
  // Allowed: the manuscript's own files, installed names, a --style path.
  EXPECT_TRUE(find_style("styles/own.yaml", dirs, book, book));
  EXPECT_TRUE(find_style("own", dirs, book, book));
  EXPECT_TRUE(find_style("classic", dirs, book, book));
  EXPECT_TRUE(find_style((root / "elsewhere" / "secret.yaml").string(), dirs, {}, book));
  fs::remove_all(root);
}

TEST(StyleInput, RelativeDictionaryDirIsTheStyleFilesOwn) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("folio-style-dict-" + std::to_string(::getpid()));
  fs::create_directories(dir / "styles");
  { std::ofstream(dir / "styles" / "h.yaml") << "hyphenation: {dictionary-dir: ../hyphen}\n"; }
  support::Diagnostics diags;
  auto s = load_style(dir / "styles" / "h.yaml", diags);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->hyphenation.dictionary_dir, dir / "hyphen");
  fs::remove_all(dir);
}

TEST(StyleInput, StyleFileSizeIsBounded) {
  namespace fs = std::filesystem;
  fs::path big =
      fs::temp_directory_path() / ("folio-style-big-" + std::to_string(::getpid()) + ".yaml");
  {
    std::ofstream out(big);
    out << "name: big\n";
    for (int i = 0; i < 30000; ++i) out << "# a comment line to make the file large\n";
  }
  support::Diagnostics diags;
  EXPECT_FALSE(load_style(big, diags));
  ASSERT_FALSE(diags.items().empty());
  EXPECT_EQ(diags.items()[0].code, "style-unreadable");
  fs::remove(big);
}

}  // namespace
}  // namespace folio::style

namespace folio::style {
namespace {

TEST(StyleClasses, BuiltInDesignsAreThereWithoutAClassesKey) {
  support::Diagnostics diags;
  auto s = parse_style("name: bare\n", "t.yaml", diags);
  ASSERT_TRUE(s);
  for (const char* cls : {"bridgehead", "signature", "dedication", "letter", "epigraph",
                          "attribution", "poem", "stanza", "salutation", "postscript"})
    EXPECT_TRUE(s->design(cls)) << cls;
  EXPECT_FALSE(s->design("sidebar"));
  const BlockDesign* b = s->design("bridgehead");
  EXPECT_EQ(b->align, Align::center);
  EXPECT_TRUE(b->keep_with_next);
  EXPECT_DOUBLE_EQ(b->space_before, 11);  // 1em of the 11 pt body
  EXPECT_EQ(s->design("dedication")->page, Placement::own_recto);
}

TEST(StyleClasses, ADesignMergesOverTheBuiltInOne) {
  support::Diagnostics diags;
  auto s = parse_style(
      "body: {size: 10}\n"
      "classes:\n"
      "  bridgehead: {align: left, space-before: 2em}\n"
      "  \"note, aside\": {size: 9pt, italic: true, inset-left: 1em, page-break-before: true}\n",
      "t.yaml", diags);
  ASSERT_TRUE(s) << (diags.empty() ? "" : diags.items()[0].message);
  const BlockDesign* b = s->design("bridgehead");
  EXPECT_EQ(b->align, Align::left);
  EXPECT_DOUBLE_EQ(b->space_before, 20);
  EXPECT_TRUE(b->keep_with_next);  // kept from the built-in design
  EXPECT_TRUE(b->italic.value_or(false));
  for (const char* cls : {"note", "aside"}) {
    const BlockDesign* d = s->design(cls);
    ASSERT_TRUE(d) << cls;
    EXPECT_DOUBLE_EQ(d->size.value_or(0), 9);
    EXPECT_DOUBLE_EQ(d->inset_left, 10);
    EXPECT_TRUE(d->page_break_before);
    EXPECT_FALSE(d->leading);  // unset: follows the size
    EXPECT_EQ(d->source.line, 4);
  }
  // The built-in designs' em lengths follow this style's body size.
  EXPECT_DOUBLE_EQ(s->design("letter")->space_before, 5);
}

TEST(StyleClasses, OwnPageAndSink) {
  support::Diagnostics diags;
  auto s = parse_style("classes:\n  half-title: {page: own, sink: 40%}\n  x: {page: own}\n",
                       "t.yaml", diags);
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->design("half-title")->own_page());
  EXPECT_DOUBLE_EQ(s->design("half-title")->sink.value_or(-1), 0.4);
  EXPECT_FALSE(s->design("x")->sink);  // centred
}

// Each bad design: an error at the value's line and column.
TEST(StyleClasses, BadDesignsArePositioned) {
  struct Case {
    const char* yaml;
    int line, column;
    const char* code;
  } cases[] = {
      {"classes:\n  signature: {colour: red}\n", 2, 15, "style-unknown-key"},
      {"classes:\n  signature: {align: middle}\n", 2, 22, "style-invalid"},
      {"classes:\n  signature: {italic: perhaps}\n", 2, 23, "style-invalid"},
      {"classes:\n  signature: {space-before: -1em}\n", 2, 29, "style-invalid"},
      {"classes:\n  signature: {page: own, sink: 130%}\n", 2, 32, "style-invalid"},
      {"classes:\n  signature: {sink: 30%}\n", 2, 21, "style-invalid"},
      {"classes:\n  signature: right\n", 2, 14, "style-invalid"},
      {"classes:\n  - signature\n", 2, 3, "style-invalid"},
      {"classes:\n  \"9lives\": {italic: true}\n", 2, 3, "style-invalid"},
      {"classes:\n  \"a.b\": {italic: true}\n", 2, 3, "style-invalid"},
      {"classes:\n  signature: {align: right}\n  signature: {align: left}\n", 3, 3,
       "yaml-duplicate-key"},
      {"classes:\n  signature: {align: right}\n  \"letter, signature\": {italic: true}\n", 3, 3,
       "style-invalid"},
      {"dateline:\n  opening: {align: sideways}\n", 2, 20, "style-invalid"},
  };
  for (const Case& c : cases) {
    support::Diagnostics diags;
    EXPECT_FALSE(parse_style(c.yaml, "t.yaml", diags)) << c.yaml;
    ASSERT_FALSE(diags.empty()) << c.yaml;
    const auto& d = diags.items()[0];
    EXPECT_EQ(d.code, c.code) << c.yaml;
    EXPECT_EQ(d.pos.file, "t.yaml");
    EXPECT_EQ(d.pos.line, c.line) << c.yaml << d.message;
    EXPECT_EQ(d.pos.column, c.column) << c.yaml << d.message;
  }
}

TEST(StyleClasses, ClassDesignedTwiceNamesTheFirstPlace) {
  support::Diagnostics diags;
  EXPECT_FALSE(parse_style("classes:\n  \"poem, stanza\": {italic: true}\n  stanza: {indent: 0}\n",
                           "t.yaml", diags));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_NE(diags.items()[0].message.find("'stanza' is designed twice"), std::string::npos);
  EXPECT_NE(diags.items()[0].message.find("line 2, column 3"), std::string::npos);
}

// Both shipped styles spell out every built-in design, and differ where they should.
TEST(StyleClasses, ShippedStylesDesignEveryBuiltInClass) {
  support::Diagnostics diags;
  auto classic =
      load_style(std::filesystem::path(FOLIO_SOURCE_DIR) / "styles" / "classic.yaml", diags);
  auto libertine =
      load_style(std::filesystem::path(FOLIO_SOURCE_DIR) / "styles" / "libertine.yaml", diags);
  ASSERT_TRUE(classic && libertine) << (diags.empty() ? "" : diags.items()[0].message);
  for (const auto& [cls, d] : default_designs()) {
    for (const Style* s : {&*classic, &*libertine}) {
      const BlockDesign* own = s->design(cls);
      ASSERT_TRUE(own);
      EXPECT_GT(own->source.line, 0) << s->name << " does not spell out " << cls;
    }
  }
  EXPECT_EQ(classic->design("bridgehead")->align, Align::center);
  EXPECT_EQ(libertine->design("bridgehead")->align, Align::left);
  EXPECT_EQ(classic->dateline.opening.align, Align::right);
  EXPECT_EQ(libertine->dateline.opening.align, Align::left);
}

}  // namespace
}  // namespace folio::style

namespace folio::style {
namespace {

// body.fallback-families: a list of family names, in order; anything else is a positioned error.
TEST(StyleInput, FallbackFamiliesAreAListOfNames) {
  support::Diagnostics diags;
  auto s = parse_style("body:\n  fallback-families: [DejaVu Sans, Linux Libertine O]\n", "t.yaml",
                       diags);
  ASSERT_TRUE(s) << diags.items().size();
  EXPECT_EQ(s->fallback_families, (std::vector<std::string>{"DejaVu Sans", "Linux Libertine O"}));
  // Where each is named, for a family fontconfig cannot find.
  ASSERT_EQ(s->fallback_positions.size(), 2u);
  EXPECT_EQ(s->fallback_positions[1].line, 2);
  EXPECT_EQ(s->fallback_positions[1].column, 36);
  EXPECT_TRUE(parse_style("name: x\n", "t.yaml", diags)->fallback_families.empty());
  for (const char* bad : {"body:\n  fallback-families: DejaVu Sans\n",
                          "body:\n  fallback-families: [\"DejaVu Sans, Serif\"]\n",
                          "body:\n  fallback-families: [\"\"]\n"}) {
    support::Diagnostics d;
    EXPECT_FALSE(parse_style(bad, "t.yaml", d)) << bad;
    ASSERT_EQ(d.count(support::Severity::error), 1u) << bad;
    EXPECT_EQ(d.items()[0].pos.line, 2) << bad;
  }
}

}  // namespace
}  // namespace folio::style

namespace folio::style {
namespace {

// `protrusion:` in body: the shipped styles spell out the default table; `none` or an empty
// table turns it off; a table replaces the default whole; bad entries are positioned errors.
TEST(Style, ProtrusionTableIsReadOrTurnedOff) {
  support::Diagnostics diags;
  for (const char* name : {"classic.yaml", "libertine.yaml"}) {
    auto shipped = load_style(std::filesystem::path(FOLIO_SOURCE_DIR) / "styles" / name, diags);
    ASSERT_TRUE(shipped) << name;
    EXPECT_EQ(shipped->protrusion.size(), default_protrusion().size()) << name;
    EXPECT_DOUBLE_EQ(hang_of(shipped->protrusion, U'.').right, 0.7) << name;
    EXPECT_DOUBLE_EQ(hang_of(shipped->protrusion, U'\u201C').left, 0.3) << name;
  }
  EXPECT_FALSE(Style{}.protrusion.empty());
  auto off = parse_style("body:\n  protrusion: none\n", "t.yaml", diags);
  ASSERT_TRUE(off);
  EXPECT_TRUE(off->protrusion.empty());
  auto empty = parse_style("body:\n  protrusion: {}\n", "t.yaml", diags);
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->protrusion.empty());
  auto own = parse_style("body:\n  protrusion:\n    \".\": [0, 1]\n    \"\u201D\": [0, 0.5]\n",
                         "t.yaml", diags);
  ASSERT_TRUE(own);
  EXPECT_EQ(own->protrusion.size(), 2u);
  EXPECT_DOUBLE_EQ(hang_of(own->protrusion, U'.').right, 1);
  EXPECT_DOUBLE_EQ(hang_of(own->protrusion, U'\u201D').right, 0.5);
  EXPECT_DOUBLE_EQ(hang_of(own->protrusion, U',').right, 0);  // replaced whole
  EXPECT_TRUE(diags.empty());
  for (const char* bad : {"body:\n  protrusion:\n    \"..\": [0, 0.5]\n",
                          "body:\n  protrusion:\n    \".\": [0, 1.5]\n",
                          "body:\n  protrusion:\n    \".\": 0.5\n", "body:\n  protrusion: all\n"}) {
    support::Diagnostics d;
    EXPECT_FALSE(parse_style(bad, "t.yaml", d)) << bad;
    ASSERT_FALSE(d.empty()) << bad;
    EXPECT_EQ(d.items()[0].code, "style-invalid") << bad;
    EXPECT_GE(d.items()[0].pos.line, 2) << bad;
  }
}

}  // namespace
}  // namespace folio::style
