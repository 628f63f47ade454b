// Builds vulgar fractions the face lacks from its figures; gives the text layer the original.
#include "typeset/fraction_shaping.hpp"

#include <hb-ot.h>
#include <pango/pangocairo.h>

#include <glib.h>

#include <algorithm>
#include <string_view>

namespace folio::typeset {
namespace {

constexpr gunichar kFractionSlash = 0x2044;

// How a face builds a fraction from figures: one feature over the whole (frac, or HarfBuzz's
// own numr/dnom around U+2044), or superior and inferior figures on either side.
enum class FractionFeatures { none, frac, sups_sinf };

bool has_feature(hb_face_t* face, const char* tag) {
  hb_tag_t want = hb_tag_from_string(tag, -1);
  hb_tag_t tags[64];
  for (unsigned start = 0;;) {
    unsigned n = 64;
    unsigned total = hb_ot_layout_table_get_feature_tags(face, HB_OT_TAG_GSUB, start, &n, tags);
    for (unsigned i = 0; i < n; ++i)
      if (tags[i] == want) return true;
    start += n;
    if (n == 0 || start >= total) return false;
  }
}

FractionFeatures features_of(PangoFont* font) {
  hb_font_t* hb = pango_font_get_hb_font(font);
  if (!hb) return FractionFeatures::none;
  hb_face_t* face = hb_font_get_face(hb);
  if (has_feature(face, "frac") || (has_feature(face, "numr") && has_feature(face, "dnom")))
    return FractionFeatures::frac;
  if (has_feature(face, "sups") && has_feature(face, "sinf")) return FractionFeatures::sups_sinf;
  return FractionFeatures::none;
}

// Whether the text can hold a vulgar fraction at all: ¼ ½ ¾ (C2 BC–BE), ⅐–⅟ (E2 85 90–9F)
// and ↉ (E2 86 89). Most paragraphs have none, and are left alone after these scans.
bool may_hold_fraction(const std::string& t) {
  return t.find("\xE2\x85") != std::string::npos || t.find("\xE2\x86\x89") != std::string::npos ||
         t.find("\xC2\xBC") != std::string::npos || t.find("\xC2\xBD") != std::string::npos ||
         t.find("\xC2\xBE") != std::string::npos;
}

// The font the character at byte `at` is set in, as coverage_gaps finds it.
PangoFont* font_at(const FontContext& fonts, const StyledText& text, const ParagraphSettings& s,
                   std::size_t at) {
  bool italic = s.face.italic, bold = false, mono = false;
  for (const Span& sp : text.spans) {
    if (sp.start > at || sp.end <= at) continue;
    italic = italic || sp.italic || (sp.bold && s.strong == style::Strong::italic);
    bold = bold || (sp.bold && s.strong == style::Strong::bold);
    mono = mono || sp.mono;
  }
  return fonts.variant(mono ? s.mono_family : s.face.family, bold, italic);
}

// Where a fraction was, and what it became.
struct Rewrite {
  std::size_t from, from_end;  // in the text as written
  std::size_t to, to_end;      // in the rewritten text
};

}  // namespace

std::string fraction_spelled_out(char32_t c) {
  bool vulgar = (c >= 0xBC && c <= 0xBE) || (c >= 0x2150 && c <= 0x215E) || c == 0x2189;
  if (!vulgar) return {};
  gunichar parts[8];
  gsize n = g_unichar_fully_decompose(static_cast<gunichar>(c), TRUE, parts, 8);
  std::string out;
  for (gsize i = 0; i < n && i < 8; ++i) {
    char utf8[8] = {};
    out.append(utf8, static_cast<std::size_t>(g_unichar_to_utf8(parts[i], utf8)));
  }
  return out;
}

std::size_t FractionPlan::original_offset(std::size_t at) const {
  std::size_t grown = 0;  // bytes the fractions before `at` added (a spelled-out one is longer)
  for (const BuiltFraction& f : fractions) {
    if (at <= f.start) break;
    if (at < f.end) return f.start - grown;
    grown += (f.end - f.start) - f.original.size();
  }
  return at - grown;
}

std::optional<FractionPlan> plan_fractions(const FontContext& fonts, const StyledText& text,
                                           const ParagraphSettings& s) {
  if (!may_hold_fraction(text.text)) return std::nullopt;
  FractionPlan plan;
  std::vector<Rewrite> rewrites;
  std::vector<Span> added;
  const std::string& t = text.text;
  std::string& out = plan.text.text;
  for (std::size_t i = 0; i < t.size();) {
    const char* p = t.c_str() + i;
    std::size_t len = static_cast<std::size_t>(g_utf8_next_char(p) - p);
    if (len == 0 || i + len > t.size()) len = 1;
    gunichar c = g_utf8_get_char_validated(p, static_cast<gssize>(t.size() - i));
    std::string spelled =
        c < 0x80 || c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)
            ? std::string()
            : fraction_spelled_out(static_cast<char32_t>(c));
    PangoFont* font = spelled.empty() ? nullptr : font_at(fonts, text, s, i);
    FractionFeatures how = FractionFeatures::none;
    if (font && !pango_font_has_char(font, c) && pango_font_has_char(font, kFractionSlash)) {
      bool figures = true;
      for (char d : spelled)
        if (d >= '0' && d <= '9') figures = figures && pango_font_has_char(font, gunichar(d));
      if (figures) how = features_of(font);
    }
    if (how == FractionFeatures::none) {
      out.append(t, i, len);
      i += len;
      continue;
    }
    std::size_t to = out.size();
    out += spelled;
    std::size_t slash = to + spelled.find("\xE2\x81\x84");
    if (how == FractionFeatures::frac) {
      Span sp;
      sp.start = to, sp.end = out.size(), sp.features = "frac 1";
      added.push_back(sp);
    } else {
      Span num, den;
      num.start = to, num.end = slash, num.features = "sups 1";
      den.start = slash + 3, den.end = out.size(), den.features = "sinf 1";
      added.push_back(num);
      added.push_back(den);
    }
    rewrites.push_back({i, i + len, to, out.size()});
    plan.fractions.push_back({to, out.size(), t.substr(i, len)});
    i += len;
  }
  if (rewrites.empty()) return std::nullopt;
  // An offset in the text as written, in the rewritten text: after every fraction before it.
  auto moved = [&](std::size_t at) {
    std::size_t shift = 0;
    for (const Rewrite& r : rewrites) {
      if (r.from >= at) break;
      shift += (r.to_end - r.to) - (r.from_end - r.from);
    }
    return at + shift;
  };
  plan.text.spans = text.spans;
  for (Span& sp : plan.text.spans) {
    // A span running to the text's end (or past it, as make_attrs allows) keeps doing so.
    bool to_end = sp.end >= t.size();
    sp.start = moved(sp.start);
    sp.end = to_end ? out.size() + (sp.end - t.size()) : moved(sp.end);
  }
  plan.text.spans.insert(plan.text.spans.end(), added.begin(), added.end());
  plan.text.notes = text.notes;
  for (auto& note : plan.text.notes) note.first = moved(note.first);
  return plan;
}

