// The document model: the one intermediate representation between the reader and the writers.
//
// Built once by the manuscript reader; checks and writers only read it. Every node carries
// the source position it came from. Containers are plain vectors of values (no pointers),
// so a Document can be copied, compared and dumped.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "support/source_pos.hpp"

namespace folio::model {

using support::SourcePos;

/// Inline node kinds; the names are also the `type` strings of `folio dump`.
enum class InlineKind {
  text,        ///< characters in `text`
  emphasis,    ///< children in `children`
  strong,      ///< children in `children`
  small_caps,  ///< children; from `[text]{.smallcaps}`
  link,        ///< children; destination in `target`
  note_ref,    ///< footnote reference; footnote id in `target`, its number in `number`
  line_break,  ///< hard line break (backslash at line end), also separates dateline lines
  code,        ///< characters in `text`
  span,        ///< children; `lang`, `id` and `classes` from `[text]{…}`
  image,       ///< inline image: `target` is the path, `text` the alt text
};

const char* kind_name(InlineKind k);

struct Inline {
  InlineKind kind = InlineKind::text;
  SourcePos source;
  std::string text;
  std::string target;
  std::string id;
  std::string lang;
  std::vector<std::string> classes;
  int number = 0;
  std::vector<Inline> children;
};

/// Block node kinds; the names are also the `type` strings of `folio dump`.
enum class BlockKind {
  paragraph,    ///< inlines
  heading,      ///< inlines; `level` 1–6; `id`, `classes`, `attributes` from `{…}`
  block_quote,  ///< blocks
  dateline,     ///< inlines, lines separated by line_break inlines (see lines_of)
  epigraph,     ///< blocks
  scene_break,  ///< no content
  list,         ///< blocks, each a list_item; `ordered`, `start`
  list_item,    ///< blocks
  line_block,   ///< inlines, lines separated by line_break inlines (verse)
  footnote,     ///< blocks; `id` as written, `number` in order of first reference in the book
  figure,       ///< `target` image path, `alt` text, caption in inlines
  code_block,   ///< `text`, `info` string in `lang`
  div,          ///< blocks; a fenced div of a class folio has no structure for (`classes`)
};

const char* kind_name(BlockKind k);

struct Block {
  BlockKind kind = BlockKind::paragraph;
  SourcePos source;
  int level = 0;
  bool ordered = false;
  int start = 1;
  int number = 0;
  std::string id;
  std::string lang;
  std::string text;
  std::string target;
  std::string alt;
  std::vector<std::string> classes;
  std::map<std::string, std::string> attributes;
  std::vector<Inline> inlines;
  std::vector<Block> blocks;
};

/// Where a section stands in the book.
enum class Matter { front, body, back };
const char* matter_name(Matter m);

/// A section of the book: a level-1 heading and what follows it up to the next one.
struct Section {
  std::string role = "chapter";  ///< EPUB structural semantics: preface, chapter, appendix, …
  Matter matter = Matter::body;
  SourcePos source;              ///< the heading, or the first block when there is none
  std::optional<Block> heading;  ///< absent when a file starts with text before any heading
  std::vector<Block> blocks;
  std::vector<Block> footnotes;  ///< footnote blocks referenced in this section, in order
};

/// A string value from book.yaml with the position of its value.
struct MetaString {
  std::string value;
  SourcePos source;
  bool empty() const { return value.empty(); }
};

/// book.yaml, with Pandoc's key names where Pandoc has one.
struct Metadata {
  MetaString title;
  MetaString subtitle;
  std::vector<MetaString> authors;
  MetaString lang;
  MetaString date;
  MetaString identifier;  ///< e.g. an ISBN (with or without "urn:isbn:" / "isbn:")
  MetaString publisher;
  MetaString rights;
  MetaString edition;  ///< the copyright page's edition line, as written ("First edition 1897")
  MetaString description;
  std::vector<MetaString> subjects;
  MetaString cover_image;
  MetaString style;
  std::vector<MetaString> contents;
  /// Every top-level key as written, with its position (for unknown-key checks).
  std::vector<MetaString> keys;
  /// Scalar values of keys folio does not know, kept so later stages can read them.
  std::map<std::string, MetaString> extra;
};

/// The whole book.
struct Document {
  Metadata metadata;
  std::vector<Section> sections;
  /// The manuscript folder; writers resolve images and covers against it.
  std::filesystem::path base_dir;
};

/// Known section roles and the matter each belongs to; nullopt for an unknown role.
std::optional<Matter> matter_of_role(std::string_view role);

/// Splits a dateline or line block's inlines at line_break nodes.
std::vector<std::vector<Inline>> lines_of(const Block& b);

/// The plain text of inlines (notes and images excluded, line breaks as "\n").
std::string plain_text(const std::vector<Inline>& inlines);

/// The longest slug: the output names add ".epub" or ".pdf" and, while written,
/// ".tmp-XXXXXX", which must stay within the 255 bytes a file name may have.
inline constexpr std::size_t kMaxSlugBytes = 100;

/// The slug used for output file names: "Perestroika versus Socialism" →
/// "perestroika-versus-socialism".
std::string slug(std::string_view title);

}  // namespace folio::model
