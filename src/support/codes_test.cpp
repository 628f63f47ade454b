// The code registry: names are unique and found again; docs/checks.md documents exactly the
// registered codes, each under its family's heading, in table order, with its severity.
#include <gtest/gtest.h>

#include <array>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/diagnostic.hpp"

namespace folio::support {
namespace {

TEST(Codes, NamesAreUniqueAndFoundAgain) {
  std::set<std::string_view> seen;
  for (const CodeInfo& c : all_codes()) {
    EXPECT_TRUE(seen.insert(c.name).second) << c.name;
    ASSERT_EQ(find_code(c.name), &c) << c.name;
    EXPECT_EQ(Code::find(c.name), c.name);
  }
  EXPECT_EQ(find_code("no-such-code"), nullptr);
  EXPECT_TRUE(Code::find("no-such-code").empty());
  EXPECT_TRUE(Code().empty());
}

TEST(Codes, ALiteralCodeCarriesItsRow) {
  Diagnostics diags;
  diags.warning("double-space", {}, "two spaces");
  diags.error("pdf-write", {}, "cannot write");
  ASSERT_EQ(diags.items().size(), 2u);
  EXPECT_EQ(diags.items()[0].code, "double-space");
  EXPECT_TRUE(diags.items()[0].code.info().auto_fix);
  EXPECT_EQ(diags.items()[1].code.info().family, Family::print);
  std::ostringstream out;
  out << diags.items()[1].code;
  EXPECT_EQ(out.str(), "pdf-write");
}

// The heading of docs/checks.md each family's codes sit under, in Family's order.
constexpr std::array<std::string_view, 12> kHeadings{"Reported by the reader",
                                                     "Metadata (book.yaml)",
                                                     "Files",
                                                     "Structure",
                                                     "Typography",
                                                     "Settings",
                                                     "The style",
                                                     "The print edition",
                                                     "The EPUB",
                                                     "Comparing the editions",
                                                     "The build",
                                                     "Importing (folio import)"};

std::string heading_of(Family f) {
  return std::string(kHeadings.at(static_cast<std::size_t>(f)));
}

// "code under heading: severity[, fixed by --fix]", one line per registered code or docs entry.
std::string describe(std::string_view code, const std::string& heading, const std::string& sev,
                     bool fixed) {
  return std::string(code) + " under '" + heading + "': " + sev + (fixed ? ", fixed" : "") + "\n";
}

TEST(Codes, DocsListEveryCodeAndNoOther) {
  std::ifstream in(std::string(FOLIO_SOURCE_DIR) + "/docs/checks.md");
  ASSERT_TRUE(in);
  std::string documented, heading, line;
  while (std::getline(in, line)) {
    if (line.starts_with("## ")) heading = line.substr(3);
    if (!line.starts_with("### `")) continue;
    std::string code = line.substr(5, line.find('`', 5) - 5);
    std::string body;
    std::getline(in, body);  // "error — …", "warning, fixed by `--fix` — …"
    std::string sev = body.substr(0, body.find_first_of(" ,"));
    documented += describe(code, heading, sev, body.starts_with(sev + ", fixed by `--fix`"));
  }
  std::string registered;
  for (const CodeInfo& c : all_codes())
    registered += describe(c.name, heading_of(c.family), severity_name(c.severity), c.auto_fix);
  EXPECT_EQ(documented, registered);
}

}  // namespace
}  // namespace folio::support
