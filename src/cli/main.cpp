// `folio`: the command line. Parses arguments with CLI11 and hands off to one command.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <exception>
#include <thread>

#include "cli/commands.hpp"
#include "cli/generate_command.hpp"
#include "support/atomic_file.hpp"
#include "support/threads.hpp"

#ifndef FOLIO_VERSION
#define FOLIO_VERSION "0.0.0"
#endif

int main(int argc, char** argv) try {
  using namespace folio::cli;
  folio::support::remove_temporaries_on_signal();
  folio::api::prepare_process();  // before any thread starts
  CLI::App app{"folio: one manuscript in, a store-ready EPUB 3 and a print-ready PDF out."};
  app.set_version_flag("--version", "folio " FOLIO_VERSION);
  app.require_subcommand(1);
  // Global flags may also follow the subcommand (`folio build -q`): subcommands created
  // below inherit fallthrough and pass options they do not know up to `folio`.
  app.fallthrough();
  bool quiet = false, verbose = false;
  app.add_flag("-q,--quiet", quiet, "Print diagnostics only: no progress, no list of outputs");
  app.add_flag("-v,--verbose", verbose, "Also print timings, files created and files changed");
  app.footer(
      "Examples:\n"
      "  folio build                 build out/<slug>.epub and out/<slug>.pdf from manuscript/\n"
      "  folio build mybook -o dist  build from mybook/ into dist/\n"
      "  folio check --format json   validate manuscript/ and print diagnostics as JSON\n"
      "  folio dump mybook | jq .    show the document model\n"
      "  folio init mybook           start a new book in mybook/\n"
      "  folio import book.epub      bring an EPUB (or a .docx) in as a new folder, book/\n"
      "  folio watch mybook          rebuild on every save (Ctrl-C to stop)\n"
      "  folio preview --pages 1-8   draw PDF pages 1–8 as spreads into a PNG\n\n"
      "Exit status: 0 success, 1 manuscript errors, 2 usage or I/O errors.");

  BuildOptions build;
  auto* build_cmd = app.add_subcommand("build", "Build the EPUB and the PDF (both by default)");
  build_cmd->add_option("DIR", build.dir, "Manuscript folder (default: manuscript)");
  build_cmd->add_option("-o,--output", build.out_dir, "Output folder (default: out)");
  build_cmd->add_flag("--epub", build.epub, "Build the EPUB only");
  build_cmd->add_flag("--pdf", build.pdf, "Build the PDF only");
  build_cmd->add_flag("--werror", build.werror, "Treat warnings as errors");
  build_cmd->add_flag("--bleed", build.bleed,
                      "PDF: add a 0.125 in bleed on the outside, top and bottom edges");
  build_cmd->add_flag("--crop-marks", build.crop_marks, "PDF: add crop marks around each page");
  build_cmd
      ->add_option("--for", build.printer,
                   "PDF: the printer it is for: screen (tagged, bookmarks, links; the default) or "
                   "kdp (no bookmarks or links, as KDP asks)")
      ->check(CLI::IsMember({"screen", "kdp", "ingramspark"}));
  build_cmd->add_flag("--cover", build.cover,
                      "Also write OUTDIR/<slug>-cover.pdf: back, spine and front on one sheet with "
                      "bleed, the spine from the page count and --paper");
  build_cmd->add_option("--paper", build.paper, "Interior paper for the spine: white or cream")
      ->check(CLI::IsMember({"white", "cream"}));
  build_cmd->add_flag("--no-page-list", build.no_page_list,
                      "EPUB: leave out the print edition's page numbers (then --epub skips "
                      "typesetting)");
  build_cmd->add_option("--style", build.style,
                        "Style NAME (styles/NAME.yaml) or PATH to a .yaml file; wins over "
                        "book.yaml's style:");
  build_cmd
      ->add_option("-j,--jobs", build.jobs,
                   "Threads to use (default 0: one per core; 1: no threads of folio's own; at "
                   "most 256); the outputs are the same whatever the number")
      ->check(CLI::Validator(
          [](const std::string& value) -> std::string {
            // Each thread sets sections with a font map of its own: thousands would exhaust
            // memory or the process limit long before they could help.
            unsigned long long n = 0;
            try {
              n = std::stoull(value);
            } catch (const std::exception&) {
              return {};  // CLI11 reports the non-number itself
            }
            return n > kMaxJobs ? fmt::format("at most {} threads (0: one per core)", kMaxJobs)
                                : std::string();
          },
          "", "at most 256"));

  CheckOptions check;
  std::string format = "text";
  auto* check_cmd = app.add_subcommand("check", "Validate the manuscript; write nothing");
  check_cmd->add_option("DIR", check.dir, "Manuscript folder (default: manuscript)");
  check_cmd->add_option("--format", format, "Diagnostics as text or json")
      ->check(CLI::IsMember({"text", "json"}));
  check_cmd->add_flag("--werror", check.werror, "Treat warnings as errors");
  check_cmd
      ->add_option("--for", check.printer,
                   "Also what this printer's preflight rejects: kdp or ingramspark "
                   "(colour pictures, art near the trim, too few pages)")
      ->check(CLI::IsMember({"screen", "kdp", "ingramspark"}));
  check_cmd->add_flag("--fix", check.fix,
                      "Apply the typographic fixes in place (each file rewritten atomically)");

  DumpOptions dump;
  auto* dump_cmd = app.add_subcommand("dump", "Print the document model as JSON");
  dump_cmd->add_option("DIR", dump.dir, "Manuscript folder (default: manuscript)");
  auto* layout_flag = dump_cmd->add_flag(
      "--layout", dump.layout, "Print the typeset pages instead: a line per page and per set line");
  dump_cmd->add_option("--style", dump.style, "With --layout: the style (name or .yaml path)")
      ->needs(layout_flag);

  // Examples for the three commands above, and the author's workflow commands.
  build_cmd->footer(
      "Examples:\n"
      "  folio build                   manuscript/ → out/<slug>.epub and out/<slug>.pdf\n"
      "  folio build mybook -o dist    mybook/ → dist/\n"
      "  folio build --epub --werror   the EPUB only, refusing any warning");
  check_cmd->footer(
      "Examples:\n"
      "  folio check mybook                 diagnostics as file:line:col: severity: message\n"
      "  folio check --format json | jq .   the same as a JSON array\n"
      "  folio check --werror               exit 1 on warnings too (for CI)\n"
      "  folio check --fix                  straighten quotes, dashes, spaces in place");
  dump_cmd->footer(
      "Examples:\n"
      "  folio dump mybook | jq '.sections[].title'\n"
      "  folio dump --layout mybook      pages, baselines, badness, first words");

  InitOptions init;
  auto* init_cmd = app.add_subcommand("init", "Start a new manuscript in a new (or empty) folder");
  init_cmd->add_option("DIR", init.dir, "The folder to create")->required();
  init_cmd->add_option("--title", init.title, "The title (default: made from DIR's name)");
  init_cmd->add_option("--author", init.author, "The author")->capture_default_str();
  init_cmd->add_option("--lang", init.lang, "The language, a BCP 47 tag")->capture_default_str();
  init_cmd->footer(
      "Writes book.yaml (every key, each explained), preface.md, 01-chapter.md and\n"
      "FORMAT.txt. Never overwrites: DIR must be new or empty.\n\n"
      "Examples:\n"
      "  folio init mybook && folio build mybook\n"
      "  folio init novel --title \"The Long Field\" --author \"Ada Writer\" --lang en-GB");

  ImportOptions import_options;
  auto* import_cmd = app.add_subcommand(
      "import", "Bring an EPUB or a Word document in as a new manuscript folder, then check it");
  import_cmd
      ->add_option("FILE", import_options.input,
                   "An .epub file, an unpacked EPUB folder or a .docx file")
      ->required();
  import_cmd->add_option("-o,--output", import_options.out_dir,
                         "The folder to create (default: FILE's name without .epub or .docx)");
  import_cmd->footer(
      "Writes book.yaml, one Markdown file per chapter in reading order, images/\n"
      "and import-report.md (what became what, and every part with no place in a manuscript,\n"
      "with its file, line and element path); then runs `folio check` on the folder. Never\n"
      "overwrites: DIR must be new or empty, and an error leaves nothing behind.\n\n"
      "Examples:\n"
      "  folio import dracula.epub && folio build dracula\n"
      "  folio import backlist/title.epub -o title\n"
      "  folio import manuscript.docx -o novel");

  WatchOptions watch;
  auto* watch_cmd =
      app.add_subcommand("watch", "Build, then rebuild whenever a file in the manuscript changes");
  // Bound to `build`, like `folio build`'s options: a watch is a series of builds.
  watch_cmd->add_option("DIR", build.dir, "Manuscript folder (default: manuscript)");
  watch_cmd->add_option("-o,--output", build.out_dir, "Output folder (default: out)");
  watch_cmd->add_flag("--epub", build.epub, "Build the EPUB only");
  watch_cmd->add_flag("--pdf", build.pdf, "Build the PDF only");
  watch_cmd->add_flag("--werror", build.werror, "Treat warnings as errors");
  watch_cmd->add_flag("--bleed", build.bleed,
                      "PDF: add a 0.125 in bleed on the outside, top and bottom edges");
  watch_cmd->add_flag("--crop-marks", build.crop_marks, "PDF: add crop marks around each page");
  watch_cmd->add_option("--style", build.style,
                        "Style NAME (styles/NAME.yaml) or PATH to a .yaml file; wins over "
                        "book.yaml's style:");
  watch_cmd
      ->add_option("--debounce", watch.debounce_ms, "Milliseconds without changes before a rebuild")
      ->capture_default_str()
      ->check(CLI::Range(0, 10000));
  watch_cmd->footer(
      "Prints each build's diagnostics and a one-line summary; a failed build leaves the\n"
      "earlier outputs in place. Ctrl-C (SIGINT) or SIGTERM stops it with exit status 0.\n\n"
      "Examples:\n"
      "  folio watch                  watch manuscript/, write to out/\n"
      "  folio watch mybook --epub    only the EPUB, for quick proofreading in a reader");

  PreviewOptions preview;
  auto* preview_cmd = app.add_subcommand("preview", "Draw pages of the PDF into a PNG, as spreads");
  preview_cmd->add_option("DIR", preview.dir, "Manuscript folder (default: manuscript)");
  preview_cmd->add_option("--pages", preview.pages, "Pages, as N or FIRST-LAST (1-based)")
      ->capture_default_str();
  preview_cmd->add_option("-o,--output", preview.output,
                          "The PNG to write (default: out/<slug>-preview.png)");
  preview_cmd->add_option("--dpi", preview.dpi, "Resolution in pixels per inch")
      ->capture_default_str()
      ->check(CLI::Range(10.0, 600.0));
  preview_cmd->add_flag("--cover", preview.cover,
                        "Draw the full-wrap cover with its guides instead (default output: "
                        "out/<slug>-cover-proof.png)");
  preview_cmd->add_option("--for", preview.printer, "With --cover: the printer (screen, kdp)")
      ->check(CLI::IsMember({"screen", "kdp", "ingramspark"}));
  preview_cmd->add_option("--paper", preview.paper, "With --cover: white or cream")
      ->check(CLI::IsMember({"white", "cream"}));
  preview_cmd->footer(
      "Typesets the book as `folio build` does and draws the chosen pages side by side as\n"
      "spreads (verso left, recto right) on one contact sheet.\n\n"
      "Examples:\n"
      "  folio preview                         pages 1–8 of manuscript/ at 72 dpi\n"
      "  folio preview mybook --pages 9-16 --dpi 150 -o proof.png\n"
      "  folio preview --cover --for kdp --paper cream");

  GenerateOptions generate;
  auto* generate_cmd = add_generate_command(app, generate);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }

  // Checked here rather than with CLI11's excludes(), which clutters --help.
  if (quiet && verbose) {
    fmt::print(stderr, "folio: error: --quiet and --verbose cannot be used together\n");
    return kExitUsage;
  }
  // Commands that typeset start Pango, whose helper threads abort the process (GLib) when they
  // cannot start; folio's own threads fall back to running inline, Pango's cannot. Measured with
  // `prlimit --nproc` as a user: one thread builds with 7 processes allowed (6 aborted in
  // FcFontSetSort), four threads with 16 (14 aborted). Too few for -j N: one thread, same bytes.
  if (*build_cmd || *watch_cmd || *preview_cmd || *check_cmd) {
    unsigned jobs = build.jobs ? build.jobs : std::max(1u, std::thread::hardware_concurrency());
    if (jobs > 1 && !folio::support::can_start_threads(static_cast<int>(3 + 3 * jobs))) {
      if (!quiet)
        fmt::print(stderr,
                   "folio: note: the process limit (ulimit -u) leaves too few threads for {} "
                   "jobs; setting the book on one\n",
                   jobs);
      build.jobs = 1;
    }
    if (!folio::support::can_start_threads(6)) {
      fmt::print(stderr,
                 "folio: error: cannot start threads: the process limit (ulimit -u) is "
                 "reached; folio needs about 8 to set a book\n");
      return kExitUsage;
    }
  }
  Verbosity verbosity = quiet ? Verbosity::quiet : verbose ? Verbosity::verbose : Verbosity::normal;
  build.verbosity = init.verbosity = preview.verbosity = import_options.verbosity = verbosity;
  if (*build_cmd) return run_build(build);
  if (*init_cmd) return run_init(init);
  if (*import_cmd) return run_import(import_options);
  if (*watch_cmd) {
    watch.build = build;
    return run_watch(watch);
  }
  if (*preview_cmd) return run_preview(preview);
  if (*generate_cmd) return run_generate(app, generate);
  if (*check_cmd) {
    check.format = format == "json" ? ReportFormat::json : ReportFormat::text;
    return run_check(check);
  }
  if (*dump_cmd) return run_dump(dump);
  return kExitUsage;
} catch (const std::exception& e) {
  // Stages report through diagnostics; reaching here is a bug, but never a crash.
  fmt::print(stderr, "folio: internal error: {}\n", e.what());
  return 2;
}
