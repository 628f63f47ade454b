// Reader tests on small in-memory manuscripts: every construct, with positions.
#include "manuscript/reader.hpp"

#include <gtest/gtest.h>

#include "model/text_pieces.hpp"
#include "model/walk.hpp"

using namespace folio;
using model::BlockKind;
using model::InlineKind;

namespace {

const char* kYaml = "title: T\nauthor: A\nlang: en-US\n";

std::optional<manuscript::Manuscript> read(const std::string& md, support::Diagnostics& diags,
                                           const std::string& yaml = kYaml) {
  auto src = manuscript::memory_source({{"book.yaml", yaml}, {"a.md", md}});
  return manuscript::read_manuscript(*src, diags);
}

// True when reading reported an error (the model is then unusable).
bool read_fails(const std::string& md, support::Diagnostics& diags,
                const std::string& yaml = kYaml) {
  auto m = read(md, diags, yaml);
  return !m || diags.has_errors();
}

model::Document read_ok(const std::string& md) {
  support::Diagnostics diags;
  auto m = read(md, diags);
  EXPECT_TRUE(m.has_value());
  for (const auto& d : diags.items()) ADD_FAILURE() << d.pos.line << ":" << d.message;
  return m ? m->document : model::Document{};
}

}  // namespace

TEST(Reader, MetadataWithPositions) {
  support::Diagnostics diags;
  auto m = read("x\n", diags,
                "title: Perestroika versus Socialism\nsubtitle: S\nauthor:\n  - One\n  - Two\n"
                "lang: en-US\nsubject: History\nidentifier: 978-0-00-000000-2\n");
  ASSERT_TRUE(m);
  const auto& meta = m->document.metadata;
  EXPECT_EQ(meta.title.value, "Perestroika versus Socialism");
  EXPECT_EQ(meta.title.source.line, 1);
  EXPECT_EQ(meta.title.source.column, 8);
  ASSERT_EQ(meta.authors.size(), 2u);
  EXPECT_EQ(meta.authors[1].value, "Two");
  EXPECT_EQ(meta.authors[1].source.line, 5);
  EXPECT_EQ(meta.subjects.size(), 1u);
  EXPECT_EQ(meta.identifier.value, "978-0-00-000000-2");
}

TEST(Reader, SectionsFromLevelOneHeadingsWithRoles) {
  auto doc = read_ok(
      "# Preface {epub:type=preface}\n\nText.\n\n# One\n\nBody.\n\n## Sub\n\n"
      "# Notes {epub:type=appendix}\n\nEnd.\n");
  ASSERT_EQ(doc.sections.size(), 3u);
  EXPECT_EQ(doc.sections[0].role, "preface");
  EXPECT_EQ(doc.sections[0].matter, model::Matter::front);
  ASSERT_TRUE(doc.sections[0].heading);
  EXPECT_EQ(model::plain_text(doc.sections[0].heading->inlines), "Preface");
  EXPECT_EQ(doc.sections[1].role, "chapter");
  EXPECT_EQ(doc.sections[1].matter, model::Matter::body);
  EXPECT_EQ(doc.sections[1].source.line, 5);
  ASSERT_EQ(doc.sections[1].blocks.size(), 2u);
  EXPECT_EQ(doc.sections[1].blocks[1].kind(), BlockKind::heading);
  EXPECT_EQ(doc.sections[1].blocks[1].as<model::Heading>().level, 2);
  EXPECT_EQ(doc.sections[2].matter, model::Matter::back);
}

TEST(Reader, TextBeforeFirstHeadingIsAHeadinglessSection) {
  auto doc = read_ok("Orphan text.\n\n# Chapter\n\nMore.\n");
  ASSERT_EQ(doc.sections.size(), 2u);
  EXPECT_FALSE(doc.sections[0].heading);
  EXPECT_EQ(doc.sections[0].source.line, 1);
}

