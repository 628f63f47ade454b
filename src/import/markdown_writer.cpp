// Writes model blocks and inlines back as manuscript Markdown: every character Markdown
// would read as syntax is escaped, so the text reads back exactly as it was.
#include "import/markdown_writer.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace folio::import {
namespace {

using model::Block;
using model::Inline;

// Escapes what cmark-gfm or folio's extensions would read as syntax in running text.
std::string escape_text(std::string_view s, bool in_table) {
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    char next = i + 1 < s.size() ? s[i + 1] : '\0';
    bool letter = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
    switch (c) {
      // Emphasis, links, code and escapes: anywhere. (`![` and `[^` need no more: `[` is
      // escaped, so neither can form.)
      case '\\':
      case '*':
      case '_':
      case '[':
      case ']':
      case '`':
      case '~':
      case '<':
        out += '\\';
        break;
      case '&':  // only where it could start an entity (`&amp;`, `&#38;`)
        if (letter || next == '#') out += '\\';
        break;
      case '|':
        if (in_table) out += '\\';
        break;
      default:
        break;
    }
    out += c;
  }
  return out;
}

// A line that would open a block (a list, a heading, a quote, a div fence, a table caption,
// a thematic break or a line block) when it starts a paragraph: its first character escaped.
std::string guard_line_start(std::string line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  if (i >= line.size()) return line;
  char c = line[i];
  if (c == '-' || c == '+' || c == '=' || c == ':' || c == '|' || c == '{' || c == '#' ||
      c == '>') {
    line.insert(i, "\\");
    return line;
  }
  // `1. ` or `1) `: an ordered list.
  std::size_t d = i;
  while (d < line.size() && line[d] >= '0' && line[d] <= '9') ++d;
  if (d > i && d < line.size() && (line[d] == '.' || line[d] == ')')) line.insert(d, "\\");
  // Four spaces would make code.
  if (i >= 4) line.erase(0, i);
  return line;
}

// A heading's text: a closing `#` run or a `{` would be read as syntax at its end.
std::string heading_text(std::string text) {
  if (!text.empty() && (text.back() == '#' || text.back() == '}'))
    text.insert(text.size() - 1, "\\");
  return text;
}

std::string attributes(const model::Attr& a, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> parts;
  if (!a.id.empty()) parts.push_back("#" + a.id);
  for (const auto& c : a.classes) parts.push_back("." + c);
  for (const auto& e : extra) parts.push_back(e);
  for (const auto& [k, v] : a.attributes) parts.push_back(k + "=\"" + v + "\"");
  if (!a.lang.empty()) parts.push_back("lang=" + a.lang);
  if (parts.empty()) return {};
  std::string out = "{";
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? " " : "") + parts[i];
  return out + "}";
}

class Writer {
 public:
  std::string sections(const std::vector<model::Section>& secs);

 private:
  void blocks(const std::vector<Block>& bs, const std::string& prefix);
  void block(const Block& b, const std::string& prefix);
  void para_lines(const std::vector<Inline>& ins, const std::string& prefix);
  std::string inlines(const std::vector<Inline>& ins, bool in_table = false, int depth = 0);
  std::string inline_node(const Inline& in, bool in_table, int depth);
  void line(const std::string& prefix, const std::string& text);
  void blank(const std::string& prefix);
  void note(const Block& note);

  std::string out_;
};

void Writer::line(const std::string& prefix, const std::string& text) {
  out_ += prefix + text;
  while (!out_.empty() && out_.back() == ' ') out_.pop_back();
  out_ += '\n';
}

void Writer::blank(const std::string& prefix) {
  line(prefix, "");
}

std::string Writer::sections(const std::vector<model::Section>& secs) {
  for (const model::Section& s : secs) {
    if (!out_.empty()) out_ += '\n';
    if (s.heading) {
      std::vector<std::string> extra;
      if (s.role != "chapter") extra.push_back("epub:type=" + s.role);
      std::string text = heading_text(inlines(s.heading->inlines));
      std::string attrs = attributes(s.heading->attr, extra);
      line("", "# " + text + (attrs.empty() ? "" : " " + attrs));
      out_ += '\n';
    }
    blocks(s.blocks, "");
    for (const Block& n : s.footnotes) {
      out_ += '\n';
      note(n);
    }
  }
  return out_;
}

void Writer::note(const Block& n) {
  const auto& fn = n.as<model::Footnote>();
  std::string head = "[^" + fn.label + "]: ";
  if (n.blocks.empty()) {
    line("", head);
    return;
  }
  // The first paragraph follows the label; the rest is indented by four spaces.
  std::size_t first = 0;
  if (n.blocks.front().is<model::Paragraph>()) {
    std::string text = inlines(n.blocks.front().inlines);
    std::vector<std::string> parts;
    std::size_t from = 0;
    while (true) {
      std::size_t to = text.find('\n', from);
      parts.push_back(text.substr(from, to - from));
      if (to == std::string::npos) break;
      from = to + 1;
    }
    for (std::size_t i = 0; i < parts.size(); ++i)
      line(i ? "    " : "", i ? guard_line_start(parts[i]) : head + parts[i]);
    first = 1;
  } else {
    line("", head);
  }
  for (std::size_t i = first; i < n.blocks.size(); ++i) {
    blank("");
    block(n.blocks[i], "    ");
  }
}

