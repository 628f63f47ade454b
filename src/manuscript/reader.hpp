// The manuscript reader: book.yaml + Markdown files → document model, with positions.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/document.hpp"
#include "support/diagnostic.hpp"

namespace folio::manuscript {

/// One source file's bytes, by its name relative to the manuscript folder.
struct SourceFile {
  std::string name;
  std::string text;
};

/// Where the reader gets its bytes: a folder on disk, or memory (tests, fuzzing).
class FileSource {
 public:
  virtual ~FileSource() = default;
  /// The folder writers resolve images against (empty for memory sources).
  virtual std::filesystem::path base_dir() const = 0;
  /// The bytes of `name`, or nullopt when it does not exist or is not a regular file
  /// inside the manuscript folder (then `why` says what is wrong).
  virtual std::optional<std::string> read(const std::string& name, std::string& why) const = 0;
  /// Every *.md file directly in the folder, sorted by name.
  virtual std::vector<std::string> markdown_files() const = 0;
};

/// Reads a manuscript folder. Reports a diagnostic and returns null when `dir` is unusable.
std::unique_ptr<FileSource> open_folder(const std::filesystem::path& dir,
                                        support::Diagnostics& diags);

/// An in-memory manuscript: file name → bytes ("book.yaml" among them).
std::unique_ptr<FileSource> memory_source(std::vector<SourceFile> files);

/// A read manuscript: the model, plus every source text read (for diagnostics and checks).
struct Manuscript {
  model::Document document;
  std::vector<SourceFile> sources;
  const SourceFile* source(std::string_view name) const;
};

/// Reads book.yaml and the Markdown files it lists. Problems go to `diags`. Returns nullopt
/// only when book.yaml cannot be read at all; otherwise the sources read so far come back
/// (for quoting in diagnostics) and the model is usable only if `diags` holds no error.
std::optional<Manuscript> read_manuscript(const FileSource& files, support::Diagnostics& diags);

}  // namespace folio::manuscript
