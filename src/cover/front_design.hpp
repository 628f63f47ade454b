// The generated front cover's design (title, subtitle, authors on a framed ground), drawn
// with Pango into any Cairo surface: the EPUB's cover image and the print wrap's front panel.
#pragma once

#include <cairo.h>

#include <memory>
#include <string>

namespace folio::cover {

/// What the cover shows, and the language it is shaped in.
struct CoverText {
  std::string title;
  std::string subtitle;
  std::string authors;
  std::string lang;
};

/// A face on the cover: a Pango family name, italic or not, small capitals or not.
struct CoverFace {
  std::string family = "EB Garamond 12";
  bool italic = false;
  bool small_caps = false;
};

/// The faces the cover is set in; the book's style decides them.
struct CoverFonts {
  CoverFace title;
  CoverFace subtitle{"EB Garamond 12", true, false};
  CoverFace author{"EB Garamond 12", false, true};
};

/// An RGB colour, each channel 0–1.
struct Ink {
  double r, g, b;
};
inline constexpr Ink kGround{0.953, 0.933, 0.894};  // warm paper
inline constexpr Ink kText{0.129, 0.122, 0.110};    // near-black ink
inline constexpr Ink kAccent{0.553, 0.122, 0.106};  // deep red rule and author

/// The design is drawn in units of a canvas this wide (the EPUB cover's pixels); a print
/// front panel scales it to its trim width.
inline constexpr double kDesignWidth = 1600;

/// The front cover laid out once for a canvas kDesignWidth wide and `height` tall (design
/// units, e.g. 2560 for the EPUB's 1:1.6, 2400 for a 6 × 9 in book), then drawn as often as
/// asked. The same text, fonts and height give the same drawing.
class FrontDesign {
 public:
  FrontDesign(const CoverText& text, const CoverFonts& fonts, double height);
  ~FrontDesign();
  FrontDesign(const FrontDesign&) = delete;
  FrontDesign& operator=(const FrontDesign&) = delete;

  /// Draws the whole design with its top-left corner at the user-space origin, one unit per
  /// design unit (the caller translates and scales). `ground`: paint the background too.
  void draw(cairo_t* cr, bool ground = true) const;

 private:
  struct Layouts;
  std::unique_ptr<Layouts> layouts_;
  double height_;
};

}  // namespace folio::cover
