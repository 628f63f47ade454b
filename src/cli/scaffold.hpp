// The files `folio init` writes: a small manuscript that builds and checks cleanly.
#pragma once

#include <string>
#include <vector>

namespace folio::cli {

struct ScaffoldFile {
  std::string name;  ///< relative to the new manuscript folder
  std::string text;
};

/// What the new book is called; every value must already be valid (see init_command.cpp).
struct ScaffoldInfo {
  std::string title;
  std::string author;
  std::string lang;
  std::string folder;  ///< the folder as the author named it, for the commands in FORMAT.txt
};

/// book.yaml (every key, each with a comment), a preface, a first chapter and FORMAT.txt.
std::vector<ScaffoldFile> scaffold_files(const ScaffoldInfo& info);

/// `text` as a double-quoted YAML scalar, so any title or name reads back unchanged.
std::string yaml_quoted(const std::string& text);

/// A title made from a folder name: "my-first-novel" → "My First Novel".
std::string title_from_folder_name(const std::string& name);

}  // namespace folio::cli