TEST(Reader, BlockQuoteOfSeveralParagraphs) {
  auto doc = read_ok("# C\n\nIntro:\n\n> “One.\n>\n> “Two.”\n\nAfter.\n");
  const auto& blocks = doc.sections[0].blocks;
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[1].kind(), BlockKind::block_quote);
  EXPECT_EQ(blocks[1].source.line, 5);
  ASSERT_EQ(blocks[1].blocks.size(), 2u);
  EXPECT_EQ(blocks[1].blocks[1].source.line, 7);
  EXPECT_EQ(blocks[1].blocks[1].source.column, 3);
  EXPECT_EQ(model::plain_text(blocks[1].blocks[1].inlines), "“Two.”");
}

TEST(Reader, DatelineOfTwoLinesFromHardBreak) {
  auto doc = read_ok("# C\n\nText.\n\n::: dateline\nDetroit, Michigan\\\nJuly 28, 1989\n:::\n");
  const auto& blocks = doc.sections[0].blocks;
  ASSERT_EQ(blocks.size(), 2u);
  const auto& d = blocks[1];
  EXPECT_EQ(d.kind(), BlockKind::dateline);
  EXPECT_EQ(d.source.line, 5);
  EXPECT_EQ(d.source.column, 1);
  auto lines = model::lines_of(d);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(model::plain_text(lines[0]), "Detroit, Michigan");
  EXPECT_EQ(model::plain_text(lines[1]), "July 28, 1989");
  EXPECT_EQ(lines[1][0].source.line, 7);
}

TEST(Reader, DatelinePlaceInItsContainer) {
  using model::DatelinePlace;
  auto doc = read_ok(
      "# C\n\n::: dateline\nParis\n:::\n\nText.\n\n::: dateline\nLyon\n:::\n\nMore.\n\n"
      "## Entry\n\n::: dateline\nRome\n:::\n\nText.\n\n"
      "> ::: letter\n> ::: dateline\n> Whitby\n> :::\n>\n> Dear Lucy,\n> :::\n\n"
      "::: epigraph\nWords.\n:::\n\nEnd.\n\n::: dateline\nBerlin\n:::\n");
  const auto& b = doc.sections[0].blocks;
  ASSERT_EQ(b.size(), 11u);
  EXPECT_EQ(b[0].as<model::Dateline>().place, DatelinePlace::opening);
  EXPECT_EQ(b[2].as<model::Dateline>().place, DatelinePlace::inside);
  EXPECT_EQ(b[5].as<model::Dateline>().place, DatelinePlace::opening);  // under the sub-heading
  const auto& letter = b[7].blocks.at(0);
  EXPECT_EQ(letter.kind(), BlockKind::div);
  EXPECT_EQ(letter.blocks.at(0).as<model::Dateline>().place, DatelinePlace::opening);
  EXPECT_EQ(b[10].as<model::Dateline>().place, DatelinePlace::closing);
}

// A letter as Standard Ebooks marks it up: a bridgehead ("Letter from … to …") before the
// opening dateline, the place and date again above the signature.
TEST(Reader, DatelinePlaceAroundBridgeheadAndSignature) {
  using model::DatelinePlace;
  auto doc = read_ok(
      "::: letter\n::: bridgehead\nLetter, Lucy to Mina.\n:::\n\n::: dateline\nWhitby\n:::\n\n"
      "Dear Mina,\n\nNews.\n\n::: dateline\nMonday\n:::\n\n::: signature\nLucy.\n:::\n:::\n");
  const auto& letter = doc.sections.at(0).blocks.at(0).blocks;
  ASSERT_EQ(letter.size(), 6u);
  EXPECT_EQ(letter[1].as<model::Dateline>().place, DatelinePlace::opening);
  EXPECT_EQ(letter[4].as<model::Dateline>().place, DatelinePlace::closing);
  // Without the bridgehead's class the paragraph is body text, and the dateline inside.
  auto plain =
      read_ok("::: letter\nLetter, Lucy to Mina.\n\n::: dateline\nWhitby\n:::\n\nDear.\n:::\n");
  EXPECT_EQ(plain.sections.at(0).blocks.at(0).blocks.at(1).as<model::Dateline>().place,
            DatelinePlace::inside);
}

