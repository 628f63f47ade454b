// Names, roles and small queries over the document model.
#include "model/document.hpp"

#include <algorithm>
#include <array>
#include <type_traits>
#include <utility>

namespace folio::model {

// kind() is the variant index: the enums must list the alternatives in the same order.
template <class Variant, class T, auto kind>
constexpr bool kAt = std::is_same_v<std::variant_alternative_t<std::size_t(kind), Variant>, T>;
static_assert(kAt<InlineNode, Text, InlineKind::text> && kAt<InlineNode, Link, InlineKind::link> &&
              kAt<InlineNode, Image, InlineKind::image> &&
              std::variant_size_v<InlineNode> == std::size_t(InlineKind::image) + 1);
static_assert(kAt<BlockNode, Paragraph, BlockKind::paragraph> &&
              kAt<BlockNode, Footnote, BlockKind::footnote> &&
              kAt<BlockNode, Div, BlockKind::div> && kAt<BlockNode, Table, BlockKind::table> &&
              std::variant_size_v<BlockNode> == std::size_t(BlockKind::table) + 1);

const char* kind_name(InlineKind k) {
  switch (k) {
    case InlineKind::text:
      return "text";
    case InlineKind::emphasis:
      return "emphasis";
    case InlineKind::strong:
      return "strong";
    case InlineKind::small_caps:
      return "small_caps";
    case InlineKind::link:
      return "link";
    case InlineKind::note_ref:
      return "note_ref";
    case InlineKind::line_break:
      return "line_break";
    case InlineKind::code:
      return "code";
    case InlineKind::span:
      return "span";
    case InlineKind::image:
      return "image";
  }
  return "text";
}

const char* kind_name(BlockKind k) {
  switch (k) {
    case BlockKind::paragraph:
      return "paragraph";
    case BlockKind::heading:
      return "heading";
    case BlockKind::block_quote:
      return "block_quote";
    case BlockKind::dateline:
      return "dateline";
    case BlockKind::epigraph:
      return "epigraph";
    case BlockKind::scene_break:
      return "scene_break";
    case BlockKind::list:
      return "list";
    case BlockKind::list_item:
      return "list_item";
    case BlockKind::line_block:
      return "line_block";
    case BlockKind::footnote:
      return "footnote";
    case BlockKind::figure:
      return "figure";
    case BlockKind::code_block:
      return "code_block";
    case BlockKind::div:
      return "div";
    case BlockKind::table:
      return "table";
  }
  return "paragraph";
}

const char* align_name(ColumnAlign a) {
  switch (a) {
    case ColumnAlign::none:
      return "default";
    case ColumnAlign::left:
      return "left";
    case ColumnAlign::center:
      return "center";
    case ColumnAlign::right:
      return "right";
  }
  return "default";
}

const char* place_name(DatelinePlace p) {
  switch (p) {
    case DatelinePlace::closing:
      return "closing";
    case DatelinePlace::opening:
      return "opening";
    case DatelinePlace::inside:
      return "inside";
  }
  return "closing";
}

const char* matter_name(Matter m) {
  switch (m) {
    case Matter::front:
      return "front";
    case Matter::body:
      return "body";
    case Matter::back:
      return "back";
  }
  return "body";
}

std::optional<Matter> matter_of_role(std::string_view role) {
  static constexpr std::array<std::pair<std::string_view, Matter>, 17> kRoles{{
      {"preface", Matter::front},
      {"foreword", Matter::front},
      {"introduction", Matter::front},
      {"prologue", Matter::front},
      {"dedication", Matter::front},
      {"epigraph", Matter::front},
      {"acknowledgments", Matter::front},
      {"chapter", Matter::body},
      {"part", Matter::body},
      {"epilogue", Matter::body},
      {"conclusion", Matter::body},
      {"afterword", Matter::back},
      {"appendix", Matter::back},
      {"endnotes", Matter::back},
      {"bibliography", Matter::back},
      {"glossary", Matter::back},
      {"colophon", Matter::back},
  }};
  for (const auto& [name, matter] : kRoles)
    if (name == role) return matter;
  return std::nullopt;
}

bool Attr::has_class(std::string_view c) const {
  return std::find(classes.begin(), classes.end(), c) != classes.end();
}

std::vector<std::vector<Inline>> lines_of(const Block& b) {
  std::vector<std::vector<Inline>> lines(1);
  for (const Inline& in : b.inlines) {
    if (in.is<LineBreak>())
      lines.emplace_back();
    else
      lines.back().push_back(in);
  }
  return lines;
}

static void append_plain(const std::vector<Inline>& inlines, std::string& out) {
  for (const Inline& in : inlines) {
    switch (in.kind()) {
      case InlineKind::text:
        out += in.as<Text>().text;
        break;
      case InlineKind::code:
        out += in.as<Code>().text;
        break;
      case InlineKind::line_break:
        out += '\n';
        break;
      case InlineKind::note_ref:
      case InlineKind::image:
        break;
      default:
        append_plain(in.children, out);
    }
  }
}

std::string plain_text(const std::vector<Inline>& inlines) {
  std::string out;
  append_plain(inlines, out);
  return out;
}

std::string slug(std::string_view title) {
  std::string out;
  bool dash = false;
  for (std::size_t i = 0; i < title.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(title[i]);
    char keep = 0;
    if (c >= 'A' && c <= 'Z')
      keep = static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      keep = static_cast<char>(c);
    else if (c == 0xC3 && i + 1 < title.size()) {
      // Latin-1 letters with diacritics (U+00C0–U+00FF) fold to their base letter.
      static const char kFold[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyts";
      unsigned char d = static_cast<unsigned char>(title[i + 1]);
      if (d >= 0x80 && d <= 0xBF) {
        char f = kFold[(d - 0x80) & 0x1F];
        if (f != '/') keep = f;
        ++i;
      }
    } else if (c == '\'' || (c == 0xE2 && i + 2 < title.size() && title[i + 1] == '\x80' &&
                             title[i + 2] == '\x99')) {
      // Apostrophes vanish: "Keller's" → "kellers".
      if (c == 0xE2) i += 2;
      continue;
    }
    if (keep) {
      if (dash && !out.empty()) out += '-';
      out += keep;
      dash = false;
    } else {
      dash = true;
    }
  }
  if (out.size() > kMaxSlugBytes) {
    // Cut at the last word boundary that fits, so "…-versus-socialism" never ends mid-word;
    // a single word longer than the bound is cut at the bound.
    std::size_t cut = out.rfind('-', kMaxSlugBytes);
    out.resize(cut != std::string::npos && cut > 0 ? cut : kMaxSlugBytes);
  }
  return out.empty() ? std::string("book") : out;
}

}  // namespace folio::model
