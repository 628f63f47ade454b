// Paragraph setting through Pango with EB Garamond: justification, hyphenation, no overfull.
#include "typeset/paragraph.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

#include "typeset/hyphenator.hpp"
#include "typeset/shaping_cache.hpp"

namespace folio::typeset {
namespace {

const char* kSeed =
    "This book consists of a series of articles which were originally published in the "
    "Bulletin, the weekly newspaper of the Workers League, between March and May of this year "
    "under the title, \u201cBehind the Elections in the USSR.\u201d The purpose of these "
    "articles was to explain the significance of perestroika and glasnost from the standpoint "
    "of the fundamental conflict between the Stalinist bureaucracy and the Soviet working "
    "class.";

class ParagraphTest : public ::testing::Test {
 protected:
  ParagraphTest() : fonts("en-US"), hyph("/usr/share/hyphen", "en-US", 2, 3) {}

  ParagraphSettings settings(double measure) {
    ParagraphSettings s;
    s.face = {"EB Garamond 12", 11, 13.6, false, false, 0, ""};
    s.measure = measure;
    s.hyphenator = hyph.loaded() ? &hyph : nullptr;
    return s;
  }

  // The line's text as a PDF reader would extract it.
  static std::string text_of(const SetLine& l) {
    std::string t;
    for (const auto& r : l.runs) t += r.text;
    return t;
  }

  // The right edge of the set content; the runs end there, or one break space later.
  static double right_edge(const SetLine& l) {
    double x = 0;
    for (const auto& r : l.runs) x = std::max(x, r.x + r.width);
    EXPECT_TRUE(std::abs(x - l.right) < 1e-9 || text_of(l).back() == ' ');
    return l.right;
  }

