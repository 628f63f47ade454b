// The style's enumerated settings: the enums the loader reads once, and the words a style file
// uses.
//
// Code downstream (the setter, the page layout, the EPUB stylesheet) decides on these enums,
// never on the file's words; `word` gives the word back for CSS and messages.
#pragma once

#include <span>
#include <string_view>

namespace folio::style {

/// How **strong** text is set.
enum class Strong { bold, italic, small_caps };

/// Where a paragraph's lines sit in their measure.
enum class Align { justify, left, center, right };

/// Where a designed block stands: in the text's flow, or alone on a page (a right-hand one).
enum class Placement { in_flow, own, own_recto };

/// What a running head shows.
enum class HeadContent { title, author, section, none };

/// Where the folios are set: with the running head at the outer edge (centred at the foot of
/// opening pages), or always centred at the foot.
enum class FolioPosition { head_outside, foot_center };

/// One word a style file may give for a setting, and the value it stands for.
template <class E>
struct Word {
  std::string_view word;
  E value;
};

// Each enum's words, in the order messages list them.
inline constexpr Word<Strong> kStrongWords[] = {
    {"bold", Strong::bold}, {"italic", Strong::italic}, {"small-caps", Strong::small_caps}};
inline constexpr Word<Align> kAlignWords[] = {{"left", Align::left},
                                              {"center", Align::center},
                                              {"right", Align::right},
                                              {"justify", Align::justify}};
inline constexpr Word<Placement> kPlacementWords[] = {
    {"auto", Placement::in_flow}, {"own", Placement::own}, {"own-recto", Placement::own_recto}};
inline constexpr Word<HeadContent> kHeadContentWords[] = {{"title", HeadContent::title},
                                                          {"author", HeadContent::author},
                                                          {"section", HeadContent::section},
                                                          {"none", HeadContent::none}};
inline constexpr Word<FolioPosition> kFolioPositionWords[] = {
    {"head-outside", FolioPosition::head_outside}, {"foot-center", FolioPosition::foot_center}};

/// Every word of enum `E`, in the order messages list them.
template <class E>
inline constexpr std::span<const Word<E>> kWords = {};  // each enum names its own below
template <>
inline constexpr std::span<const Word<Strong>> kWords<Strong> = kStrongWords;
template <>
inline constexpr std::span<const Word<Align>> kWords<Align> = kAlignWords;
template <>
inline constexpr std::span<const Word<Placement>> kWords<Placement> = kPlacementWords;
template <>
inline constexpr std::span<const Word<HeadContent>> kWords<HeadContent> = kHeadContentWords;
template <>
inline constexpr std::span<const Word<FolioPosition>> kWords<FolioPosition> = kFolioPositionWords;

/// The style file's word for `value` ("small-caps", "own-recto"); an alignment's word is also
/// its CSS `text-align` value.
template <class E>
constexpr std::string_view word(E value) {
  for (const Word<E>& w : kWords<E>)
    if (w.value == value) return w.word;
  return {};
}

}  // namespace folio::style