void restore_fraction_text(SetParagraph& p, const FractionPlan& plan) {
  const std::string& t = plan.text.text;
  const auto& fr = plan.fractions;
  // Whether the run's cluster text at `off` is the paragraph's text at `at`.
  auto same = [&](std::size_t at, const std::string& run_text, std::size_t off, std::size_t n) {
    return at + n <= t.size() && off + n <= run_text.size() &&
           std::string_view(t).substr(at, n) == std::string_view(run_text).substr(off, n);
  };
  for (SetLine& line : p.lines) {
    std::size_t pos = line.start;  // where the next cluster's text is in the paragraph
    auto next = std::lower_bound(fr.begin(), fr.end(), pos,
                                 [](const BuiltFraction& f, std::size_t v) { return f.end <= v; });
    bool in_step = true;  // false after a cluster not from the text (the line-end hyphen)
    for (GlyphRun& run : line.runs) {
      if (!in_step || next == fr.end()) break;
      std::string text;
      std::vector<std::pair<int, int>> clusters;
      std::size_t off = 0;
      for (std::size_t k = 0; k < run.clusters.size(); ++k) {
        auto [bytes, count] = run.clusters[k];
        auto n = static_cast<std::size_t>(bytes);
        if (in_step && !same(pos, run.text, off, n)) in_step = false;
        if (in_step && next != fr.end() && next->start == pos) {
          // The fraction's clusters, if they are all in this run: one cluster, as written.
          std::size_t k2 = k, at = pos, o = off;
          int glyphs = 0;
          while (k2 < run.clusters.size() && at < next->end &&
                 same(at, run.text, o, static_cast<std::size_t>(run.clusters[k2].first))) {
            glyphs += run.clusters[k2].second;
            at += static_cast<std::size_t>(run.clusters[k2].first);
            o += static_cast<std::size_t>(run.clusters[k2].first);
            ++k2;
          }
          if (at == next->end) {
            text += next->original;
            clusters.push_back({static_cast<int>(next->original.size()), glyphs});
            k = k2 - 1, off = o, pos = at;
            ++next;
            continue;
          }
        }
        text.append(run.text, off, n);
        clusters.push_back({bytes, count});
        off += n;
        if (in_step) pos += n;
        while (next != fr.end() && next->end <= pos) ++next;
      }
      run.text = std::move(text);
      run.clusters = std::move(clusters);
    }
  }
  for (SetLine& line : p.lines) line.start = plan.original_offset(line.start);
}

}  // namespace folio::typeset
