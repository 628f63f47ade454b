// libFuzzer target for the whole pipeline: bytes → manuscript → check → EPUB and PDF files.
//
// Input layout (the reader target's, extended): book.yaml bytes, NUL, the first Markdown
// file, and optionally NUL and a second Markdown file. Without a NUL the whole input is one
// Markdown file under a fixed book.yaml. The writers write through support/atomic_file into
// a private temporary folder that is emptied after every input, so the very code `folio
// build` runs is exercised, file writing included.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "check/check.hpp"
#include "epub/epub_writer.hpp"
#include "manuscript/reader.hpp"
#include "pdf/pdf_writer.hpp"

namespace {

namespace fs = std::filesystem;

// The output folder, made once per process (memory-backed /dev/shm when there is one, so
// each execution stays fast) and removed at exit.
class OutputFolder {
 public:
  OutputFolder() {
    fs::path base = fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    std::string templ = (base / "folio-pipeline-fuzz-XXXXXX").string();
    if (::mkdtemp(templ.data()) == nullptr) std::abort();
    path_ = templ;
  }
  ~OutputFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  // Removes whatever the last input wrote; a leftover temporary file is a finding.
  void empty() const {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(path_, ec)) {
      if (e.path().filename().string().find(".tmp-") != std::string::npos) __builtin_trap();
      fs::remove_all(e.path(), ec);
    }
  }

 private:
  fs::path path_;
};

std::vector<folio::manuscript::SourceFile> split_input(std::string_view in) {
  std::string yaml = "title: Fuzz\nauthor: F\nlang: en\n";
  std::vector<folio::manuscript::SourceFile> files;
  std::size_t nul = in.find('\0');
  if (nul == std::string_view::npos) {
    files.push_back({"book.yaml", yaml});
    files.push_back({"a.md", std::string(in)});
    return files;
  }
  files.push_back({"book.yaml", std::string(in.substr(0, nul))});
  std::string_view rest = in.substr(nul + 1);
  std::size_t second = rest.find('\0');
  files.push_back({"a.md", std::string(rest.substr(0, second))});
  if (second != std::string_view::npos)
    files.push_back({"b.md", std::string(rest.substr(second + 1))});
  return files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const OutputFolder out;
  namespace m = folio::manuscript;
  auto source =
      m::memory_source(split_input(std::string_view(reinterpret_cast<const char*>(data), size)));
  folio::support::Diagnostics diags;
  auto book = m::read_manuscript(*source, diags);
  if (!book || diags.has_errors()) return 0;
  folio::check::check_manuscript(*book, diags);
  if (diags.has_errors()) return 0;

  // The bundled styles, as an installed folio finds them; never the fuzzed manuscript's own.
  std::vector<fs::path> style_dirs{fs::path(FOLIO_SOURCE_DIR) / "styles"};
  folio::pdf::PdfOptions po;
  po.output = out.path() / "book.pdf";
  po.style_dirs = style_dirs;
  po.source_date_epoch.emplace(1, '0');  // "0", as the EPUB's below
  // As `folio build` does it: the pages drawn while the book is set.
  auto print = folio::pdf::typeset_and_draw(book->document, po, diags);
  const folio::typeset::PagedDocument* paged = print ? &print->paged : nullptr;
  folio::epub::EpubOptions eo;
  eo.output = out.path() / "book.epub";
  eo.style_dirs = style_dirs;
  eo.source_date_epoch.emplace(1, '0');  // "0" (assigning a literal trips GCC 12 -Wrestrict)
  if (paged) eo.page_map = paged->page_map;
  bool epub_ok = folio::epub::write_epub(book->document, eo, diags);
  if (paged) folio::pdf::write_typeset_pdf(book->document, *paged, po, diags, print->drawing.get());
  // A writer that reports success must have left its file; one that failed, no file.
  if (epub_ok != fs::exists(eo.output)) __builtin_trap();
  out.empty();
  return 0;
}
