// The registry of diagnostic codes: one row per stable code, whoever reports it.
#pragma once

#include <span>
#include <string_view>

#include "support/diagnostic.hpp"

namespace folio::check {

/// Which part of folio reports a code (also the heading it sits under in docs/checks.md).
enum class Family { reader, metadata, files, structure, typography, settings };

struct CodeInfo {
  std::string_view code;
  support::Severity severity;
  Family family;
  /// True when `folio check --fix` may apply the diagnostic's fix without asking.
  bool auto_fix = false;
};

/// Every code folio check and the manuscript reader report, in documentation order.
std::span<const CodeInfo> all_codes();

/// The row for `code`, or null when folio has no such code.
const CodeInfo* find_code(std::string_view code);

}  // namespace folio::check
