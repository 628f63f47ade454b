// folio's public API: a manuscript folder in, an EPUB 3 and a typeset print PDF out.
//
// The only header a program linking folio::folio includes. Its types are folio's own and
// opaque (the document model, the style and the typesetter stay internal), so a program
// builds against this file alone; everything here is in namespace folio::api.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace folio::api {

enum class Severity { note, warning, error };

/// One problem folio found, with its stable code ("heading-skip", "style-not-found"…; see
/// docs/checks.md) and where it is (file relative to the manuscript; line 0: no position).
struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;
  std::string message;
  std::string file;
  int line = 0;
  int column = 0;
  std::string fix;  ///< a suggested replacement or action, or empty
};

/// What the calls report, in the order they report it.
struct Diagnostics {
  std::vector<Diagnostic> items;
  bool has_errors() const;
  std::size_t count(Severity severity) const;
};

/// Where folio finds its own data: each folder may hold styles/ (the named styles) and
/// fonts/. Empty: $FOLIO_DATA_DIR, share/folio beside the running program or one level up
/// (an installed prefix), then the configured install prefix's share/folio.
struct Resources {
  std::vector<std::filesystem::path> data_dirs;
};

/// A manuscript folder read into folio's document model. Copies share the one model.
class Book {
 public:
  std::string title() const;
  /// The file name stem folio gives the book's outputs ("a-tale-of-two-cities").
  std::string slug() const;

  struct Impl;  ///< defined inside the library only: a program cannot look in
  const Impl& impl() const { return *impl_; }

 private:
  friend std::optional<Book> read(const std::filesystem::path&, Diagnostics&);
  explicit Book(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

/// The style a book is set in: a style name ("classic", "libertine"…, looked up in the
/// manuscript's styles/ and then folio's) or a path to a .yaml file; empty: book.yaml's
/// `style:`, else classic.
struct Style {
  std::string name;
};

struct PublicationOptions {
  Resources resources;
  /// The SOURCE_DATE_EPOCH to honour; unset: the environment variable's, if any.
  std::optional<std::string> source_date_epoch;
};

/// What both editions of a book share, decided once: the build date, the identifier, the
/// language and its generated labels, the style, the copyright lines. Copies share them;
/// refers to nothing of the Book it was made from.
class Publication {
 public:
  std::int64_t build_time() const;  ///< seconds since 1970: the outputs' dates
  std::string identifier() const;   ///< "urn:isbn:…" or "urn:uuid:…"
  std::string language() const;     ///< book.yaml's `lang`, "und" without one
  /// The style file chosen; nullopt when the named style was not found (the writers report it).
  std::optional<std::filesystem::path> style_file() const;

  struct Impl;  ///< defined inside the library only: a program cannot look in
  const Impl& impl() const { return *impl_; }

 private:
  friend std::optional<Publication> publication(const Book&, const Style&, Diagnostics&,
                                                const PublicationOptions&);
  explicit Publication(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

/// Who the print PDF is for: `screen` is the tagged, bookmarked, linked PDF; `kdp` leaves out
/// the outline and links (KDP: "no bookmarks, annotations"); `ingramspark` (PDF/X-1a) is
/// refused for now. Their rules: src/style/print_profile.cpp.
enum class Printer { screen, kdp, ingramspark };
/// The interior paper, which decides the spine's width.
enum class Paper { white, cream };

struct PrintOptions {
  bool bleed = false;       ///< 0.125 in (9 pt) added on the outside, top and bottom
  bool crop_marks = false;  ///< trim marks in a slug around each page
  unsigned threads = 0;     ///< 0: one per core; 1: the calling thread only
};

/// The print edition typeset into pages (drawn for the PDF as they were finished).
/// Copies share the pages; write_pdf consumes their drawing, so they are written once.
class Pages {
 public:
  std::size_t page_count() const;

  struct Impl;  ///< defined inside the library only: a program cannot look in
  Impl& impl() { return *impl_; }
  const Impl& impl() const { return *impl_; }

 private:
  friend std::optional<Pages> typeset(const Book&, const Publication&, Diagnostics&,
                                      const PrintOptions&);
  explicit Pages(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<Impl> impl_;
};

/// Reads the manuscript folder `dir` (book.yaml and the Markdown files it lists). nullopt,
/// or a Book with errors in `diags`, when it cannot be used: check has_errors().
std::optional<Book> read(const std::filesystem::path& dir, Diagnostics& diags);

/// Runs every check on `book` (`style`: for the div classes it designs). True without errors.
bool check(const Book& book, const Style& style, Diagnostics& diags,
           const Resources& resources = {});

/// Decides what both editions share. nullopt after an error (an ISBN whose check digit is
/// wrong, an unusable SOURCE_DATE_EPOCH).
std::optional<Publication> publication(const Book& book, const Style& style, Diagnostics& diags,
                                       const PublicationOptions& options = {});

/// Typesets the print edition in the publication's style. nullopt after an error.
std::optional<Pages> typeset(const Book& book, const Publication& publication, Diagnostics& diags,
                             const PrintOptions& options = {});

/// Writes the EPUB 3 edition to `output` (atomically); with `pages`, the print edition's page
/// numbers are marked in it and listed in a page-list. False after an error.
bool write_epub(const Book& book, const Publication& publication,
                const std::filesystem::path& output, Diagnostics& diags,
                const Pages* pages = nullptr);

/// Writes the typeset print edition to `output` as a PDF (atomically). False after an error.
/// `pages` must come from typeset() with this `publication`, and be written once
/// (std::logic_error otherwise).
bool write_pdf(const Book& book, const Publication& publication, Pages& pages,
               const std::filesystem::path& output, Diagnostics& diags);

/// What `folio build` does, scheduled by the library: read, check (beside the typesetting),
/// typeset, and write the EPUB (while the PDF is drawn) and the PDF into `out_dir`, both
/// renamed into place only when the whole build succeeded.
struct BuildRequest {
  std::filesystem::path dir;
  std::filesystem::path out_dir;
  bool epub = true;  ///< the editions to write; both false: both, as `folio build`
  bool pdf = true;
  bool werror = false;
  Style style;
  PrintOptions print;
  Resources resources;
};

struct BuildResult {
  bool ok = false;
  Diagnostics diagnostics;
  std::vector<std::filesystem::path> written;
  std::string failure;  ///< a problem that is not the manuscript's, or empty
};

BuildResult build(const BuildRequest& request);

}  // namespace folio::api
