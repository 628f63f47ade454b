// default_protrusion: microtype's default protrusion factors for the punctuation of prose.
#include "style/protrusion.hpp"

namespace folio::style {

Protrusion default_protrusion() {
  // microtype.cfg's `default` set (thousandths of the glyph's width there), for the
  // characters a line of prose ends or begins with. The hyphen-minus stands for the line-end
  // hyphen too (U+2010 when the face has it, looked up under its own code first).
  return {
      {U'-', {0.5, 0.5}},         // hyphen-minus
      {U'\u2010', {0.5, 0.5}},    // hyphen
      {U'.', {0, 0.7}},           //
      {U',', {0, 0.5}},           //
      {U':', {0, 0.5}},           //
      {U';', {0, 0.3}},           //
      {U'\u2013', {0.2, 0.2}},    // en dash
      {U'\u2014', {0.15, 0.15}},  // em dash
      {U'\'', {0.3, 0.4}},        // straight single quote (apostrophe)
      {U'"', {0.3, 0.3}},         // straight double quote
      {U'\u2018', {0.3, 0.4}},    // ‘
      {U'\u2019', {0.3, 0.4}},    // ’
      {U'\u201C', {0.3, 0.3}},    // “
      {U'\u201D', {0.3, 0.3}},    // ”
  };
}

}  // namespace folio::style
