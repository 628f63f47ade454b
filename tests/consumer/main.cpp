// A consumer of folio's public API: folio_consumer MANUSCRIPT OUT builds OUT/steps/ step by
// step (read, check, publication, typeset, write_epub, write_pdf), OUT/build/ with build(),
// and OUT/sheet.png, a contact sheet of pages 1-4.
#include <folio/folio.hpp>

#include <cstdio>
#include <filesystem>

namespace {

int fail(const char* what, const folio::api::Diagnostics& diags) {
  for (const auto& d : diags.items)
    std::fprintf(stderr, "%s:%d:%d: %s [%s]\n", d.file.c_str(), d.line, d.column, d.message.c_str(),
                 d.code.c_str());
  std::fprintf(stderr, "folio_consumer: %s failed\n", what);
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: folio_consumer MANUSCRIPT OUT\n");
    return 2;
  }
  namespace fs = std::filesystem;
  namespace api = folio::api;
  api::prepare_process();
  fs::path dir = argv[1], out = argv[2];
  api::Resources resources{{FOLIO_DATA}};
  api::Style style;  // book.yaml's, else classic

  api::Diagnostics diags;
  std::optional<api::Book> book = api::read(dir, diags);
  if (!book || diags.has_errors()) return fail("read", diags);
  if (!api::check(*book, style, diags, resources)) return fail("check", diags);
  std::optional<api::Publication> pub = api::publication(*book, style, diags, {resources, {}});
  if (!pub) return fail("publication", diags);
  if (!pub->style_file()) return fail("finding the style", diags);
  std::optional<api::Pages> pages = api::typeset(*book, *pub, diags);
  if (!pages || pages->page_count() == 0) return fail("typeset", diags);
  fs::create_directories(out / "steps");
  fs::path epub = out / "steps" / (book->slug() + ".epub");
  fs::path pdf = out / "steps" / (book->slug() + ".pdf");
  if (!api::write_epub(*book, *pub, epub, diags, &*pages)) return fail("write_epub", diags);
  if (!api::write_pdf(*book, *pub, *pages, pdf, diags)) return fail("write_pdf", diags);
  std::printf("%s: %zu pages, style %s\n", book->title().c_str(), pages->page_count(),
              pub->style_file()->filename().c_str());

  api::BuildRequest request;
  request.dir = dir;
  request.out_dir = out / "build";
  request.resources = resources;
  std::size_t stages = 0;
  request.on_stage = [&](std::string_view) { ++stages; };
  api::BuildResult built = api::build(request);
  if (!built.ok || built.status != api::BuildStatus::ok || built.written.size() != 2 || !built.book)
    return fail("build", built.diagnostics);
  for (const auto& w : built.written) std::printf("wrote %s\n", w.path.string().c_str());
  std::printf("%zu stages reported\n", stages);

  api::ContactSheet sheet = api::write_contact_sheet(
      *book, *pub, {.first = 1, .last = 4, .dpi = 36, .output = out / "sheet.png"}, diags);
  if (!sheet.ok)
    return fail(sheet.failure.empty() ? "contact sheet" : sheet.failure.c_str(), diags);
  std::printf("sheet: pages 1-%zu of %zu, %d x %d px\n", sheet.last, sheet.page_count, sheet.width,
              sheet.height);
  return 0;
}
