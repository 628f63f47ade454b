// Unit tests for the package identifier: ISBN checks and name-based UUIDs.
#include "facts/identifier.hpp"

#include <gtest/gtest.h>

using namespace folio;

namespace {

model::Metadata meta_with(std::string title, std::vector<std::string> authors,
                          std::string identifier = {}) {
  model::Metadata m;
  m.title.value = std::move(title);
  for (auto& a : authors) m.authors.push_back({std::move(a), {}});
  m.identifier = {std::move(identifier), {"book.yaml", 7, 13}};
  return m;
}

}  // namespace

// Expected values from Python: uuid.uuid5(uuid.NAMESPACE_URL, name).
TEST(Uuid, MatchesRfc4122Version5) {
  EXPECT_EQ(facts::uuid_v5_url_namespace("Perestroika versus Socialism\nDavid North"),
            "d6f28272-30b0-5498-9327-dd70bbfb329f");
  EXPECT_EQ(facts::uuid_v5_url_namespace(""), "1b4db7eb-4057-5ddf-91e0-36dec72071f5");
}

TEST(Uuid, DerivedFromTitleAndAuthors) {
  auto m = meta_with("Die Verwandlung", {"Franz Kafka", "Max Brod"});
  EXPECT_EQ(facts::uuid_name(m), "Die Verwandlung\nFranz Kafka\nMax Brod");
  support::Diagnostics diags;
  auto id = facts::book_identifier(m, diags);
  ASSERT_TRUE(id);
  EXPECT_EQ(id->value, "urn:uuid:aad476ed-6f14-569c-a0a2-0d872e3e26be");
  EXPECT_TRUE(id->isbn.empty());
  // A new title is a new book.
  auto other = facts::book_identifier(meta_with("Das Schloss", {"Franz Kafka", "Max Brod"}), diags);
  EXPECT_NE(other->value, id->value);
  EXPECT_TRUE(diags.empty());
}

TEST(Isbn, ValidForms) {
  for (const char* raw : {"978-0-929087-40-5", "9780929087405", "isbn:978 0 929087 40 5",
                          "urn:isbn:9780929087405", "ISBN 978-0-929087-40-5"}) {
    auto p = facts::parse_isbn(raw);
    ASSERT_TRUE(p) << raw;
    EXPECT_TRUE(p->valid) << raw;
    EXPECT_EQ(p->digits, "9780929087405") << raw;
  }
  auto ten = facts::parse_isbn("0-306-40615-2");
  ASSERT_TRUE(ten);
  EXPECT_TRUE(ten->valid);
  auto x = facts::parse_isbn("0-8044-2957-x");
  ASSERT_TRUE(x);
  EXPECT_TRUE(x->valid);
  EXPECT_EQ(x->digits, "080442957X");
}

TEST(Isbn, WrongCheckDigitIsAnErrorAtItsPosition) {
  support::Diagnostics diags;
  auto id = facts::book_identifier(meta_with("T", {"A"}, "978-0-929087-40-6"), diags);
  EXPECT_FALSE(id);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "epub-isbn-invalid");
  EXPECT_EQ(diags.items()[0].pos.line, 7);
  EXPECT_EQ(diags.items()[0].pos.column, 13);
  // "isbn:" promises an ISBN: a wrong length is an error too.
  EXPECT_FALSE(facts::book_identifier(meta_with("T", {"A"}, "isbn:12345"), diags));
}

TEST(Isbn, BecomesUrnIsbn) {
  support::Diagnostics diags;
  auto id = facts::book_identifier(meta_with("T", {"A"}, "978-0-929087-40-5"), diags);
  ASSERT_TRUE(id);
  EXPECT_EQ(id->value, "urn:isbn:9780929087405");
  EXPECT_EQ(id->isbn, "9780929087405");
}

TEST(Identifier, OtherIdentifiersAreKept) {
  support::Diagnostics diags;
  EXPECT_FALSE(facts::parse_isbn("doi:10.1000/182"));
  auto id = facts::book_identifier(meta_with("T", {"A"}, "doi:10.1000/182"), diags);
  ASSERT_TRUE(id);
  EXPECT_EQ(id->value, "doi:10.1000/182");
  EXPECT_TRUE(diags.empty());
}
