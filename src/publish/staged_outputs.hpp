// The outputs of a build written so far under temporary names, removed unless committed.
#pragma once

#include <filesystem>

#include "support/atomic_file.hpp"

namespace folio::publish {

/// Whatever is not committed (support::commit_temporaries, after std::exchange-ing the path
/// out) is removed when the build ends, so a build that fails anywhere leaves the earlier
/// outputs as they were.
struct StagedOutputs {
  std::filesystem::path epub, pdf, cover;
  StagedOutputs() = default;
  StagedOutputs(const StagedOutputs&) = delete;
  StagedOutputs& operator=(const StagedOutputs&) = delete;
  ~StagedOutputs() {
    if (!epub.empty()) support::discard_temporary(epub);
    if (!pdf.empty()) support::discard_temporary(pdf);
    if (!cover.empty()) support::discard_temporary(cover);
  }
};

}  // namespace folio::publish
