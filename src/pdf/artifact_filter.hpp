// qpdf's token filter that marks unmarked page content as /Artifact (the reference for
// artifact_marks.cpp, and its fallback for streams that scanner leaves alone).
#pragma once

#include <qpdf/QPDFObjectHandle.hh>

#include <memory>

namespace folio::pdf {

/// Wraps content outside any marked-content sequence (running heads, folios, rules, marks) in
/// /Artifact BMC … EMC, one graphics object at a time, never across q/Q.
std::shared_ptr<QPDFObjectHandle::TokenFilter> make_artifact_filter();

}  // namespace folio::pdf
