// Model inlines → one string with style spans; spans nest by being emitted per text leaf.
#include "typeset/inline_text.hpp"

#include <glib.h>

#include <string>
#include <string_view>

#include "model/walk.hpp"

namespace folio::typeset {
namespace {

struct State {
  bool italic = false;
  bool bold = false;
  bool small_caps = false;
  std::string lang;
};

void append(StyledText& out, const std::string& text, const State& st, bool mono, bool sup,
            bool upper) {
  if (text.empty()) return;
  std::size_t start = out.text.size();
  if (upper) {
    gchar* u = g_utf8_strup(text.c_str(), static_cast<gssize>(text.size()));
    out.text += u;
    g_free(u);
  } else {
    out.text += text;
  }
  if (st.italic || st.bold || st.small_caps || mono || sup || !st.lang.empty()) {
    Span sp;
    sp.start = start;
    sp.end = out.text.size();
    sp.italic = st.italic;
    sp.bold = st.bold;
    sp.small_caps = st.small_caps;
    sp.mono = mono;
    sp.superscript = sup;
    sp.lang = st.lang;
    out.spans.push_back(sp);
  }
}

void walk(StyledText& out, const std::vector<model::Inline>& inlines, State st, bool upper) {
  using model::InlineKind;
  for (const model::Inline& in : inlines) {
    switch (in.kind()) {
      case InlineKind::text: {
        // Collapse source newlines inside a paragraph to spaces.
        std::string t = in.as<model::Text>().text;
        for (char& c : t)
          if (c == '\n' || c == '\r') c = ' ';
        append(out, t, st, false, false, upper);
        break;
      }
      case InlineKind::emphasis: {
        State s = st;
        s.italic = !st.italic;  // emphasis inside italics is set roman
        walk(out, in.children, s, upper);
        break;
      }
      case InlineKind::strong: {
        State s = st;
        s.bold = true;
        walk(out, in.children, s, upper);
        break;
      }
      case InlineKind::small_caps: {
        State s = st;
        s.small_caps = true;
        walk(out, in.children, s, upper);
        break;
      }
      case InlineKind::span: {
        State s = st;
        if (!in.attr.lang.empty()) s.lang = in.attr.lang;
        for (const auto& c : in.attr.classes)
          if (c == "smallcaps") s.small_caps = true;
        walk(out, in.children, s, upper);
        break;
      }
      case InlineKind::link:
        walk(out, in.children, st, upper);
        break;
      case InlineKind::code:
        append(out, in.as<model::Code>().text, st, true, false, false);
        break;
      case InlineKind::note_ref:
        out.notes.push_back({out.text.size(), in.as<model::NoteRef>().number});
        append(out, std::to_string(in.as<model::NoteRef>().number), st, false, true, false);
        break;
      case InlineKind::line_break:
        out.text += '\n';
        break;
      case InlineKind::image:
        break;
    }
  }
}

}  // namespace

StyledText styled_text(const std::vector<model::Inline>& inlines, bool upper) {
  StyledText out;
  walk(out, inlines, State{}, upper);
  // Trim spaces at the ends and around forced breaks: they would only become empty glue.
  while (!out.text.empty() && out.text.back() == ' ') out.text.pop_back();
  return out;
}

namespace {

struct LanguageWalk {
  std::string book;  // lower case
  std::vector<UsedLanguage> found;

  static std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = g_ascii_tolower(c);
    return out;
  }
  void use(const std::string& lang, const support::SourcePos& where) {
    if (lang.empty()) return;
    std::string key = lower(lang);
    if (key == book) return;
    for (UsedLanguage& u : found)
      if (lower(u.lang) == key) {
        ++u.uses;
        return;
      }
    found.push_back({lang, where, 1});
  }
  void inlines(const std::vector<model::Inline>& xs) {
    model::walk_inlines(xs, [&](const model::Inline& in) {
      if (in.is<model::Span>()) use(in.attr.lang, in.source);
    });
  }
  void blocks(const std::vector<model::Block>& bs) {
    model::walk_blocks(bs, [&](const model::Block& b) {
      use(b.attr.lang, b.source);
      inlines(b.inlines);
    });
  }
};

}  // namespace

std::vector<UsedLanguage> other_languages(const model::Document& doc) {
  LanguageWalk walk;
  walk.book = LanguageWalk::lower(doc.metadata.lang.value);
  for (const model::Section& sec : doc.sections) {
    if (sec.heading) walk.inlines(sec.heading->inlines);
    walk.blocks(sec.blocks);
    walk.blocks(sec.footnotes);
  }
  return walk.found;
}

}  // namespace folio::typeset
