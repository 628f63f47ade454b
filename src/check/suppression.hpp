// The `check: {ignore: {code: [files]}}` setting of book.yaml: warnings an author keeps.
#pragma once

#include <string>
#include <vector>

#include "manuscript/reader.hpp"
#include "support/diagnostic.hpp"

namespace folio::check {

/// Which warnings to drop, per code: file names or shell patterns ("*" for every file).
class Suppression {
 public:
  /// Reads the setting from book.yaml's text; problems with it are reported as
  /// check-setting warnings.
  static Suppression from_book_yaml(const manuscript::Manuscript& m, support::Diagnostics& diags);

  /// True when the warning `code` in `file` is to be dropped.
  bool silences(support::Code code, const std::string& file) const;

  /// Drops the silenced warnings from `diags` (errors are never dropped).
  void apply(support::Diagnostics& diags) const;

 private:
  struct Rule {
    support::Code code;
    std::vector<std::string> patterns;
  };
  std::vector<Rule> rules_;
};

}  // namespace folio::check
