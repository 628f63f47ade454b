// The public API's proofs: pages drawn as spreads into one PNG, and the cover wrap with guides.
#include <fmt/format.h>
#include <folio/folio.hpp>

#include <algorithm>
#include <fstream>
#include <system_error>

#include "pdf/cover_writer.hpp"
#include "publish/api_impl.hpp"
#include "publish/contact_sheet.hpp"
#include "publish/output_guard.hpp"
#include "publish/print_pages.hpp"
#include "support/atomic_file.hpp"

namespace folio::api {
namespace {

// Why an existing `png` must not be replaced: it is something other than a PNG (a chapter, a
// PDF, a folder), so the caller named the wrong file. Empty when it is absent, empty or a PNG.
std::string not_a_png(const std::filesystem::path& png) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::file_status st = fs::status(png, ec);
  if (ec || st.type() == fs::file_type::not_found) return {};
  if (st.type() != fs::file_type::regular)
    return fmt::format("{} exists and is not a file", png.string());
  char head[8] = {};
  std::ifstream in(png, std::ios::binary);
  in.read(head, sizeof head);
  if (in.gcount() == 0 || std::string_view(head, 8) == "\x89PNG\r\n\x1a\n") return {};
  return fmt::format("{} exists and is not a PNG; only PNG files are replaced", png.string());
}

}  // namespace

bool write_cover_proof(const Book& book, const Publication& publication,
                       const CoverProofRequest& request, Diagnostics& diags, std::string& failure) {
  namespace fs = std::filesystem;
  const fs::path& png = request.output;
  failure = publish::output_refusal(png, book.impl().dir, "");
  if (failure.empty()) failure = not_a_png(png);
  if (!failure.empty()) return false;
  const model::Document& doc = book.impl().manuscript.document;
  pdf::PdfOptions po;
  po.output = png;
  po.facts = &publication.impl().facts;
  po.style_dirs = publication.impl().style_dirs;
  po.page_map_only = true;  // the page count is all the cover needs
  support::Diagnostics found;
  auto paged = pdf::typeset_for_print(doc, po, found);
  bool ok = false;
  if (paged && !found.has_errors()) {
    pdf::CoverOptions co;
    co.output = png;
    co.printer = static_cast<style::Printer>(request.printer);
    co.paper = static_cast<style::Paper>(request.paper);
    co.proof = true;
    co.proof_dpi = request.dpi;
    co.facts = &publication.impl().facts;
    std::error_code ec;
    if (png.has_parent_path()) fs::create_directories(png.parent_path(), ec);
    support::OutputFolderLock lock(png.has_parent_path() ? png.parent_path() : fs::path("."),
                                   {png.filename().string()});
    ok = pdf::write_cover(doc, *paged, co, found);
  }
  append(diags, found);
  return ok && !found.has_errors();
}

ContactSheet write_contact_sheet(const Book& book, const Publication& publication,
                                 const ContactSheetRequest& request, Diagnostics& diags) {
  namespace fs = std::filesystem;
  ContactSheet out;
  const fs::path& png = request.output;
  // Never into the manuscript (a chapter overwritten with a PNG), never over another file.
  std::string refusal = publish::output_refusal(png, book.impl().dir, "");
  if (refusal.empty()) refusal = not_a_png(png);
  if (!refusal.empty()) {
    out.failure = refusal;  // it names the file
    return out;
  }
  pdf::PdfOptions po;
  po.output = png;
  po.facts = &publication.impl().facts;
  po.style_dirs = publication.impl().style_dirs;
  support::Diagnostics found;
  auto pages = publish::typeset_print_pages(book.impl().manuscript.document, po, found);
  append(diags, found);
  if (!pages || found.has_errors()) return out;
  out.page_count = pages->count();
  if (request.first < 1 || request.first > out.page_count) {
    out.failure = fmt::format("page {} is not in the book: it has {} page{}", request.first,
                              out.page_count, out.page_count == 1 ? "" : "s");
    return out;
  }
  out.last = std::min(out.page_count, std::max(request.last, request.first));
  publish::SheetLayout sheet =
      publish::layout_sheet(*pages, request.first - 1, out.last - 1, request.dpi);
  out.width = sheet.width;
  out.height = sheet.height;
  std::error_code ec;
  if (png.has_parent_path()) fs::create_directories(png.parent_path(), ec);
  std::string error;
  {
    // As a build: temporaries of this PNG a killed run left are swept first.
    support::OutputFolderLock lock(png.has_parent_path() ? png.parent_path() : fs::path("."),
                                   {png.filename().string()});
    error = publish::write_contact_sheet(*pages, sheet, png);
  }
  if (!error.empty()) {
    out.failure = fmt::format("{}: {}", png.string(), error);
    return out;
  }
  out.ok = true;
  return out;
}

}  // namespace folio::api
