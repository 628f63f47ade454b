// What both editions share, decided once per build: date, identifier, style, labels, imprint.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "facts/identifier.hpp"
#include "facts/labels.hpp"
#include "model/document.hpp"
#include "support/diagnostic.hpp"

namespace folio::facts {

/// The style a build uses: the command line's --style, else book.yaml's `style:`, else
/// "classic", looked up once. Each writer loads `path` (and says in its own way what it does
/// when there is none: the PDF stops, the EPUB falls back to the classic design).
struct StyleChoice {
  std::string name;             ///< as asked for: "libertine", "house.yaml"
  bool from_book_yaml = false;  ///< the name came from book.yaml's `style:`
  support::SourcePos where;     ///< book.yaml's `style:` value, when it came from there
  std::optional<std::filesystem::path> path;  ///< where it was found; nullopt: not found
  std::string refused;  ///< why a file that was found may not be used (outside the folder)
  /// folio's style folders searched after the manuscript's styles/ (for messages).
  std::vector<std::filesystem::path> dirs;
};

/// One line of the copyright page, in the order the page shows them.
struct CopyrightLine {
  std::string kind;  ///< rights | edition | publisher | isbn | identifier (the EPUB's class)
  std::string text;  ///< as set: "© 1897 …", "First edition 1897", "Published by …"
};

struct EditionFacts {
  /// Seconds since 1970 (negative before): EPUB dcterms:modified and zip times, PDF dates.
  std::int64_t build_time = 0;
  BookIdentifier identifier;
  std::string lang;  ///< book.yaml's `lang`, "und" when it gives none
  const GeneratedLabels* labels = &labels_for("en");
  StyleChoice style;
  std::vector<CopyrightLine> copyright;
};

struct FactsOptions {
  /// The SOURCE_DATE_EPOCH to honour; unset: the environment variable's value, if any.
  std::optional<std::string> source_date_epoch;
  /// --style (a name or a path); empty: book.yaml's `style:`, else "classic".
  std::string style;
  /// Where style names are looked up after the manuscript's styles/ folder: folio's own
  /// styles. Empty: `styles/` in the default data search path (support::default_data_dirs).
  std::vector<std::filesystem::path> style_dirs;
};

/// The facts of `doc`'s editions. nullopt after reporting an error: an ISBN whose check digit
/// is wrong, an unusable SOURCE_DATE_EPOCH. A style that cannot be found is not an error here
/// (StyleChoice::path is empty): each writer reports it as its edition needs.
std::optional<EditionFacts> edition_facts(const model::Document& doc, const FactsOptions& options,
                                          support::Diagnostics& diags);

/// The style lookup edition_facts makes (exposed for the writers' tests).
StyleChoice choose_style(const model::Document& doc, const std::string& option,
                         const std::vector<std::filesystem::path>& dirs);

/// The copyright page's lines: the rights notice, the edition (book.yaml's `edition:`, as
/// written; none without the key — never made up from `date:`), the publisher, and the
/// ISBN or the identifier book.yaml gives (a generated urn:uuid is not shown).
std::vector<CopyrightLine> copyright_lines(const model::Metadata& meta, const BookIdentifier& id,
                                           const GeneratedLabels& labels);

/// What a stage that is given no facts uses (tests, and writers called on their own): the
/// language, labels and copyright lines of `meta`, build time 0, the classic style unchosen.
/// Never fails: an identifier that is not a valid ISBN is shown as written.
EditionFacts metadata_facts(const model::Metadata& meta);

}  // namespace folio::facts
