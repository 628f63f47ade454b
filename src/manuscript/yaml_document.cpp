// Parses one YAML document and bounds it: nesting, self-containing aliases, alias expansion,
// duplicate keys, text after the document's end.
#include "manuscript/yaml_document.hpp"

#include <map>
#include <sstream>
#include <vector>

#include <yaml-cpp/eventhandler.h>

#include "manuscript/limits.hpp"

namespace folio::manuscript {
namespace {

// A key as a message quotes it: book.yaml's own text, but kept to a readable length.
std::string clip(const std::string& s) {
  constexpr std::size_t kMax = 60;
  if (s.size() <= kMax) return s;
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 start
  return s.substr(0, cut) + "…";
}

class Walker {
 public:
  Walker(const std::string& file, support::Diagnostics& diags) : file_(file), diags_(diags) {}

  // False when a limit was met (then the walk stopped) or a key was repeated.
  bool check(const YAML::Node& root) {
    walk(root);
    return ok_;
  }

 private:
  void limit(const YAML::Node& n, std::string message) {
    diags_.error("yaml-limit", yaml_pos(file_, n.Mark()), std::move(message));
    ok_ = false;
    stopped_ = true;
  }

  void walk(const YAML::Node& n) {
    if (stopped_ || !n.IsDefined() || n.IsNull() || n.IsScalar()) {
      if (++visits_ > kMaxYamlNodes && !stopped_)
        limit(n, "more than " + std::to_string(kMaxYamlNodes) +
                     " values once aliases are expanded; folio reads no further");
      return;
    }
    for (const YAML::Node& p : path_)
      if (p.is(n))
        return limit(n,
                     "an alias refers to a collection that contains it, so the value "
                     "would never end; use the alias outside its anchor's collection");
    if (path_.size() >= static_cast<std::size_t>(kMaxYamlDepth))
      return limit(n, "nested more than " + std::to_string(kMaxYamlDepth) +
                          " levels deep; folio reads no deeper");
    if (++visits_ > kMaxYamlNodes)
      return limit(n, "more than " + std::to_string(kMaxYamlNodes) +
                          " values once aliases are expanded; folio reads no further");
    path_.push_back(n);
    if (n.IsSequence()) {
      for (const auto& item : n) {
        walk(item);
        if (stopped_) break;
      }
    } else if (n.IsMap()) {
      std::map<std::string, YAML::Mark> seen;
      for (const auto& kv : n) {
        if (kv.first.IsScalar()) {
          auto [it, fresh] = seen.emplace(kv.first.Scalar(), kv.first.Mark());
          if (!fresh) {
            support::SourcePos first = yaml_pos(file_, it->second);
            diags_.error("yaml-duplicate-key", yaml_pos(file_, kv.first.Mark()),
                         "the key '" + clip(kv.first.Scalar()) +
                             "' is given twice in this mapping (first at line " +
                             std::to_string(first.line) + ", column " +
                             std::to_string(first.column) +
                             "); only one would be used: remove the other");
            ok_ = false;
          }
        }
        walk(kv.first);
        if (!stopped_) walk(kv.second);
        if (stopped_) break;
      }
    }
    path_.pop_back();
  }

  const std::string& file_;
  support::Diagnostics& diags_;
  std::vector<YAML::Node> path_;  // the collections from the root to the current node
  std::size_t visits_ = 0;
  bool ok_ = true;
  bool stopped_ = false;
};

}  // namespace

support::SourcePos yaml_pos(const std::string& file, const YAML::Mark& m) {
  if (m.is_null() || m.line < 0) return {file, 1, 1};
  return {file, m.line + 1, m.column + 1};
}

namespace {

// What each document of a stream holds, read with yaml-cpp's event parser: YAML::LoadAll
// never returns on some inputs (", a b" yields empty documents forever without consuming a
// byte, growing memory: 15 GB in two minutes), so the documents are counted here, each must
// start further on than the last, and only the first is then loaded.
struct DocumentScan : YAML::EventHandler {
  struct Doc {
    YAML::Mark start, first;
    int events = 0;
    bool only_null = true;
  };
  std::vector<Doc> docs;
  void OnDocumentStart(const YAML::Mark& m) override { docs.push_back({m, m}); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { seen(m, true); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { seen(m, false); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                const std::string&) override {
    seen(m, false);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    seen(m, false);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    seen(m, false);
  }
  void OnMapEnd() override {}
  void seen(const YAML::Mark& m, bool null) {
    if (docs.empty()) docs.push_back({m, m});
    Doc& d = docs.back();
    if (d.events++ == 0) d.first = m;
    d.only_null = d.only_null && null;
  }
};

}  // namespace

std::optional<YAML::Node> load_yaml_document(const std::string& file, const std::string& text,
                                             support::Code syntax_code,
                                             support::Diagnostics& diags) {
  std::vector<YAML::Node> docs;
  try {
    std::istringstream in(text);
    YAML::Parser parser(in);
    DocumentScan scan;
    while (parser.HandleNextDocument(scan)) {
      const auto& d = scan.docs;
      if (d.size() >= 2 && d[d.size() - 1].start.pos <= d[d.size() - 2].start.pos) {
        diags.error(syntax_code, yaml_pos(file, d.back().start),
                    file + " is not valid YAML: nothing here starts a value");
        return std::nullopt;
      }
      if (d.size() >= 2 && !(d.back().only_null && d.back().events <= 1)) {
        diags.error(syntax_code, yaml_pos(file, d.back().first),
                    "a second YAML document after the end of the first ('...' or '---'); folio "
                    "would ignore it: remove the marker, or move these keys above it");
        return std::nullopt;
      }
    }
    if (!scan.docs.empty()) docs.push_back(YAML::Load(text));
  } catch (const YAML::Exception& e) {
    diags.error(syntax_code, yaml_pos(file, e.mark), file + " is not valid YAML: " + e.msg);
    return std::nullopt;
  }
  if (docs.empty()) return YAML::Node();
  try {
    if (!Walker(file, diags).check(docs[0])) return std::nullopt;
  } catch (const YAML::Exception& e) {
    diags.error(syntax_code, yaml_pos(file, e.mark), e.msg);
    return std::nullopt;
  }
  return docs[0];
}

}  // namespace folio::manuscript