  FontContext fonts;
  Hyphenator hyph;
  FontTable table;
};

TEST_F(ParagraphTest, HyphenatorFollowsTexPatterns) {
  ASSERT_TRUE(hyph.loaded()) << "install hyphen-en-us";
  auto pts = hyph.points("hyphenation");
  ASSERT_EQ(pts.size(), 2u);  // hy-phen-ation
  EXPECT_EQ(pts[0], 2u);
  EXPECT_EQ(pts[1], 6u);
  EXPECT_TRUE(hyph.points("the").empty());
  hyph.add_exception("man-u-script");
  EXPECT_EQ(hyph.points("Manuscript"), (std::vector<std::size_t>{3, 4}));
}

// The breaks a set paragraph made inside words: the text before each hyphen at a line end.
std::vector<std::string> hyphenated_ends(const SetParagraph& p, const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i + 1 < p.lines.size(); ++i)
    if (p.lines[i].hyphenated) {
      std::size_t at = p.lines[i + 1].start;
      std::size_t from = text.rfind(' ', at);
      out.push_back(text.substr(from == std::string::npos ? 0 : from + 1,
                                at - (from == std::string::npos ? 0 : from + 1)));
    }
  return out;
}

TEST_F(ParagraphTest, BritishPatternsAreNotAmericanOnes) {
  if (!std::filesystem::exists("/usr/share/hyphen/hyph_en_GB.dic")) GTEST_SKIP();
  Hyphenator gb("/usr/share/hyphen", "en-GB", 2, 3);
  ASSERT_TRUE(gb.loaded());
  EXPECT_EQ(gb.dictionary().filename(), "hyph_en_GB.dic");
  // Found in Dracula: US patterns gave "ev-idently", which the issue complained of.
  EXPECT_EQ(hyph.points("evidently"), (std::vector<std::size_t>{2, 3}));  // ev-i-dently
  EXPECT_EQ(gb.points("evidently"), (std::vector<std::size_t>{4}));       // evid-ently
}

TEST_F(ParagraphTest, WordsInASpanTakeTheirLanguagesPatterns) {
  if (!std::filesystem::exists("/usr/share/hyphen/hyph_de_DE.dic")) GTEST_SKIP();
  Hyphenators set("/usr/share/hyphen", 2, 3);
  const Hyphenator* en = set.add("en-US", nullptr);
  const Hyphenator* de = set.add("de", nullptr);
  ASSERT_TRUE(en && de);
  const std::string word = "Donaudampfschifffahrtsgesellschaftskapit\u00e4n";
  std::string text = "and said " + word + " and " + word + " again";
  std::vector<std::size_t> de_points = de->points(word), en_points = en->points(word);
  ASSERT_NE(de_points, en_points);
  for (bool spans : {true, false}) {
    StyledText t{text, {}, {}};
    if (spans) {
      for (std::size_t at = text.find(word); at != std::string::npos;
           at = text.find(word, at + 1)) {
        Span sp;
        sp.start = at;
        sp.end = at + word.size();
        sp.lang = "de";
        t.spans.push_back(sp);
      }
    }
    ParagraphSettings s = settings(110);
    s.hyphenator = en;
    s.languages = &set;
    SetParagraph p = set_paragraph(fonts, table, t, s);
    std::vector<std::string> ends = hyphenated_ends(p, text);
    ASSERT_FALSE(ends.empty());
    // German patterns in the span (capitalised: German nouns are); without the span the
    // word is English, and capitalised: left whole, broken only where it must be.
    for (const std::string& e : ends) {
      std::size_t in_word = e.size();
      if (spans) {
        EXPECT_NE(std::find(de_points.begin(), de_points.end(), in_word), de_points.end()) << e;
      }
    }
    bool german_run = false;
    for (const SetLine& l : p.lines)
      for (const GlyphRun& r : l.runs) german_run = german_run || r.lang == "de";
    EXPECT_EQ(german_run, spans);
  }
}

TEST_F(ParagraphTest, CapitalisedWordsStayWholeUnlessTheStyleAllows) {
  ASSERT_TRUE(hyph.loaded());
  const std::string lower =
      "the extraordinary documentation remembered interminable "
      "conversations concerning unquestionable responsibilities";
  std::string upper;  // Each Word Capitalised
  for (std::size_t i = 0; i < lower.size(); ++i)
    upper += (i == 0 || lower[i - 1] == ' ') ? static_cast<char>(lower[i] - 32) : lower[i];
  auto hyphenated = [&](const std::string& text, bool allowed) {
    ParagraphSettings s = settings(100);
    s.capitalized = allowed;
    SetParagraph p = set_paragraph(fonts, table, StyledText{text, {}, {}}, s);
    return hyphenated_ends(p, text).size();
  };
  EXPECT_GT(hyphenated(lower, false), 0u);  // the control: these words are hyphenated
  EXPECT_EQ(hyphenated(upper, false), 0u);
  EXPECT_GT(hyphenated(upper, true), 0u);
}

TEST_F(ParagraphTest, JustifiedLinesFillTheMeasureExactly) {
  StyledText t{kSeed, {}, {}};
  SetParagraph p = set_paragraph(fonts, table, t, settings(324));
  ASSERT_GE(p.lines.size(), 4u);
  std::string all;
  for (std::size_t i = 0; i < p.lines.size(); ++i) {
    const SetLine& l = p.lines[i];
    EXPECT_FALSE(l.overfull);
    EXPECT_GE(l.ratio, -1);
    if (i + 1 < p.lines.size()) {
      EXPECT_NEAR(right_edge(l), 324, 0.01) << text_of(l);
    }
    std::string s = text_of(l);
    // A line-end hyphen is a soft hyphen in the text layer, so copied text has none.
    if (l.hyphenated) {
      EXPECT_EQ(s.substr(s.size() - 2), "\u00AD") << s;
      s.resize(s.size() - 2);
    }
    all += s;
  }
  EXPECT_EQ(all, kSeed);
}

TEST_F(ParagraphTest, IsDeterministic) {
  StyledText t{kSeed, {}, {}};
  SetParagraph a = set_paragraph(fonts, table, t, settings(300));
  SetParagraph b = set_paragraph(fonts, table, t, settings(300));
  ASSERT_EQ(a.lines.size(), b.lines.size());
  for (std::size_t i = 0; i < a.lines.size(); ++i) EXPECT_EQ(a.lines[i].ratio, b.lines[i].ratio);
}

// Words shaped once and reused (item_shaper.hpp) must give exactly the glyphs of shaping each
// paragraph whole: same ids, same positions, same text, line by line.
TEST_F(ParagraphTest, WordCacheGivesTheGlyphsOfWholeShaping) {
  std::string text = std::string(kSeed) + " The Bulletin, the Bulletin: " + kSeed +
                     " Caf\u00e9 na\u0308ive \u0301accent fi ffi Th ct 1st\u2002x\u00a0y ... " +
                     "WAVE AVA Type Tyre";
  StyledText t{text, {}, {}};
  std::size_t third = text.size() / 3;
  t.spans.push_back({10, third, true, false, false, false, false, {}});
  t.spans.push_back({third, third + 40, false, false, true, false, false, {}});
  t.spans.push_back({third + 60, third + 62, false, false, false, false, true, {}});
  for (double measure : {120.0, 300.0}) {
    ParagraphSettings plain = settings(measure);
    ShapingCache cache;
    ParagraphSettings cached = settings(measure);
    cached.cache = &cache;
    SetParagraph a = set_paragraph(fonts, table, t, plain);
    SetParagraph b = set_paragraph(fonts, table, t, cached);
    SetParagraph c = set_paragraph(fonts, table, t, cached);  // every word from the cache
    EXPECT_GT(cache.words.size(), 20u);
    EXPECT_LT(cache.words.size(), 200u);  // the seed's words repeat: each kept once
    for (const SetParagraph* p : {&b, &c}) {
      ASSERT_EQ(a.lines.size(), p->lines.size());
      for (std::size_t i = 0; i < a.lines.size(); ++i) {
        const SetLine& x = a.lines[i];
        const SetLine& y = p->lines[i];
        EXPECT_EQ(x.ratio, y.ratio) << "line " << i;
        ASSERT_EQ(x.runs.size(), y.runs.size()) << "line " << i;
        for (std::size_t r = 0; r < x.runs.size(); ++r) {
          EXPECT_EQ(x.runs[r].text, y.runs[r].text);
          EXPECT_EQ(x.runs[r].font, y.runs[r].font);
          EXPECT_EQ(x.runs[r].x, y.runs[r].x);
          EXPECT_EQ(x.runs[r].clusters, y.runs[r].clusters);
          ASSERT_EQ(x.runs[r].glyphs.size(), y.runs[r].glyphs.size());
          for (std::size_t g = 0; g < x.runs[r].glyphs.size(); ++g) {
            EXPECT_EQ(x.runs[r].glyphs[g].id, y.runs[r].glyphs[g].id);
            EXPECT_EQ(x.runs[r].glyphs[g].x, y.runs[r].glyphs[g].x);
            EXPECT_EQ(x.runs[r].glyphs[g].y, y.runs[r].glyphs[g].y);
          }
        }
      }
    }
  }
}

TEST_F(ParagraphTest, LongWordInANarrowMeasureIsNeverOverfull) {
  std::string word(80, 'x');
  for (std::size_t i = 0; i < word.size(); ++i) word[i] = static_cast<char>('a' + (i * 7) % 26);
  StyledText t{"An " + word + " word.", {}, {}};
  SetParagraph p = set_paragraph(fonts, table, t, settings(60));
  ASSERT_GT(p.lines.size(), 3u);
  for (const SetLine& l : p.lines) {
    EXPECT_FALSE(l.overfull) << text_of(l);
    EXPECT_LE(right_edge(l), 60.01) << text_of(l);
  }
}

TEST_F(ParagraphTest, ForcedBreaksMakeLines) {
  StyledText t{"Detroit, Michigan\nJuly 28, 1989", {}, {}};
  ParagraphSettings s = settings(324);
  s.align = Align::right;
  SetParagraph p = set_paragraph(fonts, table, t, s);
  ASSERT_EQ(p.lines.size(), 2u);
  EXPECT_EQ(text_of(p.lines[1]), "July 28, 1989");
  EXPECT_NEAR(right_edge(p.lines[1]), 324, 0.01);
}

TEST_F(ParagraphTest, LigaturesKeepTheirText) {
  StyledText t{"office affine fluffy difficult", {}, {}};
  SetParagraph p = set_paragraph(fonts, table, t, settings(324));
  ASSERT_EQ(p.lines.size(), 1u);
  EXPECT_EQ(text_of(p.lines[0]), "office affine fluffy difficult");
}

}  // namespace
}  // namespace folio::typeset

