// The order of the checks: metadata, files, structure, references, images, typography.
#include "check/check.hpp"

#include "check/families.hpp"
#include "check/suppression.hpp"

namespace folio::check {

void check_manuscript(const manuscript::Manuscript& m, support::Diagnostics& diags,
                      const std::set<std::string>* designed_classes) {
  Suppression suppression = Suppression::from_book_yaml(m, diags);
  check_metadata(m, diags);
  check_files(m, diags);
  check_structure(m, diags, designed_classes);
  std::vector<ProseSource> sources = map_sources(m);
  check_references(m, sources, diags);
  check_images(m, diags);
  for (const ProseSource& s : sources) check_typography(s, m.document.metadata.lang.value, diags);
  suppression.apply(diags);
}

}  // namespace folio::check
