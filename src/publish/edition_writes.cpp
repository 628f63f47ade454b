// The writers of a build, timed, the editions compared, and the outputs committed together.
#include <fmt/format.h>

#include <chrono>
#include <utility>

#include "publish/build_run.hpp"

namespace folio::publish {

namespace {

// Runs `step` and adds its wall time to `seconds` (for --verbose; never in an output).
template <class Step>
auto timed(double& seconds, Step&& step) {
  auto start = std::chrono::steady_clock::now();
  auto out = step();
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  seconds = took.count();
  return out;
}

}  // namespace

void BuildRun::write_epub(const model::Document& doc, const epub::EpubOptions& options) {
  epub_.wrote = timed(epub_.seconds, [&] { return epub::write_epub(doc, options, epub_.diags); });
  // With both editions, the EPUB thread goes on to compare the editions (docs/editions.md)
  // while the PDF is still drawn: the comparison reads the EPUB just written and the typeset
  // pages, not the PDF file. Its findings count only if both writers succeed.
  if (!want_pdf_ || !print_->paged() || !epub_.wrote || epub_.diags.has_errors()) return;
  compare_editions(doc);
}

void BuildRun::compare_editions(const model::Document& doc) {
  auto start = std::chrono::steady_clock::now();
  compared_ = editions::check_editions(doc, staged_.epub, *print_->paged(), editions_diags_);
  editions_ran_ = true;
  std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
  editions_ms_ = took.count();
}

void BuildRun::write_pdf(const model::Document& doc, const pdf::PdfOptions& options) {
  const typeset::PagedDocument* paged = print_->paged();
  pdf_.wrote = timed(pdf_.seconds, [&] {
    return paged && pdf::write_typeset_pdf(doc, *paged, options, pdf_.diags, print_->drawing());
  });
}

std::filesystem::path BuildRun::cover_path() const {
  return request_.out_dir / (stem_ + "-cover.pdf");
}

void BuildRun::write_cover(const model::Document& doc) {
  const typeset::PagedDocument* paged = print_->paged();
  if (!request_.cover || !paged || !pdf_.wrote) return;
  pdf::CoverOptions co;
  co.output = cover_path();
  co.printer = printer_;
  co.paper = paper_;
  co.crop_marks = request_.crop_marks;
  co.facts = &*shared_;
  co.staged = &staged_.cover;
  cover_.wrote =
      timed(cover_.seconds, [&] { return pdf::write_cover(doc, *paged, co, cover_.diags); });
}

void BuildRun::commit(const epub::EpubOptions& eo, const pdf::PdfOptions& po) {
  for (auto& d : epub_.diags.items()) diags_.report(std::move(d));
  for (auto& d : pdf_.diags.items()) diags_.report(std::move(d));
  for (auto& d : cover_.diags.items()) diags_.report(std::move(d));
  bool ok = (!want_epub_ || epub_.wrote) && (!want_pdf_ || pdf_.wrote) &&
            (!request_.cover || cover_.wrote);
  // Both editions written: their words, notes and contents must agree (docs/editions.md).
  if (want_epub_ && want_pdf_ && ok && print_->paged() && !diags_.has_errors() && editions_ran_) {
    for (auto& d : editions_diags_.items()) diags_.report(std::move(d));
    if (compared_)
      result_.editions_check = fmt::format(
          "editions: {} words, {} note words, {} contents entries and {} page starts compared "
          "in {:.1f} ms: {}",
          compared_->words, compared_->note_words, compared_->toc_entries, compared_->page_starts,
          editions_ms_, compared_->same ? "the EPUB and the PDF agree" : "they differ");
  }
  if (!ok || diags_.has_errors()) return finish(BuildStatus::manuscript);  // staged_ removes them
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> commits;
  if (want_epub_) commits.emplace_back(std::exchange(staged_.epub, {}), eo.output);
  if (want_pdf_) commits.emplace_back(std::exchange(staged_.pdf, {}), po.output);
  if (request_.cover) commits.emplace_back(std::exchange(staged_.cover, {}), cover_path());
  std::string commit_error = support::commit_temporaries(commits);
  if (!commit_error.empty()) return finish(BuildStatus::usage, commit_error);
  if (want_epub_) result_.written.push_back({eo.output, epub_.seconds});
  if (want_pdf_) result_.written.push_back({po.output, pdf_.seconds + print_->seconds()});
  if (request_.cover) result_.written.push_back({cover_path(), cover_.seconds});
  finish(BuildStatus::ok);
}

}  // namespace folio::publish
