// `--pages 1-8`: a range of 1-based page numbers, as printed in a PDF viewer's page box.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace folio::cli {

struct PageRange {
  int first = 1;  ///< 1-based, inclusive
  int last = 1;   ///< 1-based, inclusive, >= first
};

/// Parses "N" or "FIRST-LAST" (spaces allowed around the dash). nullopt, with `error` set,
/// for anything else: a zero, a reversed range, a number past 100000.
std::optional<PageRange> parse_page_range(std::string_view text, std::string& error);

}  // namespace folio::cli
