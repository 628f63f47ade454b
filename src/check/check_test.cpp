// check_manuscript on in-memory manuscripts and the seed; the fixture driver in
// tests/checks covers every code through the CLI.
#include "check/check.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "check/codes.hpp"
#include "check/fixes.hpp"
#include "check/line_index.hpp"

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
    out += d.code + "@" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + " ";
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
  // Apostrophes are not closing single quotes that need an opening one.
  EXPECT_EQ(summary(check_text("# H\n\nIt’s the workers’ ‘wage-leveling’ instinct.\n")), "");
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
  EXPECT_EQ(summary(check_text("# A\n\n::: dateline\nParis\n:::\n\nAfter.\n")),
            "dateline-position@3:1 ");
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

// Inputs that would make a naive scanner quadratic; under a CTest timeout they prove the
// checks stay linear (each is about 200 KB in one paragraph).
TEST(Check, PathologicalInputsStayLinear) {
  std::vector<std::string> cases = {std::string(50000, '`') + "x", "", "", "", "", ""};
  std::string runs, links, html, quotes, ids;
  for (int i = 0; i < 20000; ++i) {
    runs += std::string(static_cast<std::size_t>(i % 50 + 1), '`') + " ";
    links += "](x ";
    html += "<a ";
    quotes += "“";
  }
  cases[1] = runs;
  cases[2] = links;
  cases[3] = html + "<!-- ";
  cases[4] = quotes;
  for (int i = 0; i < 5000; ++i) ids += "## H" + std::to_string(i) + " {#same}\n\n";
  cases[5] = ids;
  for (const std::string& md : cases) {
    support::Diagnostics diags = check_text("# A\n\n" + md + "\n");
    EXPECT_LT(diags.items().size(), 30000u);
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
      const CodeInfo* info = find_code(d.code);
      bool from_text = info && (info->family == Family::typography ||
                                info->family == Family::files || d.code.starts_with("footnote-"));
      if (d.pos.file != "a.md" || !d.pos.has_line() || !from_text) continue;
      ASSERT_LE(d.pos.line, lines.line_count()) << ::testing::PrintToString(md);
      std::size_t at = lines.line_start(d.pos.line) + static_cast<std::size_t>(d.pos.column - 1);
      ASSERT_LE(at, md.size()) << d.code << " in " << ::testing::PrintToString(md);
    }
    std::string fixed = apply_edits(md, fix_edits("a.md", md, diags));
    EXPECT_LE(fixed.size(), md.size() + 3 * diags.items().size());
  }
}

TEST(Codes, EveryCodeHasADocsEntry) {
  std::ifstream in(std::string(FOLIO_SOURCE_DIR) + "/docs/checks.md");
  ASSERT_TRUE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string docs = ss.str();
  for (const CodeInfo& c : all_codes())
    EXPECT_NE(docs.find("### `" + std::string(c.code) + "`"), std::string::npos) << c.code;
}

TEST(Fixes, OverlappingEditsAreSkipped) {
  EXPECT_EQ(apply_edits("abcdef", {{4, 1, "E"}, {0, 2, "X"}, {1, 2, "Y"}}), "XcdEf");
}

}  // namespace
}  // namespace folio::check
