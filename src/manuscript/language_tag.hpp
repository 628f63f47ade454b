// BCP 47 language tags: the syntax check shared by the reader (span and div `lang=`) and the
// book.yaml checks.
#pragma once

#include <string_view>

namespace folio::manuscript {

/// True when `tag` is a well-formed BCP 47 language tag (RFC 5646 syntax, including the
/// grandfathered tags); the registry of subtags is not consulted.
bool is_bcp47(std::string_view tag);

}  // namespace folio::manuscript
