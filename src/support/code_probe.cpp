// Compiled by a test, never linked: a registered code compiles, an unregistered one must not.
#include "support/diagnostic.hpp"

void report_probe(folio::support::Diagnostics& diags) {
#ifdef FOLIO_PROBE_UNREGISTERED
  diags.warning("no-such-code", {}, "a code the registry does not have");
#else
  diags.warning("double-space", {}, "a registered code");
#endif
}
