// File checks: Markdown files that contents leaves out, byte-order marks, CR line endings.
// (Invalid UTF-8, control characters and bad contents entries stop the reader itself.)
#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include "check/families.hpp"

namespace folio::check {
namespace {

namespace fs = std::filesystem;

void check_left_out(const manuscript::Manuscript& m, support::Diagnostics& diags) {
  const model::Metadata& meta = m.document.metadata;
  // Without contents every Markdown file is read, so none can be left out.
  if (meta.contents.empty() || m.document.base_dir.empty()) return;
  std::set<std::string> listed;
  for (const auto& c : meta.contents) listed.insert(fs::path(c.value).lexically_normal().string());
  std::error_code ec;
  std::vector<std::string> left_out;
  for (fs::directory_iterator it(m.document.base_dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->path().extension() != ".md") continue;
    std::string name = it->path().filename().string();
    // `folio import` leaves its mapping report beside the files it wrote: not a chapter.
    if (name == "import-report.md") continue;
    if (!listed.contains(name)) left_out.push_back(name);
  }
  std::sort(left_out.begin(), left_out.end());  // directory order is not deterministic
  for (const std::string& name : left_out)
    diags.warning("file-not-in-contents", {name, 0, 0},
                  "this Markdown file is not listed in book.yaml's contents, so it is not part "
                  "of the book (add it to contents, or move it out of the folder)");
}

void check_bytes(const manuscript::SourceFile& f, support::Diagnostics& diags) {
  const std::string& t = f.text;
  if (t.starts_with("\xEF\xBB\xBF")) {
    // The fix replaces the mark and the character after it by that character alone, so
    // that it is never empty (an empty fix means "no fix").
    support::Diagnostic d{support::Severity::warning,
                          "byte-order-mark",
                          "the file starts with a byte-order mark; save it as UTF-8 without one",
                          {f.name, 1, 1},
                          {},
                          {}};
    if (t.size() > 3) {
      std::size_t len = 1;
      auto lead = static_cast<unsigned char>(t[3]);
      if (lead >= 0xF0)
        len = 4;
      else if (lead >= 0xE0)
        len = 3;
      else if (lead >= 0xC0)
        len = 2;
      len = std::min(len, t.size() - 3);
      LineIndex lines(t);
      d.end = lines.at(f.name, 3 + len);
      d.fix = t.substr(3, len);
    }
    diags.report(std::move(d));
  }
  std::size_t cr = t.find('\r');
  if (cr != std::string::npos) {
    std::size_t count = static_cast<std::size_t>(std::count(t.begin(), t.end(), '\r'));
    LineIndex lines(t);
    diags.warning("line-endings", lines.at(f.name, cr),
                  "the file uses " +
                      std::string(cr + 1 < t.size() && t[cr + 1] == '\n' ? "CR LF (Windows)"
                                                                         : "CR (classic Mac)") +
                      " line endings (" + std::to_string(count) +
                      " in all); save it with LF line endings");
  }
}

}  // namespace

void check_files(const manuscript::Manuscript& m, support::Diagnostics& diags) {
  check_left_out(m, diags);
  for (const auto& f : m.sources) check_bytes(f, diags);
}

}  // namespace folio::check
