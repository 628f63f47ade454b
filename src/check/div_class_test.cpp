// unknown-div-class: one warning per class the style does not design, naming every place.
#include <gtest/gtest.h>

#include <string>

#include "check/check.hpp"

namespace folio::check {
namespace {

std::vector<support::Diagnostic> div_warnings(const std::string& md,
                                              const std::set<std::string>* designed = nullptr) {
  support::Diagnostics diags;
  auto src =
      manuscript::memory_source({{"book.yaml", "title: T\nauthor: A\nlang: en\n"}, {"a.md", md}});
  auto m = manuscript::read_manuscript(*src, diags);
  EXPECT_TRUE(m);
  if (m) check_manuscript(*m, diags, designed);
  std::vector<support::Diagnostic> out;
  for (const auto& d : diags.items())
    if (d.code == "unknown-div-class") out.push_back(d);
  return out;
}

TEST(UnknownDivClass, OneWarningPerClassNamingEveryPlace) {
  std::string md = "# A\n\n";
  for (int i = 0; i < 3; ++i) md += "::: sidebar\nAside.\n:::\n\n";  // lines 3, 7, 11
  md += "::: marginal\nNote.\n:::\n\n";                              // line 15
  auto w = div_warnings(md);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].pos.line, 3);  // at the first place
  EXPECT_NE(w[0].message.find("'sidebar'"), std::string::npos);
  EXPECT_NE(w[0].message.find("its 3 divs"), std::string::npos) << w[0].message;
  EXPECT_NE(w[0].message.find("a.md:3, a.md:7, a.md:11"), std::string::npos) << w[0].message;
  EXPECT_EQ(w[1].pos.line, 15);
  EXPECT_NE(w[1].message.find("the div is"), std::string::npos) << w[1].message;
  EXPECT_FALSE(w[0].fix.empty());
}

TEST(UnknownDivClass, ManyPlacesAreCapped) {
  std::string md = "# A\n\n";
  for (int i = 0; i < 25; ++i) md += "::: sidebar\nAside.\n:::\n\n";
  auto w = div_warnings(md);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].message.find("and 15 more"), std::string::npos) << w[0].message;
}

// "Designed" means known to the book's style: the built-in designs by default, and what the
// caller passes (the resolved style's classes) otherwise.
TEST(UnknownDivClass, DesignedClassesAreKnown) {
  std::string md =
      "# A\n\n::: bridgehead\nB.\n:::\n\n::: dedication\nTo.\n:::\n\n::: sidebar\nS.\n:::\n";
  auto builtin = div_warnings(md);
  ASSERT_EQ(builtin.size(), 1u);
  EXPECT_NE(builtin[0].message.find("'sidebar'"), std::string::npos);
  std::set<std::string> house{"sidebar"};
  auto w = div_warnings(md, &house);
  ASSERT_EQ(w.size(), 2u);  // this style designs sidebar but neither of the others
  EXPECT_NE(w[0].message.find("'bridgehead'"), std::string::npos);
  EXPECT_NE(w[1].message.find("'dedication'"), std::string::npos);
}

TEST(UnknownDivClass, NearNameIsSuggested) {
  auto w = div_warnings("# A\n\n::: bridgehaed\nB.\n:::\n");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].message.find("did you mean 'bridgehead'?"), std::string::npos) << w[0].message;
}

}  // namespace
}  // namespace folio::check
