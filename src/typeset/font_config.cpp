// Builds the private fontconfig configuration (never the process-wide current one).
#include "typeset/font_config.hpp"

#include "support/data_dirs.hpp"

#include <fmt/format.h>
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>

namespace folio::typeset {
namespace {

// The largest font file read (Noto Serif CJK's collection, among the largest faces in use, is
// about 25 MiB) and the most font files a manuscript's fonts/ folders may hold: each is opened
// and every glyph loaded to check it, so a folder of thousands would take minutes.
constexpr std::uintmax_t kMaxFontFileBytes = 64u << 20;
constexpr std::size_t kMaxFontFiles = 256;

namespace fs = std::filesystem;

bool is_font_file(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".otf" || ext == ".ttf" || ext == ".ttc" || ext == ".otc" || ext == ".woff" ||
         ext == ".woff2";
}

// Whether `path` (already canonical) lies inside `root` (already canonical).
bool inside(const fs::path& path, const fs::path& root) {
  auto [r, p] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return r == root.end();
}

// The font files under one folder, each checked to resolve inside the folder's root.
void collect(const FontFolder& folder, std::vector<fs::path>& out, support::Diagnostics& diags) {
  std::error_code ec;
  fs::path root = fs::canonical(folder.root, ec);
  if (ec) return;
  std::vector<fs::path> found;
  for (fs::recursive_directory_iterator it(folder.dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    const fs::path& p = it->path();
    if (!is_font_file(p)) continue;
    std::error_code e2;
    fs::path real = fs::canonical(p, e2);
    if (e2 || !fs::is_regular_file(real, e2)) continue;
    if (fs::file_size(real, e2) > kMaxFontFileBytes) {
      diags.error("font-unreadable", {p.string(), 0, 0},
                  fmt::format("this font file is larger than {} MiB, the most folio reads",
                              kMaxFontFileBytes >> 20));
      continue;
    }
    if (!inside(real, root)) {
      // A symlink out of the manuscript would make the build depend on files elsewhere.
      diags.error("font-outside-folder", {p.string(), 0, 0},
                  fmt::format("the font file resolves to {}, outside {}; copy the font into "
                              "the folder instead of linking to it",
                              real.string(), root.string()));
      continue;
    }
    found.push_back(real);
  }
  std::sort(found.begin(), found.end());
  for (auto& f : found)
    if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(std::move(f));
}

// What makes a font file fontconfig has read unusable, or "" when nothing does. fontconfig
// reads only a font's names and character map: a file with broken outlines or metrics was
// accepted, and its text came out without widths or glyphs (a PDF "without text", exit 0).
// Each face must load in FreeType (as Cairo loads it), have a Unicode character map, load
// every glyph's outline, and give the letters and digits it maps a width, both in FreeType
// and in HarfBuzz (which Pango measures with: a zeroed hhea table left FreeType's widths but
// made HarfBuzz's all zero).
std::string font_file_problem(const fs::path& file) {
  FT_Library lib = nullptr;
  if (FT_Init_FreeType(&lib)) return {};  // nothing to judge with: leave it to fontconfig
  hb_blob_t* blob = hb_blob_create_from_file(file.c_str());
  std::string problem;
  FT_Long faces = 1;
  for (FT_Long i = 0; i < faces && problem.empty(); ++i) {
    FT_Face face = nullptr;
    if (FT_New_Face(lib, file.c_str(), i, &face)) {
      problem = "FreeType cannot open it";
      break;
    }
    faces = face->num_faces;
    std::string where = faces > 1 ? fmt::format(" (face {})", i) : std::string();
    if (!FT_IS_SCALABLE(face) || face->num_glyphs <= 0 || face->units_per_EM < 16 ||
        face->units_per_EM > 16384) {
      problem = "it has no scalable glyphs" + where;
    } else if (FT_Select_Charmap(face, FT_ENCODING_UNICODE)) {
      problem = "it has no Unicode character map" + where;
    } else {
      for (FT_Long g = 0; g < face->num_glyphs && problem.empty(); ++g)
        if (FT_Load_Glyph(face, static_cast<FT_UInt>(g),
                          FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP))
          problem = fmt::format("glyph {} of {} cannot be loaded{}", g, face->num_glyphs, where);
      const char* probe = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
      hb_face_t* hb_face = hb_face_create(blob, static_cast<unsigned>(i));
      hb_font_t* hb_font = hb_font_create(hb_face);
      for (const char* c = probe; *c && problem.empty(); ++c) {
        FT_UInt g = FT_Get_Char_Index(face, static_cast<FT_ULong>(*c));
        FT_Fixed advance = 0;
        hb_codepoint_t hb_glyph = 0;
        if (!g) continue;
        if (!hb_font_get_nominal_glyph(hb_font, static_cast<hb_codepoint_t>(*c), &hb_glyph))
          problem = fmt::format("its character map is damaged{}", where);
        else if (FT_Get_Advance(face, g, FT_LOAD_NO_SCALE, &advance) || advance <= 0 ||
                 hb_font_get_glyph_h_advance(hb_font, hb_glyph) <= 0)
          problem = fmt::format("the glyph for '{}' has no width{}", *c, where);
      }
      hb_font_destroy(hb_font);
      hb_face_destroy(hb_face);
    }
    FT_Done_Face(face);
  }
  hb_blob_destroy(blob);
  FT_Done_FreeType(lib);
  return problem;
}

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

std::vector<FontFolder> font_folders(const fs::path& manuscript_dir) {
  std::vector<FontFolder> out;
  std::error_code ec;
  if (!manuscript_dir.empty() && fs::is_directory(manuscript_dir / "fonts", ec))
    out.push_back({manuscript_dir / "fonts", manuscript_dir});
  // folio's own fonts/ folders, from the run-time data search path.
  for (const fs::path& dir : support::data_subdirs(support::default_data_dirs(), "fonts"))
    out.push_back({dir, dir});
  return out;
}

std::shared_ptr<const FontConfig> FontConfig::load(const std::vector<FontFolder>& folders,
                                                   support::Diagnostics& diags) {
  std::shared_ptr<FontConfig> fc(new FontConfig());
  std::vector<fs::path> files;
  for (const FontFolder& f : folders) collect(f, files, diags);
  if (files.empty()) return fc;
  if (files.size() > kMaxFontFiles) {
    diags.error("font-unreadable", {files[kMaxFontFiles].string(), 0, 0},
                fmt::format("the fonts/ folders hold {} font files; folio reads at most {}",
                            files.size(), kMaxFontFiles));
    return fc;
  }

  // The families the author's files provide (every name each face carries).
  std::set<std::string> families;
  std::vector<fs::path> readable;
  for (const fs::path& f : files) {
    FcFontSet* set = FcFontSetCreate();
    unsigned faces =
        FcFreeTypeQueryAll(reinterpret_cast<const FcChar8*>(f.c_str()), -1, nullptr, nullptr, set);
    for (int i = 0; i < set->nfont; ++i) {
      FcChar8* fam = nullptr;
      for (int k = 0; FcPatternGetString(set->fonts[i], FC_FAMILY, k, &fam) == FcResultMatch; ++k)
        families.insert(reinterpret_cast<const char*>(fam));
    }
    FcFontSetDestroy(set);
    // A damaged file is an error, not a face quietly left out: the book would be set in
    // another font than the one put there, or in none.
    std::string problem =
        faces == 0 ? "fontconfig cannot read it (not a font, or damaged)" : font_file_problem(f);
    if (!problem.empty())
      diags.error("font-unreadable", {f.string(), 0, 0},
                  fmt::format("this font file cannot be used: {}; replace it with an "
                              "undamaged copy, or remove it from the fonts/ folder",
                              problem));
    else
      readable.push_back(f);
  }
  if (readable.empty()) return fc;

  FcConfig* cfg = FcConfigCreate();
  if (!FcConfigParseAndLoad(cfg, nullptr, FcTrue)) {
    diags.warning("font-config", {},
                  "fontconfig's default configuration cannot be read; only the fonts/ "
                  "folders' fonts are available");
  }
  // The author's files are accepted by path; system faces of their families are rejected, so
  // a family of the author's own is never matched to a system copy of another version.
  std::string rules = "<?xml version=\"1.0\"?>\n<fontconfig><selectfont><acceptfont>";
  for (const fs::path& f : readable)
    rules += "<pattern><patelt name=\"file\"><string>" + xml_escape(f.string()) +
             "</string></patelt></pattern>";
  rules += "</acceptfont><rejectfont>";
  for (const std::string& fam : families)
    rules += "<pattern><patelt name=\"family\"><string>" + xml_escape(fam) +
             "</string></patelt></pattern>";
  rules += "</rejectfont></selectfont></fontconfig>\n";
  if (!FcConfigParseAndLoadFromMemory(cfg, reinterpret_cast<const FcChar8*>(rules.c_str()), FcTrue))
    diags.warning("font-config", {}, "fontconfig rejected folio's font selection rules");
  FcConfigBuildFonts(cfg);
  for (const fs::path& f : readable) {
    if (FcConfigAppFontAddFile(cfg, reinterpret_cast<const FcChar8*>(f.c_str())))
      fc->own_files_.push_back(f);
    else
      diags.error("font-unreadable", {f.string(), 0, 0},
                  "fontconfig cannot load this font file; replace it with an undamaged copy, "
                  "or remove it from the fonts/ folder");
  }
  fc->config_ = cfg;
  return fc;
}

FontConfig::~FontConfig() {
  if (config_) FcConfigDestroy(config_);
}

std::optional<FontFile> FontConfig::find(const std::string& family, bool bold, bool italic) const {
  FcPattern* pat = FcPatternCreate();
  FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pat, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  FcConfigSubstitute(config_, pat, FcMatchPattern);
  FcDefaultSubstitute(pat);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(config_, pat, &result);
  FcPatternDestroy(pat);
  if (!match) return std::nullopt;
  std::optional<FontFile> out;
  bool same_family = false;
  FcChar8* fam = nullptr;
  std::string first;
  for (int k = 0; FcPatternGetString(match, FC_FAMILY, k, &fam) == FcResultMatch; ++k) {
    std::string f = reinterpret_cast<const char*>(fam);
    if (k == 0) first = f;
    same_family = same_family || lower(f) == lower(family);
  }
  FcChar8* file = nullptr;
  if (same_family && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
    FontFile ff;
    ff.path = reinterpret_cast<const char*>(file);
    FcPatternGetInteger(match, FC_INDEX, 0, &ff.index);
    ff.family = first;
    int weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
    FcPatternGetInteger(match, FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(match, FC_SLANT, 0, &slant);
    ff.bold = weight >= FC_WEIGHT_DEMIBOLD;
    ff.italic = slant != FC_SLANT_ROMAN;
    ff.own = std::find(own_files_.begin(), own_files_.end(), ff.path) != own_files_.end();
    out = ff;
  }
  FcPatternDestroy(match);
  return out;
}

std::string font_install_hint(const std::string& family) {
  std::string f = lower(family);
  const char* package = f.starts_with("eb garamond")       ? "fonts-ebgaramond"
                        : f.starts_with("linux libertine") ? "fonts-linuxlibertine"
                        : f.starts_with("linux biolinum")  ? "fonts-linuxlibertine"
                        : f.starts_with("dejavu")          ? "fonts-dejavu-core"
                                                           : nullptr;
  if (package)
    return fmt::format(
        "apt-get install {}, or put the font files in the manuscript's fonts/ "
        "folder",
        package);
  return "install the font system-wide, or put its .otf/.ttf files in the manuscript's fonts/ "
         "folder";
}

}  // namespace folio::typeset