// A malformed lang= never reaches the writers: left out, with a warning at the span or div.
TEST(Reader, MalformedLangAttributesAreLeftOut) {
  support::Diagnostics diags;
  auto m = read("[a]{lang=de} [b]{lang=fr_CA}\n\n::: {.letter lang=1x}\nText.\n:::\n", diags);
  ASSERT_TRUE(m);
  const auto& blocks = m->document.sections.at(0).blocks;
  ASSERT_EQ(blocks.size(), 2u);
  ASSERT_EQ(blocks[0].inlines.size(), 3u);
  EXPECT_EQ(blocks[0].inlines[0].attr.lang, "de");
  EXPECT_EQ(blocks[0].inlines[2].attr.lang, "");
  EXPECT_EQ(blocks[1].attr.lang, "");
  ASSERT_EQ(diags.items().size(), 2u);
  EXPECT_EQ(diags.items()[0].code, "lang-attribute-invalid");
  EXPECT_EQ(diags.items()[0].fix, "write lang=fr-CA");
  EXPECT_EQ(diags.items()[1].pos.line, 3);
}

TEST(Reader, DatelineOfParagraphs) {
  auto doc = read_ok("::: {.dateline}\nParis\n\nMay 1871\n:::\n");
  const auto& d = doc.sections[0].blocks[0];
  EXPECT_EQ(d.kind(), BlockKind::dateline);
  EXPECT_EQ(model::lines_of(d).size(), 2u);
}

TEST(Reader, EpigraphLetterAndGenericDivs) {
  auto doc = read_ok(
      "::: epigraph\nWords.\n\n::: attribution\nSomeone\n:::\n:::\n\n::: letter\nDear X,\n:::\n\n"
      "::: {.sidebar #s1 lang=fr}\nBonjour.\n:::\n");
  const auto& b = doc.sections[0].blocks;
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[0].kind(), BlockKind::epigraph);
  ASSERT_EQ(b[0].blocks.size(), 2u);
  EXPECT_EQ(b[0].blocks[1].kind(), BlockKind::div);
  EXPECT_EQ(b[0].blocks[1].attr.classes, std::vector<std::string>{"attribution"});
  EXPECT_EQ(b[1].kind(), BlockKind::div);
  EXPECT_EQ(b[1].attr.classes, std::vector<std::string>{"letter"});
  EXPECT_EQ(b[2].attr.id, "s1");
  EXPECT_EQ(b[2].attr.lang, "fr");
  EXPECT_EQ(b[2].source.line, 13);
}

TEST(Reader, DivFenceInsideCodeBlockIsCode) {
  auto doc = read_ok("```\n::: dateline\n```\n");
  ASSERT_EQ(doc.sections[0].blocks.size(), 1u);
  EXPECT_EQ(doc.sections[0].blocks[0].kind(), BlockKind::code_block);
  EXPECT_EQ(doc.sections[0].blocks[0].as<model::CodeBlock>().text, "::: dateline\n");
}

TEST(Reader, SceneBreak) {
  auto doc = read_ok("One.\n\n* * *\n\nTwo.\n");
  ASSERT_EQ(doc.sections[0].blocks.size(), 3u);
  EXPECT_EQ(doc.sections[0].blocks[1].kind(), BlockKind::scene_break);
  EXPECT_EQ(doc.sections[0].blocks[1].source.line, 3);
}

TEST(Reader, InlinesEmphasisStrongLinkCode) {
  auto doc = read_ok("A *b* **c** [d](http://x.org) `e`.\n");
  const auto& in = doc.sections[0].blocks[0].inlines;
  ASSERT_EQ(in.size(), 9u);
  EXPECT_EQ(in[1].kind(), InlineKind::emphasis);
  EXPECT_EQ(in[1].source.column, 3);
  EXPECT_EQ(in[3].kind(), InlineKind::strong);
  EXPECT_EQ(in[5].kind(), InlineKind::link);
  EXPECT_EQ(in[5].as<model::Link>().target, "http://x.org");
  EXPECT_EQ(in[7].kind(), InlineKind::code);
  EXPECT_EQ(in[7].as<model::Code>().text, "e");
}

TEST(Reader, TypographyIsKept) {
  // The "smart" option is off: straight quotes and dashes stay as written.
  auto doc = read_ok("\"Straight\" -- and 'single' ...\n");
  EXPECT_EQ(model::plain_text(doc.sections[0].blocks[0].inlines),
            "\"Straight\" -- and 'single' ...");
}

