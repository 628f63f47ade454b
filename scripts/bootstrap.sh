#!/usr/bin/env bash
# First README command: install what is missing, build into build/, make out/*.epub and out/*.pdf.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh build
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DFOLIO_TESTS=OFF >/dev/null
cmake --build build --target folio
build/folio build manuscript -o out
