// check_manuscript on in-memory manuscripts and the seed; the fixture driver in
// tests/checks covers every code through the CLI.
#include "check/check.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

#include "check/fixes.hpp"
#include "check/line_index.hpp"
#include "check/prose.hpp"

namespace folio::check {
namespace {

constexpr const char* kYaml = "title: T\nauthor: A\nlang: en\n";

support::Diagnostics check_text(const std::string& md, const std::string& yaml = kYaml) {
  support::Diagnostics diags;
  auto src = manuscript::memory_source({{"book.yaml", yaml}, {"a.md", md}});
  auto m = manuscript::read_manuscript(*src, diags);
  EXPECT_TRUE(m);
  EXPECT_FALSE(diags.has_errors());
  if (m) check_manuscript(*m, diags);
  diags.sort();
  return diags;
}

// "code@line:column" for each diagnostic, in order.
std::string summary(const support::Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items())
    out += std::string(d.code.name()) + "@" + std::to_string(d.pos.line) + ":" +
           std::to_string(d.pos.column) + " ";
  return out;
}

TEST(Check, SeedManuscriptIsClean) {
  support::Diagnostics diags;
  auto src = manuscript::open_folder(std::string(FOLIO_SOURCE_DIR) + "/manuscript", diags);
  ASSERT_TRUE(src);
  auto m = manuscript::read_manuscript(*src, diags);
  ASSERT_TRUE(m);
  check_manuscript(*m, diags);
  EXPECT_EQ(summary(diags), "");
  for (const auto& d : diags.items())
    ADD_FAILURE() << d.pos.line << ":" << d.pos.column << " " << d.message;
}

TEST(Check, QuotationOverSeveralParagraphs) {
  EXPECT_EQ(summary(check_text("# H\n\nHe said “one.\n\n“Two.\n\n> “Three.”\n")), "");
  EXPECT_EQ(summary(check_text("# H\n\nHe said “one.\n\nTwo.\n")), "unbalanced-quotes@3:9 ");
  EXPECT_EQ(summary(check_text("# H\n\nShe said ” no.\n")), "unbalanced-quotes@3:10 ");
  // A heading ends any quotation.
  EXPECT_EQ(summary(check_text("# H\n\n“One.\n\n## “Two”\n")), "unbalanced-quotes@3:1 ");
  // A line after a hard break continues a quotation as a paragraph does (a letter's sign-off).
  EXPECT_EQ(summary(check_text("# H\n\n> “Dear Lucy.\n>\n> “Your loving\\\n> “Mina.\n>\n"
                               "> “P.S. Write soon.”\n\nAfter.\n")),
            "");
  EXPECT_EQ(summary(check_text("# H\n\n“Yours,  \n“Mina Harker.”\n")), "");
  EXPECT_EQ(summary(check_text("# H\n\n“‘Yours,\\\n“‘Mina.’”\n")), "");  // nested, too
  // A real unbalanced one still warns after a hard break.
  EXPECT_EQ(summary(check_text("# H\n\n“Yours,\\\n“Mina.\n\nAfter.\n")),
            "unbalanced-quotes@4:1 ");  // once, where the quotation last opened
  EXPECT_EQ(summary(check_text("# H\n\nYours,\\\n“Mina.\n\nAfter.\n")), "unbalanced-quotes@4:1 ");
  // After a soft break the continuation reading is taken only when it balances better: a
  // wrapped line opening a nested quotation with “ stays nested.
  EXPECT_EQ(summary(check_text("# H\n\n“He told me\n“go away” and left.”\n")), "");
  EXPECT_EQ(summary(check_text("# H\n\n“Your loving\n“Mina.”\n")), "");
  // Apostrophes are not closing single quotes that need an opening one.
  EXPECT_EQ(summary(check_text("# H\n\nIt’s the workers’ ‘wage-leveling’ instinct.\n")), "");
}

TEST(Check, QuotationRunsOnOverInsetsStanzasAndSignatures) {
  auto q = [](const std::string& md) { return summary(check_text(md)); };
  // Into an inset (poem, block quote, figure) and back out without reopening (Alice ch. 2,
  // Middlemarch ch. 38 and 43, The Prince's introduction).
  EXPECT_EQ(q("# H\n\nShe thought “how odd!\n\n::: poem\n| Alice’s Right Foot, Esq.\n:::\n\n"
              "Oh dear, what nonsense!”\n"),
            "");
  EXPECT_EQ(q("# H\n\n“Here is a stroke.\n\n> If we had to describe a man.\n\nAnd so on,” "
              "ended the Rector.\n"),
            "");
  EXPECT_EQ(q("# H\n\n> “The evening being come, I am fed\n>\n> ::: poem\n> | Knowledge doth "
              "come\n> :::\n>\n> I have noted it down.”\n"),
            "");
  EXPECT_EQ(q("# H\n\n“I had to sing\n\n![A hatter.](x.png)\n\n::: poem\n| ‘Twinkle!’\n:::\n\n"
              "You know the song?”\n"),
            "image-missing@5:1 ");  // (no picture in memory; the quotation is fine)
  // Over every paragraph of the inset: they are the inset's, not the quotation's.
  EXPECT_EQ(q("# H\n\n“Here is a stroke.\n\n> One paragraph.\n>\n> Another.\n\nAnd so on,” "
              "ended the Rector.\n"),
            "");
  // The inset may close the quotation itself (Alice ch. 7: “… ‘Twinkle, twinkle—’ ”).
  EXPECT_EQ(q("# H\n\n“It goes on, in this way:—\n\n::: poem\n| ‘Up above the world,\n"
              "| Twinkle—’ ”\n:::\n\nAfter.\n"),
            "");
  // Still unbalanced: never closed after the inset, or opened in the inset and left open.
  EXPECT_EQ(q("# H\n\nShe thought “how odd!\n\n::: poem\n| A line.\n:::\n\nShe went on.\n\n"
              "Later.\n"),
            "unbalanced-quotes@3:13 ");
  EXPECT_EQ(q("# H\n\nBefore.\n\n::: poem\n| “Sung, never closed.\n:::\n\nAfter.\n"),
            "unbalanced-quotes@6:3 ");
  EXPECT_EQ(q("# H\n\n![He said “no.](x.png)\n\nAfter.\n"),
            "image-missing@3:1 unbalanced-quotes@3:11 ");
  // Across the stanzas of one poem, not reopened (Alice ch. 10, 12; Keats).
  EXPECT_EQ(q("# H\n\n::: poem\n| “They told me\n| you had been.\n\n| He sent them word\n\n"
              "| Between yourself and me.”\n:::\n"),
            "");
  // But not from one poem into the next, nor into prose after the poem.
  EXPECT_EQ(q("# H\n\n::: poem\n| “They told me\n:::\n\n::: poem\n| Other words.”\n:::\n"),
            "unbalanced-quotes@4:3 unbalanced-quotes@8:15 ");
  EXPECT_EQ(q("# H\n\n::: poem\n| “They told me\n:::\n\nProse.”\n"),
            "unbalanced-quotes@4:3 unbalanced-quotes@7:7 ");
  // Over numbered stanzas (`## XII`), each reopening, as paragraphs; not over other headings.
  EXPECT_EQ(q("# H\n\n## I\n\n::: poem\n| “O Isabella,\n:::\n\n## II\n\n::: poem\n"
              "| “Love! thou art leading me.”\n:::\n"),
            "");
  EXPECT_EQ(q("# H\n\n## I\n\n::: poem\n| “O Isabella,\n:::\n\n## II\n\n::: poem\n"
              "| So said he.\n:::\n"),
            "unbalanced-quotes@6:3 ");
  EXPECT_EQ(q("# H\n\n“One.\n\n## Two\n\n“Three.”\n"), "unbalanced-quotes@3:1 ");
  // Into a letter's signature, and over its lines (Pride and Prejudice ch. 60, Middlemarch
  // ch. 37 and 65).
  EXPECT_EQ(q("# H\n\n::: letter\n“I am the happiest creature.\n\n::: signature\nYours, etc.”\n"
              ":::\n:::\n"),
            "");
  EXPECT_EQ(q("# H\n\n::: letter\n“Regretting this.\n\n::: signature\nI remain, yours,\n\n"
              "Will Ladislaw.”\n:::\n:::\n"),
            "");
  // Paragraphs of a letter's body still reopen.
  EXPECT_EQ(q("# H\n\n::: letter\n“Dear aunt.\n\nMore news.”\n:::\n"),
            "unbalanced-quotes@4:1 unbalanced-quotes@6:11 ");
}

TEST(Check, TypographyPositionsAndFixes) {
  auto diags = check_text("# H\n\nHe said \"no\" -- and 'twas... well,  fine .\n");
  EXPECT_EQ(summary(diags),
            "straight-quote@3:9 straight-quote@3:12 ascii-dash@3:14 straight-apostrophe@3:21 "
            "ascii-ellipsis@3:26 double-space@3:35 space-before-punctuation@3:41 ");
  std::string md = "# H\n\nHe said \"no\" -- and 'twas... well,  fine .\n";
  EXPECT_EQ(apply_edits(md, fix_edits("a.md", md, diags)),
            "# H\n\nHe said “no” – and ‘twas… well, fine.\n");
}

TEST(Check, ProseOutsideCodeAndMarkup) {
  std::string md =
      "# H {#top}\n\nSee `\"x\" -- y` and [a link](#top \"title\") and <span a=\"b\">.\n\n"
      "```\n\"code\" -- ...\n```\n\n    \"indented code\"\n\n::: {.dateline lang=\"fr\"}\n"
      "Paris\n:::\n";
  EXPECT_EQ(summary(check_text(md)), "raw-html@3:47 ");
}

TEST(Check, FootnotesFromTheSource) {
  EXPECT_EQ(summary(check_text("# H\n\nA[^1] b[^2].\n\n[^1]: One.\n[^3]: Three.\n[^1]: Again.\n")),
            "footnote-undefined@3:8 footnote-unreferenced@6:1 footnote-duplicate@7:1 ");
}

TEST(Check, StructureRules) {
  EXPECT_EQ(summary(check_text("Intro.\n\n# A\n\n### Deep\n")),
            "missing-heading@1:1 heading-skip@5:1 ");
  // A dateline may open or close its container; one in the middle is a warning.
  EXPECT_EQ(summary(check_text("# A\n\n::: dateline\nParis\n:::\n\nAfter.\n")), "");
  EXPECT_EQ(summary(check_text("# A\n\nBefore.\n\n::: dateline\nParis\n:::\n")), "");
  EXPECT_EQ(summary(check_text("# A\n\nOne.\n\n::: dateline\nParis\n:::\n\nTwo.\n")),
            "dateline-position@5:1 ");
  // A signature signs a letter or a quoted one, or closes its section.
  EXPECT_EQ(summary(check_text("# A\n\n::: signature\nJ.\n:::\n\nThe body goes on after the "
                               "signature, as a paragraph of text would.\n")),
            "signature-position@3:1 ");
  // A heading (or scene break) starts a new part: a preface under a sub-heading of its
  // section is signed at its end (Keats's Endymion); a signature inside a part still warns.
  EXPECT_EQ(summary(check_text("# A\n\n## Preface\n\nText.\n\n::: signature\nTeignmouth.\n"
                               ":::\n\n## I\n\nA thing of beauty is a joy for ever.\n")),
            "");
  EXPECT_EQ(summary(check_text("# A\n\nText.\n\n::: signature\nJ.\n:::\n\n* * *\n\n"
                               "Another part, long enough to be a paragraph of text.\n")),
            "");
  EXPECT_EQ(
      summary(check_text("# A\n\n## Preface\n\n::: signature\nJ.\n:::\n\nThe body "
                         "goes on after the signature, as a paragraph of text would.\n\n## I\n")),
      "signature-position@5:1 ");
  // A place and date may follow a section's closing signature as a short paragraph.
  EXPECT_EQ(summary(check_text("# A\n\nText.\n\n::: signature\nM. W. S.\n:::\n\n"
                               "London, October 15, 1831.\n")),
            "");
  EXPECT_EQ(summary(check_text("# A\n\nText.\n\n::: signature\nJ.\n:::\n")), "");
  EXPECT_EQ(summary(check_text("# A\n\n> Dear X,\n>\n> ::: signature\n> J.\n> :::\n>\n> P.S.\n")),
            "");
  EXPECT_EQ(
      summary(check_text("# A\n\n::: letter\nDear X,\n\n::: signature\nJ.\n:::\n\nP.S.\n:::\n")),
      "");
  EXPECT_EQ(summary(check_text("# A\n\nText.\n\n::: epigraph\nWords.\n:::\n")),
            "epigraph-position@5:1 ");
  EXPECT_EQ(summary(check_text("# A {epub:type=chaptr}\n")), "unknown-role@1:16 ");
  EXPECT_EQ(summary(check_text("# A {epub:type=chapter}\n\n# B {epub:type=preface}\n")),
            "matter-order@3:1 ");
}

TEST(Check, IdsAndLinks) {
  EXPECT_EQ(
      summary(check_text("# A {#x}\n\n## B {#x}\n\n[to](#x) [bad](#y) [web](https://e.org)\n")),
      "duplicate-id@3:7 broken-link@5:10 ");
}

TEST(Check, SuppressionSilencesWarningsOnly) {
  std::string yaml = std::string(kYaml) +
                     "check:\n  ignore:\n    double-space: [a.md]\n    duplicate-id: all\n"
                     "    dubble-space: all\n";
  EXPECT_EQ(summary(check_text("# A\n\nTwo  spaces.\n", yaml)),
            "check-setting@7:5 check-setting@8:5 ");
}

// The setting filters what the reader and the checks report; a code of the build (the
// typesetter's) is registered, but the setting cannot reach it, so naming it is a mistake.
TEST(Check, SuppressionRefusesCodesReportedWhileBuilding) {
  std::string yaml =
      std::string(kYaml) + "check:\n  ignore:\n    pdf-overfull-line: all\n    raw-html: all\n";
  support::Diagnostics diags = check_text("# A\n\n<div>x</div>\n", yaml);
  EXPECT_EQ(summary(diags), "check-setting@6:5 ");
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_NE(diags.items()[0].message.find("reported while the book is built"), std::string::npos)
      << diags.items()[0].message;
}

// Inputs that would make a naive scanner quadratic, in one paragraph each (the heading ids:
// 1,250·k headings); k = 4 gives 100 to 530 KB.
std::vector<std::pair<std::string, std::string>> pathological_cases(int k) {
  std::string runs, links, html, quotes, ids;
  for (int i = 0; i < 10000 * k; ++i) {
    if (i < 5000 * k) runs += std::string(static_cast<std::size_t>(i % 50 + 1), '`') + " ";
    links += "](x ";
    html += "<a ";
    quotes += "“";
  }
  for (int i = 0; i < 1250 * k; ++i) ids += "## H" + std::to_string(i) + " {#same}\n\n";
  return {{"backticks", std::string(static_cast<std::size_t>(25000 * k), '`') + "x"},
          {"backtick runs", runs},
          {"link ends", links},
          {"html", html + "<!-- "},
          {"quotes", quotes},
          {"ids", ids}};
}

// Each case checked at 1× and 4× its size (up to half a megabyte in one paragraph): the larger
// must be checked within a budget fifty times what a linear scan takes here (about 20 ms), which
// a quadratic scan of that much text (10¹¹ steps) cannot meet, and give at most 4× the
// diagnostics. Best of three runs each; the CTest timeout (folio_add_tests) stops a scan gone
// badly wrong.
TEST(Check, PathologicalInputsStayLinear) {
#if defined(__SANITIZE_ADDRESS__)
  constexpr double kBudget = 10.0;
#else
  constexpr double kBudget = 1.0;
#endif
  auto best_seconds = [](const std::string& md, std::size_t& count) {
    double best = 1e9;
    for (int run = 0; run < 3; ++run) {
      auto start = std::chrono::steady_clock::now();
      support::Diagnostics diags = check_text("# A\n\n" + md + "\n");
      best = std::min(
          best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      count = diags.items().size();
    }
    return best;
  };
  auto small = pathological_cases(1);
  auto large = pathological_cases(4);
  for (std::size_t i = 0; i < small.size(); ++i) {
    std::size_t small_count = 0, large_count = 0;
    double t1 = best_seconds(small[i].second, small_count);
    double t4 = best_seconds(large[i].second, large_count);
    EXPECT_LT(t4, kBudget) << large[i].first << ": " << t4 << " s for " << large[i].second.size()
                           << " bytes (" << t1 << " s for a quarter)";
    EXPECT_LE(large_count, 4 * small_count + 10) << large[i].first;
    std::printf("%-14s %7zu bytes %8.4f s, 4x: %8.4f s; %zu, %zu diagnostics\n",
                small[i].first.c_str(), small[i].second.size(), t1, t4, small_count, large_count);
  }
}

// Random Markdown built from the characters the scanners care about: reading and checking
// must not crash (the ASan pass of the suite watches this), and every position must lie
// in its file, with fixes that apply cleanly.
TEST(Check, RandomMarkdownGivesPositionsInsideTheFile) {
  const std::vector<std::string> tokens = {"\"",
                                           "'",
                                           "“",
                                           "”",
                                           "‘",
                                           "’",
                                           "`",
                                           "``",
                                           "[",
                                           "]",
                                           "(",
                                           ")",
                                           "{",
                                           "}",
                                           "[^a]",
                                           "[^a]: ",
                                           "<",
                                           ">",
                                           "<!--",
                                           "-->",
                                           "<b>",
                                           ":::",
                                           "::: dateline",
                                           "::: epigraph",
                                           "# ",
                                           "## ",
                                           "--",
                                           "---",
                                           "...",
                                           "  ",
                                           " ",
                                           " ,",
                                           "\n",
                                           "\n\n",
                                           "> ",
                                           "- ",
                                           "1. ",
                                           "| ",
                                           "\\",
                                           "*",
                                           "_",
                                           "```",
                                           "    ",
                                           "word",
                                           "é",
                                           "{#x}",
                                           "](#x)",
                                           "![",
                                           "\r\n",
                                           "\xEF\xBB\xBF"};
  std::mt19937 rng(1989);
  for (int round = 0; round < 300; ++round) {
    std::string md;
    int n = static_cast<int>(rng() % 80);
    for (int k = 0; k < n; ++k) md += tokens[rng() % tokens.size()];
    support::Diagnostics diags;
    auto src = manuscript::memory_source({{"book.yaml", kYaml}, {"a.md", md}});
    auto m = manuscript::read_manuscript(*src, diags);
    if (!m || diags.has_errors()) continue;
    check_manuscript(*m, diags);
    const LineIndex lines(md);
    for (const auto& d : diags.items()) {
      // Positions the checks find in the text; those of model nodes come from the reader
      // (cmark-gfm gives a link or image whose text spans lines the line of its `]`).
      support::Family family = d.code.info().family;
      bool from_text = family == support::Family::typography || family == support::Family::files ||
                       d.code.name().starts_with("footnote-");
      if (d.pos.file != "a.md" || !d.pos.has_line() || !from_text) continue;
      ASSERT_LE(d.pos.line, lines.line_count()) << ::testing::PrintToString(md);
      std::size_t at = lines.line_start(d.pos.line) + static_cast<std::size_t>(d.pos.column - 1);
      ASSERT_LE(at, md.size()) << d.code << " in " << ::testing::PrintToString(md);
    }
    std::string fixed = apply_edits(md, fix_edits("a.md", md, diags));
    EXPECT_LE(fixed.size(), md.size() + 3 * diags.items().size());
  }
}

// The prose map comes from the model: blocks in the order written, the signature div's lines
// marked, code and markup opaque, every character at its source byte, inside block quotes
// (where cmark-gfm's inline columns are off) too.
TEST(Prose, MapComesFromTheModel) {
  const std::string md =
      "```a`b\n\n::: signature\nYours,\n:::\n\n> quoted *line*\n> and `code` \\\" here\n";
  support::Diagnostics diags;
  auto src = manuscript::memory_source({{"book.yaml", kYaml}, {"a.md", md}});
  auto m = manuscript::read_manuscript(*src, diags);
  ASSERT_TRUE(m);
  LineIndex lines(md);
  ProseMap map = map_prose(m->document, "a.md", md, lines);
  ASSERT_EQ(map.blocks.size(), 3u);
  EXPECT_TRUE(map.blocks[1].signature);
  EXPECT_EQ(map.blocks[1].text, "Yours,");
  const ProseBlock& q = map.blocks[2];
  EXPECT_EQ(q.depth, 1);
  EXPECT_EQ(q.text, std::string("quoted line\nand ") + kOpaque + " " + kOpaque + " here");
  for (std::size_t i = 0; i < q.text.size(); ++i) {
    if (q.text[i] != kOpaque && q.text[i] != '\n') {
      EXPECT_EQ(md[q.source_offset(i)], q.text[i]) << "byte " << i;
    }
  }
}

TEST(Fixes, OverlappingEditsAreSkipped) {
  EXPECT_EQ(apply_edits("abcdef", {{4, 1, "E"}, {0, 2, "X"}, {1, 2, "Y"}}), "XcdEf");
}

}  // namespace
}  // namespace folio::check
