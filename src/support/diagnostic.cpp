// Diagnostics sink: counting and ordering; looking codes up by name.
#include "support/diagnostic.hpp"

#include <algorithm>
#include <ostream>
#include <tuple>

namespace folio::support {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::note:
      return "note";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

Code Code::find(std::string_view name) {
  Code c;
  for (std::size_t i = 0; i < code_table::kRows.size(); ++i)
    if (code_table::kRows[i].name == name) c.index_ = static_cast<std::uint16_t>(i);
  return c;
}

const CodeInfo* find_code(std::string_view name) {
  Code c = Code::find(name);
  return c.empty() ? nullptr : &c.info();
}

std::ostream& operator<<(std::ostream& out, Code code) {
  return out << code.name();
}

bool Diagnostics::has_errors() const {
  return count(Severity::error) > 0;
}

std::size_t Diagnostics::count(Severity s) const {
  return static_cast<std::size_t>(std::count_if(
      items_.begin(), items_.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.pos.file, a.pos.line, a.pos.column) <
           std::tie(b.pos.file, b.pos.line, b.pos.column);
  });
}

}  // namespace folio::support
