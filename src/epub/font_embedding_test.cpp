// EPUB font embedding: which faces, media types, @font-face rules, the licence bits.
#include "epub/font_embedding.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <sstream>

#include "epub/fallback_subset.hpp"
#include "manuscript/reader.hpp"

using namespace folio;
namespace fs = std::filesystem;

namespace {

const fs::path kLibertine = "/usr/share/fonts/opentype/linux-libertine/LinLibertine_R.otf";

model::Document read(const std::string& text) {
  auto src =
      manuscript::memory_source({{"book.yaml", "title: T\nauthor: A\nlang: en\n"}, {"a.md", text}});
  support::Diagnostics diags;
  auto m = manuscript::read_manuscript(*src, diags);
  EXPECT_TRUE(m);
  return m ? m->document : model::Document{};
}

style::Style libertine() {
  style::Style st;
  st.name = "libertine";
  for (style::Face* f : {&st.body, &st.chapter.face, &st.section.face, &st.subsection.face})
    f->family = "Linux Libertine O";
  st.strong = style::Strong::bold;
  st.epub.embed_fonts = true;
  return st;
}

int count(const std::string& s, const std::string& what) {
  int n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

// Sets a copy's OS/2 fsType, as a font vendor marking it "restricted licence" would.
void set_fs_type(const fs::path& file, std::uint16_t fs_type) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  std::string head(12, '\0');
  f.read(head.data(), 12);
  int tables = (static_cast<unsigned char>(head[4]) << 8) | static_cast<unsigned char>(head[5]);
  for (int i = 0; i < tables; ++i) {
    char rec[16];
    f.seekg(12 + 16 * i);
    f.read(rec, 16);
    if (std::memcmp(rec, "OS/2", 4) != 0) continue;
    auto* b = reinterpret_cast<unsigned char*>(rec + 8);
    std::streamoff offset = (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
    f.seekp(offset + 8);  // version, xAvgCharWidth, usWeightClass, usWidthClass, fsType
    char v[2] = {static_cast<char>(fs_type >> 8), static_cast<char>(fs_type & 0xFF)};
    f.write(v, 2);
    return;
  }
  ADD_FAILURE() << "no OS/2 table in " << file;
}

}  // namespace

TEST(FontEmbedding, MediaTypesAndLicenceBits) {
  EXPECT_EQ(epub::font_media_type(".otf"), "font/otf");
  EXPECT_EQ(epub::font_media_type(".TTF"), "font/ttf");
  EXPECT_EQ(epub::font_media_type(".woff2"), "font/woff2");
  EXPECT_EQ(epub::font_media_type(".ttc"), "");
  EXPECT_TRUE(epub::fs_type_allows_embedding(0));       // installable
  EXPECT_TRUE(epub::fs_type_allows_embedding(0x0004));  // preview & print
  EXPECT_TRUE(epub::fs_type_allows_embedding(0x0008));  // editable
  EXPECT_FALSE(epub::fs_type_allows_embedding(0x0002));
  EXPECT_FALSE(epub::fs_type_allows_embedding(0x0208));
}

TEST(FontEmbedding, EmbedsTheFacesTheTextUses) {
  if (!fs::exists(kLibertine)) GTEST_SKIP() << "install fonts-linuxlibertine";
  support::Diagnostics diags;
  // No strong text: regular and italic only.
  auto plain = epub::embed_fonts(read("# One\n\nText *in italic*.\n"), libertine(), diags);
  ASSERT_TRUE(plain);
  EXPECT_TRUE(diags.empty());
  ASSERT_EQ(plain->items.size(), 2u);
  EXPECT_EQ(plain->items[0].href, "fonts/LinLibertine_R.otf");
  EXPECT_EQ(plain->items[0].media_type, "font/otf");
  EXPECT_EQ(plain->items[1].href, "fonts/LinLibertine_RI.otf");
  EXPECT_EQ(count(plain->css, "@font-face"), 2);
  EXPECT_NE(plain->css.find("src: url(\"../fonts/LinLibertine_RI.otf\")"), std::string::npos);
  // Strong set in bold, and the book has some: bold and bold italic too.
  auto bold = epub::embed_fonts(read("# One\n\nText **strong**.\n"), libertine(), diags);
  ASSERT_TRUE(bold);
  ASSERT_EQ(bold->items.size(), 4u);
  EXPECT_EQ(bold->items[3].href, "fonts/LinLibertine_RBI.otf");
  EXPECT_EQ(count(bold->css, "font-weight: bold"), 2);
  // A family nobody has is an error, not a CSS name the reader cannot honour.
  style::Style none = libertine();
  none.body.family = "No Such Family Folio";
  EXPECT_FALSE(epub::embed_fonts(read("Text.\n"), none, diags));
  EXPECT_EQ(diags.items().back().code, "epub-font-missing");
}

TEST(FontEmbedding, RestrictedLicenceIsRefused) {
  if (!fs::exists(kLibertine)) GTEST_SKIP() << "install fonts-linuxlibertine";
  fs::path dir = fs::temp_directory_path() / ("folio-font-embed-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "fonts");
  fs::copy_file(kLibertine, dir / "fonts" / "Restricted.otf");
  set_fs_type(dir / "fonts" / "Restricted.otf", 0x0002);
  model::Document doc = read("Text.\n");
  doc.base_dir = dir;
  support::Diagnostics diags;
  EXPECT_FALSE(epub::embed_fonts(doc, libertine(), diags));
  bool refused = false;
  for (const auto& d : diags.items())
    if (d.code == "epub-font-restricted") {
      refused = true;
      EXPECT_EQ(d.pos.file, fs::canonical(dir / "fonts" / "Restricted.otf").string());
      EXPECT_NE(d.message.find("0x0002"), std::string::npos);
    }
  EXPECT_TRUE(refused);
  fs::remove_all(dir);
}

// The style's fallback families: each cut down to the characters it lends (those the body
// face and the families before it lack), a family that lends none left out, an unknown one an
// error at its place in the style.
TEST(FontEmbedding, FallbackFamiliesAreEmbeddedAsSubsets) {
  if (!fs::exists(kLibertine)) GTEST_SKIP() << "install fonts-linuxlibertine";
  style::Style st = libertine();
  st.strong = style::Strong::italic;
  for (style::Face* f : {&st.body, &st.chapter.face, &st.section.face, &st.subsection.face})
    f->family = "EB Garamond 12";
  st.fallback_families = {"Linux Libertine O", "DejaVu Sans", "DejaVu Serif"};
  st.fallback_positions = {{"s.yaml", 3, 23}, {"s.yaml", 3, 42}, {"s.yaml", 3, 55}};
  support::Diagnostics diags;
  // ☿ is Libertine's (and DejaVu's), ✠ only DejaVu Sans'; EB Garamond has the rest.
  auto fonts = epub::embed_fonts(read("# One\n\nThe cross ✠ and ☿, *in italic*.\n"), st, diags);
  ASSERT_TRUE(fonts) << diags.items().size();
  ASSERT_EQ(fonts->items.size(), 4u);  // EB Garamond 12 regular and italic, two lenders
  EXPECT_EQ(fonts->items[2].href, "fonts/fallback-1-LinLibertine_R.otf");
  EXPECT_EQ(fonts->items[3].href, "fonts/fallback-2-DejaVuSans.ttf");
  EXPECT_EQ(fonts->items[3].media_type, "font/ttf");
  EXPECT_EQ(epub::characters_in(fonts->items[2].bytes, 0, {U'☿', U'✠', U'a'}),
            (std::vector<std::uint32_t>{U'☿'}));
  EXPECT_EQ(epub::characters_in(fonts->items[3].bytes, 0, {U'☿', U'✠', U'a'}),
            (std::vector<std::uint32_t>{U'✠'}));
  EXPECT_LT(fonts->items[3].bytes.size(), 20000u);  // DejaVu Sans is 740 KB whole
  EXPECT_NE(fonts->css.find("font-family: \"DejaVu Sans\""), std::string::npos);
  // A family fontconfig cannot find: an error where the style names it.
  st.fallback_families = {"No Such Family Folio"};
  st.fallback_positions = {{"s.yaml", 3, 23}};
  EXPECT_FALSE(epub::embed_fonts(read("The cross ✠.\n"), st, diags));
  EXPECT_EQ(diags.items().back().code, "epub-font-missing");
  EXPECT_EQ(diags.items().back().pos.line, 3);
  EXPECT_EQ(diags.items().back().pos.column, 23);
}
