#!/usr/bin/env bash
# Typographic quality, folio vs pandoc + xelatex, side by side (issue 4's bar).
#
#   bench/typo_compare.sh [--folio build/folio] [--chapters 12] [--keep DIR]
#
# Sets the calibration text (../shared/typo/calib/manuscript.md, as its README says) and a
# long multi-chapter manuscript made from the seed (sentence-rotated chapters, one footnote
# each) with both typesetters at EB Garamond 12, 11/13.6 pt on 6 x 9 in, runs
# ../shared/typo/typometrics.py on both and prints the figures side by side, then whether
# folio meets the bar. Needs pandoc, xelatex (texlive-xetex, texlive-latex-recommended),
# qpdf and mutool (mupdf-tools). Exit 1 when the bar is missed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec python3 "$here/typo_compare.py" "$@"
