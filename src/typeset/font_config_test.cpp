// The private fontconfig configuration: author fonts win, symlinks out are refused, coverage.
#include "typeset/font_config.hpp"

#include <gtest/gtest.h>
#include <pango/pango.h>
#include <pango/pangofc-font.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "typeset/font_context.hpp"

namespace folio::typeset {
namespace {

namespace fs = std::filesystem;

const fs::path kLibertine = "/usr/share/fonts/opentype/linux-libertine/LinLibertine_R.otf";

// A fresh manuscript folder with an empty fonts/ in it, removed afterwards.
class FontFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kLibertine)) GTEST_SKIP() << "install fonts-linuxlibertine";
    dir_ = fs::temp_directory_path() /
           ("folio-fonts-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "fonts");
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  fs::path dir_;
};

TEST(FontConfig, WithoutFontsFoldersUsesTheSystemConfiguration) {
  support::Diagnostics diags;
  auto fc = FontConfig::load({}, diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(fc->config(), nullptr);  // no private copy to build
  auto f = fc->find("Linux Libertine O", false, false);
  ASSERT_TRUE(f) << "install fonts-linuxlibertine";
  EXPECT_FALSE(f->own);
  EXPECT_EQ(f->path.filename(), "LinLibertine_R.otf");
  auto bi = fc->find("Linux Libertine O", true, true);
  ASSERT_TRUE(bi);
  EXPECT_EQ(bi->path.filename(), "LinLibertine_RBI.otf");
  EXPECT_TRUE(bi->bold && bi->italic);
  // A family nobody has is not matched to some other face.
  EXPECT_FALSE(fc->find("No Such Family Folio", false, false));
}

TEST_F(FontFolderTest, AuthorFontWinsOverTheSystemCopy) {
  fs::copy_file(kLibertine, dir_ / "fonts" / "MyLibertine.otf");
  support::Diagnostics diags;
  auto fc = FontConfig::load(font_folders(dir_), diags);
  EXPECT_TRUE(diags.empty());
  ASSERT_NE(fc->config(), nullptr);
  ASSERT_EQ(fc->own_files().size(), 1u);
  auto f = fc->find("Linux Libertine O", false, false);
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->own);
  EXPECT_EQ(f->path, fs::canonical(dir_ / "fonts" / "MyLibertine.otf"));
  // The system's other Libertine faces are hidden too: bold comes from the author's file
  // (emboldened), not from the system's LinLibertine_RB.otf.
  auto b = fc->find("Linux Libertine O", true, false);
  ASSERT_TRUE(b);
  EXPECT_TRUE(b->own);
  // Other families still come from the system.
  auto g = fc->find("EB Garamond 12", false, false);
  ASSERT_TRUE(g) << "install fonts-ebgaramond";
  EXPECT_FALSE(g->own);

  // Pango, through the same configuration, loads the author's file.
  FontContext ctx("en-US", fc);
  PangoFontDescription* d = describe({"Linux Libertine O", 11, 13, false, false, 0, ""});
  PangoFont* font = pango_context_load_font(ctx.context(), d);
  pango_font_description_free(d);
  ASSERT_TRUE(font && PANGO_IS_FC_FONT(font));
  FcChar8* file = nullptr;
  ASSERT_EQ(FcPatternGetString(pango_fc_font_get_pattern(PANGO_FC_FONT(font)), FC_FILE, 0, &file),
            FcResultMatch);
  EXPECT_EQ(fs::path(reinterpret_cast<const char*>(file)), f->path);
  g_object_unref(font);
}

