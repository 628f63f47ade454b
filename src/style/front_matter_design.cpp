// Resolves a generated page's line design against the style's faces.
#include "style/front_matter_design.hpp"

#include "style/style.hpp"

namespace folio::style {
namespace {

// Each base face: its style key and where the style keeps it.
struct BaseFaceEntry {
  BaseFace face;
  std::string_view name;
  const Face& (*in)(const Style&);
};
constexpr BaseFaceEntry kFaces[] = {
    {BaseFace::body, "body", [](const Style& s) -> const Face& { return s.body; }},
    {BaseFace::chapter, "chapter", [](const Style& s) -> const Face& { return s.chapter.face; }},
    {BaseFace::section, "section", [](const Style& s) -> const Face& { return s.section.face; }},
    {BaseFace::subsection, "subsection",
     [](const Style& s) -> const Face& { return s.subsection.face; }},
    {BaseFace::block_quote, "block-quote",
     [](const Style& s) -> const Face& { return s.block_quote.face; }},
    {BaseFace::dateline, "dateline", [](const Style& s) -> const Face& { return s.dateline.face; }},
    {BaseFace::running_heads, "running-heads",
     [](const Style& s) -> const Face& { return s.running_heads.face; }},
    {BaseFace::folios, "folios", [](const Style& s) -> const Face& { return s.folios.face; }},
    {BaseFace::footnotes, "footnotes",
     [](const Style& s) -> const Face& { return s.footnotes.face; }},
};

const BaseFaceEntry& named(BaseFace f) {
  for (const BaseFaceEntry& n : kFaces)
    if (n.face == f) return n;
  return kFaces[0];
}

}  // namespace

std::string_view base_face_name(BaseFace f) {
  return named(f).name;
}

std::optional<BaseFace> base_face(std::string_view name) {
  for (const BaseFaceEntry& n : kFaces)
    if (n.name == name) return n.face;
  return std::nullopt;
}

std::vector<std::string> base_face_names() {
  std::vector<std::string> out;
  for (const BaseFaceEntry& n : kFaces) out.emplace_back(n.name);
  return out;
}

Face display_face(const Style& style, const DisplayLine& line) {
  const Face& base = named(line.from).in(style);
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