namespace folio::typeset {
namespace {

TEST_F(ParagraphTest, EveryLineBrokenAtASpaceEndsWithIt) {
  StyledText t{
      "Leon Trotsky, on whose writings this book is based, explained more than a "
      "half-century ago that the destruction of the Bolshevik Party by the Stalinist "
      "bureaucracy and its usurpation of political power represented the first stage "
      "of the bourgeois counterrevolution in the USSR.",
      {},
      {}};
  ParagraphSettings s = settings(324);
  s.indent = 16.5;
  s.breaking = style::Style{}.line_breaking;  // the classic parameters, as in the seed PDF
  SetParagraph p = set_paragraph(fonts, table, t, s);
  ASSERT_GT(p.lines.size(), 2u);
  std::string all;
  for (std::size_t i = 0; i + 1 < p.lines.size(); ++i) {
    std::string text = text_of(p.lines[i]);
    if (!p.lines[i].hyphenated) {
      EXPECT_EQ(text.back(), ' ') << text;
      // The space must be a drawn glyph, not only text: its cluster has a glyph.
      EXPECT_EQ(p.lines[i].runs.back().clusters.back().second, 1) << text;
    }
  }
}

}  // namespace
}  // namespace folio::typeset

namespace folio::typeset {
namespace {

// Random lowercase letters, the same every run.
std::string letters(std::size_t n, unsigned seed) {
  std::string s(n, 'a');
  for (char& c : s) {
    seed = seed * 1103515245u + 12345u;
    c = static_cast<char>('a' + (seed >> 16) % 26);
  }
  return s;
}

// A run with no break opportunity (one long word, words joined by no-break spaces, a code
// span, small caps, a heading without hyphenation) is broken at emergency points in time
// and memory linear in its length. Measuring each break from the run's start once kept every
// prefix and suffix of the run in the word cache: 2.6 GB for 8,000 letters.
TEST_F(ParagraphTest, RunsWithoutBreaksCostLinearMemoryAndNeverOverfull) {
  constexpr std::size_t kRun = 3000;
  std::string nbsp_words;
  for (unsigned i = 0; nbsp_words.size() < kRun; ++i)
    nbsp_words += (i ? "\u00a0" : "") + letters(2 + i % 8, i);
  struct Case {
    const char* name;
    std::string run;
    Span span;
    bool hyphenate;
    Align align;
  };
  Span none{};
  Span small_caps{0, 0, false, false, true, false, false, {}};
  Span mono{0, 0, false, false, false, true, false, {}};
  std::vector<Case> cases = {{"word", letters(kRun, 1), none, true, Align::justify},
                             {"no-break spaces", nbsp_words, none, true, Align::justify},
                             {"small caps", letters(kRun, 2), small_caps, true, Align::justify},
                             {"code", letters(kRun, 3), mono, false, Align::left},
                             {"heading", letters(kRun, 4), none, false, Align::center}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    StyledText t{"Before the run " + c.run + " after it.", {}, {}};
    if (c.span.small_caps || c.span.mono) {
      Span sp = c.span;
      sp.start = 15;
      sp.end = 15 + c.run.size();
      t.spans.push_back(sp);
    }
    ShapingCache cache;
    ParagraphSettings s = settings(300);
    s.cache = &cache;
    s.align = c.align;
    if (!c.hyphenate) s.hyphenator = nullptr;
    SetParagraph p = set_paragraph(fonts, table, t, s);
    ASSERT_GT(p.lines.size(), 20u);
    std::string all;
    for (const SetLine& l : p.lines) {
      EXPECT_FALSE(l.overfull) << text_of(l);
      EXPECT_LE(right_edge(l), 300.01) << text_of(l);
      std::string line = text_of(l);
      if (l.hyphenated && line.ends_with("\u00AD")) line.resize(line.size() - 2);
      all += line;
    }
    EXPECT_EQ(all, t.text);
    // What the book's caches keep grows with the run, not with its square.
    EXPECT_LT(cache.words.size(), 100u);
    std::size_t fragment_bytes = 0;
    for (const auto& [face, widths] : cache.fragment_widths)
      for (const auto& [key, width] : widths) fragment_bytes += key.size();
    EXPECT_LT(fragment_bytes, 200 * c.run.size());
  }
}

}  // namespace
}  // namespace folio::typeset

