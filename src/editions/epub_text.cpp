// Reads the EPUB back with libzip and pugixml: container → package → spine → XHTML words.
#include "editions/epub_text.hpp"

#include <zip.h>

#include <cstring>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "editions/words.hpp"

namespace folio::editions {
namespace {

// Owns an open archive.
class Archive {
 public:
  explicit Archive(const std::filesystem::path& path) {
    int err = 0;
    zip_ = zip_open(path.c_str(), ZIP_RDONLY, &err);
  }
  ~Archive() {
    if (zip_) zip_discard(zip_);
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;
  bool open() const { return zip_ != nullptr; }

  std::optional<std::string> read(const std::string& name) const {
    zip_stat_t st;
    if (zip_stat(zip_, name.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
      return std::nullopt;
    zip_file_t* f = zip_fopen(zip_, name.c_str(), 0);
    if (!f) return std::nullopt;
    std::string bytes(st.size, '\0');
    zip_int64_t got = st.size == 0 ? 0 : zip_fread(f, bytes.data(), st.size);
    zip_fclose(f);
    if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) return std::nullopt;
    return bytes;
  }

 private:
  zip_t* zip_ = nullptr;
};

bool has_token(const char* list, std::string_view token) {
  std::string_view s(list);
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (s.substr(i, j - i) == token) return true;
    i = j + 1;
  }
  return false;
}

bool has_any(const pugi::xml_node& n, const char* attr,
             std::initializer_list<std::string_view> ts) {
  const char* v = n.attribute(attr).value();
  if (!*v) return false;
  for (std::string_view t : ts)
    if (has_token(v, t)) return true;
  return false;
}

// Generated pages and navigation: what the print edition sets from the metadata, or not at all.
bool is_furniture(const pugi::xml_node& n) {
  return has_any(n, "epub:type",
                 {"cover", "titlepage", "halftitlepage", "imprint", "copyright-page", "toc",
                  "landmarks", "page-list", "loi", "lot"}) ||
         has_any(n, "role", {"doc-cover", "doc-toc", "doc-pagelist"});
}

bool is_note(const pugi::xml_node& n) {
  return has_any(n, "epub:type", {"footnote", "endnote", "rearnote"}) ||
         has_any(n, "role", {"doc-footnote", "doc-endnote"});
}

bool is_page_break(const pugi::xml_node& n) {
  return has_any(n, "epub:type", {"pagebreak"}) || has_any(n, "role", {"doc-pagebreak"});
}

// Phrasing elements: their edges do not end a word ("note<sup>2</sup>" reads "note2").
bool is_inline(const char* name) {
  static const std::set<std::string_view> kInline{
      "a",    "abbr", "b", "bdi",  "bdo",   "cite", "code",   "data", "dfn", "em",   "i", "kbd",
      "mark", "q",    "s", "samp", "small", "span", "strong", "sub",  "sup", "time", "u", "var"};
  return kInline.count(name) > 0;
}

// Walks one content document's body.
class ContentReader {
 public:
  ContentReader(EditionText& out, WordCollector& body, WordCollector& notes,
                WordCollector& captions)
      : out_(out), body_(body), notes_(notes), captions_(captions) {}

  bool saw_furniture = false;

  void walk(const pugi::xml_node& parent, bool in_note) {
    for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) visit(n, in_note);
  }

 private:
  WordCollector& words_for(bool in_note) {
    return in_caption_ ? captions_ : in_note ? notes_ : body_;
  }

  void visit(const pugi::xml_node& n, bool in_note) {
    WordCollector& words = words_for(in_note);
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      words.add(n.value());
      return;
    }
    if (n.type() != pugi::node_element) return;
    const char* name = n.name();
    // Semantics live in attributes; most elements (p, em) have none to look at.
    bool marked = n.attribute("epub:type") || n.attribute("role");
    if (marked && is_page_break(n)) {
      if (!in_note)
        out_.page_starts.push_back({n.attribute("aria-label").value(), body_.position()});
      return;
    }
    if (marked && is_furniture(n)) {
      saw_furniture = true;
      words.boundary();
      return;
    }
    if (marked && !in_note && is_note(n)) {
      body_.boundary();
      notes_.boundary();
      walk(n, true);
      notes_.boundary();
      return;
    }
    // A figure's caption is compared apart: print may float its figure to another page.
    if (std::strcmp(name, "figcaption") == 0 && !in_caption_) {
      words.boundary();
      captions_.boundary();
      in_caption_ = true;
      walk(n, in_note);
      in_caption_ = false;
      captions_.boundary();
      return;
    }
    if (std::strcmp(name, "br") == 0) {
      words.boundary();
      return;
    }
    // An inline image has no words, and the print edition sets none in its place: the letters
    // either side of one written inside a word ("ti![](p.png)r") stay one word, as in the PDF.
    if (std::strcmp(name, "img") == 0) return;
    if (is_inline(name)) {
      walk(n, in_note);
      return;
    }
    words.boundary();
    if (std::strcmp(name, "ol") == 0)
      ordered_list(n, in_note);
    else
      walk(n, in_note);
    words.boundary();
  }

