// layout_book with sections set on worker threads gives the sequential result, bit for bit.
#include "typeset/book_layout.hpp"

#include <gtest/gtest.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "manuscript/reader.hpp"
#include "tests/support/read_fixture.hpp"
#include "typeset/page_sink.hpp"
#include "typeset/paragraph.hpp"
#include "typeset/primer.hpp"

namespace folio::typeset {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = FOLIO_SOURCE_DIR;

std::string describe_font(PangoFont* font) {
  if (!font) return "(none)";
  PangoFontDescription* d = pango_font_describe_with_absolute_size(font);
  char* s = pango_font_description_to_string(d);
  std::string out = s;
  g_free(s);
  pango_font_description_free(d);
  return out;
}

// `v` exactly (the bits of the double, so "equal" means equal), and a space.
void append_exact(std::string& out, double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%a ", v);
  out += buf;
}

// A page as text: its label, blocks, runs (unless !glyphs), furniture, rules and links.
std::string dump(const Page& p, bool glyphs = true) {
  std::string out;
  auto num = [&](double v) { append_exact(out, v); };
  auto runs = [&](const std::vector<GlyphRun>& rs) {
    if (!glyphs) return;
    for (const GlyphRun& r : rs) {
      out += "run " + std::to_string(r.font) + " ";
      num(r.x), num(r.y), num(r.width);
      out += r.text + "|";
      for (const Glyph& g : r.glyphs) {
        out += std::to_string(g.id) + " ";
        num(g.x), num(g.y);
      }
      for (const auto& [bytes, count] : r.clusters)
        out += std::to_string(bytes) + ":" + std::to_string(count) + " ";
      out += "\n";
    }
  };
  out += "page " + p.label + (p.recto ? " recto" : " verso") + (p.blank ? " blank" : "") + "\n";
  for (const PageBlock& b : p.blocks) {
    out += "block " + std::to_string(static_cast<int>(b.role)) + " " + std::to_string(b.note) +
           " " + b.group + " " + b.dest + "\n";
    runs(b.runs);
  }
  out += "furniture\n";
  runs(p.furniture);
  for (const Rule& r : p.rules) num(r.x), num(r.y), num(r.width), num(r.thickness);
  for (const Link& l : p.links) {
    num(l.x), num(l.y), num(l.width), num(l.height);
    out += l.dest + "\n";
  }
  return out;
}

// Everything the PDF writer and the EPUB page list read of a PagedDocument, as text; font
// indices are compared as such, and each font by its description. Without `glyphs`, all but
// the runs and fonts (what LayoutOptions::glyphs = false leaves out).
std::string dump(const PagedDocument& doc, bool glyphs = true) {
  std::string out;
  auto num = [&](double v) { append_exact(out, v); };
  num(doc.width), num(doc.height);
  out += "\nfonts\n";
  for (std::size_t i = 0; glyphs && i < doc.fonts.size(); ++i)
    out += describe_font(doc.fonts.at(static_cast<int>(i))) + "\n";
  for (const Page& p : doc.pages) out += dump(p, glyphs);
  for (const OutlineEntry& e : doc.outline)
    out += "outline " + e.title + " " + e.dest + " " + std::to_string(e.level) + "\n";
  for (const model::PageStart& s : doc.page_map) {
    out += "start " + s.label + " " + std::to_string(s.section) + " ";
    out += "block " + std::to_string(s.block.value);
    out += " " + std::to_string(s.char_offset) + "\n";
  }
  out += "overfull " + std::to_string(doc.overfull_lines) + "\n";
  return out;
}

std::string dump(const support::Diagnostics& diags) {
  std::string out;
  for (const support::Diagnostic& d : diags.items())
    out += std::string(support::severity_name(d.severity)) + " " + std::string(d.code.name()) +
           " " + d.pos.file + ":" + std::to_string(d.pos.line) + ":" +
           std::to_string(d.pos.column) + " " + d.message + "\n";
  return out;
}

struct Layout {
  LayoutStats stats;
  std::string pages;
  std::string structure;  // the pages without their runs
  std::size_t runs = 0;
  std::size_t fonts = 0;
  std::string diags;
  std::size_t page_count = 0;
  std::size_t page_starts = 0;
};

Layout lay_out(const model::Document& doc, const std::string& style_name, int threads,
               bool glyphs = true, std::optional<style::Strong> strong = {},
               bool calling_thread_sets = true) {
  support::Diagnostics diags;
  auto st = style::load_style(kSource / "styles" / (style_name + ".yaml"), diags);
  EXPECT_TRUE(st);
  if (!st) return {};
  if (strong) st->strong = *strong;
  LayoutOptions o;
  o.threads = threads;
  o.glyphs = glyphs;
  o.calling_thread_sets = calling_thread_sets;
  LayoutStats stats;
  o.stats = &stats;
  PagedDocument paged = layout_book(doc, *st, o, diags);
  std::size_t runs = 0;
  for (const Page& p : paged.pages) {
    runs += p.furniture.size();
    for (const PageBlock& b : p.blocks) runs += b.runs.size();
  }
  return {stats,       dump(paged),        dump(paged, false),   runs, paged.fonts.size(),
          dump(diags), paged.pages.size(), paged.page_map.size()};
}

model::Document read(const fs::path& dir) {
  return test_support::read_fixture(dir);
}

// A book held in memory, read and set in classic on one thread; the layout's diagnostics go
// to `layout_diags`. nullopt (and a failed expectation) when it does not read.
std::optional<PagedDocument> lay_out_in_memory(const std::vector<manuscript::SourceFile>& files,
                                               support::Diagnostics& layout_diags) {
  support::Diagnostics diags;
  auto m = manuscript::read_manuscript(*manuscript::memory_source(files), diags);
  EXPECT_TRUE(m) << dump(diags);
  if (!m) return std::nullopt;
  auto st = style::load_style(kSource / "styles/classic.yaml", diags);
  EXPECT_TRUE(st);
  if (!st) return std::nullopt;
  LayoutOptions o;
  o.threads = 1;
  return layout_book(m->document, *st, o, layout_diags);
}

void expect_same_with_threads(const model::Document& doc, const std::string& style_name) {
  Layout one = lay_out(doc, style_name, 1);
  ASSERT_GT(one.page_count, 0u);
  EXPECT_EQ(one.stats.sections_on_workers, 0);
  for (int threads : {2, 4}) {
    // The calling thread leaves the sections to the workers (else a fast one may take them
    // all before a worker's font map is built). With one section there is no worker; a font
    // of a worker's that could not be matched would make the comparison a sequential one.
    Layout many = lay_out(doc, style_name, threads, true, {}, false);
    if (doc.sections.size() > 1) {
      EXPECT_GT(many.stats.sections_on_workers, 0) << threads;
    }
    EXPECT_EQ(many.stats.sections_set_again, 0) << threads;
    EXPECT_EQ(one.page_count, many.page_count) << threads;
    EXPECT_EQ(one.page_starts, many.page_starts) << threads;
    EXPECT_TRUE(one.pages == many.pages) << "threads " << threads << ": the pages differ";
    EXPECT_EQ(one.diags, many.diags) << threads;
  }
}

TEST(BookLayoutThreads, FixturesSetAlikeOnOneAndManyThreads) {
  for (const fs::path& dir :
       {kSource / "manuscript", kSource / "tests/manuscripts/chapters",
        kSource / "tests/manuscripts/constructs", kSource / "tests/editions/fixtures/long"}) {
    SCOPED_TRACE(dir.string());
    model::Document doc = read(dir);
    ASSERT_FALSE(doc.sections.empty());
    expect_same_with_threads(doc, "classic");
  }
  SCOPED_TRACE("chapters in libertine");
  expect_same_with_threads(read(kSource / "tests/manuscripts/chapters"), "libertine");
}

// Records each page handed over, as it was then.
class RecordingSink : public PageSink {
 public:
  void page_done(const PagedDocument& doc, std::size_t index) override {
    order.push_back(index);
    pages.push_back(dump(doc.pages[index]));
    fonts_known = fonts_known && fonts_cover(doc, doc.pages[index]);
  }
  void abandon() noexcept override { abandoned = true; }