TEST(Reader, SmallCapsAndLangSpans) {
  auto doc = read_ok("In [New York]{.smallcaps} and [*la* vie]{lang=fr} [x] done.\n");
  const auto& in = doc.sections[0].blocks[0].inlines;
  ASSERT_EQ(in.size(), 5u);
  EXPECT_EQ(in[1].kind(), InlineKind::small_caps);
  EXPECT_EQ(model::plain_text(in[1].children), "New York");
  EXPECT_EQ(in[1].source.column, 4);
  EXPECT_EQ(in[3].kind(), InlineKind::span);
  EXPECT_EQ(in[3].attr.lang, "fr");
  ASSERT_EQ(in[3].children.size(), 2u);
  EXPECT_EQ(in[3].children[0].kind(), InlineKind::emphasis);
  EXPECT_EQ(in[4].as<model::Text>().text, " [x] done.");
}

TEST(Reader, NestedSpans) {
  auto doc = read_ok("[a [b]{.x} c]{.y}\n");
  const auto& in = doc.sections[0].blocks[0].inlines;
  ASSERT_EQ(in.size(), 1u);
  EXPECT_EQ(in[0].attr.classes, std::vector<std::string>{"y"});
  ASSERT_EQ(in[0].children.size(), 3u);
  EXPECT_EQ(in[0].children[1].attr.classes, std::vector<std::string>{"x"});
}

TEST(Reader, FootnotesNumberedAcrossFilesInReferenceOrder) {
  auto src = manuscript::memory_source(
      {{"book.yaml", std::string(kYaml) + "contents: [a.md, b.md]\n"},
       {"a.md", "# One\n\nSee[^b] and[^a].\n\n[^a]: Note A.\n\n[^b]: Note B.\n"},
       {"b.md", "# Two\n\nAgain[^a].\n\n[^a]: Another A.\n"}});
  support::Diagnostics diags;
  auto m = manuscript::read_manuscript(*src, diags);
  ASSERT_TRUE(m);
  const auto& s = m->document.sections;
  ASSERT_EQ(s.size(), 2u);
  ASSERT_EQ(s[0].footnotes.size(), 2u);
  EXPECT_EQ(s[0].footnotes[0].as<model::Footnote>().label, "b");
  EXPECT_EQ(s[0].footnotes[0].as<model::Footnote>().number, 1);
  EXPECT_EQ(s[0].footnotes[0].source.line, 7);
  EXPECT_EQ(s[0].footnotes[1].as<model::Footnote>().number, 2);
  const auto& refs = s[0].blocks[0].inlines;
  EXPECT_EQ(refs[1].kind(), InlineKind::note_ref);
  EXPECT_EQ(refs[1].as<model::NoteRef>().label, "b");
  EXPECT_EQ(refs[1].as<model::NoteRef>().number, 1);
  ASSERT_EQ(s[1].footnotes.size(), 1u);
  EXPECT_EQ(s[1].footnotes[0].as<model::Footnote>().number, 3);
  EXPECT_EQ(model::plain_text(s[1].footnotes[0].blocks[0].inlines), "Another A.");
}

TEST(Reader, HardLineBreakPositions) {
  auto doc = read_ok("line one\\\nline *two*\n");
  const auto& in = doc.sections[0].blocks[0].inlines;
  ASSERT_GE(in.size(), 3u);
  EXPECT_EQ(in[1].kind(), InlineKind::line_break);
  EXPECT_EQ(in[2].source.line, 2);
}

TEST(Reader, LineBlock) {
  auto doc = read_ok("| The woods are lovely,\n| dark and deep.\n");
  const auto& b = doc.sections[0].blocks[0];
  EXPECT_EQ(b.kind(), BlockKind::line_block);
  auto lines = model::lines_of(b);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(model::plain_text(lines[1]), "dark and deep.");
}