void Writer::blocks(const std::vector<Block>& bs, const std::string& prefix) {
  for (std::size_t i = 0; i < bs.size(); ++i) {
    if (i) blank(prefix);
    block(bs[i], prefix);
  }
}

void Writer::para_lines(const std::vector<Inline>& ins, const std::string& prefix) {
  std::string text = inlines(ins);
  std::size_t from = 0;
  while (true) {
    std::size_t to = text.find('\n', from);
    line(prefix, guard_line_start(text.substr(from, to - from)));
    if (to == std::string::npos) break;
    from = to + 1;
  }
}

void Writer::block(const Block& b, const std::string& prefix) {
  std::visit(model::Overloaded{
                 [&](const model::Paragraph&) {
                   std::string attrs = attributes(b.attr);
                   if (!attrs.empty()) {
                     // A paragraph with attributes is a div of its own in Markdown.
                     line(prefix, "::: " + attrs);
                     para_lines(b.inlines, prefix);
                     line(prefix, ":::");
                     return;
                   }
                   para_lines(b.inlines, prefix);
                 },
                 [&](const model::Heading& h) {
                   std::string attrs = attributes(b.attr);
                   line(prefix, std::string(static_cast<std::size_t>(h.level), '#') + " " +
                                    inlines(b.inlines) + (attrs.empty() ? "" : " " + attrs));
                 },
                 [&](const model::BlockQuote&) { blocks(b.blocks, prefix + "> "); },
                 [&](const model::Dateline&) {
                   model::Attr a = b.attr;
                   a.classes.insert(a.classes.begin(), "dateline");
                   line(prefix, "::: " + (a.classes.size() == 1 && a.id.empty() && a.lang.empty()
                                              ? std::string("dateline")
                                              : attributes(a)));
                   para_lines(b.inlines, prefix);
                   line(prefix, ":::");
                 },
                 [&](const model::Epigraph&) {
                   model::Attr a = b.attr;
                   a.classes.insert(a.classes.begin(), "epigraph");
                   line(prefix, "::: " + (a.classes.size() == 1 && a.id.empty() && a.lang.empty()
                                              ? std::string("epigraph")
                                              : attributes(a)));
                   blocks(b.blocks, prefix);
                   line(prefix, ":::");
                 },
                 [&](const model::SceneBreak&) { line(prefix, "* * *"); },
                 [&](const model::List& l) {
                   int n = l.start;
                   bool first = true;
                   for (const Block& item : b.blocks) {
                     if (!first) blank(prefix);
                     first = false;
                     std::string marker = l.ordered ? fmt::format("{}. ", n++) : "- ";
                     std::string indent(marker.size(), ' ');
                     // The item's first line carries the marker; the rest are indented under it.
                     std::size_t start = out_.size();
                     blocks(item.blocks, prefix + indent);
                     if (item.blocks.empty()) {
                       line(prefix, marker);
                       continue;
                     }
                     out_.replace(start + prefix.size(), indent.size(), marker);
                   }
                 },
                 [&](const model::ListItem&) { blocks(b.blocks, prefix); },
                 [&](const model::LineBlock&) {
                   std::string attrs = attributes(b.attr);
                   if (!attrs.empty()) line(prefix, "::: " + attrs);
                   for (const auto& l : model::lines_of(b)) {
                     std::string text = inlines(l);
                     // Leading spaces indent a verse line: the `| ` keeps them.
                     line(prefix, text.empty() ? "|" : "| " + text);
                   }
                   if (!attrs.empty()) line(prefix, ":::");
                 },
                 [&](const model::Footnote&) { note(b); },
                 [&](const model::Figure& f) {
                   // A figure takes no attributes of its own in a manuscript (`![…](…){#id}`
                   // would read as an image and text): a div around it carries them.
                   std::string attrs = attributes(b.attr);
                   if (!attrs.empty()) line(prefix, "::: " + attrs);
                   line(prefix, "![" + inlines(b.inlines) + "](" + f.src + ")");
                   if (!attrs.empty()) line(prefix, ":::");
                 },
                 [&](const model::CodeBlock& c) {
                   std::string fence = "```";
                   while (c.text.find(fence) != std::string::npos) fence += '`';
                   line(prefix, fence + c.info);
                   std::size_t from = 0;
                   while (from < c.text.size()) {
                     std::size_t to = c.text.find('\n', from);
                     if (to == std::string::npos) to = c.text.size();
                     out_ += prefix + c.text.substr(from, to - from) + '\n';
                     from = to + 1;
                   }
                   line(prefix, fence);
                 },
                 [&](const model::Div&) {
                   const model::Attr& a = b.attr;
                   bool simple = a.classes.size() == 1 && a.id.empty() && a.lang.empty() &&
                                 a.attributes.empty();
                   line(prefix, "::: " + (simple ? a.classes.front() : attributes(a)));
                   blocks(b.blocks, prefix);
                   if (!b.inlines.empty()) para_lines(b.inlines, prefix);
                   line(prefix, ":::");
                 },
                 [&](const model::Table& t) {
                   auto row = [&](const model::TableRow& r) {
                     std::string s = "|";
                     for (const auto& c : r.cells) s += " " + inlines(c.inlines, true) + " |";
                     return s;
                   };
                   line(prefix, row(t.header));
                   std::string rule = "|";
                   for (auto a : t.alignments) {
                     switch (a) {
                       case model::ColumnAlign::left:
                         rule += ":---|";
                         break;
                       case model::ColumnAlign::center:
                         rule += ":---:|";
                         break;
                       case model::ColumnAlign::right:
                         rule += "---:|";
                         break;
                       case model::ColumnAlign::none:
                         rule += "---|";
                         break;
                     }
                   }
                   line(prefix, rule);
                   for (const auto& r : t.rows) line(prefix, row(r));
                   if (!b.inlines.empty()) {
                     blank(prefix);
                     line(prefix, "Table: " + inlines(b.inlines));
                   }
                 },
             },
             b.node);
}