  static bool fonts_cover(const PagedDocument& doc, const Page& p) {
    auto covered = [&](const std::vector<GlyphRun>& runs) {
      for (const GlyphRun& r : runs)
        if (r.font < 0 || static_cast<std::size_t>(r.font) >= doc.fonts.size()) return false;
      return true;
    };
    bool ok = covered(p.furniture);
    for (const PageBlock& b : p.blocks) ok = ok && covered(b.runs);
    return ok;
  }

  std::vector<std::size_t> order;
  std::vector<std::string> pages;
  bool fonts_known = true;
  bool abandoned = false;
};

// A sink gets every page once, in drawing order (the contents last), and each page as it
// ends up: label, running heads, contents entries and links included. The pages are the same
// as without a sink.
TEST(BookLayoutSink, GetsEachPageOnceFinishedAndInDrawingOrder) {
  support::Diagnostics diags;
  auto st = style::load_style(kSource / "styles/classic.yaml", diags);
  ASSERT_TRUE(st);
  for (const fs::path& dir : {kSource / "manuscript", kSource / "tests/manuscripts/chapters",
                              kSource / "tests/editions/fixtures/long"}) {
    model::Document doc = read(dir);
    for (int threads : {1, 3}) {
      SCOPED_TRACE(dir.string() + " on " + std::to_string(threads) + " threads");
      LayoutOptions o;
      o.threads = threads;
      RecordingSink sink;
      o.sink = &sink;
      PagedDocument with = layout_book(doc, *st, o, diags);
      o.sink = nullptr;
      PagedDocument without = layout_book(doc, *st, o, diags);
      EXPECT_TRUE(dump(with) == dump(without)) << "a sink changed the pages";
      EXPECT_EQ(sink.order, drawing_order(with));
      ASSERT_EQ(sink.pages.size(), with.pages.size());
      for (std::size_t k = 0; k < sink.order.size(); ++k)
        EXPECT_EQ(sink.pages[k], dump(with.pages[sink.order[k]]))
            << "page " << sink.order[k] << " changed after it was handed over";
      EXPECT_TRUE(sink.fonts_known);
      EXPECT_FALSE(sink.abandoned);
      if (dir.filename() == "manuscript") {
        EXPECT_EQ(with.late_begin, with.late_end);  // one section: no contents page
      } else {
        // The contents: late, filled in last, and drawn last.
        ASSERT_LT(with.late_begin, with.late_end);
        EXPECT_FALSE(with.pages[with.late_begin].links.empty());
        EXPECT_EQ(sink.order.back(), with.late_end - 1);
        EXPECT_LT(with.late_end, with.pages.size());
      }
    }
  }
  EXPECT_FALSE(diags.has_errors());
}

// Many sections, each with something to report: characters the font lacks (a gap reported
// once per character per face, in the book's order), a figure (warned once), notes.
TEST(BookLayoutThreads, DiagnosticsComeInTheSequentialOrder) {
  std::vector<manuscript::SourceFile> files;
  std::string chapters;
  const char* odd[] = {"\u6f22", "\u5b57", "\u0416\u6f22", "\u2603", "\u5b57\u2603"};
  for (int i = 0; i < 12; ++i) {
    std::string name = "c" + std::to_string(10 + i) + ".md";
    chapters += "  - " + name + "\n";
    std::string text = "# Chapter " + std::to_string(i + 1) + "\n\n";
    for (int k = 0; k < 6; ++k)
      text += "A paragraph of chapter " + std::to_string(i + 1) +
              " with words enough to fill a line or two of the measure, hyphenation "
              "and justification included, and a note.[^n" +
              std::to_string(k) + "] It says " + odd[(i + k) % 5] + " here.\n\n";
    if (i % 4 == 1) text += "![A figure caption](missing.png)\n\n";
    for (int k = 0; k < 6; ++k)
      text += "[^n" + std::to_string(k) + "]: Note " + std::to_string(k) + " of chapter " +
              std::to_string(i + 1) + ", with " + odd[k % 5] + ".\n\n";
    files.push_back({name, text});
  }
  files.push_back(
      {"book.yaml", "title: Threads\nauthor: T. Est\nlang: en-US\ncontents:\n" + chapters});
  support::Diagnostics read_diags;
  auto m = manuscript::read_manuscript(*manuscript::memory_source(files), read_diags);
  ASSERT_TRUE(m);
  ASSERT_GE(m->document.sections.size(), 12u);
  Layout one = lay_out(m->document, "classic", 1);
  EXPECT_NE(one.diags.find("pdf-missing-glyphs"), std::string::npos) << one.diags;
  EXPECT_NE(one.diags.find("U+2603"), std::string::npos) << one.diags;
  for (int threads : {2, 3, 4}) {
    Layout many = lay_out(m->document, "classic", threads, true, {}, false);
    EXPECT_GT(many.stats.sections_on_workers, 0) << threads;
    EXPECT_EQ(many.stats.sections_set_again, 0) << threads;
    EXPECT_EQ(one.diags, many.diags) << threads;
    EXPECT_TRUE(one.pages == many.pages) << "threads " << threads << ": the pages differ";
  }
}

// A character the face lacks (⋮, Standard Ebooks' elided-lines mark) is an error, unless the
// style names a fallback family that has it: then it is set from that family, in print (its
// font in the PDF's table) and named once in a note.
TEST(BookLayoutFallback, CharactersTheFaceLacksComeFromTheFallbackFamily) {
  std::vector<manuscript::SourceFile> files{
      {"a.md", "# One\n\nThe lines elided: \u22ee and again \u22ee, *and in italic*.\n\n\u22ee\n"},
      {"book.yaml", "title: Dots\nauthor: T. Est\nlang: en-US\ncontents:\n  - a.md\n"}};
  support::Diagnostics read_diags;
  auto m = manuscript::read_manuscript(*manuscript::memory_source(files), read_diags);
  ASSERT_TRUE(m);
  auto fonts_of = [](const PagedDocument& paged) {
    std::string all;
    for (std::size_t i = 0; i < paged.fonts.size(); ++i)
      all += describe_font(paged.fonts.at(static_cast<int>(i))) + "\n";
    return all;
  };
  for (bool fallback : {false, true}) {
    SCOPED_TRACE(fallback ? "with a fallback family" : "without one");
    support::Diagnostics diags;
    auto st = style::load_style(kSource / "styles" / "classic.yaml", diags);
    ASSERT_TRUE(st);
    // Not the family Pango itself would pick (DejaVu Sans): the style's choice is what counts.
    if (fallback) st->fallback_families = {"Linux Libertine O"};
    LayoutOptions o;
    o.threads = 1;
    PagedDocument paged = layout_book(m->document, *st, o, diags);
    std::string report = dump(diags);
    if (!fallback) {
      EXPECT_NE(report.find("pdf-missing-glyphs"), std::string::npos) << report;
      continue;
    }
    EXPECT_EQ(report.find("pdf-missing-glyphs"), std::string::npos) << report;
    // One note for the character, however often and in however many faces it occurs.
    std::size_t first = report.find("pdf-fallback-glyphs");
    ASSERT_NE(first, std::string::npos) << report;
    EXPECT_EQ(report.find("pdf-fallback-glyphs", first + 1), std::string::npos) << report;
    EXPECT_NE(report.find("'Linux Libertine O'"), std::string::npos) << report;
    EXPECT_NE(fonts_of(paged).find("Linux Libertine O"), std::string::npos) << fonts_of(paged);
    EXPECT_EQ(fonts_of(paged).find("DejaVu"), std::string::npos) << fonts_of(paged);
  }
  // A fallback family fontconfig cannot find lends nothing: an error naming it.
  support::Diagnostics diags;
  auto st = style::load_style(kSource / "styles" / "classic.yaml", diags);
  ASSERT_TRUE(st);
  st->fallback_families = {"No Such Family", "Linux Libertine O"};
  LayoutOptions o;
  o.threads = 1;
  layout_book(m->document, *st, o, diags);
  std::string report = dump(diags);
  EXPECT_NE(report.find("pdf-font-missing"), std::string::npos) << report;
  EXPECT_NE(report.find("'No Such Family' as a fallback family"), std::string::npos) << report;
}

// Strong text in bold where the family has no usable bold: fontconfig emboldens the regular
// face (a made-up variant, reported), and the workers' emboldened fonts still map to ours.
TEST(BookLayoutThreads, EmboldenedFacesSetAlikeOnWorkers) {
  std::vector<manuscript::SourceFile> files;
  std::string contents;
  for (int i = 0; i < 6; ++i) {
    std::string name = "c" + std::to_string(10 + i) + ".md";
    contents += "  - " + name + "\n";
    files.push_back({name, "# Chapter " + std::to_string(i + 1) +
                               "\n\nPlain words first, then **strong words** set in bold, and "
                               "more plain words after them to fill a line or two.\n"});
  }
  files.push_back(
      {"book.yaml", "title: Bold\nauthor: T. Est\nlang: en-US\ncontents:\n" + contents});
  support::Diagnostics read_diags;
  auto m = manuscript::read_manuscript(*manuscript::memory_source(files), read_diags);
  ASSERT_TRUE(m);
  Layout one = lay_out(m->document, "classic", 1, true, style::Strong::bold);
  Layout many = lay_out(m->document, "classic", 3, true, style::Strong::bold, false);
  EXPECT_NE(one.diags.find("pdf-missing-face"), std::string::npos) << one.diags;
  EXPECT_GT(many.stats.sections_on_workers, 0);
  EXPECT_EQ(many.stats.sections_set_again, 0);
  EXPECT_TRUE(one.pages == many.pages);
  EXPECT_EQ(one.diags, many.diags);
}

// The page list's cheaper layout: the same pages, breaks and reports, without glyph runs.
TEST(BookLayoutGlyphs, LayoutWithoutGlyphsBreaksThePagesAlike) {
  struct Case {
    fs::path dir;
    std::string style;
  };
  for (const Case& c : {Case{kSource / "manuscript", "classic"},
                        Case{kSource / "tests/manuscripts/chapters", "classic"},
                        Case{kSource / "tests/manuscripts/chapters", "libertine"},
                        Case{kSource / "tests/manuscripts/constructs", "classic"},
                        Case{kSource / "tests/editions/fixtures/long", "classic"}}) {
    SCOPED_TRACE(c.dir.string() + " " + c.style);
    model::Document doc = read(c.dir);
    Layout full = lay_out(doc, c.style, 1);
    ASSERT_GT(full.runs, 0u);
    ASSERT_GT(full.page_starts, 0u);
    for (int threads : {1, 2}) {
      Layout bare = lay_out(doc, c.style, threads, false);
      EXPECT_EQ(bare.runs, 0u);
      EXPECT_EQ(bare.fonts, 0u);
      EXPECT_EQ(full.page_count, bare.page_count);
      EXPECT_EQ(full.structure, bare.structure);  // page_map, labels, outline, blocks
      EXPECT_EQ(full.diags, bare.diags);
    }
  }
}

// A worker's font is mapped to the very font object the main context's shaping uses.
TEST(BookLayoutThreads, EquivalentFontIsTheSameObject) {
  FontContext main_fonts("en-US");
  FontContext worker_fonts("en-US");
  ParagraphSettings s;
  s.face = {"EB Garamond 12", 11, 13.6, false, false, 0, ""};
  s.measure = 300;
  StyledText t;
  t.text = "Some words in a font, and some in italic.";
  t.spans.push_back({14, 20, true, false, false, false, false, {}});
  FontTable main_table, worker_table;
  set_paragraph(main_fonts, main_table, t, s);
  set_paragraph(worker_fonts, worker_table, t, s);
  ASSERT_EQ(main_table.size(), worker_table.size());
  ASSERT_GE(main_table.size(), 2u);  // roman and italic
  for (std::size_t i = 0; i < main_table.size(); ++i) {
    PangoFont* theirs = worker_table.at(static_cast<int>(i));
    EXPECT_NE(theirs, main_table.at(static_cast<int>(i)));
    PangoFont* ours = main_fonts.equivalent(theirs);
    EXPECT_EQ(ours, main_table.at(static_cast<int>(i))) << describe_font(theirs);
    if (ours) g_object_unref(ours);
  }
}

}  // namespace
}  // namespace folio::typeset