TEST(Reader, ListsAndFigures) {
  auto doc = read_ok("1. one\n2. two\n\n- a\n\n![A map](map.png)\n");
  const auto& b = doc.sections[0].blocks;
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[0].kind(), BlockKind::list);
  EXPECT_TRUE(b[0].as<model::List>().ordered);
  EXPECT_EQ(b[0].blocks.size(), 2u);
  EXPECT_EQ(b[0].blocks[0].kind(), BlockKind::list_item);
  EXPECT_FALSE(b[1].as<model::List>().ordered);
  EXPECT_EQ(b[2].kind(), BlockKind::figure);
  EXPECT_EQ(b[2].as<model::Figure>().src, "map.png");
  EXPECT_EQ(b[2].as<model::Figure>().alt, "A map");
}

TEST(Reader, ContentsOrderAndDefaultOrder) {
  auto src =
      manuscript::memory_source({{"book.yaml", kYaml}, {"02.md", "# Two\n"}, {"01.md", "# One\n"}});
  support::Diagnostics diags;
  auto m = manuscript::read_manuscript(*src, diags);
  ASSERT_TRUE(m);
  ASSERT_EQ(m->document.sections.size(), 2u);
  EXPECT_EQ(model::plain_text(m->document.sections[0].heading->inlines), "One");
  EXPECT_EQ(m->document.sections[0].source.file, "01.md");
}

// ---- bad input: one diagnostic with a position, no model ----

TEST(ReaderErrors, YamlSyntax) {
  support::Diagnostics diags;
  EXPECT_TRUE(read_fails("x\n", diags, "title: [unclosed\nauthor: A\n"));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "yaml-syntax");
  EXPECT_EQ(diags.items()[0].pos.file, "book.yaml");
  EXPECT_GT(diags.items()[0].pos.line, 0);
}

TEST(ReaderErrors, YamlNotAMapping) {
  support::Diagnostics diags;
  EXPECT_TRUE(read_fails("x\n", diags, "- a\n- b\n"));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "yaml-not-mapping");
}

TEST(ReaderErrors, MissingContentsEntry) {
  support::Diagnostics diags;
  EXPECT_TRUE(read_fails("x\n", diags, std::string(kYaml) + "contents:\n  - a.md\n  - nope.md\n"));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "contents-missing");
  EXPECT_EQ(diags.items()[0].pos.line, 6);
  EXPECT_EQ(diags.items()[0].pos.column, 5);
}

TEST(ReaderErrors, InvalidUtf8WithOffset) {
  support::Diagnostics diags;
  EXPECT_TRUE(read_fails("ok\nbad \xC3\x28 here\n", diags));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "invalid-utf8");
  EXPECT_EQ(diags.items()[0].pos.line, 2);
  EXPECT_EQ(diags.items()[0].pos.column, 5);
  EXPECT_NE(diags.items()[0].message.find("offset 7"), std::string::npos);
}

TEST(ReaderErrors, UnterminatedDiv) {
  support::Diagnostics diags;
  EXPECT_TRUE(read_fails("Text.\n\n::: dateline\nParis\n", diags));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "unterminated-div");
  EXPECT_EQ(diags.items()[0].pos.line, 3);
  EXPECT_EQ(diags.items()[0].pos.column, 1);
}

TEST(ReaderErrors, ControlCharacter) {
  support::Diagnostics diags;
  EXPECT_TRUE(read_fails("bell\x07 here\n", diags));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "control-character");
  EXPECT_EQ(diags.items()[0].pos.column, 5);
}

TEST(ReaderErrors, DeepNestingIsBounded) {
  support::Diagnostics diags;
  std::string md(100000, '>');
  md += " deep\n";
  EXPECT_TRUE(read_fails(md, diags));
  ASSERT_GE(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "nesting-limit");
}

TEST(ReaderErrors, OverlongParagraphIsReportedNotSet) {
  support::Diagnostics diags;
  std::string md = "# C\n\n";
  for (int i = 0; i < 250000; ++i) md += "word ";
  md += "\n";
  EXPECT_TRUE(read_fails(md, diags));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "paragraph-limit");
  EXPECT_EQ(diags.items()[0].pos.line, 3);
}

