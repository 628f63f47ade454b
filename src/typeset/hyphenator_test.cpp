// Hyphenation dictionaries are checked before libhyphen sees them (issue 17).
#include "typeset/hyphenator.hpp"

#include <gtest/gtest.h>
#include <hyphen.h>
#if defined(__SANITIZE_ADDRESS__)
#define FOLIO_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FOLIO_LSAN 1
#endif
#endif
#ifdef FOLIO_LSAN
#include <sanitizer/lsan_interface.h>
#endif
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>

namespace folio::typeset {
namespace {

namespace fs = std::filesystem;

class DictionaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("folio-hyph-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& text) {
    fs::path p = dir_ / "hyph_en_US.dic";
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  const support::Diagnostic* warning(const support::Diagnostics& diags) {
    for (const auto& d : diags.items())
      if (d.code == "hyphenation-dictionary") return &d;
    return nullptr;
  }
  fs::path dir_;
};

TEST_F(DictionaryTest, NonStandardRuleIsDroppedNotLoaded) {
  // One rule with index 0: libhyphen wrote before its buffers ("double free or corruption",
  // SIGABRT in folio build before the check).
  write("UTF-8\nt1h/t=h,0,2\n");
  support::Diagnostics diags;
  Hyphenator h(dir_, "en-US", 1, 1, &diags);
  ASSERT_TRUE(h.loaded());
  for (const char* w : {"other", "nothing", "with", "thought", "the", "t", "th"}) h.points(w);
  const support::Diagnostic* d = warning(diags);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->pos.line, 2);
  EXPECT_EQ(d->pos.column, 1);
  EXPECT_NE(d->message.find("non-standard"), std::string::npos);
  // The message never quotes the file's content.
  EXPECT_EQ(d->message.find("t1h"), std::string::npos);
}

TEST_F(DictionaryTest, MalformedLinesAreDroppedWithTheirPosition) {
  write("UTF-8\nLEFTHYPHENMIN 2\nNOHYPHEN\na/b\nx.y\n" + std::string(80, 'a') +
        "\nRIGHTHYPHENMIN x\n1b11\n");
  support::Diagnostics diags;
  Hyphenator h(dir_, "en-US", 1, 1, &diags);
  EXPECT_TRUE(h.loaded());
  const support::Diagnostic* d = nullptr;
  for (const auto& w : diags.items())
    if (w.message.find("not hyphenation patterns") != std::string::npos) d = &w;
  ASSERT_TRUE(d);
  EXPECT_EQ(d->pos.line, 3);
  EXPECT_NE(d->message.find("4 line(s)"), std::string::npos) << d->message;  // a/b: non-standard
  EXPECT_FALSE(h.points("abba").empty());                                    // 1b1 was kept
}

TEST_F(DictionaryTest, CharsetLineIsChecked) {
  write("t1h/t=h,0,2\n");  // no charset line at all
  support::Diagnostics diags;
  EXPECT_FALSE(Hyphenator(dir_, "en-US", 1, 1, &diags).loaded());
  ASSERT_TRUE(warning(diags));
  EXPECT_EQ(warning(diags)->pos.line, 1);
  write("NO-SUCH-CHARSET\na1b\n");
  support::Diagnostics diags2;
  EXPECT_FALSE(Hyphenator(dir_, "en-US", 1, 1, &diags2).loaded());
  EXPECT_TRUE(warning(diags2));
}

TEST_F(DictionaryTest, EightBitDictionaryIsConvertedToUtf8) {
  write(
      "ISO8859-1\n\xE4"
      "1b\n");  // ä1b in Latin-1
  support::Diagnostics diags;
  Hyphenator h(dir_, "de", 1, 1, &diags);
  // hyph_de.dic is not there; hyph_en_US.dic is read for en-US only.
  EXPECT_FALSE(h.loaded());
  Hyphenator en(dir_, "en-US", 1, 1, &diags);
  ASSERT_TRUE(en.loaded());
  EXPECT_EQ(en.points("x\xC3\xA4"
                      "bx"),
            (std::vector<std::size_t>{3}));  // xä-bx
  EXPECT_FALSE(warning(diags));
}

TEST_F(DictionaryTest, SizeAndStatesAreBounded) {
  std::string big = "UTF-8\n%" + std::string(kMaxDictionaryBytes, 'x') + "\n";
  write(big);
  support::Diagnostics diags;
  EXPECT_FALSE(Hyphenator(dir_, "en-US", 1, 1, &diags).loaded());
  ASSERT_TRUE(warning(diags));
  // Distinct long patterns: libhyphen's loader is superlinear in its states.
  std::string many = "UTF-8\n";
  unsigned seed = 1;
  while (many.size() < kMaxDictionaryBytes - 100) {
    for (int i = 0; i < 30; ++i) {
      seed = seed * 1103515245 + 12345;
      many += static_cast<char>('a' + (seed >> 16) % 26);
      many += '1';
    }
    many += '\n';
  }
  write(many);
  support::Diagnostics diags2;
  auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(Hyphenator(dir_, "en-US", 1, 1, &diags2).loaded());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  ASSERT_TRUE(warning(diags2));
  EXPECT_NE(warning(diags2)->message.find("states"), std::string::npos);
}

TEST_F(DictionaryTest, LanguageTagIsNeverAPath) {
  fs::create_directories(dir_ / "sub");
  std::ofstream(dir_ / "sub" / "hyph_x.dic") << "UTF-8\na1b\n";
  std::ofstream(dir_ / "hyph_.dic") << "UTF-8\na1b\n";
  EXPECT_FALSE(Hyphenator(dir_, "/sub/hyph_x", 1, 1).loaded());
  EXPECT_FALSE(Hyphenator(dir_, "../x", 1, 1).loaded());
}

TEST(Dictionary, DebiansEnglishLoadsWithoutWarnings) {
  support::Diagnostics diags;
  Hyphenator h("/usr/share/hyphen", "en-US", 2, 3, &diags);
  ASSERT_TRUE(h.loaded()) << "install hyphen-en-us";
  EXPECT_TRUE(diags.empty()) << diags.items()[0].message;
  EXPECT_EQ(h.points("hyphenation").size(), 2u);
}

// build_dictionary makes the automaton hnj_hyphen_load_file makes, state for state.
void expect_same(const HyphenDict* a, const HyphenDict* b, const std::string& what) {
  ASSERT_TRUE(a && b) << what;
  EXPECT_EQ(a->lhmin, b->lhmin) << what;
  EXPECT_EQ(a->rhmin, b->rhmin) << what;
  EXPECT_EQ(a->clhmin, b->clhmin) << what;
  EXPECT_EQ(a->crhmin, b->crhmin) << what;
  EXPECT_EQ(a->nohyphenl, b->nohyphenl) << what;
  ASSERT_EQ(a->nohyphen == nullptr, b->nohyphen == nullptr) << what;
  if (a->nohyphen) {
    const char* x = a->nohyphen;
    const char* y = b->nohyphen;
    for (int i = 0; i <= a->nohyphenl; ++i, x += std::strlen(x) + 1, y += std::strlen(y) + 1)
      EXPECT_STREQ(x, y) << what;
  }
  EXPECT_EQ(a->utf8, b->utf8) << what;
  ASSERT_EQ(a->num_states, b->num_states) << what;
  for (int s = 0; s < a->num_states; ++s) {
    const HyphenState& x = a->states[s];
    const HyphenState& y = b->states[s];
    ASSERT_EQ(x.match == nullptr, y.match == nullptr) << what << " state " << s;
    if (x.match) {
      ASSERT_STREQ(x.match, y.match) << what << " state " << s;
    }
    ASSERT_EQ(x.fallback_state, y.fallback_state) << what << " state " << s;
    ASSERT_EQ(x.num_trans, y.num_trans) << what << " state " << s;
    for (int t = 0; t < x.num_trans; ++t) {
      ASSERT_EQ(x.trans[t].ch, y.trans[t].ch) << what << " state " << s;
      ASSERT_EQ(x.trans[t].new_state, y.trans[t].new_state) << what << " state " << s;
    }
  }
  ASSERT_EQ(a->nextlevel == nullptr, b->nextlevel == nullptr) << what;
  if (a->nextlevel) expect_same(a->nextlevel, b->nextlevel, what + " (next level)");
}

TEST(Dictionary, BuiltAutomatonIsLibhyphens) {
  int compared = 0;
  // hyph_de_DE.dic is left out: libhyphen alone takes 6–16 s to load it (why folio builds it).
  for (const char* name :
       {"hyph_en_US.dic", "hyph_en_GB.dic", "hyph_fr.dic", "hyph_es_ES.dic", "hyph_it_IT.dic"}) {
    fs::path p = fs::path("/usr/share/hyphen") / name;
    if (!fs::exists(p)) continue;
    std::optional<std::string> text = checked_dictionary(p, nullptr);
    ASSERT_TRUE(text) << name;
    FILE* f = fmemopen(text->data(), text->size(), "r");
    ASSERT_TRUE(f);
    // libhyphen's loader leaks the match of a pattern whose letters come again with other
    // digits (hyph_fr has such pairs): its leak, not folio's, whose builder frees each one.
#ifdef FOLIO_LSAN
    __lsan_disable();
#endif
    HyphenDict* theirs = hnj_hyphen_load_file(f);
#ifdef FOLIO_LSAN
    __lsan_enable();
#endif
    std::fclose(f);
    HyphenDict* ours = build_dictionary(*text);
    expect_same(ours, theirs, name);
    hnj_hyphen_free(theirs);
    hnj_hyphen_free(ours);
    ++compared;
  }
  EXPECT_GE(compared, 1) << "install hyphen-en-us";
}

TEST(Dictionary, GermanLoadsQuickly) {
  if (!fs::exists("/usr/share/hyphen/hyph_de_DE.dic")) GTEST_SKIP() << "install hyphen-de";
  // Processor time, not the clock: the machine may be busy with other work.
  std::clock_t start = std::clock();
  support::Diagnostics diags;
  Hyphenator de("/usr/share/hyphen", "de", 2, 2, &diags);
  double took = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  ASSERT_TRUE(de.loaded());
  EXPECT_TRUE(diags.empty());
  // libhyphen's own loader takes 6–16 s (15.9 s measured); folio's 0.3 s optimised, about
  // 1.2 s in a Debug build.
  EXPECT_LT(took, 4.0);
  // Two levels: compounds first, then their parts.
  EXPECT_EQ(de.points("Donaudampfschifffahrt"), de.points("donaudampfschifffahrt"));
  EXPECT_FALSE(de.points("Donaudampfschifffahrt").empty());
}

TEST(Dictionary, LanguageTagsFindDebiansFiles) {
  using V = std::vector<std::string>;
  EXPECT_EQ(dictionary_names("en-GB"), (V{"en_GB", "en", "en_EN"}));
  EXPECT_EQ(dictionary_names("de"), (V{"de", "de_DE"}));
  EXPECT_EQ(dictionary_names("de-CH"), (V{"de_CH", "de", "de_DE"}));
  EXPECT_EQ(dictionary_names("en-ie"), (V{"en_IE", "en_GB", "en", "en_EN"}));
  EXPECT_EQ(dictionary_names("sr-Latn-RS"), (V{"sr_Latn_RS", "sr_Latn"}));
  EXPECT_EQ(dictionary_names("el-Latn"), (V{"el_Latn"}));  // not Greek letters' patterns
  EXPECT_EQ(dictionary_names("no"), (V{"no", "no_NO", "nb_NO", "nb"}));
  EXPECT_EQ(dictionary_names("de-1901"), (V{"de", "de_DE"}));
  EXPECT_TRUE(dictionary_names("../x").empty());
  EXPECT_TRUE(dictionary_names("").empty());
  if (!fs::exists("/usr/share/hyphen/hyph_en_GB.dic")) GTEST_SKIP() << "install hyphen-en-gb";
  auto file = [](const char* tag) { return find_dictionary("/usr/share/hyphen", tag).filename(); };
  EXPECT_EQ(file("en-GB"), "hyph_en_GB.dic");
  EXPECT_EQ(file("en-US"), "hyph_en_US.dic");
  EXPECT_EQ(file("en-NZ"), "hyph_en_GB.dic");
  if (fs::exists("/usr/share/hyphen/hyph_es_ES.dic")) {
    EXPECT_EQ(file("es"), "hyph_es_ES.dic");
  }
  if (fs::exists("/usr/share/hyphen/hyph_fr.dic")) {
    EXPECT_EQ(file("fr-CA"), "hyph_fr_CA.dic");
  }
  EXPECT_EQ(file("xx"), "");
}

TEST_F(DictionaryTest, AnyDictionaryOfTheLanguageIsFound) {
  std::ofstream(dir_ / "hyph_sv_SE.dic") << "UTF-8\na1b\n";
  std::ofstream(dir_ / "hyph_sv_FI.dic") << "UTF-8\na1b\n";
  std::ofstream(dir_ / "hyph_pt_PT.dic") << "UTF-8\na1b\n";
  EXPECT_EQ(find_dictionary(dir_, "sv").filename(), "hyph_sv_FI.dic");  // the first by name
  EXPECT_EQ(find_dictionary(dir_, "sv-SE").filename(), "hyph_sv_SE.dic");
  EXPECT_EQ(find_dictionary(dir_, "pt").filename(), "hyph_pt_PT.dic");  // pt → pt_PT
  EXPECT_EQ(find_dictionary(dir_, "p").filename(), "");
  std::ofstream(dir_ / "hyph_el_GR.dic") << "UTF-8\na1b\n";
  EXPECT_EQ(find_dictionary(dir_, "el").filename(), "hyph_el_GR.dic");
  EXPECT_EQ(find_dictionary(dir_, "el-Latn").filename(), "");
}

TEST_F(DictionaryTest, LanguagesShareAFileAndLoadOnce) {
  std::ofstream(dir_ / "hyph_de_DE.dic") << "UTF-8\nab1cd\n";
  Hyphenators set(dir_, 2, 2);
  const Hyphenator* de = set.add("de", nullptr);
  ASSERT_TRUE(de);
  EXPECT_EQ(set.add("de-DE", nullptr), de);
  EXPECT_EQ(set.add("DE", nullptr), de);
  EXPECT_EQ(set.find("de-de"), de);
  EXPECT_EQ(set.add("fr", nullptr), nullptr);
  EXPECT_EQ(set.find("fr"), nullptr);
  EXPECT_EQ(set.find("it"), nullptr);  // never added
  EXPECT_EQ(de->points("xabcdx"), (std::vector<std::size_t>{3}));
  // A region linked to the same file (as Debian links them) shares its hyphenator.
  std::error_code ec;
  fs::create_symlink("hyph_de_DE.dic", dir_ / "hyph_de_AT.dic", ec);
  if (!ec) {
    EXPECT_EQ(set.add("de-AT", nullptr), de);
  }
}

TEST_F(DictionaryTest, OtherLanguagesLoadInTheBackgroundAndReportWhenFinished) {
  std::ofstream(dir_ / "hyph_de_DE.dic") << "UTF-8\nab1cd\n";
  std::ofstream(dir_ / "hyph_fr.dic") << "UTF-8\nx1y\nt1h/t=h,0,2\n";  // a rule left out
  std::ofstream(dir_ / "hyph_en_US.dic") << "UTF-8\nq1r\n";
  Hyphenators set(dir_, 2, 2);
  const Hyphenator* en = set.add("en-US", nullptr);
  ASSERT_TRUE(en);
  set.add_in_background({"de", "de-AT", "fr", "en", "it"});
  // What has a file is known at once; finding waits for the load.
  EXPECT_TRUE(set.has_dictionary("de"));
  EXPECT_TRUE(set.has_dictionary("fr"));
  EXPECT_FALSE(set.has_dictionary("it"));
  const Hyphenator* de = set.find("de");
  ASSERT_TRUE(de);
  EXPECT_EQ(de->points("xabcdx"), (std::vector<std::size_t>{3}));
  EXPECT_EQ(set.find("DE"), de);
  EXPECT_EQ(set.find("en"), en);  // the file already loaded is shared, not loaded again
  EXPECT_EQ(set.find("it"), nullptr);
  ASSERT_TRUE(set.find("fr"));
  // The background's warnings reach the book's diagnostics once, when it is finished.
  support::Diagnostics diags;
  set.finish_background(&diags);
  const support::Diagnostic* d = warning(diags);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->pos.line, 3);
  set.finish_background(&diags);
  EXPECT_EQ(diags.items().size(), 1u);
}

}  // namespace
}  // namespace folio::typeset
