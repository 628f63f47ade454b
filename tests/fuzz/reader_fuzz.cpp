// libFuzzer target for the reader: bytes → book.yaml + one Markdown file → model → JSON dump.
//
// Input layout: book.yaml bytes, a NUL byte, then the Markdown bytes (no NUL: the whole
// input is Markdown under a fixed book.yaml). The dump walks every node, so a bad node
// anywhere in the model is touched.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "manuscript/reader.hpp"
#include "model/dump.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string yaml = "title: Fuzz\nauthor: F\nlang: en\n";
  std::string md(in);
  if (auto nul = in.find('\0'); nul != std::string_view::npos) {
    yaml = std::string(in.substr(0, nul));
    md = std::string(in.substr(nul + 1));
  }
  auto source = folio::manuscript::memory_source({{"book.yaml", yaml}, {"a.md", md}});
  folio::support::Diagnostics diags;
  auto m = folio::manuscript::read_manuscript(*source, diags);
  if (m && !diags.has_errors()) {
    std::string json = folio::model::dump_json(m->document);
    if (json.empty()) __builtin_trap();
  }
  return 0;
}
