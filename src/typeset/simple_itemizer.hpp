// Pango's items for plain Latin prose, found without pango_itemize's per-character work.
#pragma once

#include <cstddef>
#include <string_view>

typedef struct _PangoContext PangoContext;
typedef struct _PangoAttrList PangoAttrList;
typedef struct _GList GList;

namespace folio::typeset {

/// The items pango_itemize(ctx, text, start, end - start, attrs) gives, when every character
/// in [start, end) is one whose itemization cannot vary along the text: ASCII letters, digits,
/// punctuation and spaces, Latin-1 letters, the no-break space, curly quotes, dashes, the
/// ellipsis and U+2010 HYPHEN. For such text the bidi level is 0, there is one script run
/// (Latin, or Common without letters), no emoji run, and — when the first font of each
/// attribute range's fontset has every character of the range — one font per range. Pango
/// then makes exactly one item per attribute range, which this builds directly: pango_itemize
/// spends ~600 instructions per character (bidi, script and emoji iterators, a font lookup
/// per character), most of a novel's itemizing.
///
/// Returns null when [start, end) is empty or holds anything else (then call pango_itemize).
/// The list and its items are the caller's, as pango_itemize's are.
GList* itemize_simple(PangoContext* ctx, std::string_view text, std::size_t start, std::size_t end,
                      PangoAttrList* attrs);

}  // namespace folio::typeset