namespace folio::typeset {
namespace {

// Long words hyphenate often at narrow measures.
const char* kHyphenRich =
    "Characteristically, the administration's representatives misrepresented the "
    "internationalist perspectives, substituting bureaucratic considerations and nationalistic "
    "rationalizations for revolutionary understanding; the correspondingly undistinguished "
    "functionaries, notwithstanding overwhelming counterrevolutionary circumstances, "
    "nevertheless institutionalized extraordinarily uncompromising, incomprehensible "
    "requirements, particularly concerning the reconstruction, industrialization, "
    "collectivization and modernization of agriculture.";

int longest_hyphen_ladder(const SetParagraph& p) {
  int run = 0, longest = 0;
  for (const SetLine& l : p.lines) {
    run = l.hyphenated ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

// max-hyphen-ladder on real text: with cheap hyphens, no set paragraph has more hyphenated
// lines in a row than the limit, for the limits 1 to 3, while without a limit the same
// measures give longer ladders.
TEST_F(ParagraphTest, HyphenLadderLimitHoldsOnRealText) {
  ASSERT_TRUE(hyph.loaded()) << "install hyphen-en-us";
  StyledText t{kHyphenRich, {}, {}};
  auto set_at = [&](double measure, int ladder) {
    ParagraphSettings s = settings(measure);
    s.breaking = style::Style{}.line_breaking;
    s.breaking.hyphen_penalty = 0;
    s.breaking.double_hyphen_demerits = 0;
    s.breaking.max_hyphen_ladder = ladder;
    // The final pass may break the limit: a large emergency stretch keeps these narrow
    // measures out of it (classic's 0.5 em leaves most of them there).
    s.breaking.emergency_stretch = 33;
    return set_paragraph(fonts, table, t, s);
  };
  int longer_without[4] = {};  // measures where no limit gave a ladder over 1, 2, 3 lines
  for (double measure = 90; measure <= 200; measure += 5) {
    int free_ladder = longest_hyphen_ladder(set_at(measure, 0));
    for (int ladder = 1; ladder <= 3; ++ladder) {
      SetParagraph p = set_at(measure, ladder);
      if (p.pass == 4) continue;  // the final pass may break the limit to avoid overfull lines
      EXPECT_LE(longest_hyphen_ladder(p), ladder) << "measure " << measure;
      if (free_ladder > ladder) ++longer_without[ladder];
    }
  }
  for (int ladder = 1; ladder <= 3; ++ladder)
    EXPECT_GE(longer_without[ladder], 1) << "no measure tested the limit " << ladder;
}

// Whether a paragraph's last line is a runt: one word (or a word's end) with no interword
// space in it.
bool ends_in_runt(const SetParagraph& p) {
  const SetLine& last = p.lines.back();
  std::string text;
  for (const GlyphRun& r : last.runs) text += r.text;
  return p.lines.size() > 1 && text.find(' ') == std::string::npos;
}

// runt-demerits: over many measures, the paragraphs whose last line would be a lone word
// are set without one (the classic style's 150,000 demerits), where TeX's plain demerits
// leave several.
TEST_F(ParagraphTest, RuntsAreAvoided) {
  const std::vector<std::string> texts = {
      kSeed, kHyphenRich,
      "Leon Trotsky, on whose writings this book is based, explained more than a half-century "
      "ago that the destruction of the Bolshevik Party by the Stalinist bureaucracy and its "
      "usurpation of political power represented the first stage of the bourgeois "
      "counterrevolution in the USSR."};
  int runts_without = 0, runts_with = 0, paragraphs = 0;
  for (const std::string& text : texts) {
    StyledText t{text, {}, {}};
    for (double measure = 200; measure <= 330; measure += 3) {
      ParagraphSettings s = settings(measure);
      s.breaking = style::Style{}.line_breaking;
      // Classic's emergency stretch (0.5 em) leaves the hyphen-rich text at narrow measures to
      // the final pass, where every line past the tolerance weighs the same (badness 10000)
      // and no runt is worth a move; pandoc's 3 em keeps them in the emergency pass.
      s.breaking.emergency_stretch = 33;
      ASSERT_GT(s.breaking.runt_demerits, 0);
      SetParagraph with = set_paragraph(fonts, table, t, s);
      s.breaking.runt_demerits = 0;
      SetParagraph without = set_paragraph(fonts, table, t, s);
      ++paragraphs;
      runts_without += ends_in_runt(without);
      runts_with += ends_in_runt(with);
      EXPECT_FALSE(ends_in_runt(with) && !ends_in_runt(without)) << "measure " << measure;
    }
  }
  std::printf("%d paragraphs: %d runts without runt demerits, %d with\n", paragraphs, runts_without,
              runts_with);
  EXPECT_GE(runts_without, 3);
  EXPECT_LE(runts_with, runts_without / 4);
}

}  // namespace
}  // namespace folio::typeset

namespace folio::typeset {
namespace {

// Optical margin alignment: a justified line ending in a period ends past the measure by the
// period's protrusion (0.7 of its advance), a line ending in a letter at the measure; an
// opening quote starting a line hangs left; the text layer is unchanged.
TEST_F(ParagraphTest, PunctuationHangsIntoTheMarginByItsProtrusion) {
  const style::Protrusion table = style::default_protrusion();
  auto advance = [&](const char* c) {
    ParagraphSettings s = settings(1000);
    s.align = Align::left;
    SetParagraph p = set_paragraph(fonts, this->table, StyledText{c, {}, {}}, s);
    return p.lines.at(0).natural;
  };
  const double period = advance(".");
  const double quote = advance("\u201C");
  ASSERT_GT(period, 0.5);
  const std::string text =
      "It was late. The train had gone. \u201CWe walk,\u201D she said. Nobody answered her. "
      "The road ran on into the dark. \u201CThen we walk,\u201D she said again, and they went. "
      "It was cold. The wind rose and fell. Far off a dog barked once. Then all was still.";
  int period_lines = 0, letter_lines = 0, quote_starts = 0;
  for (double measure = 150; measure <= 330; measure += 3) {
    ParagraphSettings s = settings(measure);
    s.protrusion = &table;
    SetParagraph p = set_paragraph(fonts, this->table, StyledText{text, {}, {}}, s);
    std::string all;
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
      const SetLine& l = p.lines[i];
      std::string t = text_of(l);
      // A line-end hyphen is a soft hyphen in the text layer: copied text has none.
      all += l.hyphenated ? t.substr(0, t.size() - 2) : t;
      EXPECT_FALSE(l.overfull) << t;
      if (i + 1 == p.lines.size()) continue;
      std::string end = t.substr(0, t.find_last_not_of(' ') + 1);
      if (l.hyphenated) continue;
      if (end.back() == '.') {
        ++period_lines;
        EXPECT_NEAR(l.hang_right, 0.7 * period, 1e-9) << t;
        EXPECT_NEAR(right_edge(l), measure + 0.7 * period, 0.01) << t;
      } else if (std::isalpha(static_cast<unsigned char>(end.back()))) {
        ++letter_lines;
        EXPECT_NEAR(right_edge(l), measure, 0.01) << t;
      }
      if (t.rfind("\u201C", 0) == 0) {
        ++quote_starts;
        EXPECT_NEAR(l.hang_left, 0.3 * quote, 1e-9) << t;
        EXPECT_NEAR(l.runs.front().x, -0.3 * quote, 1e-9) << t;
      }
    }
    EXPECT_EQ(all, text) << "the text layer must not change";
  }
  EXPECT_GT(period_lines, 10);
  EXPECT_GT(letter_lines, 10);
  EXPECT_GT(quote_starts, 0);
}

// Without the table, or in a ragged setting, the same lines end flush at the measure.
TEST_F(ParagraphTest, NoProtrusionWhenOffOrRagged) {
  const style::Protrusion none;
  const style::Protrusion table = style::default_protrusion();
  const std::string text =
      "It was late. The train had gone. Nobody answered her at all. "
      "The road ran on into the dark. It was cold. Then all was still.";
  for (double measure = 150; measure <= 330; measure += 10) {
    ParagraphSettings off = settings(measure);
    off.protrusion = &none;
    SetParagraph p = set_paragraph(fonts, this->table, StyledText{text, {}, {}}, off);
    for (std::size_t i = 0; i + 1 < p.lines.size(); ++i) {
      EXPECT_EQ(p.lines[i].hang_right, 0);
      EXPECT_NEAR(right_edge(p.lines[i]), measure, 0.01) << text_of(p.lines[i]);
    }
    ParagraphSettings ragged = settings(measure);
    ragged.protrusion = &table;
    ragged.align = Align::left;
    SetParagraph q = set_paragraph(fonts, this->table, StyledText{text, {}, {}}, ragged);
    for (const SetLine& l : q.lines) {
      EXPECT_EQ(l.hang_left, 0);
      EXPECT_EQ(l.hang_right, 0);
      EXPECT_LE(right_edge(l), measure + 0.01);
    }
  }
}

}  // namespace
}  // namespace folio::typeset
