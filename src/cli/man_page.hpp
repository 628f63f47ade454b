// folio(1) in roff, generated from the CLI11 definition of the commands.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace folio::cli {

/// The man page: NAME, SYNOPSIS, DESCRIPTION, GLOBAL OPTIONS, one subsection per visible
/// command (its options and examples, taken from its help footer), EXIT STATUS,
/// ENVIRONMENT, FILES, SEE ALSO. Plain man(7) macros; non-ASCII as \[uXXXX] escapes, so
/// it needs no preconv and renders the same in any locale.
std::string man_page(const CLI::App& app);

/// Escapes prose for roff: backslashes, a leading '.' or '\'', and non-ASCII characters.
std::string roff_text(std::string_view text);
/// The same for commands and option names, where '-' must stay a minus (copy-and-paste).
std::string roff_code(std::string_view text);

}  // namespace folio::cli
