// The document model: the one intermediate representation between the reader and the writers.
//
// Built once by the manuscript reader; checks and writers only read it. Every node is a
// per-kind struct in a std::variant, wrapped with what all nodes share: the author's Attr,
// the source position and byte range it came from, and a NodeId. Containers are plain vectors
// of values (no pointers), so a Document can be copied, compared and dumped.
#pragma once

#include <compare>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "support/source_pos.hpp"

namespace folio::model {

using support::SourcePos;

/// A node's identity, assigned by the reader in document order (1, 2, …) to every block and
/// inline, and kept by every later stage; 0 means "none" (a node built after reading).
struct NodeId {
  std::uint32_t value = 0;
  explicit operator bool() const { return value != 0; }
  friend bool operator==(NodeId, NodeId) = default;
  friend auto operator<=>(NodeId, NodeId) = default;
};

/// Byte offsets [begin, end) into the node's source file (SourcePos::file), from cmark-gfm's
/// positions; begin == end when unknown. Exact for plain text runs without escapes,
/// entities or smart punctuation (see docs/model-json.md).
struct SourceRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool empty() const { return begin == end; }
  friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

/// The attributes an author can write on a node (`{#id .class key=value lang=…}`), the same
/// on every kind. Kind-specific data lives in the kind's struct, never here.
struct Attr {
  std::string id;
  std::vector<std::string> classes;
  std::map<std::string, std::string> attributes;
  std::string lang;
  bool has_class(std::string_view c) const;
};

/// What Inline and Block offer over their variant `node`: the kind (the variant's index, in the
/// order of the Kind enum) and typed access, `b.is<Heading>()`, `b.as<Heading>().level`,
/// `b.get_if<Heading>()` (null for another kind). A base without data, so both stay aggregates.
template <class Node, class Kind>
struct NodeAccess {
  Kind kind() const { return static_cast<Kind>(self().node.index()); }
  template <class T>
  bool is() const {
    return std::holds_alternative<T>(self().node);
  }
  template <class T>
  T& as() {
    return std::get<T>(self().node);
  }
  template <class T>
  const T& as() const {
    return std::get<T>(self().node);
  }
  template <class T>
  T* get_if() {
    return std::get_if<T>(&self().node);
  }
  template <class T>
  const T* get_if() const {
    return std::get_if<T>(&self().node);
  }