// A typesetting thread's font is only ever replaced by the same file's: a font map on the
// author's configuration and one on the system's both have "Linux Libertine O", from two files.
TEST_F(FontFolderTest, EquivalentFontMustBeTheSameFile) {
  fs::copy_file(kLibertine, dir_ / "fonts" / "MyLibertine.otf");
  support::Diagnostics diags;
  auto fc = FontConfig::load(font_folders(dir_), diags);
  ASSERT_NE(fc->config(), nullptr);
  FontContext own("en-US", fc), own_too("en-US", fc), system("en-US");
  PangoFontDescription* d = describe({"Linux Libertine O", 11, 13, false, false, 0, ""});
  PangoFont* theirs = pango_context_load_font(own.context(), d);
  PangoFont* ours = pango_context_load_font(own_too.context(), d);
  pango_font_description_free(d);
  ASSERT_TRUE(theirs && ours);
  PangoFont* same = own_too.equivalent(theirs);
  EXPECT_EQ(same, ours);  // the very object own_too's shaping uses
  EXPECT_EQ(system.equivalent(theirs), nullptr);
  for (PangoFont* f : {theirs, ours, same})
    if (f) g_object_unref(f);
}

TEST_F(FontFolderTest, SymlinkOutOfTheManuscriptIsRefused) {
  fs::create_symlink(kLibertine, dir_ / "fonts" / "Escape.otf");
  fs::copy_file(kLibertine, dir_ / "Inside.otf");
  fs::create_symlink(dir_ / "Inside.otf", dir_ / "fonts" / "Inside.otf");
  support::Diagnostics diags;
  auto fc = FontConfig::load(font_folders(dir_), diags);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "font-outside-folder");
  EXPECT_EQ(diags.items()[0].pos.file, (dir_ / "fonts" / "Escape.otf").string());
  EXPECT_NE(diags.items()[0].message.find(kLibertine.string()), std::string::npos);
  // A link that stays inside the manuscript folder is fine.
  ASSERT_EQ(fc->own_files().size(), 1u);
  EXPECT_EQ(fc->own_files()[0], fs::canonical(dir_ / "Inside.otf"));
}

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const fs::path& p, const std::string& data) {
  std::ofstream(p, std::ios::binary) << data;
}

// An OpenType file with the table `tag` overwritten with zeros (its place and size kept).
std::string with_zeroed_table(std::string font, const char* tag) {
  auto u16 = [&](std::size_t at) {
    return static_cast<std::size_t>(static_cast<unsigned char>(font[at])) << 8 |
           static_cast<unsigned char>(font[at + 1]);
  };
  auto u32 = [&](std::size_t at) { return u16(at) << 16 | u16(at + 2); };
  for (std::size_t i = 0, n = u16(4); i < n; ++i) {
    std::size_t rec = 12 + 16 * i;
    if (font.compare(rec, 4, tag) == 0) {
      std::fill_n(font.begin() + static_cast<long>(u32(rec + 8)), u32(rec + 12), '\0');
      return font;
    }
  }
  ADD_FAILURE() << "no table " << tag;
  return font;
}

// A damaged font file is an error naming it, and is not loaded: random bytes and a cut-off
// copy (fontconfig cannot read them; they were left out with a warning, exit 0), and a copy
// whose hhea table is zeroed (fontconfig read it, HarfBuzz gave every glyph a zero width:
// the PDF had its text piled up at the start of each line, exit 0).
TEST_F(FontFolderTest, DamagedFontFilesAreErrorsNamingThem) {
  std::string good = read_bytes(kLibertine);
  std::string noise(40000, '\0');
  for (std::size_t i = 0; i < noise.size(); ++i) noise[i] = static_cast<char>(i * 131 % 251);
  write_bytes(dir_ / "fonts" / "Noise.ttf", noise);
  write_bytes(dir_ / "fonts" / "Cut.otf", good.substr(0, good.size() / 3));
  write_bytes(dir_ / "fonts" / "NoWidths.otf", with_zeroed_table(good, "hhea"));
  fs::copy_file(kLibertine, dir_ / "fonts" / "Good.otf");
  support::Diagnostics diags;
  auto fc = FontConfig::load(font_folders(dir_), diags);
  std::vector<std::string> named;
  for (const support::Diagnostic& d : diags.items()) {
    EXPECT_EQ(d.severity, support::Severity::error) << d.message;
    EXPECT_EQ(d.code, "font-unreadable");
    EXPECT_NE(d.message.find("cannot be used"), std::string::npos) << d.message;
    named.push_back(fs::path(d.pos.file).filename().string());
  }
  std::sort(named.begin(), named.end());
  EXPECT_EQ(named, (std::vector<std::string>{"Cut.otf", "NoWidths.otf", "Noise.ttf"}));
  ASSERT_EQ(fc->own_files().size(), 1u);
  EXPECT_EQ(fc->own_files()[0].filename(), "Good.otf");
}

