// Unit tests for word splitting: what counts as the same word in both editions.
#include "editions/words.hpp"

#include <gtest/gtest.h>

using folio::editions::WordCollector;
using folio::editions::WordList;
using folio::editions::words_of;
using V = std::vector<std::string>;

namespace {

V strings(const WordList& list) {
  V out;
  for (std::size_t i = 0; i < list.size(); ++i) out.emplace_back(list[i]);
  return out;
}

}  // namespace

TEST(Words, SplitsAtSpacesAndPunctuationAndFoldsCase) {
  EXPECT_EQ(words_of("The workers’ state—its fate, “Soviet” (1917)."),
            (V{"the", "workers", "state", "its", "fate", "soviet", "1917"}));
}

TEST(Words, UpperCasedHeadingsAndLigatureCharactersReadAsTheText) {
  EXPECT_EQ(words_of("STRASSE"), words_of("Straße"));
  EXPECT_EQ(words_of("ÉTÉ"), words_of("été"));
  EXPECT_EQ(words_of("\uFB01nal"), (V{"final"}));  // the fi ligature character
}

TEST(Words, SoftHyphensAndZeroWidthCharactersDoNotSplit) {
  EXPECT_EQ(words_of("hy\u00ADphen\u200Bated"), (V{"hyphenated"}));
}

TEST(Words, ALineEndingInASoftHyphenContinuesTheWord) {
  WordList list;
  {
    WordCollector c(list);
    c.add("an exam\u00AD");
    c.line_end();
    c.add("ple of it");
    c.line_end();
    c.add("and more");
  }
  EXPECT_EQ(strings(list), (V{"an", "example", "of", "it", "and", "more"}));
}

TEST(Words, ALineEndOtherwiseEndsTheWordButInlineMarkupDoesNot) {
  WordList list;
  {
    WordCollector c(list);
    c.add("note");
    c.add("2");  // a note reference set in its own run
    c.line_end();
    c.add("next");
  }
  EXPECT_EQ(strings(list), (V{"note2", "next"}));
}

TEST(Words, ASoftHyphenBeforeASpaceJoinsNothing) {
  WordList list;
  {
    WordCollector c(list);
    c.add("end\u00AD ");
    c.line_end();
    c.add("start");
  }
  EXPECT_EQ(strings(list), (V{"end", "start"}));
}

TEST(Words, InvalidUtf8IsASeparator) {
  EXPECT_EQ(words_of("ab\xff"
                     "cd"),
            (V{"ab", "cd"}));
}
