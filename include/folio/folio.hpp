// folio's public API: a manuscript folder in, an EPUB 3 and a typeset print PDF out.
//
// The only header a program linking folio::folio includes. Its types are folio's own and
// opaque (the document model, the style and the typesetter stay internal), so a program
// builds against this file alone; everything here is in namespace folio::api.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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
  int end_line = 0;  ///< the end of the range the problem covers; 0: a point, not a range
  int end_column = 0;
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

struct BuildRequest;
struct BuildResult;

/// A manuscript folder read into folio's document model. Copies share the one model.
class Book {
 public:
  std::string title() const;
  /// The file name stem folio gives the book's outputs ("a-tale-of-two-cities").
  std::string slug() const;
  /// The manuscript's files as diagnostics name them (book.yaml first, then the contents in
  /// reading order), and the text of one as it was read (empty when it is not one of them),
  /// for quoting the lines diagnostics point at.
  std::vector<std::string> files() const;
  std::string_view text(std::string_view file) const;

  struct Impl;  ///< defined inside the library only: a program cannot look in
  const Impl& impl() const { return *impl_; }

 private:
  friend std::optional<Book> read(const std::filesystem::path&, Diagnostics&);
  friend BuildResult build(const BuildRequest&);
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

/// What only setting the book finds (the style and its fonts, a character no face has, the
/// printer's margin rules, the EPUB's fonts when embedded), reported as a build would: the
/// book typeset in `style` without drawing it. Only errors are added, and with a `printer`
/// other than the screen, what its preflight would reject (print-*). True without errors.
bool check_print_edition(const Book& book, const Style& style, Diagnostics& diags,
                         const Resources& resources = {}, Printer printer = Printer::screen);

/// One manuscript file rewritten by fix().
struct FixedFile {
  std::string file;
  std::size_t fixes = 0;
  std::string error;  ///< why it could not be rewritten, or empty
};

/// Applies the safe fixes among `found` (check()'s diagnostics on this `book`: straight
/// quotes, double spaces…) to the manuscript's files in place, each rewritten atomically with
/// its permissions kept. Read the folder again afterwards: `book` still holds the old text.
std::vector<FixedFile> fix(const Book& book, const Diagnostics& found);

/// The document model as JSON (the shape docs/model-json.md describes; `folio dump`).
std::string dump_json(const Book& book);

/// Decides what both editions share. nullopt after an error (an ISBN whose check digit is
/// wrong, an unusable SOURCE_DATE_EPOCH).
std::optional<Publication> publication(const Book& book, const Style& style, Diagnostics& diags,
                                       const PublicationOptions& options = {});

/// Typesets the print edition in the publication's style. nullopt after an error.
std::optional<Pages> typeset(const Book& book, const Publication& publication, Diagnostics& diags,
                             const PrintOptions& options = {});

/// The typeset pages as text (`folio dump --layout`; the shape docs/cli.md describes): a line
/// per page, and under it a line per set line (its number on the page, baseline, adjustment
/// ratio, badness, what it is, its first words), per figure and per note. For tests and review:
/// a layout change shows as a diff of it.
std::string dump_layout(const Pages& pages);

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

/// A contact sheet of the print edition: pages `first`..`last` (1-based, as the PDF numbers
/// them; `last` past the end: to the end) drawn as spreads into one PNG at `dpi`.
struct ContactSheetRequest {
  std::size_t first = 1;
  std::size_t last = 8;
  double dpi = 72;
  std::filesystem::path output;
};

struct ContactSheet {
  bool ok = false;
  std::size_t page_count = 0;  ///< the book's pages (also when `first` is past the end)
  std::size_t last = 0;        ///< the last page drawn
  int width = 0, height = 0;   ///< the PNG, in pixels
  std::string failure;         ///< a problem that is not the manuscript's, or empty
};

/// Typesets `book` for print and writes the sheet `request` asks for (atomically). Not ok
/// after an error in `diags`, or with `failure` said (a first page past the end, a sheet too
/// large, a PNG that cannot be written).
ContactSheet write_contact_sheet(const Book& book, const Publication& publication,
                                 const ContactSheetRequest& request, Diagnostics& diags);

/// A proof of the full-wrap cover (`folio preview --cover`): the wrap for `printer` on
/// `paper`, from the typeset book's page count, drawn at `dpi` into a PNG with the guides a
/// designer checks (trim, spine folds, safe areas, barcode area).
struct CoverProofRequest {
  Printer printer = Printer::screen;
  Paper paper = Paper::white;
  double dpi = 72;
  std::filesystem::path output;
};

/// Typesets `book` and writes the proof (atomically); false after an error in `diags`, or
/// with `failure` set (an output inside the manuscript, a file that is not a PNG).
bool write_cover_proof(const Book& book, const Publication& publication,
                       const CoverProofRequest& request, Diagnostics& diags, std::string& failure);

/// What `folio build` does, scheduled by the library: read, check (beside the typesetting),
/// typeset, and write the EPUB (while the PDF is drawn) and the PDF into `out_dir`, both
/// renamed into place only when the whole build succeeded.
struct BuildRequest {
  std::filesystem::path dir;
  std::filesystem::path out_dir;
  bool epub = true;  ///< the editions to write; both false: both, as `folio build`
  bool pdf = true;
  bool werror = false;
  bool page_list = true;  ///< the print edition's page numbers in the EPUB (a page-list)
  /// Unset: book.yaml's `print: for:`, else the style's, else the screen PDF.
  std::optional<Printer> printer;
  /// Also the full-wrap cover for `printer`, OUTDIR/<slug>-cover.pdf (needs the PDF).
  bool cover = false;
  /// Unset: book.yaml's `print: paper:`, else the style's, else white.
  std::optional<Paper> paper;
  Style style;
  PrintOptions print;
  Resources resources;
  /// Told each stage the build reaches ("reading", "checking", "typesetting the PDF"…), on
  /// the calling thread; may be empty.
  std::function<void(std::string_view)> on_stage;
};

/// How a build ended; the values are `folio`'s exit statuses.
enum class BuildStatus : int { ok = 0, manuscript_errors = 1, failure = 2 };

struct BuildResult {
  bool ok = false;
  BuildStatus status = BuildStatus::failure;
  Diagnostics diagnostics;
  /// The manuscript as read (its files' text, for quoting the lines diagnostics point at);
  /// nullopt when its book.yaml could not be read.
  std::optional<Book> book;
  struct Output {
    std::filesystem::path path;
    double seconds = 0;  ///< time spent making it (measured, never written into it)
  };
  std::vector<Output> written;  ///< the outputs in place, EPUB first
  std::string editions_check;   ///< what the editions-agreement check compared, or empty
  std::string failure;          ///< a problem that is not the manuscript's, or empty
};

BuildResult build(const BuildRequest& request);

/// What `folio import` reads and where it writes the new manuscript folder.
struct ImportRequest {
  std::filesystem::path input;    ///< an .epub file, an unpacked EPUB folder or a .docx
  std::filesystem::path out_dir;  ///< must not exist, or be an empty folder
  /// Asked between the steps of writing the folder (after reading, before each file, before
  /// the rename): true stops the import, and the temporary folder is removed. `folio import`
  /// answers from SIGINT and SIGTERM. Empty: never stop.
  std::function<bool()> stop_requested;
};

struct ImportResult {
  bool ok = false;
  /// Errors (the input cannot be read or is unsafe, the folder cannot be written) and a
  /// warning for each kind of element that has no place in a manuscript; file is the
  /// package's entry (`OEBPS/text/chapter-1.xhtml`), line and column the element's.
  Diagnostics diagnostics;
  std::filesystem::path dir;  ///< the folder written (only when ok)
  std::size_t files = 0;      ///< Markdown files written
  std::size_t images = 0;
  std::string report;    ///< the mapping report, as written to DIR/import-report.md
  double seconds = 0;    ///< time spent reading and writing
  bool stopped = false;  ///< stop_requested said stop: nothing was written
};

/// Reads an EPUB (2 or 3, zipped or unpacked) or a Word document into a new manuscript
/// folder: book.yaml, one Markdown file per chapter in reading order, images/ and
/// import-report.md. The
/// folder is complete or absent: it is written under a temporary name beside `out_dir` and
/// renamed into place. Nothing is written outside it.
ImportResult import_book(const ImportRequest& request);

/// True when `tag` is a well-formed BCP 47 language tag ("en", "en-US", "sr-Latn"), as
/// book.yaml's `lang` must be.
bool is_language_tag(std::string_view tag);

/// Call once at the start of a program, before any thread starts, for PDFs byte-identical to
/// `folio build`'s: folio's post-pass reads Cairo's streams uncompressed and compresses them
/// itself (this sets CAIRO_DEBUG_PDF in the environment).
void prepare_process();

}  // namespace folio::api
