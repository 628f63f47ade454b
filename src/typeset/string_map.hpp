// String-keyed memo tables that can be probed with a string_view, allocating no key.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace folio::typeset {

/// Hashes std::string keys and string_view probes alike.
struct StringKeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

/// A string-keyed table whose find() takes a string_view.
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringKeyHash, std::equal_to<>>;

}  // namespace folio::typeset
