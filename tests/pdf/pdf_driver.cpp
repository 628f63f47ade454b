// folio_pdf_driver: manuscript folder → PDF through the PDF writer alone (tests and bench).
#include <cstdio>
#include <string>

#include "manuscript/reader.hpp"
#include "pdf/pdf_writer.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: folio_pdf_driver MANUSCRIPT OUT.pdf [--style NAME] [--bleed PT] [--crop-marks] [--no-front-matter]\n");
    return 2;
  }
  folio::pdf::PdfOptions o;
  o.output = argv[2];
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--style" && i + 1 < argc) o.style = argv[++i];
    else if (a == "--bleed" && i + 1 < argc) o.bleed = std::stod(argv[++i]);
    else if (a == "--crop-marks") o.crop_marks = true;
    else if (a == "--no-front-matter") o.front_matter = false;
  }
  folio::support::Diagnostics diags;
  bool ok = false;
  if (auto src = folio::manuscript::open_folder(argv[1], diags)) {
    if (auto m = folio::manuscript::read_manuscript(*src, diags); m && !diags.has_errors())
      ok = folio::pdf::write_pdf(m->document, o, diags);
  }
  for (const auto& d : diags.items())
    std::fprintf(stderr, "%s:%d:%d: %s: %s [%s]\n", d.pos.file.c_str(), d.pos.line, d.pos.column,
                 folio::support::severity_name(d.severity), d.message.c_str(), d.code.c_str());
  return ok ? 0 : 1;
}
