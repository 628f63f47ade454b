// Reads `check: {ignore: {code: [file patterns]}}` from book.yaml and filters warnings.
#include "check/suppression.hpp"

#include <fnmatch.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <vector>

#include "check/nearest_name.hpp"

namespace folio::check {
namespace {

constexpr const char* kBookYaml = "book.yaml";

support::SourcePos pos_of(const YAML::Node& n) {
  const YAML::Mark m = n.Mark();
  if (m.line < 0) return {kBookYaml, 1, 1};
  return {kBookYaml, m.line + 1, m.column + 1};
}

// The families whose diagnostics check_manuscript holds when it applies the setting; the
// style's, the typesetter's and the writers' come later, so ignoring them could not work.
bool reported_by_check(support::Family f) {
  using enum support::Family;
  return f == reader || f == metadata || f == files || f == structure || f == typography ||
         f == settings;
}

std::vector<std::string_view> code_names() {
  std::vector<std::string_view> names;
  for (const support::CodeInfo& c : support::all_codes()) names.push_back(c.name);
  return names;
}

}  // namespace

Suppression Suppression::from_book_yaml(const manuscript::Manuscript& m,
                                        support::Diagnostics& diags) {
  Suppression s;
  const manuscript::SourceFile* yaml = m.source(kBookYaml);
  if (!yaml) return s;
  auto warn = [&](const YAML::Node& n, std::string message) {
    diags.warning("check-setting", pos_of(n), std::move(message));
  };
  // yaml-cpp throws; book.yaml was parsed once already, so this is only a safety net.
  try {
    YAML::Node root = YAML::Load(yaml->text);
    if (!root.IsMap() || !root["check"]) return s;
    YAML::Node check = root["check"];
    if (!check.IsMap()) {
      warn(check, "'check' must be a mapping, e.g. `check: {ignore: {double-space: [notes.md]}}`");
      return s;
    }
    for (const auto& kv : check) {
      std::string key = kv.first.as<std::string>("");
      if (key != "ignore") warn(kv.first, "'check' has no setting '" + key + "' (only 'ignore')");
    }
    YAML::Node ignore = check["ignore"];
    if (!ignore) return s;
    if (!ignore.IsMap()) {
      warn(ignore, "'check.ignore' must map codes to the files they are ignored in");
      return s;
    }
    std::vector<std::string_view> names = code_names();
    for (const auto& kv : ignore) {
      std::string code = kv.first.as<std::string>("");
      const support::Code found = support::Code::find(code);
      if (found.empty()) {
        std::string message = "there is no check '" + code + "'";
        if (auto near = nearest_name(code, names)) message += "; did you mean '" + *near + "'?";
        warn(kv.first, message);
        continue;
      }
      if (found.info().severity == support::Severity::error) {
        warn(kv.first, "'" + code + "' is an error, and errors cannot be ignored");
        continue;
      }
      if (!reported_by_check(found.info().family)) {
        warn(kv.first, "'" + code +
                           "' is reported while the book is built, after the checks; only the "
                           "checks' and the reader's warnings can be ignored");
        continue;
      }
      Rule rule{found, {}};
      auto add = [&](const YAML::Node& n) {
        if (!n.IsScalar() || n.Scalar().empty()) {
          warn(n, "list the files to ignore '" + code + "' in by name or pattern");
          return;
        }
        rule.patterns.push_back(n.Scalar() == "all" ? "*" : n.Scalar());
      };
      if (kv.second.IsSequence() && kv.second.size() == 0)
        warn(kv.second, "an empty list ignores '" + code + "' nowhere; list files, or 'all'");
      else if (kv.second.IsSequence())
        for (const auto& item : kv.second) add(item);
      else
        add(kv.second);
      if (!rule.patterns.empty()) s.rules_.push_back(std::move(rule));
    }
  } catch (const YAML::Exception& e) {
    diags.warning("check-setting", {kBookYaml, e.mark.line + 1, e.mark.column + 1}, e.msg);
  }
  return s;
}

bool Suppression::silences(support::Code code, const std::string& file) const {
  for (const Rule& r : rules_) {
    if (r.code != code.name()) continue;
    for (const std::string& p : r.patterns)
      if (::fnmatch(p.c_str(), file.c_str(), 0) == 0) return true;
  }
  return false;
}

void Suppression::apply(support::Diagnostics& diags) const {
  if (rules_.empty()) return;
  std::erase_if(diags.items(), [&](const support::Diagnostic& d) {
    return d.severity != support::Severity::error && silences(d.code, d.pos.file);
  });
}

}  // namespace folio::check
