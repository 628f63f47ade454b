// Walks over the document model in document order, so checks and writers need no
// hand-written recursions of their own.
//
// Order: a section's heading, its blocks, then its footnotes; each block before the blocks it
// holds (pre-order); each inline before its children. walk_inlines visits the inlines of every
// block reached, a block's own inlines before the blocks it holds. Both constness variants
// work: the reader walks a mutable document to number its nodes.
#pragma once

#include <concepts>
#include <cstdint>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "model/document.hpp"

namespace folio::model {

template <class T, class Node>
concept NodesOf = std::same_as<std::remove_const_t<T>, std::vector<Node>>;
template <class T, class Node>
concept NodeOf = std::same_as<std::remove_const_t<T>, Node>;

/// Calls f(node) for each of `nodes` and, depth first, the nodes in their `children` member.
template <class Vec, class F, class Children>
void walk_tree(Vec& nodes, F& f, Children children) {
  for (auto& n : nodes) {
    f(n);
    walk_tree(n.*children, f, children);
  }
}

/// Calls f(inline) for each of `inlines` and, depth first, their children.
template <class Vec, class F>
requires NodesOf<Vec, Inline>
void walk_inlines(Vec& inlines, F&& f) {
  walk_tree(inlines, f, &Inline::children);
}

/// Calls f(block) for each of `blocks` and, depth first, the blocks they hold.
template <class Vec, class F>
requires NodesOf<Vec, Block>
void walk_blocks(Vec& blocks, F&& f) {
  walk_tree(blocks, f, &Block::blocks);
}

/// Calls f(block) for a block and every block inside it.
template <class B, class F>
requires NodeOf<B, Block>
void walk_blocks(B& block, F&& f) {
  f(block);
  walk_blocks(block.blocks, f);
}

/// Every block of a section: its heading, its blocks, its footnotes (and what each holds).
template <class S, class F>
requires NodeOf<S, Section>
void walk_blocks(S& section, F&& f) {
  if (section.heading) walk_blocks(*section.heading, f);
  walk_blocks(section.blocks, f);
  walk_blocks(section.footnotes, f);
}

/// Every block of the book, section by section.
template <class D, class F>
requires NodeOf<D, Document>
void walk_blocks(D& doc, F&& f) {
  for (auto& s : doc.sections) walk_blocks(s, f);
}

/// Calls f on each table row of a table block: the header, then the body rows.
template <class T, class F>
requires NodeOf<T, Table>
void for_each_row(T& table, F&& f) {
  f(table.header);
  for (auto& row : table.rows) f(row);
}

/// The inlines a block holds itself (not those of the blocks inside it): its `inlines` and, for
/// a table, after its caption, every cell's inlines row by row.
template <class B, class F>
requires NodeOf<B, Block>
void walk_block_inlines(B& b, F&& f) {
  walk_inlines(b.inlines, f);
  if (auto* table = b.template get_if<Table>())
    for_each_row(*table, [&](auto& row) {
      for (auto& cell : row.cells) walk_inlines(cell.inlines, f);
    });
}

/// Every inline under a block, a section, a document or a vector of blocks: the inlines of
/// each block reached by walk_blocks, in that order.
template <class Container, class F>
requires(NodeOf<Container, Block> || NodeOf<Container, Section> || NodeOf<Container, Document> ||
         NodesOf<Container, Block>) void walk_inlines(Container& c, F&& f) {
  walk_blocks(c, [&](auto& b) { walk_block_inlines(b, f); });
}

/// Gives every block and inline of the book its NodeId, 1, 2, … in walk order (a block, its
/// inlines, then the blocks it holds). The reader calls it once the whole book is read.
inline void number_nodes(Document& doc) {
  std::uint32_t next = 0;
  walk_blocks(doc, [&](Block& b) {
    b.node_id = NodeId{++next};
    walk_block_inlines(b, [&](Inline& in) { in.node_id = NodeId{++next}; });
  });
}

/// std::visit over a node's kind struct with a set of lambdas, one per kind (or a generic
/// one for the rest): `visit(block, [](const Heading& h) {…}, [](const auto&) {})`.
template <class Node, class... F>
requires(NodeOf<Node, Block> || NodeOf<Node, Inline>) decltype(auto) visit(Node& node, F&&... f) {
  return std::visit(Overloaded{std::forward<F>(f)...}, node.node);
}

}  // namespace folio::model