 private:
  Node& self() { return static_cast<Node&>(*this); }
  const Node& self() const { return static_cast<const Node&>(*this); }
};

// Inline kinds, one struct each. Container inlines keep their content in Inline::children.
/// A stretch of a text run and the source bytes it came from: text bytes from `text` up to the
/// next piece's (or the run's end) were read from source bytes [source, source + length).
/// Where the two lengths agree the bytes were copied one for one; where they do not (an
/// entity, `&amp;`) every byte of the stretch stands for the whole source stretch. A soft
/// break's space has length 0 at the line's end; a stretch of unknown origin has kUnknown.
/// A backslash escape is a piece of its own, `escaped`: the character, not markup.
struct TextPiece {
  static constexpr std::uint32_t kUnknown = 0xFFFFFFFF;
  std::uint32_t text = 0;
  std::uint32_t source = kUnknown;
  std::uint32_t length = 0;
  bool escaped = false;
};

struct Text {
  std::string text;
  /// Where the text came from, in order of `text` (empty: unknown; model/text_pieces.hpp).
  std::vector<TextPiece> pieces;
};
struct Emphasis {};
struct Strong {};
struct SmallCaps {};  ///< from `[text]{.smallcaps}`
struct Link {
  std::string target;  ///< the destination as written
};
struct NoteRef {
  std::string label;  ///< the footnote's label as written (`[^label]`)
  int number = 0;     ///< book-wide, in order of first reference
};
struct LineBreak {};  ///< hard line break; also separates dateline and verse lines
struct Code {
  std::string text;
};
struct Span {};  ///< `[text]{…}`: attributes in Inline::attr
struct Image {
  std::string src;  ///< the image path as written
  std::string alt;  ///< plain text of the alt inlines (kept in Inline::children)
};

/// Inline node kinds, in the order of InlineNode's alternatives; the names are also the
/// `type` strings of `folio dump`.
enum class InlineKind {
  text,
  emphasis,
  strong,
  small_caps,
  link,
  note_ref,
  line_break,
  code,
  span,
  image
};

using InlineNode =
    std::variant<Text, Emphasis, Strong, SmallCaps, Link, NoteRef, LineBreak, Code, Span, Image>;

const char* kind_name(InlineKind k);

struct Inline : NodeAccess<Inline, InlineKind> {
  InlineNode node;
  Attr attr;
  SourcePos source;
  NodeId node_id;
  SourceRange range;  ///< text and code: the bytes the text came from
  std::vector<Inline> children;
};

/// Where a dateline stands in its container (section or the part after a sub-heading, block
/// quote, div, list item, epigraph): opening it (a letter's place and date, a journal entry),
/// closing it (a preface signed off), or neither (a check warns). Set by the reader.
enum class DatelinePlace { closing, opening, inside };

const char* place_name(DatelinePlace p);

// Block kinds, one struct each. Content lives in Block::inlines (paragraph, heading, dateline,
// line block, figure or table caption) or Block::blocks (the containers); a table's cells are in
// its Table struct.
struct Paragraph {};
struct Heading {
  int level = 1;  ///< 1–6
};
struct BlockQuote {};
struct Dateline {
  DatelinePlace place = DatelinePlace::closing;
};
struct Epigraph {};
struct SceneBreak {};
struct List {
  bool ordered = false;
  int start = 1;
};
struct ListItem {};
struct LineBlock {};  ///< lines separated by LineBreak inlines (verse)
struct Footnote {
  std::string label;  ///< as written (`[^label]:`)
  int number = 0;     ///< book-wide, in order of first reference
};
struct Figure {
  std::string src;  ///< the image path as written
  std::string alt;  ///< plain alt text; the caption is Block::inlines
};
struct CodeBlock {
  std::string info;  ///< the fence's info string ("python"), not a language tag
  std::string text;
};
struct Div {};  ///< a fenced div of a class folio has no structure for (Attr::classes)

/// A table column's alignment, from the delimiter row (`:--`, `:-:`, `--:`; `---` is none).
enum class ColumnAlign { none, left, center, right };
const char* align_name(ColumnAlign a);

/// One cell of a table: its inlines and where they were written.
struct TableCell {
  std::vector<Inline> inlines;
  SourcePos source;
  SourceRange range;
};
/// One row of a table; every row has as many cells as the table has columns (the reader pads a
/// short row with empty cells and drops a long row's extra cells, with a warning).
struct TableRow {
  std::vector<TableCell> cells;
  SourcePos source;
};
/// A pipe table; its caption (Pandoc's `Table: …` line after it) is Block::inlines.
struct Table {
  std::vector<ColumnAlign> alignments;  ///< one per column
  TableRow header;
  std::vector<TableRow> rows;  ///< the body rows, in order
};

/// Block node kinds, in the order of BlockNode's alternatives; the names are also the `type`
/// strings of `folio dump`.
enum class BlockKind {
  paragraph,
  heading,
  block_quote,
  dateline,
  epigraph,
  scene_break,
  list,
  list_item,
  line_block,
  footnote,
  figure,
  code_block,
  div,
  table,
};

using BlockNode = std::variant<Paragraph, Heading, BlockQuote, Dateline, Epigraph, SceneBreak, List,
                               ListItem, LineBlock, Footnote, Figure, CodeBlock, Div, Table>;

const char* kind_name(BlockKind k);

struct Block : NodeAccess<Block, BlockKind> {
  BlockNode node;
  Attr attr;
  SourcePos source;
  NodeId node_id;
  SourceRange range;
  std::vector<Inline> inlines;
  std::vector<Block> blocks;
};

/// Overload set for std::visit over a node's alternatives.
template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

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

/// book.yaml's `print:`: who the print PDF is for, as written (checked, then read by the build,
/// which puts `--for`/`--paper` first and the style's `print:` after these).
struct PrintSettings {
  MetaString printer;            ///< `for:` screen, kdp or ingramspark
  MetaString paper;              ///< white or cream
  MetaString binding;            ///< paperback
  std::vector<MetaString> keys;  ///< every key of the map as written (for unknown-key checks)
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
  PrintSettings print;
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
