// Unit tests for the generated labels: every language complete, fallback to English.
#include "facts/labels.hpp"

#include <gtest/gtest.h>

#include <set>

using namespace folio;

namespace {

std::vector<std::string_view> fields(const facts::GeneratedLabels& l) {
  return {l.contents,   l.landmarks,    l.cover,       l.title_page,   l.copyright,
          l.dedication, l.notes,        l.start,       l.back_to_text, l.cover_alt_by,
          l.pages,      l.published_by, l.typeset_with};
}

}  // namespace

TEST(Labels, ContentsInEachLanguage) {
  EXPECT_EQ(facts::labels_for("en").contents, "Contents");
  EXPECT_EQ(facts::labels_for("de").contents, "Inhalt");
  EXPECT_EQ(facts::labels_for("fr").contents, "Table des matières");
  EXPECT_EQ(facts::labels_for("es").contents, "Índice");
  EXPECT_EQ(facts::labels_for("it").contents, "Indice");
}

TEST(Labels, RegionAndCaseDoNotMatter) {
  EXPECT_EQ(facts::labels_for("de-AT").lang, "de");
  EXPECT_EQ(facts::labels_for("DE_ch").lang, "de");
  EXPECT_EQ(facts::labels_for("en-GB").lang, "en");
  EXPECT_EQ(facts::labels_for("fr-CA").contents, "Table des matières");
}

// At least en, de, fr, es, it, and each with every label: a translation left empty would put
// an empty heading or landmark into a book.
TEST(Labels, EveryLanguageIsComplete) {
  std::set<std::string_view> langs;
  for (std::string_view lang : facts::label_languages()) {
    langs.insert(lang);
    const facts::GeneratedLabels& l = facts::labels_for(lang);
    EXPECT_EQ(l.lang, lang);
    for (std::string_view f : fields(l)) EXPECT_FALSE(f.empty()) << lang;
    EXPECT_NE(l.published_by.find("{}"), std::string_view::npos) << lang;
    EXPECT_EQ(facts::fill_label(l.typeset_with, {"P", "F"}).find("{}"), std::string::npos) << lang;
  }
  for (const char* want : {"en", "de", "fr", "es", "it"}) EXPECT_TRUE(langs.count(want)) << want;
  // The languages are translated, not copies of English (but for words that are the same).
  for (std::string_view lang : {"de", "fr", "es", "it"})
    EXPECT_NE(facts::labels_for(lang).title_page, facts::labels_for("en").title_page) << lang;
}

TEST(Labels, UnknownLanguageFallsBackToEnglishMarkedAsSuch) {
  const facts::GeneratedLabels& l = facts::labels_for("tlh");
  EXPECT_EQ(l.lang, "en");
  EXPECT_EQ(l.contents, "Contents");
  EXPECT_EQ(facts::labels_lang_attribute(l, "tlh"), "en");
  EXPECT_EQ(facts::labels_lang_attribute(l, "und"), "en");
  // In the labels' own language nothing needs marking.
  EXPECT_EQ(facts::labels_lang_attribute(facts::labels_for("de-DE"), "de-DE"), "");
  EXPECT_EQ(facts::labels_lang_attribute(facts::labels_for("en-GB"), "en-GB"), "");
}

TEST(Labels, FillLabelTakesArgumentsInTurnAndLeavesBracesInThem) {
  EXPECT_EQ(facts::fill_label("Typeset with {} in {}", {"folio", "EB Garamond"}),
            "Typeset with folio in EB Garamond");
  EXPECT_EQ(facts::fill_label("Published by {}", {"{} Press"}), "Published by {} Press");
  EXPECT_EQ(facts::fill_label("{} and {}", {"one"}), "one and {}");
}
