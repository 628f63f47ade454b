// The EPUB's CSS, generated from the book's style (one built-in design until styles land).
#pragma once

#include <string>
#include <string_view>

namespace folio::epub {

/// CSS for the style named in book.yaml. Relative units only, no fonts or colours forced on
/// the text, so the reader's settings win.
std::string stylesheet(std::string_view style_name);

}  // namespace folio::epub
