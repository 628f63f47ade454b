// The simple itemizer against pango_itemize itself: the same items, field by field.
#include "typeset/simple_itemizer.hpp"

#include <gtest/gtest.h>
#include <pango/pango.h>

#include <string>
#include <vector>

#include "typeset/font_context.hpp"

namespace folio::typeset {
namespace {

struct Span {
  std::size_t start, end;
  PangoAttribute* attr;
};

struct AttrsFree {
  void operator()(PangoAttrList* l) const { pango_attr_list_unref(l); }
};

// Attributes as the paragraph setter makes them: a face over everything, features, spans.
std::unique_ptr<PangoAttrList, AttrsFree> attrs_for(const std::string& text,
                                                    const std::vector<Span>& spans) {
  PangoAttrList* list = pango_attr_list_new();
  PangoFontDescription* d = pango_font_description_from_string("EB Garamond 12 11");
  PangoAttribute* face = pango_attr_font_desc_new(d);
  pango_font_description_free(d);
  face->start_index = 0;
  face->end_index = static_cast<guint>(text.size() + 8);
  pango_attr_list_insert(list, face);
  PangoAttribute* features = pango_attr_font_features_new("onum 1");
  features->start_index = 0;
  features->end_index = static_cast<guint>(text.size() + 8);
  pango_attr_list_insert(list, features);
  for (const Span& s : spans) {
    s.attr->start_index = static_cast<guint>(s.start);
    s.attr->end_index = static_cast<guint>(s.end);
    pango_attr_list_insert(list, s.attr);
  }
  return std::unique_ptr<PangoAttrList, AttrsFree>(list);
}

constexpr guint8 kHasCharOffset = 1 << 7;

void free_items(GList* items) {
  g_list_free_full(items, reinterpret_cast<GDestroyNotify>(pango_item_free));
}

// Every field shaping reads (and the rest of PangoAnalysis) must match.
void expect_same_items(PangoContext* ctx, const std::string& text, std::size_t start,
                       std::size_t end, PangoAttrList* attrs) {
  SCOPED_TRACE(text.substr(start, end - start));
  GList* mine = itemize_simple(ctx, text, start, end, attrs);
  ASSERT_NE(mine, nullptr) << "expected the simple itemizer to take this text";
  GList* pangos = pango_itemize(ctx, text.c_str(), static_cast<int>(start),
                                static_cast<int>(end - start), attrs, nullptr);
  ASSERT_EQ(g_list_length(mine), g_list_length(pangos));
  for (GList *a = mine, *b = pangos; a && b; a = a->next, b = b->next) {
    auto* x = static_cast<PangoItem*>(a->data);
    auto* y = static_cast<PangoItem*>(b->data);
    EXPECT_EQ(x->offset, y->offset);
    EXPECT_EQ(x->length, y->length);
    EXPECT_EQ(x->num_chars, y->num_chars);
    EXPECT_EQ(x->analysis.font, y->analysis.font);
    EXPECT_EQ(x->analysis.level, y->analysis.level);
    EXPECT_EQ(x->analysis.gravity, y->analysis.gravity);
    // Pango 1.50 also flags that its private char offset is set (bit 7, HAS_CHAR_OFFSET);
    // only pango_shape_item and pango_item_split read that offset, and folio calls neither.
    EXPECT_EQ(x->analysis.flags, y->analysis.flags & ~kHasCharOffset);
    EXPECT_EQ(x->analysis.script, y->analysis.script);
    EXPECT_EQ(x->analysis.language, y->analysis.language);
    ASSERT_EQ(g_slist_length(x->analysis.extra_attrs), g_slist_length(y->analysis.extra_attrs));
    for (GSList *p = x->analysis.extra_attrs, *q = y->analysis.extra_attrs; p && q;
         p = p->next, q = q->next) {
      auto* u = static_cast<PangoAttribute*>(p->data);
      auto* v = static_cast<PangoAttribute*>(q->data);
      EXPECT_TRUE(pango_attribute_equal(u, v));
      EXPECT_EQ(u->start_index, v->start_index);
      EXPECT_EQ(u->end_index, v->end_index);
    }
  }
  free_items(mine);
  free_items(pangos);
}

class SimpleItemizerTest : public ::testing::Test {
 protected:
  SimpleItemizerTest() : fonts("en-US") {}
  PangoContext* ctx() { return fonts.context(); }
  FontContext fonts;
};

const std::string kProse =
    "\u201cIt was the best of times,\u201d she said\u2014and then, quite calmly: \u2018no.\u2019 "
    "Caf\u00e9 na\u00efvet\u00e9 \u00c9lodie\u2019s 1984 edition (pp. 12\u201314)\u2026 "
    "Stra\u00dfe & co; x=y*2 #7!";

TEST_F(SimpleItemizerTest, PlainProseIsOneItemLikePangos) {
  auto attrs = attrs_for(kProse, {});
  expect_same_items(ctx(), kProse, 0, kProse.size(), attrs.get());
}

TEST_F(SimpleItemizerTest, SpansSplitItemsWherePangoSplitsThem) {
  std::size_t said = kProse.find("she said");
  std::size_t cafe = kProse.find("Caf");
  std::size_t year = kProse.find("1984");
  std::size_t strasse = kProse.find("Stra");
  auto attrs = attrs_for(
      kProse, {{said, said + 8, pango_attr_style_new(PANGO_STYLE_ITALIC)},
               {cafe, cafe + 6, pango_attr_weight_new(PANGO_WEIGHT_BOLD)},
               {cafe + 2, cafe + 11, pango_attr_language_new(pango_language_from_string("fr"))},
               {year, year + 4, pango_attr_font_features_new("onum 1, lnum 1")},
               {year, year + 4, pango_attr_scale_new(0.62)},
               {strasse, strasse + 7, pango_attr_family_new("DejaVu Sans Mono")},
               {strasse, strasse + 7, pango_attr_scale_new(0.85)}});
  expect_same_items(ctx(), kProse, 0, kProse.size(), attrs.get());
  // A fragment from the middle, as a word reshaped at a line break, with a hyphen appended.
  std::string fragment = kProse.substr(0, cafe + 11) + "\u2010";
  expect_same_items(ctx(), fragment, cafe + 2, fragment.size(), attrs.get());
}

TEST_F(SimpleItemizerTest, DigitsAndPunctuationAloneAreCommonScript) {
  std::string text = "1984. \u2014 12\u201314 \u2026";
  auto attrs = attrs_for(text, {{0, 4, pango_attr_style_new(PANGO_STYLE_ITALIC)}});
  expect_same_items(ctx(), text, 0, text.size(), attrs.get());
}

TEST_F(SimpleItemizerTest, RangesOfSpacesAloneAndNoBreakSpaces) {
  std::string text = "  a\u00a0b   c  ";
  auto attrs = attrs_for(text, {{0, 2, pango_attr_style_new(PANGO_STYLE_ITALIC)},
                                {5, 9, pango_attr_weight_new(PANGO_WEIGHT_BOLD)}});
  expect_same_items(ctx(), text, 0, text.size(), attrs.get());
  expect_same_items(ctx(), text, 5, 8, attrs.get());
}

TEST_F(SimpleItemizerTest, LeavesEverythingElseToPango) {
  for (std::string text :
       {"logos \u03bb\u03cc\u03b3\u03bf\u03c2", "one\ntwo", "tab\there", "smile \U0001F600",
        "\u05e9\u05dc\u05d5\u05dd", "x \u00d7 y", "keycap 1\ufe0f\u20e3", "soft\u00adhyphen"}) {
    auto attrs = attrs_for(text, {});
    GList* items = itemize_simple(ctx(), text, 0, text.size(), attrs.get());
    EXPECT_EQ(items, nullptr) << text;
    free_items(items);
  }
  std::string text = "plain";
  auto attrs = attrs_for(text, {});
  EXPECT_EQ(itemize_simple(ctx(), text, 2, 2, attrs.get()), nullptr);  // empty
  // Features are the only attribute Pango passes on that the simple path carries.
  auto spaced = attrs_for(text, {{0, 5, pango_attr_letter_spacing_new(1024)}});
  EXPECT_EQ(itemize_simple(ctx(), text, 0, text.size(), spaced.get()), nullptr);
  auto no_fallback = attrs_for(text, {{0, 5, pango_attr_fallback_new(FALSE)}});
  EXPECT_EQ(itemize_simple(ctx(), text, 0, text.size(), no_fallback.get()), nullptr);
}

}  // namespace
}  // namespace folio::typeset
