// Resolves a generated page's line design against the style's faces.
#include "style/front_matter_design.hpp"

#include "style/style.hpp"

namespace folio::style {
namespace {

constexpr std::pair<BaseFace, std::string_view> kNames[] = {
    {BaseFace::body, "body"},
    {BaseFace::chapter, "chapter"},
    {BaseFace::section, "section"},
    {BaseFace::subsection, "subsection"},
    {BaseFace::block_quote, "block-quote"},
    {BaseFace::dateline, "dateline"},
    {BaseFace::running_heads, "running-heads"},
    {BaseFace::folios, "folios"},
    {BaseFace::footnotes, "footnotes"},
};

const Face& face_of(const Style& s, BaseFace f) {
  switch (f) {
    case BaseFace::body:
      return s.body;
    case BaseFace::chapter:
      return s.chapter.face;
    case BaseFace::section:
      return s.section.face;
    case BaseFace::subsection:
      return s.subsection.face;
    case BaseFace::block_quote:
      return s.block_quote.face;
    case BaseFace::dateline:
      return s.dateline.face;
    case BaseFace::running_heads:
      return s.running_heads.face;
    case BaseFace::folios:
      return s.folios.face;
    case BaseFace::footnotes:
      break;
  }
  return s.footnotes.face;
}

}  // namespace

std::string_view base_face_name(BaseFace f) {
  for (const auto& [face, name] : kNames)
    if (face == f) return name;
  return "body";
}

std::optional<BaseFace> base_face(std::string_view name) {
  for (const auto& [face, n] : kNames)
    if (n == name) return face;
  return std::nullopt;
}

std::vector<std::string> base_face_names() {
  std::vector<std::string> out;
  for (const auto& [face, name] : kNames) out.emplace_back(name);
  return out;
}

Face display_face(const Style& style, const DisplayLine& line) {
  const Face& base = face_of(style, line.from);
  Face f = base;
  // The same products as the layout always computed (chapter size × 1.3, that size × 1.2), so
  // the default design sets the same points.
  double ratio = line.size ? *line.size / base.size : line.scale;
  f.size = line.size ? *line.size : base.size * line.scale;
  f.leading = line.leading       ? *line.leading
              : line.line_height ? f.size * *line.line_height
                                 : base.leading * ratio;
  if (line.family) f.family = *line.family;
  if (line.italic) f.italic = *line.italic;
  if (line.small_caps) f.small_caps = *line.small_caps;
  if (line.tracking) f.tracking = *line.tracking;
  if (line.features) f.features = *line.features;
  return f;
}

}  // namespace folio::style
