// Model → folio manuscript text: sections as Markdown (the syntax docs/manuscript.md
// describes) and the metadata as book.yaml.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"

namespace folio::import {

/// The Markdown of `sections` (one file): headings with their roles and attributes, blocks,
/// and each section's notes after it. Reading it back gives the same model.
std::string write_markdown(const std::vector<model::Section>& sections);

/// book.yaml for `meta`, its `contents` the files in reading order.
std::string write_book_yaml(const model::Metadata& meta, const std::vector<std::string>& files,
                            const std::string& comment);

}  // namespace folio::import