  // The print edition sets "1. " before an item that opens with a paragraph; so does a
  // reading system's list marker.
  void ordered_list(const pugi::xml_node& ol, bool in_note) {
    WordCollector& words = words_for(in_note);
    long number = ol.attribute("start").as_int(1);
    for (pugi::xml_node n = ol.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element || std::strcmp(n.name(), "li") != 0) {
        visit(n, in_note);
        continue;
      }
      // A page-break marker the writer put before the item's first word is not its content.
      pugi::xml_node first = n.find_child([](const pugi::xml_node& c) {
        return (c.type() == pugi::node_element && !is_page_break(c)) ||
               (c.type() == pugi::node_pcdata && words_of(c.value()).size() > 0);
      });
      words.boundary();
      // A page-break marker before the item's first word marks the page its number begins.
      pugi::xml_node c = n.first_child();
      for (; c && ((c.type() == pugi::node_element && is_page_break(c)) ||
                   (c.type() == pugi::node_pcdata && words_of(c.value()).empty()));
           c = c.next_sibling())
        visit(c, in_note);
      if (first && std::strcmp(first.name(), "p") == 0) {
        words.add(std::to_string(number));
        words.boundary();
      }
      for (; c; c = c.next_sibling()) visit(c, in_note);
      words.boundary();
      ++number;
    }
  }

  EditionText& out_;
  WordCollector& body_;
  WordCollector& notes_;
  WordCollector& captions_;
  bool in_caption_ = false;
};

std::string directory_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

// "text/003-chapter.xhtml" → 2: the EPUB writer numbers section documents from 001.
int section_of(const std::string& href) {
  std::size_t slash = href.rfind('/');
  std::string base = slash == std::string::npos ? href : href.substr(slash + 1);
  if (base.size() < 5 || base[3] != '-') return -1;
  int n = 0;
  for (int i = 0; i < 3; ++i) {
    if (base[i] < '0' || base[i] > '9') return -1;
    n = n * 10 + (base[i] - '0');
  }
  return n - 1;
}

// The nav element of the table of contents, searched depth-first.
pugi::xml_node find_toc(const pugi::xml_node& n) {
  for (pugi::xml_node c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    if (std::strcmp(c.name(), "nav") == 0 && has_any(c, "epub:type", {"toc"})) return c;
    if (pugi::xml_node found = find_toc(c)) return found;
  }
  return {};
}

std::string normalised_space(const std::string& s) {
  std::istringstream in(s);
  std::string word, out;
  while (in >> word) out += (out.empty() ? "" : " ") + word;
  return out;
}

}  // namespace

std::optional<EditionText> read_epub_text(const std::filesystem::path& epub, std::string& error) {
  Archive zip(epub);
  if (!zip.open()) {
    error = "cannot open " + epub.string() + " as a zip archive";
    return std::nullopt;
  }
  auto container = zip.read("META-INF/container.xml");
  pugi::xml_document cdoc;
  if (!container || !cdoc.load_buffer(container->data(), container->size())) {
    error = "no readable META-INF/container.xml";
    return std::nullopt;
  }
  std::string opf_path =
      cdoc.select_node("//*[local-name()='rootfile']/@full-path").attribute().value();
  auto opf = zip.read(opf_path);
  pugi::xml_document pdoc;
  if (!opf || !pdoc.load_buffer(opf->data(), opf->size())) {
    error = "no readable package document " + opf_path;
    return std::nullopt;
  }
  std::string base = directory_of(opf_path);
  std::map<std::string, std::string> hrefs;
  std::string nav_href;
  for (auto x : pdoc.select_nodes("//*[local-name()='manifest']/*[local-name()='item']")) {
    pugi::xml_node item = x.node();
    hrefs[item.attribute("id").value()] = item.attribute("href").value();
    if (has_token(item.attribute("properties").value(), "nav"))
      nav_href = item.attribute("href").value();
  }

  EditionText out;
  std::set<std::string> furniture_docs;
  {
    WordCollector body(out.words), notes(out.note_words), captions(out.caption_words);
    for (auto x : pdoc.select_nodes("//*[local-name()='spine']/*[local-name()='itemref']")) {
      auto it = hrefs.find(x.node().attribute("idref").value());
      if (it == hrefs.end()) continue;
      const std::string& href = it->second;
      auto bytes = zip.read(base + href);
      pugi::xml_document doc;
      if (!bytes || !doc.load_buffer(bytes->data(), bytes->size(),
                                     pugi::parse_default | pugi::parse_ws_pcdata)) {
        error = "cannot read the content document " + base + href;
        return std::nullopt;
      }
      pugi::xml_node html_body = doc.child("html").child("body");
      body.boundary();
      notes.boundary();
      std::size_t first = out.words.size(), first_note = out.note_words.size();
      std::size_t first_caption = out.caption_words.size();
      ContentReader reader(out, body, notes, captions);
      reader.walk(html_body, false);
      body.boundary();
      notes.boundary();
      if (out.words.size() == first && reader.saw_furniture) furniture_docs.insert(href);
      out.parts.push_back({first, href, section_of(href)});
      if (out.note_words.size() > first_note)
        out.note_parts.push_back({first_note, href, section_of(href)});
      if (out.caption_words.size() > first_caption)
        out.caption_parts.push_back({first_caption, href, section_of(href)});
    }
  }

  // The contents: the nav's toc, top level only (the PDF outline has one level).
  if (!nav_href.empty()) {
    auto bytes = zip.read(base + nav_href);
    pugi::xml_document nav;
    if (bytes && nav.load_buffer(bytes->data(), bytes->size())) {
      std::string nav_dir = directory_of(nav_href);
      pugi::xml_node toc = find_toc(nav.child("html").child("body"));
      for (pugi::xml_node li : toc.child("ol").children("li")) {
        pugi::xml_node label =
            li.find_child([](const pugi::xml_node& c) { return c.type() == pugi::node_element; });
        std::string target = label.attribute("href").value();
        target = nav_dir + target.substr(0, target.find('#'));
        if (furniture_docs.count(target)) continue;
        std::string text;
        for (auto t : label.select_nodes(".//text()")) text += t.node().value();
        out.toc.push_back(normalised_space(text));
      }
    }
  }
  return out;
}

}  // namespace folio::editions
