// The build's schedule: what runs when, on which thread, and what stops it.
#include "publish/build_run.hpp"

#include <fmt/format.h>

#include <utility>

#include "publish/load.hpp"
#include "publish/output_guard.hpp"
#include "style/style.hpp"
#include "support/data_dirs.hpp"
#include "support/threads.hpp"

namespace folio::publish {

BuildRun::BuildRun(const BuildRequest& request, const StageReport& stage, BuildResult& result)
    : request_(request),
      stage_(stage),
      result_(result),
      diags_(result.diagnostics),
      want_epub_(request.epub || !request.pdf),
      want_pdf_(request.pdf || !request.epub),
      concurrent_(request.jobs != 1),
      style_dirs_(support::data_subdirs(
          request.data_dirs.empty() ? support::default_data_dirs() : request.data_dirs, "styles")) {
}

void BuildRun::stage(std::string_view what) const {
  if (stage_) stage_(what);
}

void BuildRun::finish(BuildStatus status, std::string failure) {
  result_.status = status;
  result_.failure = std::move(failure);
}

bool BuildRun::blocked() const {
  return diags_.has_errors() || (request_.werror && diags_.count(support::Severity::warning) > 0);
}

void BuildRun::run() {
  stage("reading");
  auto& m = result_.manuscript;
  m = load_manuscript(request_.dir, diags_);
  // Checks run on a model only when reading succeeded: one root cause, one diagnostic. They
  // run on a thread of their own while the print edition is typeset (both only read the
  // model); nothing is written before their outcome is known, and what the typesetter reported
  // is dropped when they stop the build, as if it had not run.
  stage("checking");
  if (m && !diags_.has_errors())
    checks_.start(*m, designed_classes(m->document, request_.style, style_dirs_), concurrent_,
                  diags_);
  if (!m || (!checks_.running() && blocked())) return finish(BuildStatus::manuscript);
  if (request_.cover && !want_pdf_) {
    checks_.await(diags_);
    return finish(BuildStatus::usage, "--cover needs the print edition: leave out --epub");
  }
  if (is_within(request_.out_dir, request_.dir)) {
    checks_.await(diags_);
    return finish(BuildStatus::usage,
                  fmt::format("the output folder {} lies inside the manuscript folder {}",
                              request_.out_dir.string(), request_.dir.string()));
  }
  write_editions(m->document);
}

void BuildRun::write_editions(const model::Document& doc) {
  stem_ = model::slug(doc.metadata.title.value);
  if (!decide_facts(doc)) return;
  decide_print(doc.metadata.print);
  pdf::PdfOptions po = pdf_options();
  if (!typeset_print(doc, po)) return;
  // Nothing is written, and no output folder made, before the checks pass. For the EPUB alone
  // it is put together while they run (and, with the page list, while the print edition is
  // typeset); only its writing waits for them (EpubOptions::may_write).
  folder_.emplace(request_.out_dir,
                  std::vector<std::string>{stem_ + ".epub", stem_ + ".pdf", stem_ + "-cover.pdf"});
  epub_beside_checks_ = want_epub_ && !want_pdf_ && checks_.running() &&
                        (request_.no_page_list || epub_beside_print_);
  if (!epub_beside_checks_ && !prepare_output()) return refuse();
  epub::EpubOptions eo = epub_options();
  // Both writers leave their file under its temporary name; they are renamed into place
  // together at the end, only when the whole build succeeded (README: exit 1 writes nothing).
  eo.staged = &staged_.epub;
  po.staged = &staged_.pdf;
  write_outputs(doc, eo, po);
  if (epub_beside_checks_) {
    checks_.await(diags_);  // also when the writer stopped before asking
    if (checks_stopped_ || blocked() || !folder_->error().empty()) {
      checks_stopped_ = checks_stopped_ || blocked();
      return refuse();  // what the writer said counts only once the checks pass
    }
  }
  commit(eo, po);
}

bool BuildRun::decide_facts(const model::Document& doc) {
  // What both editions share is decided here, once: the build time, the identifier, the
  // style, the labels and the copyright lines. Each writer reads it; neither decides again.
  // What stops it (an ISBN's check digit, SOURCE_DATE_EPOCH) is reported once the checks are
  // in, and only when they found nothing: a wrong ISBN is theirs to report first.
  support::Diagnostics facts_diags;
  shared_ = facts::edition_facts(doc, {std::nullopt, request_.style, style_dirs_}, facts_diags);
  if (shared_) return true;
  checks_.await(diags_);
  if (!blocked())
    for (auto& d : facts_diags.items()) diags_.report(std::move(d));
  finish(BuildStatus::manuscript);
  return false;
}

void BuildRun::decide_print(const model::PrintSettings& book) {
  // The command line first, then book.yaml's `print:`, then the style's (both checked
  // already: a value neither knows stopped the build), then the screen PDF on white paper.
  style::Print from_style;
  if (shared_->style.path) {
    support::Diagnostics ignored;  // the typesetter loads it again and reports
    if (auto st = style::load_style(*shared_->style.path, ignored)) from_style = st->print;
  }
  auto pick = [](const std::string& a, const std::string& b) { return a.empty() ? b : a; };
  if (request_.printer)
    printer_ = *request_.printer;
  else if (auto p = style::printer_named(pick(book.printer.value, from_style.printer)))
    printer_ = *p;
  if (request_.paper)
    paper_ = *request_.paper;
  else if (auto p = style::paper_named(pick(book.paper.value, from_style.paper)))
    paper_ = *p;
}

pdf::PdfOptions BuildRun::pdf_options() const {
  pdf::PdfOptions po;
  po.output = request_.out_dir / (stem_ + ".pdf");
  po.facts = &*shared_;
  po.style_dirs = style_dirs_;
  po.style = request_.style;
  po.bleed = request_.bleed ? pdf::kStandardBleed : 0.0;
  po.crop_marks = request_.crop_marks;
  po.navigation = style::print_profile(printer_).outline;
  po.printer = printer_;
  po.threads = request_.jobs;
  return po;
}

bool BuildRun::typeset_print(const model::Document& doc, const pdf::PdfOptions& po) {
  // The print edition is typeset first: its page starts become the EPUB's page list. Its
  // pages are drawn for the PDF as they are finished, while the rest is set. For the EPUB
  // alone it is typeset on a thread of its own while the writer embeds the fonts and draws the
  // cover; the writer takes the page starts just before it builds the content documents.
  pdf::PdfOptions for_pages = po;
  for_pages.page_map_only = !want_pdf_;  // the EPUB needs the page starts, not the glyphs
  // Each page's glyphs go once it is drawn: the build never draws a page twice, and the
  // editions check reads only the runs' text and baselines (most of the memory otherwise).
  for_pages.release_drawn_glyphs = true;
  print_.emplace(doc, for_pages);
  bool page_list = want_epub_ && !request_.no_page_list;
  epub_beside_print_ = want_epub_ && !want_pdf_ && page_list && checks_.running();
  if (epub_beside_print_) {
    print_->typeset_beside();
  } else if (want_pdf_ || page_list) {
    stage("typesetting the PDF");
    print_->typeset();
    checks_.await(diags_);
    if (blocked()) {
      finish(BuildStatus::manuscript);
      return false;
    }
    if (want_pdf_)  // with only the EPUB, PDF problems are not the EPUB's
      for (auto& d : print_->diagnostics().items()) diags_.report(std::move(d));
    if (!print_->paged() && !want_pdf_) no_page_list_warning();
  }
  return true;
}

epub::EpubOptions BuildRun::epub_options() {
  epub::EpubOptions eo;
  eo.output = request_.out_dir / (stem_ + ".epub");
  eo.facts = &*shared_;
  eo.style_dirs = style_dirs_;
  eo.style = request_.style;
  if (!epub_beside_print_ && print_->paged() && !request_.no_page_list)
    eo.page_map = print_->page_map();
  eo.threads = request_.jobs;
  if (epub_beside_checks_) eo.may_write = [this] { return prepare_output(); };
  if (epub_beside_print_)
    eo.page_map_source = [this] {
      print_->await();
      checks_.await(diags_);  // its findings come first, as when the typesetting went first
      if (!print_->paged() && !blocked()) no_page_list_warning();
      return print_->page_map();
    };
  return eo;
}

void BuildRun::write_outputs(const model::Document& doc, const epub::EpubOptions& eo,
                             const pdf::PdfOptions& po) {
  // With both editions the EPUB is written on a second thread while the PDF is drawn: the
  // writers only read the model and the pages, each has its own Pango font map, fontconfig
  // configuration, Cairo, libzip and qpdf objects, and neither keeps global state. Each
  // reports into its own sink; the sinks are merged in the sequential order (EPUB, then PDF).
  if (want_epub_ && want_pdf_) {
    stage("writing the EPUB and the PDF");
    auto epub_done = support::async_or_deferred(concurrent_, [&] { write_epub(doc, eo); });
    write_pdf(doc, po);
    write_cover(doc);
    epub_done.get();
  } else if (want_epub_) {
    stage("writing the EPUB");
    write_epub(doc, eo);
    print_->await();  // the writer stopped before asking
  } else if (want_pdf_) {
    stage("writing the PDF");
    write_pdf(doc, po);
    write_cover(doc);
  }
}

void BuildRun::no_page_list_warning() {
  diags_.warning("epub-no-page-list", {},
                 "the print edition could not be typeset (build the PDF to see why), so the "
                 "EPUB has no print page numbers",
                 "pass --no-page-list to leave them out on purpose");
}

bool BuildRun::prepare_output() {
  checks_.await(diags_);
  if (blocked()) {
    checks_stopped_ = true;
    return false;
  }
  return folder_->prepare();
}

void BuildRun::refuse() {
  if (checks_stopped_) return finish(BuildStatus::manuscript);
  finish(BuildStatus::manuscript,
         fmt::format("cannot create {}: {}", request_.out_dir.string(), folder_->error()));
}

}  // namespace folio::publish