TEST(Reader, ManyFootnotesStayLinear) {
  // 20,000 notes: a quadratic section lookup would take minutes, a linear one milliseconds.
  std::string md = "# C\n\n";
  for (int i = 0; i < 20000; ++i) md += "Text[^" + std::to_string(i) + "].\n\n";
  for (int i = 0; i < 20000; ++i) md += "[^" + std::to_string(i) + "]: Note.\n\n";
  auto doc = read_ok(md);
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].footnotes.size(), 20000u);
  EXPECT_EQ(doc.sections[0].footnotes.back().as<model::Footnote>().number, 20000);
}

// Issue 17: every YAML walk over book.yaml is bounded, and its problems are positioned errors.
namespace {

// The first diagnostic of reading `yaml` as book.yaml (which must fail).
support::Diagnostic yaml_error(const std::string& yaml) {
  support::Diagnostics diags;
  EXPECT_TRUE(read_fails("x\n", diags, yaml)) << yaml;
  if (diags.items().empty()) return {};
  return diags.items()[0];
}

}  // namespace

TEST(ReaderYaml, SelfContainingAliasIsAnErrorNotACrash) {
  // Recursed forever (SIGSEGV) before: the title's first item was the title itself.
  for (const char* yaml :
       {"title: &a [*a]\nauthor: A\nlang: en\n", "title: T\nauthor: &a [*a]\nlang: en\n",
        "title: T\nauthor: A\nlang: en\nx: &m {k: *m}\n",
        "title: T\nauthor: A\nlang: en\ncheck: {ignore: {a: &s [*s]}}\n"}) {
    auto d = yaml_error(yaml);
    EXPECT_EQ(d.code, "yaml-limit") << yaml;
    EXPECT_EQ(d.pos.file, "book.yaml");
    EXPECT_GE(d.pos.line, 1);
  }
  auto d = yaml_error("title: &a [*a]\nauthor: A\nlang: en\n");
  EXPECT_EQ(d.pos.line, 1);
  EXPECT_EQ(d.pos.column, 8);
}

// yaml-cpp's LoadAll yields empty documents forever on this (found by the check→build fuzz
// target: 15 GB in two minutes); the documents are counted and must make progress.
TEST(ReaderYaml, AStreamOfEndlessEmptyDocumentsIsAnError) {
  auto d = yaml_error(", a Wrrter, Ben Ed\n");
  EXPECT_EQ(d.code, "yaml-syntax");
  EXPECT_EQ(d.pos.line, 1);
}

TEST(ReaderYaml, AliasExpansionAndNestingAreBounded) {
  // "Billion laughs": nine levels of ten aliases each.
  std::string yaml = "title: T\nauthor: A\nlang: en\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= 9; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) yaml += (k ? ", " : "") + prev;
    yaml += "]\n";
  }
  EXPECT_EQ(yaml_error(yaml).code, "yaml-limit");
  std::string deep =
      "title: T\nauthor: A\nlang: en\nx: " + std::string(100, '[') + std::string(100, ']') + "\n";
  EXPECT_EQ(yaml_error(deep).code, "yaml-limit");
  // A few levels stay fine.
  support::Diagnostics diags;
  EXPECT_FALSE(read_fails("x\n", diags, "title: T\nauthor: A\nlang: en\nx: [[[1]]]\n"));
}

TEST(ReaderYaml, DuplicateKeyNamesTheFirst) {
  auto d = yaml_error("title: T\nauthor: A\ntitle: U\nlang: en\n");
  EXPECT_EQ(d.code, "yaml-duplicate-key");
  EXPECT_EQ(d.pos.line, 3);
  EXPECT_EQ(d.pos.column, 1);
  EXPECT_NE(d.message.find("first at line 1, column 1"), std::string::npos) << d.message;
  // In a nested mapping too.
  EXPECT_EQ(yaml_error("title: T\nauthor: A\nlang: en\ncheck: {ignore: {a: x, a: y}}\n").code,
            "yaml-duplicate-key");
}

