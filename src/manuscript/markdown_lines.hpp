// Line-level Markdown syntax (CommonMark) shared by the reader's fenced-div scan, its raw
// footnote count and the checker's prose map, so the three agree on what is a fence.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace folio::manuscript {

/// The block quote markers opening a line: each `>` after up to three spaces, with one
/// space after it taken too.
struct ContainerPrefix {
  std::size_t length = 0;  ///< bytes of the line the markers take
  int depth = 0;           ///< how many `>`
};
ContainerPrefix container_prefix(std::string_view line);

/// An open code fence: its character (` or ~) and the length of its run.
struct CodeFence {
  char marker = '`';
  std::size_t length = 3;
};

/// The code fence `body` opens (body starts at the fence, past the line's container prefix
/// and indentation), or nullopt: a run of three or more ` or ~, and, for backticks, an info
/// string without a backtick (``` ```a`b ``` is inline code, not a fence).
std::optional<CodeFence> code_fence_opening(std::string_view body);

/// True when `body` (past container prefix and indentation) closes `open`: a run of the same
/// character at least as long, then nothing but spaces, tabs or a CR.
bool closes_code_fence(std::string_view body, CodeFence open);

/// The length of up to three spaces opening `s` (CommonMark's indentation of a block that
/// is not indented code).
std::size_t block_indent(std::string_view s);

}  // namespace folio::manuscript
