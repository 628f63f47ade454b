// book.yaml with yaml-cpp: Pandoc's key names, folio's own keys, positions from yaml marks.
#include "manuscript/metadata.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "manuscript/encoding.hpp"
#include "manuscript/yaml_document.hpp"

namespace folio::manuscript {
namespace {

model::SourcePos pos_of(const std::string& file, const YAML::Mark& m) {
  return yaml_pos(file, m);
}

class MetadataReader {
 public:
  MetadataReader(const std::string& file, support::Diagnostics& diags)
      : file_(file), diags_(diags) {}

  // A scalar value (numbers and dates come as their text).
  bool scalar(const YAML::Node& n, const std::string& key, model::MetaString& out, int unwrap = 2) {
    if (n.IsNull()) return true;
    if (!n.IsScalar()) {
      // Pandoc allows `identifier: [{scheme: ISBN, text: …}]`; take the text of the first.
      // Two levels at most: `[{text: …}]`, never deeper. What else is there is ignored, and
      // said so: nothing in book.yaml may be dropped without a word.
      if (unwrap > 0 && n.IsSequence() && n.size() > 0) {
        for (std::size_t i = 1; i < n.size(); ++i)
          ignored(n[i], "'" + key + "' takes one value; folio uses the first and ignores this one",
                  "remove it, or join the values into one");
        return scalar(n[0], key, out, unwrap - 1);
      }
      if (unwrap > 0 && n.IsMap() && n["text"]) {
        extra_keys(n, key, {"text", key == "identifier" ? "scheme" : "text"});
        return scalar(n["text"], key, out, unwrap - 1);
      }
      diags_.error("meta-type", pos_of(file_, n.Mark()), "'" + key + "' must be a string");
      return false;
    }
    out = {n.Scalar(), pos_of(file_, n.Mark())};
    return decoded_text_is_usable(out.value, out.source, diags_);
  }

  // `print: {for: …, paper: …, binding: …}`: each value a string; other keys are kept for
  // the unknown-key check, which suggests the nearest name.
  void print(const YAML::Node& n, model::PrintSettings& out) {
    if (n.IsNull()) return;
    if (!n.IsMap()) {
      diags_.error("meta-type", pos_of(file_, n.Mark()),
                   "'print' must map keys to values (for: kdp, paper: cream)");
      return;
    }
    for (const auto& kv : n) {
      std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
      out.keys.push_back({key, pos_of(file_, kv.first.Mark())});
      if (key == "for")
        scalar(kv.second, "print: for", out.printer, 0);
      else if (key == "paper")
        scalar(kv.second, "print: paper", out.paper, 0);
      else if (key == "binding")
        scalar(kv.second, "print: binding", out.binding, 0);
    }
  }

  // A string or a list of strings (author, subject, contents).
  void list(const YAML::Node& n, const std::string& key, std::vector<model::MetaString>& out) {
    if (n.IsNull()) return;
    if (n.IsScalar()) {
      model::MetaString s{n.Scalar(), pos_of(file_, n.Mark())};
      if (decoded_text_is_usable(s.value, s.source, diags_)) out.push_back(std::move(s));
      return;
    }
    if (!n.IsSequence()) {
      diags_.error("meta-type", pos_of(file_, n.Mark()),
                   "'" + key + "' must be a string or a list of strings");
      return;
    }
    for (const auto& item : n) {
      model::MetaString s;
      // Authors may be written `{name: …}` as in some Pandoc templates.
      if (item.IsMap() && item["name"]) {
        extra_keys(item, key, {"name", "name"});
        if (scalar(item["name"], key, s)) out.push_back(s);
      } else if (scalar(item, key, s) && !s.empty()) {
        out.push_back(s);
      }
    }
  }

 private:
  void ignored(const YAML::Node& n, std::string message, std::string fix) {
    diags_.warning("meta-ignored", pos_of(file_, n.Mark()), std::move(message), std::move(fix));
  }
  // The keys of a `{text: …}` or `{name: …}` value other than the `read` ones.
  void extra_keys(const YAML::Node& map, const std::string& key,
                  std::initializer_list<std::string_view> read) {
    for (const auto& kv : map) {
      std::string name = kv.first.IsScalar() ? kv.first.Scalar() : "";
      if (std::find(read.begin(), read.end(), name) != read.end()) continue;
      ignored(kv.first,
              "folio reads only '" + std::string(*read.begin()) + "' in a value of '" + key +
                  "' and ignores '" + name + "'",
              "remove '" + name + "'");
    }
  }

  const std::string& file_;
  support::Diagnostics& diags_;
};

}  // namespace

bool read_metadata(const std::string& file, const std::string& text, model::Metadata& meta,
                   support::Diagnostics& diags) {
  // Bounded before the walk below: nesting, aliases, repeated keys, one document.
  std::optional<YAML::Node> doc = load_yaml_document(file, text, "yaml-syntax", diags);
  if (!doc) return false;
  const YAML::Node& root = *doc;
  if (root.IsNull()) {
    diags.error("yaml-not-mapping", {file, 1, 1}, file + " is empty; it must map keys to values");
    return false;
  }
  if (!root.IsMap()) {
    diags.error("yaml-not-mapping", pos_of(file, root.Mark()),
                file + " must be a mapping of keys to values (title: …, author: …)");
    return false;
  }
  MetadataReader r(file, diags);
  try {
    for (const auto& kv : root) {
      std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
      const YAML::Node& v = kv.second;
      meta.keys.push_back({key, pos_of(file, kv.first.Mark())});
      if (key == "title")
        r.scalar(v, key, meta.title);
      else if (key == "subtitle")
        r.scalar(v, key, meta.subtitle);
      else if (key == "author")
        r.list(v, key, meta.authors);
      else if (key == "lang")
        r.scalar(v, key, meta.lang);
      else if (key == "date")
        r.scalar(v, key, meta.date);
      else if (key == "identifier")
        r.scalar(v, key, meta.identifier);
      else if (key == "publisher")
        r.scalar(v, key, meta.publisher);
      else if (key == "rights")
        r.scalar(v, key, meta.rights);
      else if (key == "edition")
        r.scalar(v, key, meta.edition);
      else if (key == "description")
        r.scalar(v, key, meta.description);
      else if (key == "subject")
        r.list(v, key, meta.subjects);
      else if (key == "cover-image")
        r.scalar(v, key, meta.cover_image);
      else if (key == "style")
        r.scalar(v, key, meta.style);
      else if (key == "contents")
        r.list(v, key, meta.contents);
      else if (key == "print")
        r.print(v, meta.print);
      else if (v.IsScalar() && decoded_text_is_usable(v.Scalar(), pos_of(file, v.Mark()), diags))
        meta.extra[key] = {v.Scalar(), pos_of(file, v.Mark())};
    }
  } catch (const YAML::Exception& e) {
    diags.error("yaml-syntax", pos_of(file, e.mark), e.msg);
    return false;
  }
  return true;
}

}  // namespace folio::manuscript