TEST(ReaderYaml, KeysAfterTheDocumentEndAreAnError) {
  auto d = yaml_error("title: T\nauthor: A\nlang: en\n...\ncheck: {ignore: {a: all}}\n");
  EXPECT_EQ(d.code, "yaml-syntax");
  EXPECT_EQ(d.pos.line, 5);
  // However the end marker is written and whatever stands between it and the keys (issue
  // 18: a `check:` block after `...` must never be dropped without a word).
  for (const char* tail :
       {"...\n# a comment\n\ncheck: {ignore: {a: all}}\n", "... # end\ncheck:\n  ignore: {}\n",
        "...\n---\ncheck: {}\n", "...\n--- !!map\ncheck: {}\n", "---\ncheck: {}\n",
        "...\n...\ncheck: {}\n", "...\n---\n~\n---\ncheck: {}\n", "...\r\ncheck: {}\r\n",
        "...\n%YAML 1.2\n---\ncheck: {}\n"}) {
    auto e = yaml_error(std::string("title: T\nauthor: A\nlang: en\n") + tail);
    EXPECT_EQ(e.code, "yaml-syntax") << tail;
    EXPECT_GE(e.pos.line, 4) << tail;
  }
  // A closing marker with nothing after it is fine.
  support::Diagnostics diags;
  EXPECT_FALSE(read_fails("x\n", diags, "title: T\nauthor: A\nlang: en\n...\n"));
}

// What the reader unwraps but does not use is a warning at its place, not dropped silently.
TEST(ReaderYaml, IgnoredPartsOfValuesAreWarnings) {
  support::Diagnostics diags;
  auto m = read("x\n", diags,
                "title: [T, U]\nauthor: [{name: A, role: editor}]\nlang: en\n"
                "identifier: [{scheme: ISBN, text: '9780000000002'}]\n"
                "subtitle: {text: S, lang: de}\n");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->document.metadata.title.value, "T");
  std::string got;
  for (const auto& d : diags.items())
    got += std::string(d.code.name()) + "@" + std::to_string(d.pos.line) + ":" +
           std::to_string(d.pos.column) + " ";
  EXPECT_EQ(got, "meta-ignored@1:12 meta-ignored@2:20 meta-ignored@5:21 ");
}

// No face has glyphs for a tab or U+2028/U+2029, so the typesetter stopped at them while
// `folio check` passed: text takes them as word spaces, code expands tabs (as Pandoc does).
TEST(Reader, TabsAndSeparatorsBecomeSpaces) {
  model::Document doc = read_ok(
      "# One\n\nText\twith a tab and\u2028a line separator.\n\n"
      "Code `a\tb` here.\n\n```\nx\ty\n\tz\n```\n");
  ASSERT_EQ(doc.sections.size(), 1u);
  const auto& blocks = doc.sections[0].blocks;
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(model::plain_text(blocks[0].inlines), "Text with a tab and a line separator.");
  ASSERT_GE(blocks[1].inlines.size(), 2u);
  EXPECT_EQ(blocks[1].inlines[1].kind(), InlineKind::code);
  EXPECT_EQ(blocks[1].inlines[1].as<model::Code>().text, "a   b");
  EXPECT_EQ(blocks[2].as<model::CodeBlock>().text, "x   y\n    z\n");
}

// Plain text nodes carry the byte range they came from: the source's bytes are their text.
// Escapes, entities and soft breaks make the range wider than the text (docs/model-json.md).
TEST(Reader, TextNodesCarryTheirSourceBytes) {
  const std::string md =
      "# A Title\n\nPlain words here, *emphasised* and `code` too.\n\n"
      "Line one\nline two.\n\nAn escaped \\* star.\n";
  model::Document doc = read_ok(md);
  ASSERT_EQ(doc.sections.size(), 1u);
  const model::Section& s = doc.sections[0];
  auto bytes = [&](const model::SourceRange& r) { return md.substr(r.begin, r.end - r.begin); };
  const model::Inline& title = s.heading->inlines.at(0);
  EXPECT_EQ(bytes(title.range), title.as<model::Text>().text);
  const auto& p = s.blocks.at(0).inlines;
  ASSERT_EQ(p.size(), 5u);
  EXPECT_EQ(bytes(p[0].range), "Plain words here, ");
  EXPECT_EQ(bytes(p[1].children.at(0).range), "emphasised");
  EXPECT_EQ(bytes(p[2].range), " and ");
  EXPECT_EQ(bytes(p[3].range), "code");
  EXPECT_EQ(bytes(p[4].range), " too.");
  // Blocks: the paragraph's bytes, first to last character.
  EXPECT_EQ(bytes(s.blocks.at(0).range), "Plain words here, *emphasised* and `code` too.");
  // Not exact: a soft break's newline stands for the text's space, an escape's backslash for
  // nothing; the range still spans the run.
  const model::Inline& two = s.blocks.at(1).inlines.at(0);
  EXPECT_EQ(two.as<model::Text>().text, "Line one line two.");
  EXPECT_EQ(bytes(two.range), "Line one\nline two.");
  const model::Inline& esc = s.blocks.at(2).inlines.at(0);
  EXPECT_EQ(esc.as<model::Text>().text, "An escaped * star.");
  EXPECT_EQ(bytes(esc.range), "An escaped \\* star.");
}

