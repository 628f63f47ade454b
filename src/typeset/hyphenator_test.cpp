// Hyphenation dictionaries are checked before libhyphen sees them (issue 17).
#include "typeset/hyphenator.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
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

}  // namespace
}  // namespace folio::typeset