namespace folio::typeset {
namespace {

model::Document primer_book() {
  std::vector<manuscript::SourceFile> files{
      {"book.yaml", "title: Café Noir\nauthor: Zoë Ölm\nlang: en-US\ncontents:\n  - one.md\n"},
      {"one.md",
       "# One\n\nThe cat\u2019s \u201chat\u201d \u2014 \u03bb\u03cc\u03b3\u03bf\u03c2 and "
       "1\u20132, checked[^a].\n\n[^a]: A note with \u00f1.\n"}};
  support::Diagnostics diags;
  auto m = manuscript::read_manuscript(*manuscript::memory_source(files), diags);
  EXPECT_TRUE(m) << dump(diags);
  return m ? m->document : model::Document{};
}

// Each character a simple PDF font can encode, once, in code point order: Greek is not one.
TEST(Primer, TextIsTheBooksWinAnsiCharactersOnce) {
  std::string text = primer_text(primer_book());
  for (const char* c : {"C", "\u00e9", "Z", "\u00eb", "\u00d6", "\u2019", "\u201c", "\u2014",
                        "\u2013", "1", "\u00f1", "k"})
    EXPECT_NE(text.find(std::string(c) + " "), std::string::npos) << c;
  EXPECT_EQ(text.find("\u03bb"), std::string::npos);
  EXPECT_EQ(text.find('q'), std::string::npos);  // not in the book
  EXPECT_EQ(std::count(text.begin(), text.end(), 'h'), 1);
  EXPECT_LT(text.find("1 "), text.find("C ")) << "in code point order";
  EXPECT_LT(text.find("t "), text.find("\u00e9 "));
}

// The primer is set before the first page is handed over, in the body roman, each character
// with the glyph the prose has for it (the title page's small caps have other glyphs).
TEST(Primer, SetInTheBodyRomanBeforeAnyPage) {
  model::Document doc = primer_book();
  support::Diagnostics diags;
  auto st = style::load_style(kSource / "styles/classic.yaml", diags);
  ASSERT_TRUE(st);
  struct FirstPage : PageSink {
    void page_done(const PagedDocument& d, std::size_t) override {
      if (!seen) primer_then = d.primer.size();
      seen = true;
    }
    void abandon() noexcept override {}
    bool seen = false;
    std::size_t primer_then = 0;
  } sink;
  LayoutOptions o;
  o.sink = &sink;
  PagedDocument paged = layout_book(doc, *st, o, diags);
  ASSERT_TRUE(sink.seen);
  EXPECT_GT(sink.primer_then, 0u);
  ASSERT_FALSE(paged.primer.empty());
  std::string text;
  for (const GlyphRun& r : paged.primer) {
    text += r.text;
    PangoFontDescription* d = pango_font_describe(paged.fonts.at(r.font));
    EXPECT_EQ(pango_font_description_get_style(d), PANGO_STYLE_NORMAL);
    pango_font_description_free(d);
  }
  for (char c : std::string("Cafe1kh")) EXPECT_NE(text.find(c), std::string::npos) << c;
  // The glyph of 'k' in the primer and in the chapter's paragraph ("checked", past the
  // opening words in small caps).
  auto glyph_of = [](const GlyphRun& r, char c) -> std::optional<std::uint32_t> {
    std::size_t byte = 0, glyph = 0;
    for (const auto& [bytes, count] : r.clusters) {
      if (bytes == 1 && count == 1 && r.text[byte] == c) return r.glyphs[glyph].id;
      byte += static_cast<std::size_t>(bytes);
      glyph += static_cast<std::size_t>(count);
    }
    return std::nullopt;
  };
  std::optional<std::uint32_t> primed, prose;
  for (const GlyphRun& r : paged.primer)
    if (!primed) primed = glyph_of(r, 'k');
  for (const Page& p : paged.pages)
    for (const PageBlock& b : p.blocks)
      if (b.role == Role::body)
        for (const GlyphRun& r : b.runs)
          if (!prose) prose = glyph_of(r, 'k');
  ASSERT_TRUE(primed && prose);
  EXPECT_EQ(*primed, *prose);
  // Without glyphs (the EPUB's page starts) there is nothing to prime.
  o.sink = nullptr;
  o.glyphs = false;
  EXPECT_TRUE(layout_book(doc, *st, o, diags).primer.empty());
}

}  // namespace
}  // namespace folio::typeset

