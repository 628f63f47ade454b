// Marks a page's unmarked content (running heads, folios, rules) as /Artifact, byte for byte
// as qpdf's token filter in post_pass.cpp would, without qpdf's tokenizer.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace folio::pdf {

/// `content` (a decoded content stream) with every graphics object outside a marked-content
/// sequence wrapped in "/Artifact BMC … EMC", never across q/Q. Returns nothing when the stream
/// holds what this scanner leaves to qpdf (comments, inline images, malformed tokens).
std::optional<std::string> mark_artifacts(std::string_view content);

}  // namespace folio::pdf
