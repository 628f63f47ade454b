#!/usr/bin/env bash
# Second README command (and .ci/run): install what the tests need, build, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
shared="${FOLIO_SHARED:-$(cd .. && pwd)/shared}"
if [ -x "$shared/validate/install.sh" ] || [ -f "$shared/validate/install.sh" ]; then
  bash "$shared/validate/install.sh" >/dev/null
else
  echo "test.sh: $shared/validate not found; the EPUB/PDF validator tests need it" >&2
  exit 2
fi
cmake -S . -B build -G Ninja -DFOLIO_WERROR=ON -DFOLIO_TESTS=ON -DFOLIO_SHARED="$shared" >/dev/null
cmake --build build
ctest --test-dir build --output-on-failure -j2
