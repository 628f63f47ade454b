// `folio build`: read, check, then write the EPUB and the PDF into the output folder.
#include <fmt/format.h>

#include <system_error>

#include "check/check.hpp"
#include "cli/commands.hpp"
#include "cli/load.hpp"
#include "epub/epub_writer.hpp"
#include "pdf/pdf_writer.hpp"

namespace folio::cli {
namespace {

namespace fs = std::filesystem;

// True when `inner` is `outer` or lies inside it (both made absolute, symlinks resolved).
bool is_within(const fs::path& inner, const fs::path& outer) {
  std::error_code ec;
  fs::path a = fs::weakly_canonical(fs::absolute(inner), ec);
  fs::path b = fs::weakly_canonical(fs::absolute(outer), ec);
  auto [ai, bi] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  return bi == b.end();
}

}  // namespace

int run_build(const BuildOptions& options) {
  bool want_epub = options.epub || !options.pdf;
  bool want_pdf = options.pdf || !options.epub;

  support::Diagnostics diags;
  auto m = load_manuscript(options.dir, diags);
  // Checks run on a model only when reading succeeded: one root cause, one diagnostic.
  if (m && !diags.has_errors()) check::check_manuscript(*m, diags);
  auto report = [&] {
    print_diagnostics(stderr, diags, m ? &*m : nullptr, ReportFormat::text, stderr_wants_color(),
                      true);
  };
  bool blocked = diags.has_errors() ||
                 (options.werror && diags.count(support::Severity::warning) > 0);
  if (!m || blocked) {
    report();
    return kExitManuscript;
  }
  if (is_within(options.out_dir, options.dir)) {
    report();
    fmt::print(stderr, "folio: error: the output folder {} lies inside the manuscript folder {}\n",
               options.out_dir.string(), options.dir.string());
    return kExitUsage;
  }
  std::error_code ec;
  fs::create_directories(options.out_dir, ec);
  if (ec) {
    report();
    fmt::print(stderr, "folio: error: cannot create {}: {}\n", options.out_dir.string(),
               ec.message());
    return kExitManuscript;
  }

  const model::Document& doc = m->document;
  std::string stem = model::slug(doc.metadata.title.value);
  bool ok = true;
  if (want_epub) {
    epub::EpubOptions eo;
    eo.output = options.out_dir / (stem + ".epub");
    if (epub::write_epub(doc, eo, diags))
      fmt::print(stderr, "wrote {}\n", eo.output.string());
    else
      ok = false;
  }
  if (want_pdf) {
    pdf::PdfOptions po;
    po.output = options.out_dir / (stem + ".pdf");
    if (pdf::write_pdf(doc, po, diags))
      fmt::print(stderr, "wrote {}\n", po.output.string());
    else
      ok = false;
  }
  report();
  return ok && !diags.has_errors() ? kExitOk : kExitManuscript;
}

}  // namespace folio::cli
