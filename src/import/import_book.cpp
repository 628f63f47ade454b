// Picks the reader for the input, then writes book.yaml, the Markdown files, the images and
// import-report.md into a temporary sibling of the output folder and renames it into place.
#include "import/import_book.hpp"

#include <fmt/format.h>
#include <stdlib.h>

#include <fstream>

#include "import/docx_reader.hpp"
#include "import/epub_reader.hpp"
#include "import/markdown_writer.hpp"
#include "import/package_files.hpp"

namespace folio::import {
namespace {

namespace fs = std::filesystem;

bool write_file(const fs::path& path, std::string_view bytes, std::string& error) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) error = fmt::format("cannot write {}", path.string());
  return static_cast<bool>(out);
}

}  // namespace

std::string report_markdown(const ImportReport& report, const std::string& input,
                            const ImportOutcome& outcome) {
  std::string out = "# Import report\n\n";
  out += fmt::format("Source: `{}`, {}.\n", input, report.source);
  out += fmt::format("Written: {} Markdown file{}, {} image{}.\n\n", outcome.files,
                     outcome.files == 1 ? "" : "s", outcome.images, outcome.images == 1 ? "" : "s");
  out += "## What became what\n\n| source | count |\n| --- | ---: |\n";
  for (const auto& [what, n] : report.mapped) out += fmt::format("| {} | {} |\n", what, n);
  out += fmt::format("\n## Not mapped ({})\n\n", report.unmapped.size());
  if (report.unmapped.empty()) out += "Everything in the source has a place in the manuscript.\n";
  for (const auto& u : report.unmapped) out += fmt::format("- `{}`: {}\n", u.where, u.what);
  return out;
}

ImportOutcome import_book(const fs::path& input, const fs::path& out_dir,
                          support::Diagnostics& diags,
                          const std::function<bool()>& stop_requested) {
  ImportOutcome outcome;
  support::SourcePos at{input.filename().string(), 0, 0};
  std::error_code ec;
  if (fs::exists(out_dir, ec) && (!fs::is_directory(out_dir, ec) || !fs::is_empty(out_dir, ec))) {
    diags.error("import-output-exists", {out_dir.string(), 0, 0},
                fmt::format("{} exists and is not an empty folder; an import writes a new "
                            "manuscript folder and never overwrites",
                            out_dir.string()));
    return outcome;
  }
  if (!fs::exists(input, ec)) {
    diags.error("import-unreadable", at, fmt::format("{} does not exist", input.string()));
    return outcome;
  }
  std::string error;
  PackageProblem problem = PackageProblem::unreadable;
  auto pkg = PackageFiles::open(input, error, {}, &problem);
  if (!pkg) {
    diags.error(problem == PackageProblem::unsafe      ? support::Code("import-unsafe")
                : problem == PackageProblem::too_large ? support::Code("import-too-large")
                                                       : support::Code("import-unreadable"),
                at, fmt::format("{}: {}", input.string(), error));
    return outcome;
  }
  std::optional<ImportedBook> book;
  if (is_epub(*pkg)) {
    book = read_epub(*pkg, diags);
  } else if (is_docx(*pkg)) {
    book = read_docx(*pkg, diags);
  } else {
    diags.error("import-format", at,
                fmt::format("{} is neither an EPUB (no META-INF/container.xml or .opf) nor a DOCX",
                            input.string()));
    return outcome;
  }
  if (!book || diags.has_errors()) return outcome;
  auto stop = [&] { return stop_requested && stop_requested(); };
  if (stop()) {
    outcome.stopped = true;
    return outcome;
  }

  // Everything is written into a fresh sibling, renamed into place at the end.
  fs::path parent = fs::absolute(out_dir, ec).parent_path();
  fs::create_directories(parent, ec);
  std::string pattern = (parent / ("." + out_dir.filename().string() + ".import-XXXXXX")).string();
  if (!::mkdtemp(pattern.data())) {
    diags.error("import-write", {out_dir.string(), 0, 0},
                fmt::format("cannot create a folder beside {}", out_dir.string()));
    return outcome;
  }
  fs::path tmp = pattern;
  auto fail = [&](const std::string& message) {
    diags.error("import-write", {out_dir.string(), 0, 0}, message);
    fs::remove_all(tmp, ec);
    return outcome;
  };
  auto stopped = [&] {
    fs::remove_all(tmp, ec);
    outcome.stopped = true;
    return outcome;
  };
  std::vector<std::string> names;
  for (const ImportedFile& f : book->files) {
    if (stop()) return stopped();
    names.push_back(f.name);
    if (!write_file(tmp / f.name, write_markdown(f.sections), error)) return fail(error);
  }
  if (!book->images.empty()) fs::create_directory(tmp / "images", ec);
  for (const ImportedImage& img : book->images) {
    if (stop()) return stopped();
    if (!write_file(tmp / img.name, img.bytes, error)) return fail(error);
  }
  std::string comment = fmt::format("Imported by `folio import` from {} ({}).",
                                    input.filename().string(), book->report.source);
  if (!write_file(tmp / "book.yaml", write_book_yaml(book->metadata, names, comment), error))
    return fail(error);
  outcome.files = book->files.size();
  outcome.images = book->images.size();
  outcome.report = report_markdown(book->report, input.filename().string(), outcome);
  if (!write_file(tmp / "import-report.md", outcome.report, error)) return fail(error);
  if (stop()) return stopped();
  // An empty folder given as the output is replaced by the finished one.
  if (fs::exists(out_dir, ec)) fs::remove(out_dir, ec);
  fs::rename(tmp, out_dir, ec);
  if (ec)
    return fail(
        fmt::format("cannot rename the finished folder to {}: {}", out_dir.string(), ec.message()));
  outcome.ok = true;
  outcome.dir = out_dir;
  return outcome;
}

}  // namespace folio::import
