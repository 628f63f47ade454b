// For C++ tests: a manuscript folder (a fixture) read into its document model in one call.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>

#include "manuscript/reader.hpp"
#include "model/document.hpp"

namespace folio::test_support {

/// The document model of the manuscript in `dir`; a test failure (and an empty document)
/// when it cannot be read or reading reports an error.
inline model::Document read_fixture(const std::filesystem::path& dir) {
  support::Diagnostics diags;
  auto src = manuscript::open_folder(dir, diags);
  auto m = src ? manuscript::read_manuscript(*src, diags) : std::nullopt;
  EXPECT_TRUE(m && !diags.has_errors()) << dir;
  return m ? std::move(m->document) : model::Document{};
}

}  // namespace folio::test_support