namespace folio::typeset {
namespace {

// A face without lowercase (Libertine's initials): the primer leaves those letters out rather
// than bring in a fallback face.
TEST(Primer, LeavesOutWhatTheRomanLacks) {
  FontContext fonts("en-US");
  FontTable table;
  ParagraphSettings s;
  s.face = {"Linux Libertine Initials O", 11, 13.6, false, false, 0, ""};
  s.measure = 1e5;
  std::string text;
  for (const GlyphRun& r : set_primer(fonts, table, "A b C ", s)) text += r.text;
  EXPECT_NE(text.find('A'), std::string::npos) << text;
  EXPECT_NE(text.find('C'), std::string::npos) << text;
  EXPECT_EQ(text.find('b'), std::string::npos) << text;
  EXPECT_EQ(table.size(), 1u) << "a fallback face came in";
}

}  // namespace
}  // namespace folio::typeset

namespace folio::typeset {
namespace {

// No page starts with a paragraph's last line alone (a widow) or ends with its first line
// alone (an orphan). Paragraphs of 1 to 7 lines, each word naming its paragraph ("p12"), are
// paginated with the classic style; each paragraph's pieces on its pages are counted.
// Spans and divs in other languages: one note for a language without patterns, however many
// spans use it; their runs carry the language (the PDF's /Span /Lang); a div's language too.
TEST(BookLayoutLanguages, OneNotePerLanguageWithoutPatternsAndRunsKeepTheirLanguage) {
  std::string md =
      "# Chapter\n\nHe said [Guten Morgen]{lang=de} twice, then [nuqneH]{lang=tlh} and "
      "[nuqneH]{lang=tlh}.\n\n::: {lang=tlh}\nQapla' batlh Daqawlu'taH.\n:::\n\nAnd "
      "[nuqneH]{lang=TLH} again.\n";
  std::vector<manuscript::SourceFile> files{
      {"book.yaml", "title: Tongues\nauthor: A. Uthor\nlang: en-GB\ncontents:\n  - one.md\n"},
      {"one.md", md}};
  support::Diagnostics layout_diags;
  auto laid_out = lay_out_in_memory(files, layout_diags);
  ASSERT_TRUE(laid_out);
  const PagedDocument& doc = *laid_out;
  int notes = 0;
  for (const support::Diagnostic& d : layout_diags.items()) {
    if (d.code != "pdf-no-hyphenation") continue;
    EXPECT_EQ(d.severity, support::Severity::note) << dump(layout_diags);
    EXPECT_NE(d.message.find("'tlh'"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("4 span(s)"), std::string::npos) << d.message;
    EXPECT_EQ(d.pos.line, 3);  // the first use
    ++notes;
  }
  EXPECT_EQ(notes, 1) << dump(layout_diags);
  std::map<std::string, std::string> by_lang;  // run language → its text
  for (const Page& p : doc.pages)
    for (const PageBlock& b : p.blocks)
      for (const GlyphRun& r : b.runs) by_lang[r.lang] += r.text;
  EXPECT_NE(by_lang["de"].find("Guten Morgen"), std::string::npos);
  EXPECT_EQ(by_lang["de"].find("He said"), std::string::npos);
  EXPECT_NE(by_lang["tlh"].find("Qapla"), std::string::npos);  // the div's paragraph
  EXPECT_NE(by_lang["TLH"].find("nuqneH"), std::string::npos);
  EXPECT_NE(by_lang[""].find("He said"), std::string::npos);
  EXPECT_EQ(by_lang.count("en-GB"), 0u);  // the book's language is not repeated
}

TEST(BookLayoutPages, NoWidowsOrOrphans) {
  std::string md = "# Chapter\n\n";
  for (int i = 0; i < 300; ++i) {
    int words = 8 + (i * 37) % 80;  // about 14 words a line
    for (int w = 0; w < words; ++w) md += (w ? " p" : "p") + std::to_string(i);
    md += "\n\n";
  }
  std::vector<manuscript::SourceFile> files{
      {"book.yaml", "title: Widows\nauthor: A. Uthor\nlang: en-US\ncontents:\n  - one.md\n"},
      {"one.md", md}};
  support::Diagnostics diags;
  auto laid_out = lay_out_in_memory(files, diags);
  ASSERT_TRUE(laid_out);
  const PagedDocument& doc = *laid_out;
  // Paragraph → the number of its lines on each page it is on, in order.
  std::map<int, std::vector<std::pair<std::size_t, int>>> pieces;
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    for (const PageBlock& b : doc.pages[p].blocks) {
      if (b.role != Role::body || b.runs.empty()) continue;
      std::string text;
      std::set<double> baselines;
      for (const GlyphRun& r : b.runs) {
        text += r.text;
        baselines.insert(r.y);
      }
      if (text.size() < 2 || text[0] != 'p') continue;
      int id = std::stoi(text.substr(1));
      pieces[id].push_back({p, static_cast<int>(baselines.size())});
    }
  }
  ASSERT_EQ(pieces.size(), 300u);
  int split = 0;
  for (const auto& [id, on_pages] : pieces) {
    if (on_pages.size() < 2) continue;
    ++split;
    EXPECT_GE(on_pages.front().second, 2)
        << "paragraph " << id << " leaves one line at the foot of page " << on_pages.front().first;
    EXPECT_GE(on_pages.back().second, 2)
        << "paragraph " << id << " ends with one line at the head of page "
        << on_pages.back().first;
  }
  EXPECT_GE(split, 8);  // enough page breaks inside paragraphs to have tested the rule
}

// Issue 19: page blocks say what they are (their role) and which note they belong to; the
// PDF's tags and the editions check read these, not the text drawn.
TEST(BookLayoutRoles, BlocksCarryTheirRoleAndNotesTheirNumber) {
  std::vector<manuscript::SourceFile> files{
      {"book.yaml",
       "title: Roles\nauthor: A. Uthor\nlang: en-US\ncontents:\n  - one.md\n  - two.md\n"},
      {"two.md", "# Second\n\nThe end.\n"},
      {"one.md",
       "# Chapter\n\nA paragraph with a note.[^a] And another.[^b]\n\n## Part\n\n"
       "### Smaller\n\nMore text.\n\n"
       "[^a]: The first note.\n\n    Its second paragraph.\n\n[^b]: The second note.\n"}};
  support::Diagnostics diags;
  auto laid_out = lay_out_in_memory(files, diags);
  ASSERT_TRUE(laid_out);
  const PagedDocument& doc = *laid_out;
  // Is there a block whose first run starts with `start`, of `role` (and of note `note`)?
  auto has = [&](const std::string& start, Role role, int note = 0) {
    for (const Page& page : doc.pages)
      for (const PageBlock& b : page.blocks)
        if (!b.runs.empty() && b.runs.front().text.starts_with(start) && b.role == role &&
            b.note == note)
          return true;
    return false;
  };
  EXPECT_TRUE(has("Chapter", Role::chapter_title));
  EXPECT_TRUE(has("Chapter", Role::contents_entry));  // two chapters: a contents page
  EXPECT_TRUE(has("Part", Role::section_heading));
  EXPECT_TRUE(has("Smaller", Role::subsection_heading));
  EXPECT_TRUE(has("More ", Role::body));
  EXPECT_TRUE(has("1.\u2002The ", Role::note, 1));
  EXPECT_TRUE(has("Its ", Role::note, 1));  // the note's second paragraph
  EXPECT_TRUE(has("2.\u2002The ", Role::note, 2));
  EXPECT_TRUE(has("Roles", Role::display));  // the title pages
  for (const Page& page : doc.pages)
    for (const PageBlock& b : page.blocks) EXPECT_EQ(b.note > 0, b.role == Role::note);
}

}  // namespace
}  // namespace folio::typeset
