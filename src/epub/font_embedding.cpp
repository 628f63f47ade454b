// Finds the style's font files through fontconfig, checks their licence bits, writes @font-face.
#include "epub/font_embedding.hpp"

#include <fmt/format.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <sstream>

#include "epub/fallback_subset.hpp"
#include "model/walk.hpp"
#include "typeset/font_config.hpp"

namespace folio::epub {
namespace {

namespace fs = std::filesystem;

bool book_has_strong(const model::Document& doc) {
  bool found = false;
  model::walk_inlines(doc,
                      [&](const model::Inline& in) { found = found || in.is<model::Strong>(); });
  return found;
}

// The OS/2 fsType of a face; nullopt when FreeType cannot open the file.
std::optional<unsigned> fs_type_of(const fs::path& file, int index) {
  FT_Library lib = nullptr;
  if (FT_Init_FreeType(&lib) != 0) return std::nullopt;
  std::optional<unsigned> out;
  FT_Face face = nullptr;
  if (FT_New_Face(lib, file.c_str(), index, &face) == 0) {
    out = FT_Get_FSType_Flags(face);
    FT_Done_Face(face);
  }
  FT_Done_FreeType(lib);
  return out;
}

// A file name safe in a zip path and a URL: letters, digits, '.', '-', '_'.
std::string safe_name(const std::string& name) {
  std::string out;
  for (unsigned char c : name) out += std::isalnum(c) || c == '.' || c == '-' ? char(c) : '_';
  return out;
}

std::string css_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c != '\n' && c != '\r') out += c;
  }
  return out + "\"";
}

std::optional<std::string> read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return std::nullopt;
  return bytes.str();
}

// The style's fallback families, each cut down to the book's characters that the body face
// and the families before it lack (a family that lends none is left out), as the PDF borrows
// them: the CSS names them after the body family, so a reading system takes those characters
// from them and not from whatever font it has.
void embed_fallbacks(const model::Document& doc, const style::Style& st,
                     const typeset::FontConfig& config, EmbeddedFonts& out,
                     support::Diagnostics& diags) {
  if (st.fallback_families.empty()) return;
  auto body = config.find(st.body.family, false, false);
  std::optional<std::string> body_bytes = body ? read_bytes(body->path) : std::nullopt;
  if (!body_bytes) return;  // reported with the body's faces
  std::vector<std::uint32_t> all = book_characters(doc), lacking;
  std::vector<std::uint32_t> has = characters_in(*body_bytes, body->index, all);
  std::set_difference(all.begin(), all.end(), has.begin(), has.end(), std::back_inserter(lacking));
  for (std::size_t k = 0; k < st.fallback_families.size() && !lacking.empty(); ++k) {
    const std::string& family = st.fallback_families[k];
    support::SourcePos at = k < st.fallback_positions.size()
                                ? st.fallback_positions[k]
                                : support::SourcePos{st.file.string(), 0, 0};
    auto file = config.find(family, false, false);
    if (!file) {
      diags.error(
          "epub-font-missing", at,
          fmt::format("cannot embed the fallback family '{}': fontconfig cannot find it; {}",
                      family, typeset::font_install_hint(family)));
      continue;
    }
    std::string media = font_media_type(file->path.extension().string());
    auto fs_type = fs_type_of(file->path, file->index);
    std::optional<std::string> bytes = read_bytes(file->path);
    if (media.empty() || !fs_type || !bytes) {
      diags.error("epub-font-unreadable", {file->path.string(), 0, 0},
                  "cannot read this fallback font file as an .otf, .ttf, .woff or .woff2 face");
      continue;
    }
    if (!fs_type_allows_embedding(*fs_type)) {
      diags.error("epub-font-restricted", {file->path.string(), 0, 0},
                  fmt::format("the font's licence forbids embedding it (OS/2 fsType 0x{:04X}); "
                              "set `epub: embed-fonts: false` in the style, or name a fallback "
                              "family that allows embedding",
                              *fs_type));
      continue;
    }
    std::vector<std::uint32_t> lends = characters_in(*bytes, file->index, lacking);
    if (lends.empty()) continue;
    std::optional<std::string> subset = subset_font(*bytes, file->index, lends);
    if (!subset) {
      diags.error("epub-font-unreadable", {file->path.string(), 0, 0},
                  "HarfBuzz cannot subset this fallback font file");
      continue;
    }
    std::vector<std::uint32_t> rest;
    std::set_difference(lacking.begin(), lacking.end(), lends.begin(), lends.end(),
                        std::back_inserter(rest));
    lacking = std::move(rest);
    std::string href =
        fmt::format("fonts/fallback-{}-{}", k + 1, safe_name(file->path.filename().string()));
    out.items.push_back(
        {fmt::format("font-fallback-{}", k + 1), href, media, "", false, std::move(*subset)});
    out.css += fmt::format(
        "@font-face {{\n  font-family: {};\n  font-style: normal;\n  font-weight: normal;\n"
        "  src: url(\"../{}\");\n}}\n",
        css_string(family), href);
  }
}

}  // namespace

