#!/usr/bin/env bash
# Second README command (and .ci/run): install what the tests need, build, run every test,
# then run the suite again built with AddressSanitizer + UndefinedBehaviorSanitizer.
# FOLIO_SKIP_SANITIZE=1 skips the sanitizer pass (for a quick local run); FOLIO_CMAKE_ARGS adds
# cmake options to both builds (e.g. a compiler launcher).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
shared="${FOLIO_SHARED:-$(cd .. && pwd)/shared}"
if [ -f "$shared/validate/install.sh" ]; then
  bash "$shared/validate/install.sh" >/dev/null
else
  echo "test.sh: $shared/validate not found; the EPUB/PDF validator tests need it" >&2
  exit 2
fi
export FOLIO_SHARED="$shared"

# A build folder of its own, configured here: scripts/bootstrap.sh's build/ (Release, no tests)
# is never reused, so the two README commands work in either order. Release is what users
# build, so the suite runs on the same optimised code; -Werror holds at every level (see
# FOLIO_WERROR in CMakeLists.txt).
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=Release -DFOLIO_WERROR=ON -DFOLIO_TESTS=ON \
  -DFOLIO_SHARED="$shared" ${FOLIO_CMAKE_ARGS:-} >/dev/null
cmake --build build-test
ctest --test-dir build-test --output-on-failure -j2

if [ "${FOLIO_SKIP_SANITIZE:-0}" != 1 ]; then
  echo '== the suite again under ASan + UBSan (validator runs, labelled validators, are left to the run above: they time Java and Chromium, not folio)'
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DFOLIO_SANITIZE=ON \
    -DFOLIO_WERROR=ON -DFOLIO_TESTS=ON -DFOLIO_SHARED="$shared" ${FOLIO_CMAKE_ARGS:-} >/dev/null
  cmake --build build-asan
  # Fontconfig and Pango keep process-lifetime caches that LeakSanitizer would report.
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
  export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  ctest --test-dir build-asan --output-on-failure -j2 -LE validators
fi
