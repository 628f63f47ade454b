// Reads `front-matter:` (front_matter_design.hpp) with the style loader's value readers.
//
// A template over the loader's reader (StyleReader, private to style_loader.cpp): this file
// uses only its map/length/number/text/boolean binders and positioned errors, so every bad value
// is reported as every other style value is, and the loader includes this one file.
#pragma once

#include <yaml-cpp/yaml.h>

#include <map>
#include <string>

#include "style/front_matter_design.hpp"

namespace folio::style {

// Binds a generated line's keys to `line` (over its default), then checks what needs two keys.
// `spaced`: the line follows another on its page, so `space-before` means something.
template <class Reader>
typename Reader::Field display_line_field(Reader& r, DisplayLine& line, const std::string& where,
                                          double max_font_size, bool spaced) {
  return [&r, &line, where, max_font_size, spaced](const YAML::Node& n) {
    std::string from(base_face_name(line.from));
    // Optional fields go through temporaries, as block designs do: set only when given.
    double size = 0, line_height = 0, leading = 0, tracking = 0;
    std::string family, features;
    bool italic = false, small_caps = false;
    std::map<std::string, typename Reader::Field> fields{
        {"face", r.text(from, base_face_names())},
        {"scale", r.number(line.scale, 0.1, 10)},
        {"size", r.length(size, false, max_font_size)},
        {"line-height", r.number(line_height, 0.5, 5)},
        {"leading", r.length(leading, false, max_font_size)},
        {"family", r.text(family)},
        {"italic", r.boolean(italic)},
        {"small-caps", r.boolean(small_caps)},
        {"tracking", r.number(tracking, -0.1, 0.5)},
        {"features", r.text(features)},
        {"align", r.choice(line.align, {Align::left, Align::center, Align::right})}};
    if (spaced) fields["space-before"] = r.length(line.space_before);
    r.map(n, where, fields);
    if (!n.IsMap()) return;
    if (auto f = base_face(from)) line.from = *f;
    auto given = [&](const char* key) { return static_cast<bool>(n[key]); };
    if (given("size") && given("scale"))
      r.error(n["size"], "give either size or scale for " + where + ", not both");
    if (given("leading") && given("line-height"))
      r.error(n["leading"], "give either leading or line-height for " + where + ", not both");
    if (given("size")) line.size = size;
    if (given("line-height")) line.line_height = line_height;
    if (given("leading")) line.leading = leading;
    if (given("family") && family.empty()) r.error(n["family"], "a family cannot be empty");
    if (given("family")) line.family = family;
    if (given("italic")) line.italic = italic;
    if (given("small-caps")) line.small_caps = small_caps;
    if (given("tracking")) line.tracking = tracking;
    if (given("features")) line.features = features;
  };
}

// `front-matter:` → `d`: half-title, title-page, copyright-page and contents, each a mapping.
template <class Reader>
void read_front_matter(Reader& r, const YAML::Node& n, FrontMatterDesign& d, double max_font_size) {
  auto line = [&](DisplayLine& l, const std::string& where, bool spaced = false) {
    return display_line_field(r, l, "front-matter." + where, max_font_size, spaced);
  };
  auto page = [&](const std::string& name, std::map<std::string, typename Reader::Field> fields) {
    return [&r, name, fields = std::move(fields)](const YAML::Node& v) {
      r.map(v, "front-matter." + name, fields);
    };
  };
  HalfTitlePage& h = d.half_title;
  TitlePage& t = d.title_page;
  CopyrightPage& c = d.copyright_page;
  ContentsPage& toc = d.contents;
  r.map(n, "front-matter",
        {{"half-title", page("half-title", {{"first-baseline", r.length(h.first_baseline)},
                                            {"title", line(h.title, "half-title.title")}})},
         {"title-page",
          page("title-page", {{"first-baseline", r.length(t.first_baseline)},
                              {"title", line(t.title, "title-page.title")},
                              {"subtitle", line(t.subtitle, "title-page.subtitle", true)},
                              {"author", line(t.author, "title-page.author", true)},
                              {"publisher", line(t.publisher, "title-page.publisher")},
                              {"publisher-min-lines", r.number(t.publisher_min_lines, 0, 100)}})},
         {"copyright-page",
          page("copyright-page", {{"text", line(c.text, "copyright-page.text")},
                                  {"paragraph-space", r.number(c.paragraph_space, 0, 10)}})},
         {"contents", page("contents", {{"entry", line(toc.entry, "contents.entry", true)},
                                        {"number-width", r.length(toc.number_width, false)}})}});
}

// What one key cannot check alone: a number column the style gives must leave the contents'
// titles room. (The default is not checked: a page that narrow was always laid out as it is.)
template <class Reader>
void check_front_matter(Reader& r, const YAML::Node& root, const FrontMatterDesign& d,
                        double measure) {
  if (!root.IsMap()) return;
  const YAML::Node fm = root["front-matter"];
  if (!fm || !fm.IsMap()) return;
  const YAML::Node toc = fm["contents"];
  if (!toc || !toc.IsMap()) return;
  const YAML::Node width = toc["number-width"];
  if (!width || d.contents.number_width < measure || measure <= 0) return;
  r.error(width,
          "front-matter.contents.number-width leaves no room for the titles: it must be "
          "narrower than the measure (" +
              Reader::fmt_number(measure) + " pt)");
}

}  // namespace folio::style
