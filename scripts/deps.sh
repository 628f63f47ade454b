#!/usr/bin/env bash
# Installs the Debian packages folio needs that are missing; quiet when nothing is missing.
# Usage: scripts/deps.sh [build|test|bench]   (test = build + what the test suite runs;
# bench = test + XeLaTeX, which bench/typo_compare.sh sets the same text with)
set -euo pipefail

build_pkgs=(cmake ninja-build g++ pkg-config python3
  libzip-dev libpugixml-dev libcairo2-dev libpango1.0-dev libfmt-dev libpng-dev zlib1g-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libhyphen-dev hyphen-en-us
  hyphen-en-gb hyphen-de hyphen-fr hyphen-es hyphen-it
  libqpdf-dev libcli11-dev librsvg2-dev libgtest-dev libharfbuzz-dev fonts-ebgaramond
  fonts-linuxlibertine fonts-dejavu-core libgs-common)
test_pkgs=(pandoc poppler-utils qpdf mupdf-tools clang libclang-rt-14-dev chromium ghostscript)
bench_pkgs=(texlive-xetex texlive-latex-recommended lmodern)

pkgs=("${build_pkgs[@]}")
case "${1:-build}" in
  test) pkgs+=("${test_pkgs[@]}") ;;
  bench) pkgs+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
esac

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