TEST(FontContext, CoverageGapsNameTheFaceAndCharacters) {
  FontContext ctx("en-US");
  style::Face face{"EB Garamond 12", 11, 13.6, false, false, 0, ""};
  if (!ctx.has_family(face)) GTEST_SKIP() << "install fonts-ebgaramond";
  StyledText t;
  t.text = "\u201cQuoted\u201d \u2014 and bold \u201cquoted\u201d";
  std::size_t bold_from = t.text.find("bold");
  t.spans.push_back({bold_from, t.text.size(), false, true, false, false, false, {}});
  // Regular has curly quotes and dashes; strong in italic stays covered.
  EXPECT_TRUE(ctx.coverage_gaps(t, face, style::Strong::italic, "DejaVu Sans Mono").empty());
  // Debian's EB Garamond 12 Bold is a stub without curly quotes (or English's letters), so
  // fontconfig emboldens the Regular instead: a made-up face is reported, not used silently.
  auto gaps = ctx.coverage_gaps(t, face, style::Strong::bold, "DejaVu Sans Mono");
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0].font, "EB Garamond 12 Bold");
  EXPECT_TRUE(gaps[0].synthetic);
  // A character no face of the family has.
  StyledText cjk;
  cjk.text = "Kanji \u6F22 and \u6F22 again, \u2603";
  gaps = ctx.coverage_gaps(cjk, face, style::Strong::italic, "DejaVu Sans Mono");
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0].font, "EB Garamond 12");
  EXPECT_FALSE(gaps[0].synthetic);
  EXPECT_EQ(gaps[0].missing, (std::vector<char32_t>{U'\u6F22', U'\u2603'}));
}

TEST(FontConfig, InstallHintsNameDebianPackages) {
  EXPECT_NE(font_install_hint("EB Garamond 12").find("fonts-ebgaramond"), std::string::npos);
  EXPECT_NE(font_install_hint("Linux Libertine O").find("fonts-linuxlibertine"), std::string::npos);
  EXPECT_NE(font_install_hint("DejaVu Sans Mono").find("fonts-dejavu-core"), std::string::npos);
  EXPECT_NE(font_install_hint("Minion Pro").find("fonts/"), std::string::npos);
}

// A font file past the size limit is refused before any library opens it (a sparse file: no
// disk used), and a folder of more font files than folio checks is an error, not minutes of
// glyph loading.
TEST_F(FontFolderTest, FontFilesAndFoldersAreBounded) {
  {
    std::ofstream big(dir_ / "fonts" / "Huge.otf", std::ios::binary);
    big.seekp((64 << 20) + 1);
    big.put('\0');
  }
  fs::copy_file(kLibertine, dir_ / "fonts" / "Good.otf");
  support::Diagnostics diags;
  auto fc = FontConfig::load(font_folders(dir_), diags);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "font-unreadable");
  EXPECT_NE(diags.items()[0].message.find("larger than 64 MiB"), std::string::npos);
  ASSERT_EQ(fc->own_files().size(), 1u);

  fs::remove(dir_ / "fonts" / "Huge.otf");
  for (int i = 0; i < 257; ++i)
    write_bytes(dir_ / "fonts" / ("f" + std::to_string(i) + ".ttf"), "x");
  support::Diagnostics many;
  auto none = FontConfig::load(font_folders(dir_), many);
  ASSERT_EQ(many.items().size(), 1u);
  EXPECT_NE(many.items()[0].message.find("at most 256"), std::string::npos);
  EXPECT_TRUE(none->own_files().empty());
}

}  // namespace
}  // namespace folio::typeset
