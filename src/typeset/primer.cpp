// The primer's text (the book's characters) and its setting in the body face.
#include "typeset/primer.hpp"

#include <glib.h>

#include <string_view>
#include <vector>

#include "model/walk.hpp"

namespace folio::typeset {
namespace {

// Characters Windows-1252 (WinAnsi) has beyond Latin-1.
bool windows_1252_extra(gunichar c) {
  switch (c) {
    case 0x20AC:
    case 0x201A:
    case 0x0192:
    case 0x201E:
    case 0x2026:
    case 0x2020:
    case 0x2021:
    case 0x02C6:
    case 0x2030:
    case 0x0160:
    case 0x2039:
    case 0x0152:
    case 0x017D:
    case 0x2018:
    case 0x2019:
    case 0x201C:
    case 0x201D:
    case 0x2022:
    case 0x2013:
    case 0x2014:
    case 0x02DC:
    case 0x2122:
    case 0x0161:
    case 0x203A:
    case 0x0153:
    case 0x017E:
    case 0x0178:
      return true;
    default:
      return false;
  }
}

bool winansi(gunichar c) {
  return (c > 0x20 && c < 0x7F) || (c > 0xA0 && c <= 0xFF) || windows_1252_extra(c);
}

// Every WinAnsi code point is below U+2200: a flat table marks the ones the book uses (a
// std::set took 87 M instructions on a 150,000-word book, on the layout's critical path).
constexpr gunichar kWinAnsiEnd = 0x2200;
using Seen = std::vector<bool>;

void add_chars(std::string_view s, Seen& seen) {
  const char* end = s.data() + s.size();
  for (const char* p = s.data(); p < end;) {
    auto byte = static_cast<unsigned char>(*p);
    if (byte < 0x80) {  // most of a book
      seen[byte] = seen[byte] || winansi(byte);
      ++p;
      continue;
    }
    gunichar c = g_utf8_get_char_validated(p, end - p);
    if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) return;
    if (c < kWinAnsiEnd && winansi(c)) seen[c] = true;
    p = g_utf8_next_char(p);
  }
}

}  // namespace

std::string primer_text(const model::Document& doc) {
  Seen seen(kWinAnsiEnd, false);
  const model::Metadata& md = doc.metadata;
  add_chars(md.title.value, seen);
  add_chars(md.subtitle.value, seen);
  for (const auto& a : md.authors) add_chars(a.value, seen);
  model::walk_blocks(doc, [&](const model::Block& b) {
    if (auto* code = b.get_if<model::CodeBlock>()) add_chars(code->text, seen);
    add_chars(model::plain_text(b.inlines), seen);
  });
  std::string text;
  for (gunichar c = 0; c < kWinAnsiEnd; ++c) {
    if (!seen[c]) continue;
    char buf[6];
    text.append(buf, static_cast<std::size_t>(g_unichar_to_utf8(c, buf)));
    text += ' ';
  }
  return text;
}

std::vector<GlyphRun> set_primer(const FontContext& fonts, FontTable& table,
                                 const std::string& text, ParagraphSettings settings) {
  std::vector<GlyphRun> runs;
  if (text.empty()) return runs;
  settings.face.small_caps = false;
  settings.face.italic = false;
  // Characters the roman lacks are left out: set, they would bring in a fallback face that
  // the book itself may never use.
  StyledText styled{text, {}, {}};
  for (const GlyphGap& gap :
       fonts.coverage_gaps(styled, settings.face, settings.strong, settings.mono_family)) {
    if (gap.no_family) return runs;
    for (char32_t c : gap.missing) {
      char buf[6];
      std::string needle(buf, static_cast<std::size_t>(g_unichar_to_utf8(c, buf)));
      needle += ' ';
      for (std::size_t at; (at = styled.text.find(needle)) != std::string::npos;)
        styled.text.erase(at, needle.size());
    }
  }
  if (styled.text.empty()) return runs;
  settings.face.tracking = 0;
  settings.hyphenator = nullptr;
  settings.glyphs = true;
  SetParagraph set = set_paragraph(fonts, table, styled, settings);
  for (SetLine& line : set.lines)
    for (GlyphRun& run : line.runs) runs.push_back(std::move(run));
  return runs;
}

}  // namespace folio::typeset