std::string font_media_type(const std::string& extension) {
  std::string e = extension;
  std::transform(e.begin(), e.end(), e.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (e == ".otf") return "font/otf";
  if (e == ".ttf") return "font/ttf";
  if (e == ".woff") return "font/woff";
  if (e == ".woff2") return "font/woff2";
  return "";
}

bool fs_type_allows_embedding(unsigned fs_type) {
  return (fs_type & 0x0002) == 0 && (fs_type & 0x0200) == 0;
}

std::optional<EmbeddedFonts> embed_fonts(const model::Document& doc, const style::Style& st,
                                         support::Diagnostics& diags) {
  std::size_t errors_before = diags.count(support::Severity::error);
  support::SourcePos style_pos{st.file.string(), 0, 0};
  auto config = typeset::FontConfig::load(typeset::font_folders(doc.base_dir), diags);

  // The families the EPUB's CSS names: the body's and the headings' (the other faces of the
  // style only change size and slant there).
  std::vector<std::string> families{st.body.family};
  for (const style::Heading* h : {&st.chapter, &st.section, &st.subsection})
    if (std::find(families.begin(), families.end(), h->face.family) == families.end())
      families.push_back(h->face.family);
  bool bold = st.strong == style::Strong::bold && book_has_strong(doc);

  EmbeddedFonts out;
  std::vector<fs::path> taken;
  for (const std::string& family : families) {
    for (int v = 0; v < (bold ? 4 : 2); ++v) {
      bool want_bold = v >= 2, want_italic = v % 2 == 1;
      auto file = config->find(family, want_bold, want_italic);
      if (!file) {
        diags.error("epub-font-missing", style_pos,
                    fmt::format("cannot embed the font family '{}': fontconfig cannot find it; {}",
                                family, typeset::font_install_hint(family)));
        break;
      }
      if (file->bold != want_bold || file->italic != want_italic) {
        // The reading system will slant or embolden the regular face, as the PDF would not.
        diags.warning("epub-font-face-missing", style_pos,
                      fmt::format("the font family '{}' has no {} face to embed; reading systems "
                                  "will fake it from {}",
                                  family,
                                  want_bold && want_italic ? "bold italic"
                                  : want_bold              ? "bold"
                                                           : "italic",
                                  file->path.filename().string()));
        continue;
      }
      std::string media = font_media_type(file->path.extension().string());
      if (media.empty()) {
        diags.error("epub-font-format", {file->path.string(), 0, 0},
                    "EPUB has no media type for this kind of font file (use .otf, .ttf, .woff "
                    "or .woff2, not a collection)");
        continue;
      }
      auto fs_type = fs_type_of(file->path, file->index);
      if (!fs_type) {
        diags.error("epub-font-unreadable", {file->path.string(), 0, 0},
                    "FreeType cannot open this font file");
        continue;
      }
      if (!fs_type_allows_embedding(*fs_type)) {
        diags.error("epub-font-restricted", {file->path.string(), 0, 0},
                    fmt::format("the font's licence forbids embedding it (OS/2 fsType 0x{:04X}: "
                                "{}); set `epub: embed-fonts: false` in the style, or use a font "
                                "that allows embedding",
                                *fs_type,
                                (*fs_type & 0x0002) ? "restricted licence embedding"
                                                    : "bitmap embedding only"));
        continue;
      }
      auto known = std::find(taken.begin(), taken.end(), file->path);
      std::string href = known != taken.end()
                             ? out.items[static_cast<std::size_t>(known - taken.begin())].href
                             : "fonts/" + safe_name(file->path.filename().string());
      // Two files of one name from different folders get distinct names in the EPUB.
      if (known == taken.end() &&
          std::any_of(out.items.begin(), out.items.end(),
                      [&](const ManifestItem& i) { return i.href == href; }))
        href =
            fmt::format("fonts/{}-{}", taken.size() + 1, safe_name(file->path.filename().string()));
      if (known == taken.end()) {
        std::ifstream in(file->path, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        if (!in) {
          diags.error("epub-font-unreadable", {file->path.string(), 0, 0},
                      "cannot read this font file");
          continue;
        }
        taken.push_back(file->path);
        out.items.push_back(
            {fmt::format("font-{}", taken.size()), href, media, "", false, bytes.str()});
      }
      out.css += fmt::format(
          "@font-face {{\n  font-family: {};\n  font-style: {};\n  font-weight: {};\n"
          "  src: url(\"../{}\");\n}}\n",
          css_string(family), want_italic ? "italic" : "normal", want_bold ? "bold" : "normal",
          href);
    }
  }
  embed_fallbacks(doc, st, *config, out, diags);
  if (diags.count(support::Severity::error) > errors_before) return std::nullopt;
  return out;
}

}  // namespace folio::epub
