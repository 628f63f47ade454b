// Builds EditionFacts once from the model, the options and the environment.
#include "facts/edition_facts.hpp"

#include <cctype>
#include <cstdlib>
#include <string_view>

#include "facts/build_time.hpp"
#include "style/style.hpp"
#include "support/data_dirs.hpp"

namespace folio::facts {

namespace fs = std::filesystem;

namespace {

// An ISBN as book.yaml writes it, hyphens and all ("978-0-929087-40-5"), without a "urn:isbn:",
// "isbn:" or "ISBN" prefix; the bare digits when nothing is written (a checked ISBN always is).
std::string isbn_as_written(std::string_view written, const std::string& digits) {
  auto starts = [&](std::string_view prefix) {
    if (written.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(written[i])) != prefix[i]) return false;
    return true;
  };
  while (!written.empty() && std::isspace(static_cast<unsigned char>(written.front())))
    written.remove_prefix(1);
  while (!written.empty() && std::isspace(static_cast<unsigned char>(written.back())))
    written.remove_suffix(1);
  for (std::string_view prefix : {"urn:isbn:", "isbn:", "isbn"})
    if (starts(prefix)) {
      written.remove_prefix(prefix.size());
      break;
    }
  while (!written.empty() && std::isspace(static_cast<unsigned char>(written.front())))
    written.remove_prefix(1);
  return written.empty() ? digits : std::string(written);
}

}  // namespace

StyleChoice choose_style(const model::Document& doc, const std::string& option,
                         const std::vector<fs::path>& dirs) {
  StyleChoice c;
  c.from_book_yaml = option.empty() && !doc.metadata.style.empty();
  c.name = !option.empty() ? option : c.from_book_yaml ? doc.metadata.style.value : "classic";
  if (c.from_book_yaml) c.where = doc.metadata.style.source;
  std::vector<fs::path> search{doc.base_dir / "styles"};
  // folio's own styles: the caller's folders, else the run-time data search path's.
  c.dirs = dirs.empty() ? support::data_subdirs(support::default_data_dirs(), "styles") : dirs;
  search.insert(search.end(), c.dirs.begin(), c.dirs.end());
  // A path in book.yaml is the manuscript's; a --style path is the command line's (cwd).
  c.path = style::find_style(c.name, search, option.empty() ? doc.base_dir : fs::path(),
                             doc.base_dir, &c.refused);
  return c;
}

std::vector<CopyrightLine> copyright_lines(const model::Metadata& meta, const BookIdentifier& id,
                                           const GeneratedLabels& labels) {
  std::vector<CopyrightLine> lines;
  if (!meta.rights.empty()) lines.push_back({"rights", meta.rights.value});
  if (!meta.edition.empty()) lines.push_back({"edition", meta.edition.value});
  if (!meta.publisher.empty())
    lines.push_back({"publisher", fill_label(labels.published_by, {meta.publisher.value})});
  if (!id.isbn.empty())
    lines.push_back({"isbn", "ISBN " + isbn_as_written(meta.identifier.value, id.isbn)});
  else if (!meta.identifier.empty())
    lines.push_back({"identifier", id.value.empty() ? meta.identifier.value : id.value});
  return lines;
}

EditionFacts metadata_facts(const model::Metadata& meta) {
  EditionFacts f;
  f.lang = meta.lang.empty() ? "und" : meta.lang.value;
  f.labels = &labels_for(f.lang);
  support::Diagnostics ignored;  // the build reports a bad ISBN through edition_facts
  if (auto id = book_identifier(meta, ignored))
    f.identifier = std::move(*id);
  else
    f.identifier = {meta.identifier.value, ""};
  f.copyright = copyright_lines(meta, f.identifier, *f.labels);
  f.style.name = "classic";
  return f;
}

std::optional<EditionFacts> edition_facts(const model::Document& doc, const FactsOptions& options,
                                          support::Diagnostics& diags) {
  EditionFacts f;
  const model::Metadata& meta = doc.metadata;
  auto identifier = book_identifier(meta, diags);
  std::optional<std::string> sde = options.source_date_epoch;
  if (!sde)
    if (const char* env = std::getenv("SOURCE_DATE_EPOCH")) sde = env;
  auto time = build_time(doc, sde, diags);
  if (!identifier || !time) return std::nullopt;
  f.build_time = *time;
  f.identifier = std::move(*identifier);
  f.lang = meta.lang.empty() ? "und" : meta.lang.value;
  f.labels = &labels_for(f.lang);
  f.style = choose_style(doc, options.style, options.style_dirs);
  f.copyright = copyright_lines(meta, f.identifier, *f.labels);
  return f;
}

}  // namespace folio::facts