std::string Writer::inlines(const std::vector<Inline>& ins, bool in_table, int depth) {
  std::string s;
  for (const Inline& in : ins) s += inline_node(in, in_table, depth);
  return s;
}

std::string Writer::inline_node(const Inline& in, bool in_table, int depth) {
  auto children = [&] { return inlines(in.children, in_table, depth); };
  return std::visit(
      model::Overloaded{
          [&](const model::Text& t) { return escape_text(t.text, in_table); },
          [&](const model::Emphasis&) {
            // Nested emphasis alternates markers, so `*a _b_ c*` reads back as two levels.
            const char* m = depth % 2 ? "_" : "*";
            return std::string(m) + inlines(in.children, in_table, depth + 1) + m;
          },
          [&](const model::Strong&) { return "**" + children() + "**"; },
          [&](const model::SmallCaps&) {
            model::Attr a = in.attr;
            a.classes.insert(a.classes.begin(), "smallcaps");
            return "[" + children() + "]" + attributes(a);
          },
          [&](const model::Link& l) {
            std::string target = l.target;
            bool angle = target.find_first_of(" ()<>") != std::string::npos;
            return "[" + children() + "](" + (angle ? "<" + target + ">" : target) + ")";
          },
          [&](const model::NoteRef& r) { return "[^" + r.label + "]"; },
          [&](const model::LineBreak&) { return std::string(in_table ? " " : "\\\n"); },
          [&](const model::Code& c) {
            std::string fence = "`";
            while (c.text.find(fence) != std::string::npos) fence += '`';
            bool pad = !c.text.empty() && (c.text.front() == '`' || c.text.back() == '`');
            return fence + (pad ? " " : "") + c.text + (pad ? " " : "") + fence;
          },
          [&](const model::Span&) { return "[" + children() + "]" + attributes(in.attr); },
          [&](const model::Image& i) { return "![" + children() + "](" + i.src + ")"; },
      },
      in.node);
}

std::string yaml_quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string write_markdown(const std::vector<model::Section>& sections) {
  return Writer().sections(sections);
}

std::string write_book_yaml(const model::Metadata& meta, const std::vector<std::string>& files,
                            const std::string& comment) {
  std::string out = "# " + comment + "\n";
  auto scalar = [&](const char* key, const model::MetaString& v) {
    if (!v.empty()) out += fmt::format("{}: {}\n", key, yaml_quoted(v.value));
  };
  auto list = [&](const char* key, const std::vector<model::MetaString>& vs) {
    if (vs.empty()) return;
    out += fmt::format("{}:\n", key);
    for (const auto& v : vs) out += "  - " + yaml_quoted(v.value) + "\n";
  };
  scalar("title", meta.title);
  scalar("subtitle", meta.subtitle);
  if (meta.authors.size() == 1)
    scalar("author", meta.authors.front());
  else
    list("author", meta.authors);
  scalar("lang", meta.lang);
  scalar("date", meta.date);
  scalar("identifier", meta.identifier);
  scalar("publisher", meta.publisher);
  scalar("rights", meta.rights);
  scalar("edition", meta.edition);
  scalar("description", meta.description);
  list("subject", meta.subjects);
  scalar("cover-image", meta.cover_image);
  out += "contents:\n";
  for (const auto& f : files) out += "  - " + yaml_quoted(f) + "\n";
  return out;
}

}  // namespace folio::import
