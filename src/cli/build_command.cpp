// `folio build`: read, check, then write the EPUB and the PDF into the output folder.
#include <fmt/format.h>

#include <chrono>
#include <future>
#include <system_error>
#include <utility>

#include "check/check.hpp"
#include "cli/commands.hpp"
#include "cli/install_paths.hpp"
#include "cli/load.hpp"
#include "cli/output_guard.hpp"
#include "cli/progress_line.hpp"
#include "editions/editions.hpp"
#include "epub/epub_writer.hpp"
#include "facts/edition_facts.hpp"
#include "pdf/pdf_writer.hpp"
#include "support/atomic_file.hpp"
#include "support/threads.hpp"

namespace folio::cli {
namespace {

namespace fs = std::filesystem;

// The outputs written so far under temporary names; whatever is not committed is removed
// when the build ends, so a build that fails anywhere leaves the earlier outputs as they were.
struct StagedOutputs {
  fs::path epub, pdf;
  StagedOutputs() = default;
  StagedOutputs(const StagedOutputs&) = delete;
  StagedOutputs& operator=(const StagedOutputs&) = delete;
  ~StagedOutputs() {
    if (!epub.empty()) support::discard_temporary(epub);
    if (!pdf.empty()) support::discard_temporary(pdf);
  }
};

}  // namespace

BuildOutcome build_manuscript(const BuildOptions& options, ProgressLine& progress) {
  bool want_epub = options.epub || !options.pdf;
  bool want_pdf = options.pdf || !options.epub;

  BuildOutcome outcome;
  support::Diagnostics diags;
  progress.stage("reading");
  auto m = load_manuscript(options.dir, diags);
  // Checks run on a model only when reading succeeded: one root cause, one diagnostic. They
  // run on a thread of their own while the print edition is typeset (both only read the
  // model); nothing is written before their outcome is known, and what the typesetter reported
  // is dropped when they stop the build, as if it had not run.
  progress.stage("checking");
  support::Diagnostics check_diags;
  std::future<void> checked;
  bool concurrent = options.jobs != 1;
  std::set<std::string> designed;  // the style's classes, for unknown-div-class
  if (m && !diags.has_errors()) designed = designed_classes(m->document, options.style);
  if (m && !diags.has_errors() && concurrent)
    checked = support::async_or_deferred(
        true, [&] { check::check_manuscript(*m, check_diags, &designed); });
  else if (m && !diags.has_errors())
    check::check_manuscript(*m, diags, &designed);
  auto await_check = [&] {
    if (!checked.valid()) return;
    checked.get();
    for (auto& d : check_diags.items()) diags.report(std::move(d));
  };
  auto finish = [&](int status) {
    progress.clear();
    print_diagnostics(stderr, diags, m ? &*m : nullptr, ReportFormat::text, stderr_wants_color(),
                      true);
    outcome.status = status;
    outcome.errors = diags.count(support::Severity::error);
    outcome.warnings = diags.count(support::Severity::warning);
    return outcome;
  };
  auto blocked = [&] {
    return diags.has_errors() || (options.werror && diags.count(support::Severity::warning) > 0);
  };
  if (!m || (!checked.valid() && blocked())) return finish(kExitManuscript);
  if (is_within(options.out_dir, options.dir)) {
    await_check();
    finish(kExitUsage);
    fmt::print(stderr, "folio: error: the output folder {} lies inside the manuscript folder {}\n",
               options.out_dir.string(), options.dir.string());
    return outcome;
  }

  const model::Document& doc = m->document;
  std::string stem = model::slug(doc.metadata.title.value);
  bool ok = true;
  // What both editions share is decided here, once: the build time, the identifier, the
  // style, the labels and the copyright lines. Each writer reads it; neither decides again.
  // What stops it (an ISBN's check digit, SOURCE_DATE_EPOCH) is reported once the checks are
  // in, and only when they found nothing: a wrong ISBN is theirs to report first.
  support::Diagnostics facts_diags;
  std::optional<facts::EditionFacts> shared =
      facts::edition_facts(doc, {std::nullopt, options.style, installed_style_dirs()}, facts_diags);
  if (!shared) {
    await_check();
    if (!blocked())
      for (auto& d : facts_diags.items()) diags.report(std::move(d));
    return finish(kExitManuscript);
  }
  // Wall time of each writer, for --verbose and watch's summary; it never enters an output.
  auto record = [&](const fs::path& output, bool wrote, double seconds) {
    if (wrote)
      outcome.written.push_back({output, seconds});
    else
      ok = false;
  };
  pdf::PdfOptions po;
  po.output = options.out_dir / (stem + ".pdf");
  po.facts = &*shared;
  po.style_dirs = installed_style_dirs();
  po.style = options.style;
  po.bleed = options.bleed ? 9.0 : 0.0;  // 0.125 in
  po.crop_marks = options.crop_marks;
  po.threads = options.jobs;
  // The print edition is typeset first: its page starts become the EPUB's page list. Its
  // pages are drawn for the PDF as they are finished, while the rest is set. For the EPUB
  // alone it is typeset on a thread of its own while the writer embeds the fonts and draws the
  // cover; the writer takes the page starts just before it builds the content documents.
  std::optional<pdf::TypesetPdf> print;
  const typeset::PagedDocument* paged = nullptr;
  double typeset_seconds = 0;
  support::Diagnostics typeset_diags;  // with --epub, PDF problems are not the EPUB's
  pdf::PdfOptions for_pages = po;
  for_pages.page_map_only = !want_pdf;  // the EPUB needs the page starts, not the glyphs
  // Each page's glyphs go once it is drawn: the build never draws a page twice, and the
  // editions check reads only the runs' text and baselines (most of the memory otherwise).
  for_pages.release_drawn_glyphs = true;
  auto typeset_print = [&] {
    auto start = std::chrono::steady_clock::now();
    print = pdf::typeset_and_draw(doc, for_pages, typeset_diags);
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    typeset_seconds = took.count();
  };
  auto no_page_list_warning = [&] {
    diags.warning("epub-no-page-list", {},
                  "the print edition could not be typeset (build the PDF to see why), so the "
                  "EPUB has no print page numbers",
                  "pass --no-page-list to leave them out on purpose");
  };
  bool page_list = want_epub && !options.no_page_list;
  bool epub_beside_print = want_epub && !want_pdf && page_list && checked.valid();
  std::future<void> typeset_done;
  if (epub_beside_print) {
    typeset_done = support::async_or_deferred(true, typeset_print);
  } else if (want_pdf || page_list) {
    progress.stage("typesetting the PDF");
    typeset_print();
    if (print) paged = &print->paged;
    await_check();
    if (blocked()) return finish(kExitManuscript);
    if (want_pdf)
      for (auto& d : typeset_diags.items()) diags.report(std::move(d));
    if (!paged && !want_pdf) no_page_list_warning();
  }
  // Nothing is written, and no output folder made, before the checks pass. For the EPUB alone
  // it is put together while they run (and, with the page list, while the print edition is
  // typeset); only its writing waits for them (EpubOptions::may_write).
  std::string folder_error;
  bool checks_stopped = false;
  // Held from before the first temporary file is made until the outputs are renamed into
  // place; taking it sweeps temporaries a killed build left (OutputFolderLock).
  std::optional<support::OutputFolderLock> folder_lock;
  auto prepare_output = [&] {
    await_check();
    if (blocked()) {
      checks_stopped = true;
      return false;
    }
    std::error_code ec;
    fs::create_directories(options.out_dir, ec);
    if (ec) {
      folder_error = ec.message();
      return false;
    }
    folder_lock.emplace(options.out_dir, std::vector<std::string>{stem + ".epub", stem + ".pdf"});
    return true;
  };
  auto refuse = [&] {
    if (checks_stopped) return finish(kExitManuscript);
    finish(kExitManuscript);
    fmt::print(stderr, "folio: error: cannot create {}: {}\n", options.out_dir.string(),
               folder_error);
    return outcome;
  };
  bool epub_beside_checks =
      want_epub && !want_pdf && checked.valid() && (options.no_page_list || epub_beside_print);
  if (!epub_beside_checks && !prepare_output()) return refuse();
  epub::EpubOptions eo;
  eo.output = options.out_dir / (stem + ".epub");
  eo.facts = &*shared;
  eo.style_dirs = installed_style_dirs();
  eo.style = options.style;
  if (paged && !options.no_page_list) eo.page_map = paged->page_map;
  eo.threads = options.jobs;
  if (epub_beside_checks) eo.may_write = prepare_output;
  if (epub_beside_print)
    eo.page_map_source = [&] {
      typeset_done.get();
      if (print) paged = &print->paged;
      await_check();  // its findings come first, as when the typesetting went first
      if (!paged && !blocked()) no_page_list_warning();
      return paged ? paged->page_map : model::PageMap{};
    };
  // With both editions the EPUB is written on a second thread while the PDF is drawn: the
  // writers only read the model and `paged`, each has its own Pango font map, fontconfig
  // configuration, Cairo, libzip and qpdf objects, and neither keeps global state. Each
  // reports into its own sink; the sinks are merged in the sequential order (EPUB, then PDF).
  // Both writers leave their file under its temporary name; they are renamed into place
  // together at the end, only when the whole build succeeded (README: exit 1 writes nothing).
  StagedOutputs staged;
  eo.staged = &staged.epub;
  po.staged = &staged.pdf;
  support::Diagnostics epub_diags, pdf_diags;
  bool epub_wrote = false, pdf_wrote = false;
  double epub_seconds = 0, pdf_seconds = 0;
  auto timed_write = [](auto&& write, bool& wrote, double& seconds) {
    auto start = std::chrono::steady_clock::now();
    wrote = write();
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    seconds = took.count();
  };
  // With both editions, the EPUB thread goes on to compare the editions (docs/editions.md)
  // while the PDF is still drawn: the comparison reads the EPUB just written and the typeset
  // `paged`, not the PDF file. Its findings count only if both writers succeed.
  support::Diagnostics editions_diags;
  std::optional<editions::Comparison> compared;
  bool editions_ran = false;
  double editions_ms = 0;
  auto write_epub = [&] {
    timed_write([&] { return epub::write_epub(doc, eo, epub_diags); }, epub_wrote, epub_seconds);
    if (!want_pdf || !paged || !epub_wrote || epub_diags.has_errors()) return;
    auto start = std::chrono::steady_clock::now();
    compared = editions::check_editions(doc, staged.epub, *paged, editions_diags);
    editions_ran = true;
    std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    editions_ms = took.count();
  };
  auto write_pdf = [&] {
    timed_write(
        [&] {
          return paged && pdf::write_typeset_pdf(doc, *paged, po, pdf_diags, print->drawing.get());
        },
        pdf_wrote, pdf_seconds);
  };
  if (want_epub && want_pdf) {
    progress.stage("writing the EPUB and the PDF");
    auto epub_done = support::async_or_deferred(concurrent, write_epub);
    write_pdf();
    epub_done.get();
  } else if (want_epub) {
    progress.stage("writing the EPUB");
    write_epub();
    if (typeset_done.valid()) typeset_done.wait();  // the writer stopped before asking
  } else if (want_pdf) {
    progress.stage("writing the PDF");
    write_pdf();
  }
  if (epub_beside_checks) {
    await_check();  // also when the writer stopped before asking
    if (checks_stopped || blocked() || !folder_error.empty()) {
      checks_stopped = checks_stopped || blocked();
      return refuse();  // what the writer said counts only once the checks pass
    }
  }
  for (auto& d : epub_diags.items()) diags.report(std::move(d));
  for (auto& d : pdf_diags.items()) diags.report(std::move(d));
  if (want_epub && !epub_wrote) ok = false;
  if (want_pdf && !pdf_wrote) ok = false;
  // Both editions written: their words, notes and contents must agree (docs/editions.md).
  if (want_epub && want_pdf && ok && paged && !diags.has_errors() && editions_ran) {
    for (auto& d : editions_diags.items()) diags.report(std::move(d));
    if (compared)
      outcome.editions_check = fmt::format(
          "editions: {} words, {} note words, {} contents entries and {} page starts compared "
          "in {:.1f} ms: {}",
          compared->words, compared->note_words, compared->toc_entries, compared->page_starts,
          editions_ms, compared->same ? "the EPUB and the PDF agree" : "they differ");
  }
  if (!ok || diags.has_errors()) return finish(kExitManuscript);  // `staged` removes the files
  std::vector<std::pair<fs::path, fs::path>> commits;
  if (want_epub) commits.emplace_back(std::exchange(staged.epub, {}), eo.output);
  if (want_pdf) commits.emplace_back(std::exchange(staged.pdf, {}), po.output);
  std::string commit_error = support::commit_temporaries(commits);
  if (!commit_error.empty()) {
    finish(kExitUsage);
    fmt::print(stderr, "folio: error: {}\n", commit_error);
    return outcome;
  }
  if (want_epub) record(eo.output, true, epub_seconds);
  if (want_pdf) record(po.output, true, pdf_seconds + typeset_seconds);
  return finish(kExitOk);
}

int run_build(const BuildOptions& options) {
  ProgressLine progress(stderr, options.verbosity != Verbosity::quiet && is_terminal(stderr));
  BuildOutcome outcome = build_manuscript(options, progress);
  if (options.verbosity == Verbosity::quiet) return outcome.status;
  if (options.verbosity == Verbosity::verbose && !outcome.editions_check.empty())
    fmt::print(stderr, "{}\n", outcome.editions_check);
  for (const auto& w : outcome.written) {
    if (options.verbosity == Verbosity::verbose)
      fmt::print(stderr, "wrote {} in {:.2f} s\n", w.path.string(), w.seconds);
    else
      fmt::print(stderr, "wrote {}\n", w.path.string());
  }
  return outcome.status;
}

}  // namespace folio::cli
