// `front-matter:` in a style: the defaults are the look folio always had; keys and bad values.
#include <gtest/gtest.h>

#include <filesystem>

#include "style/style.hpp"

namespace folio::style {
namespace {

std::optional<Style> parse(const std::string& yaml, support::Diagnostics& diags) {
  return parse_style(yaml, "t.yaml", diags);
}

// The faces the layout always derived: chapter × 1.3 at 1.2 leading for the title, body × 1.2
// at 1.25 for subtitle and authors, the footnote face for the copyright lines.
TEST(FrontMatterDesign, DefaultsAreTheFormerLook) {
  Style st;
  const FrontMatterDesign& d = st.front_matter;
  Face half = display_face(st, d.half_title.title);
  EXPECT_EQ(half.size, st.chapter.face.size);
  EXPECT_EQ(half.leading, st.chapter.face.leading);
  EXPECT_EQ(d.half_title.first_baseline, 130);
  Face title = display_face(st, d.title_page.title);
  EXPECT_EQ(title.size, st.chapter.face.size * 1.3);
  EXPECT_EQ(title.leading, title.size * 1.2);
  Face subtitle = display_face(st, d.title_page.subtitle);
  EXPECT_EQ(subtitle.size, st.body.size * 1.2);
  EXPECT_EQ(subtitle.leading, subtitle.size * 1.25);
  EXPECT_TRUE(subtitle.italic);
  EXPECT_EQ(d.title_page.subtitle.space_before, 14);
  Face author = display_face(st, d.title_page.author);
  EXPECT_EQ(author.size, subtitle.size);
  EXPECT_FALSE(author.italic);
  EXPECT_TRUE(author.small_caps);
  EXPECT_EQ(author.tracking, 0.06);
  EXPECT_EQ(d.title_page.author.space_before, 60);
  EXPECT_EQ(d.title_page.first_baseline, 100);
  EXPECT_EQ(d.title_page.publisher_min_lines, 2);
  Face publisher = display_face(st, d.title_page.publisher);
  EXPECT_EQ(publisher.size, st.body.size);
  EXPECT_EQ(publisher.leading, st.body.leading);
  Face imprint = display_face(st, d.copyright_page.text);
  EXPECT_EQ(imprint.size, st.footnotes.face.size);
  EXPECT_EQ(imprint.leading, st.footnotes.face.leading);
  EXPECT_EQ(d.copyright_page.text.align, Align::left);
  EXPECT_EQ(d.copyright_page.paragraph_space, 0.5);
  EXPECT_EQ(d.contents.number_width, 30);
  EXPECT_EQ(display_face(st, d.contents.entry).size, st.body.size);
}

// classic.yaml spells the design out: what it says is what a style without the key gets.
TEST(FrontMatterDesign, ClassicFileSpellsOutTheDefaults) {
  support::Diagnostics diags;
  auto s = load_style(std::filesystem::path(FOLIO_SOURCE_DIR) / "styles" / "classic.yaml", diags);
  ASSERT_TRUE(s) << (diags.empty() ? "" : diags.items()[0].message);
  Style st;
  auto same = [&](const DisplayLine& a, const DisplayLine& b) {
    Face fa = display_face(*s, a), fb = display_face(st, b);
    EXPECT_EQ(fa.size, fb.size);
    EXPECT_EQ(fa.leading, fb.leading);
    EXPECT_EQ(fa.italic, fb.italic);
    EXPECT_EQ(fa.small_caps, fb.small_caps);
    EXPECT_EQ(fa.tracking, fb.tracking);
    EXPECT_EQ(a.align, b.align);
    EXPECT_EQ(a.space_before, b.space_before);
  };
  const FrontMatterDesign &f = s->front_matter, &d = st.front_matter;
  using Lines = std::pair<const DisplayLine*, const DisplayLine*>;
  for (auto [a, b] : {Lines{&f.half_title.title, &d.half_title.title},
                      Lines{&f.title_page.title, &d.title_page.title},
                      Lines{&f.title_page.subtitle, &d.title_page.subtitle},
                      Lines{&f.title_page.author, &d.title_page.author},
                      Lines{&f.title_page.publisher, &d.title_page.publisher},
                      Lines{&f.copyright_page.text, &d.copyright_page.text},
                      Lines{&f.contents.entry, &d.contents.entry}})
    same(*a, *b);
  using Values = std::pair<double, double>;
  for (auto [a, b] : {Values{f.half_title.first_baseline, d.half_title.first_baseline},
                      Values{f.title_page.first_baseline, d.title_page.first_baseline},
                      Values{f.title_page.publisher_min_lines, d.title_page.publisher_min_lines},
                      Values{f.copyright_page.paragraph_space, d.copyright_page.paragraph_space},
                      Values{f.contents.number_width, d.contents.number_width}})
    EXPECT_EQ(a, b);
}

// A style's faces carry into the defaults: a bigger chapter face makes a bigger title.
TEST(FrontMatterDesign, DefaultsFollowTheStylesFaces) {
  support::Diagnostics diags;
  auto s = parse("chapter: {size: 30pt, leading: 34pt, italic: true}\n", diags);
  ASSERT_TRUE(s);
  Face title = display_face(*s, s->front_matter.title_page.title);
  EXPECT_EQ(title.size, 30 * 1.3);
  EXPECT_TRUE(title.italic);
  EXPECT_EQ(display_face(*s, s->front_matter.half_title.title).leading, 34);
}

TEST(FrontMatterDesign, KeysSetTheDesign) {
  support::Diagnostics diags;
  auto s = parse(
      "front-matter:\n"
      "  half-title: {first-baseline: 2in, title: {face: section, scale: 2}}\n"
      "  title-page:\n"
      "    first-baseline: 150pt\n"
      "    title: {size: 36pt, leading: 40pt, align: left, small-caps: true, tracking: 0.1}\n"
      "    subtitle: {face: chapter, line-height: 1.5, italic: false, space-before: 1em}\n"
      "    author: {family: DejaVu Serif, features: 'onum 1', align: right}\n"
      "    publisher: {face: footnotes}\n"
      "    publisher-min-lines: 4\n"
      "  copyright-page: {text: {align: center, face: body}, paragraph-space: 1}\n"
      "  contents: {entry: {size: 12pt, space-before: 3pt}, number-width: 40pt}\n"
      "body: {size: 10pt}\n",
      diags);
  ASSERT_TRUE(s) << (diags.empty() ? "" : diags.items()[0].message);
  const FrontMatterDesign& d = s->front_matter;
  EXPECT_EQ(d.half_title.first_baseline, 144);
  EXPECT_EQ(display_face(*s, d.half_title.title).size, s->section.face.size * 2);
  EXPECT_EQ(display_face(*s, d.half_title.title).leading, s->section.face.leading * 2);
  EXPECT_EQ(d.title_page.first_baseline, 150);
  Face title = display_face(*s, d.title_page.title);
  EXPECT_EQ(title.size, 36);
  EXPECT_EQ(title.leading, 40);
  EXPECT_TRUE(title.small_caps);
  EXPECT_EQ(title.tracking, 0.1);
  EXPECT_EQ(d.title_page.title.align, Align::left);
  Face subtitle = display_face(*s, d.title_page.subtitle);
  EXPECT_EQ(subtitle.size, s->chapter.face.size * 1.2);  // the default scale stays
  EXPECT_EQ(subtitle.leading, subtitle.size * 1.5);
  EXPECT_FALSE(subtitle.italic);
  EXPECT_EQ(d.title_page.subtitle.space_before, 10);  // em: of the body size
  Face author = display_face(*s, d.title_page.author);
  EXPECT_EQ(author.family, "DejaVu Serif");
  EXPECT_EQ(author.features, "onum 1");
  EXPECT_EQ(d.title_page.author.align, Align::right);
  EXPECT_EQ(display_face(*s, d.title_page.publisher).size, s->footnotes.face.size);
  EXPECT_EQ(d.title_page.publisher_min_lines, 4);
  EXPECT_EQ(d.copyright_page.text.align, Align::center);
  EXPECT_EQ(d.copyright_page.text.from, BaseFace::body);
  EXPECT_EQ(d.copyright_page.paragraph_space, 1);
  Face entry = display_face(*s, d.contents.entry);
  EXPECT_EQ(entry.size, 12);
  EXPECT_DOUBLE_EQ(entry.leading, s->body.leading * 12 / 10);  // unset: scaled with the size
  EXPECT_EQ(d.contents.entry.space_before, 3);
  EXPECT_EQ(d.contents.number_width, 40);
}

// Each bad value is an error at its own line and column; the style does not load.
TEST(FrontMatterDesign, BadValuesArePositioned) {
  struct Case {
    const char* yaml;
    const char* code;
    int line, column;
    const char* says;
  };
  const Case cases[] = {
      {"front-matter:\n  title-page: {title: {face: heading}}\n", "style-invalid", 2, 30,
       "not one of body, chapter"},
      {"front-matter:\n  title-page: {title: {scale: 0}}\n", "style-invalid", 2, 31, "range"},
      {"front-matter:\n  title-page: {title: {size: -3pt}}\n", "style-invalid", 2, 30, "more than"},
      {"front-matter:\n  title-page: {title: {size: 30pt, scale: 2}}\n", "style-invalid", 2, 30,
       "either size or scale"},
      {"front-matter:\n  title-page: {title: {leading: 30pt, line-height: 2}}\n", "style-invalid",
       2, 33, "either leading or line-height"},
      {"front-matter:\n  title-page: {author: {align: justify}}\n", "style-invalid", 2, 32,
       "not one of left, center, right"},
      {"front-matter:\n  title-page: {first-baseline: 3furlongs}\n", "style-invalid", 2, 32,
       "unknown unit"},
      {"front-matter:\n  title-page: {title: {space-before: 1em}}\n", "style-unknown-key", 2, 24,
       "unknown key 'space-before' in front-matter.title-page.title"},
      {"front-matter:\n  colophon: {}\n", "style-unknown-key", 2, 3, "unknown key 'colophon'"},
      {"front-matter:\n  copyright-page: {paragraph-space: lots}\n", "style-invalid", 2, 37,
       "decimal number"},
      {"front-matter:\n  contents: {number-width: 0}\n", "style-invalid", 2, 28, "more than zero"},
      {"front-matter:\n  contents: {number-width: 5in}\n", "style-invalid", 2, 28,
       "narrower than the measure"},
      {"front-matter:\n  half-title: {title: {family: ''}}\n", "style-invalid", 2, 32, "empty"},
      {"front-matter: [1, 2]\n", "style-invalid", 1, 15, "front-matter must be a mapping"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.yaml);
    support::Diagnostics diags;
    EXPECT_FALSE(parse(c.yaml, diags));
    ASSERT_EQ(diags.items().size(), 1u);
    const support::Diagnostic& d = diags.items()[0];
    EXPECT_EQ(d.code, c.code);
    EXPECT_EQ(d.pos.file, "t.yaml");
    EXPECT_EQ(d.pos.line, c.line);
    EXPECT_EQ(d.pos.column, c.column);
    EXPECT_NE(d.message.find(c.says), std::string::npos) << d.message;
  }
}

}  // namespace
}  // namespace folio::style
