// The Converter: the state of converting one content document, its work spread over
// xhtml_sections.cpp, xhtml_blocks.cpp (with xhtml_verse.cpp and xhtml_lists_tables.cpp),
// xhtml_inlines.cpp and xhtml_sources.cpp.
#pragma once

#include <pugixml.hpp>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "import/xhtml_converter.hpp"
#include "import/xhtml_terms.hpp"
#include "model/document.hpp"
#include "support/diagnostic.hpp"

namespace folio::import::xhtml {

class Converter {
 public:
  Converter(const std::string& entry, std::string_view text, BookContext& book)
      : entry_(entry), text_(text), book_(book) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') line_starts_.push_back(i + 1);
  }

  std::vector<model::Section> run(const pugi::xml_document& doc);

 private:
  // Sections
  void top_level(pugi::xml_node parent);
  void section_element(pugi::xml_node e);
  void start_section(pugi::xml_node e, pugi::xml_node heading);
  model::Section& current();
  // Blocks
  void blocks(pugi::xml_node parent, std::vector<Block>& out);
  void block(pugi::xml_node e, std::vector<Block>& out, std::vector<Inline>& loose);
  void flush_loose(std::vector<Inline>& loose, std::vector<Block>& out, pugi::xml_node at);
  void verse(pugi::xml_node e, std::vector<Block>& out);
  Block line_block_of_spans(pugi::xml_node p);
  Block folio_line_block(pugi::xml_node e);
  Block list(pugi::xml_node e, bool ordered);
  Block table(pugi::xml_node e);
  Block figure(pugi::xml_node e);
  Block heading_block(pugi::xml_node e, int level);
  std::vector<Inline> heading_inlines(pugi::xml_node e);
  // Inlines
  std::vector<Inline> inlines_of(pugi::xml_node e);
  void inlines(pugi::xml_node parent, std::vector<Inline>& out);
  void inline_node(pugi::xml_node n, std::vector<Inline>& out);
  void note_ref(pugi::xml_node a, std::vector<Inline>& out);
  std::string image_src(pugi::xml_node img);
  // Attributes, positions, the report
  model::Attr attr_of(pugi::xml_node e, bool keep_classes = true);
  std::string lang_of(pugi::xml_node e);
  support::SourcePos pos_of(pugi::xml_node e) const;
  std::string path_of(pugi::xml_node e) const;
  void unmapped(pugi::xml_node e, const std::string& what);
  void count(const std::string& mapping) {
    if (book_.report) book_.report->count(mapping);
  }

  const std::string& entry_;
  std::string_view text_;
  BookContext& book_;
  std::vector<std::size_t> line_starts_;
  std::vector<model::Section> sections_;
  std::string section_role_;  // the role of the section element being read
  int heading_base_ = 1;      // the level of the section's own heading (folio: 1, SE: 2)
  int note_count_ = 0;        // notes given labels in this file
  std::map<std::string, std::string> note_labels_;  // entry#id → label in this file
  std::set<std::string> unmapped_seen_;             // element kinds reported in this file
};

}  // namespace folio::import::xhtml
