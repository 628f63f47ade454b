// Subsets a fallback face with HarfBuzz: an EPUB carries its few borrowed glyphs, not the face.
#include "epub/fallback_subset.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <glib.h>

#include <algorithm>
#include <set>

#include "model/walk.hpp"

namespace folio::epub {
namespace {

void add_characters(const std::string& s, std::set<std::uint32_t>& out) {
  const char* p = s.c_str();
  const char* end = p + s.size();
  while (p < end) {
    gunichar c = g_utf8_get_char_validated(p, end - p);
    if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) return;
    out.insert(c);
    p = g_utf8_next_char(p);
  }
}

// A HarfBuzz face over `bytes` (which must outlive it).
hb_face_t* face_of(const std::string& bytes, int index) {
  hb_blob_t* blob = hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, static_cast<unsigned>(index));
  hb_blob_destroy(blob);
  return face;
}

}  // namespace

std::vector<std::uint32_t> book_characters(const model::Document& doc) {
  std::set<std::uint32_t> chars;
  model::walk_inlines(doc, [&](const model::Inline& in) {
    if (in.is<model::Text>()) add_characters(in.as<model::Text>().text, chars);
    if (in.is<model::Code>()) add_characters(in.as<model::Code>().text, chars);
    if (in.is<model::Image>()) add_characters(in.as<model::Image>().alt, chars);
  });
  model::walk_blocks(doc, [&](const model::Block& b) {
    if (b.is<model::CodeBlock>()) add_characters(b.as<model::CodeBlock>().text, chars);
  });
  return {chars.begin(), chars.end()};
}

std::vector<std::uint32_t> characters_in(const std::string& bytes, int index,
                                         const std::vector<std::uint32_t>& chars) {
  hb_face_t* face = face_of(bytes, index);
  hb_font_t* font = hb_font_create(face);
  std::vector<std::uint32_t> out;
  for (std::uint32_t c : chars) {
    hb_codepoint_t glyph = 0;
    if (hb_font_get_nominal_glyph(font, c, &glyph) && glyph != 0) out.push_back(c);
  }
  hb_font_destroy(font);
  hb_face_destroy(face);
  return out;
}

std::optional<std::string> subset_font(const std::string& bytes, int index,
                                       const std::vector<std::uint32_t>& chars) {
  hb_face_t* face = face_of(bytes, index);
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  std::optional<std::string> out;
  if (input) {
    hb_set_t* unicodes = hb_subset_input_unicode_set(input);
    for (std::uint32_t c : chars) hb_set_add(unicodes, c);
    if (hb_face_t* sub = hb_subset_or_fail(face, input)) {
      hb_blob_t* blob = hb_face_reference_blob(sub);
      unsigned size = 0;
      const char* data = hb_blob_get_data(blob, &size);
      if (data && size > 0) out = std::string(data, size);
      hb_blob_destroy(blob);
      hb_face_destroy(sub);
    }
    hb_subset_input_destroy(input);
  }
  hb_face_destroy(face);
  return out;
}

}  // namespace folio::epub