// Every byte of text knows the source byte it came from (model/text_pieces.hpp): copied bytes
// map to themselves, escapes to the escaped character, entities to their `&`, soft breaks to
// the line's end; inside block quotes, list items and notes, where cmark-gfm's inline columns
// go wrong, too.
TEST(Reader, TextPiecesMapEveryByteToItsSource) {
  const std::string md =
      "# A *Title* {#t}\n\nPlain words, *emphasised*\nand `code`, an escaped \\* star\n"
      "and an entity &amp; here.[^n]\n\n"
      "> Quoted line one\n> quoted *line* two\nlazy line three.\n>\n>     > nested\n\n"
      "- item one\n  goes on\n- item \"two\"\n\n"
      "1. numbered\n   next line\n\n"
      "| a line\n|   block\n\n"
      "[Spanned]{lang=de} and [caps]{.smallcaps}.\n\n"
      "[^n]: A note\n    that goes on\n\n    and a second paragraph.\n";
  model::Document doc = read_ok(md);
  int checked = 0, soft = 0;
  model::walk_blocks(doc, [&](const model::Block& b) {
    model::walk_block_inlines(b, [&](const model::Inline& in) {
      auto* t = in.get_if<model::Text>();
      if (!t) return;
      for (std::size_t i = 0; i < t->text.size(); ++i) {
        auto at = model::source_offset(*t, i);
        ASSERT_TRUE(at) << "unplaced byte " << i << " of '" << t->text << "'";
        const model::TextPiece& p = model::piece_at(*t, i);
        if (p.length == 0) {  // a soft break: the line's end
          EXPECT_EQ(md[*at], '\n') << "'" << t->text << "' byte " << i;
          ++soft;
        } else if (md[*at] == '&') {
          EXPECT_EQ(t->text[i], '&');
        } else {
          EXPECT_EQ(md[*at], t->text[i]) << "'" << t->text << "' byte " << i;
          ++checked;
        }
      }
    });
  });
  EXPECT_GT(checked, 200);
  EXPECT_EQ(soft, 7);
}

// An escaped bracket is a bracket, not markup: it opens no span (The Wealth of Nations has
// `[Latin … Ludov. VII \[? VI\] rex …]{lang=la}`).
TEST(Reader, EscapedBracketOpensNoSpan) {
  model::Document doc = read_ok("A [word \\[? VI\\] more]{lang=la} end.\n");
  const auto& in = doc.sections.at(0).blocks.at(0).inlines;
  ASSERT_EQ(in.size(), 3u);
  EXPECT_EQ(in[1].attr.lang, "la");
  EXPECT_EQ(model::plain_text(in[1].children), "word [? VI] more");
}

// The reader numbers every node in document order; the ids are unique in the book.
TEST(Reader, EveryNodeHasADistinctNodeId) {
  model::Document doc = read_ok("# One\n\nA *b* c.[^n]\n\n# Two\n\n> q\n\n[^n]: note.\n");
  std::vector<std::uint32_t> ids;
  model::walk_blocks(doc, [&](const model::Block& b) {
    ids.push_back(b.node_id.value);
    model::walk_inlines(b.inlines,
                        [&](const model::Inline& in) { ids.push_back(in.node_id.value); });
  });
  ASSERT_FALSE(ids.empty());
  for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(ids[i], i + 1);
}
