#!/bin/sh
# Regenerates tests/books/ from Standard Ebooks mirrors: `bench/se_corpus.sh MIRRORS [BOOK…]`.
# MIRRORS holds one bare git mirror per book, named standardebooks+<repo> (with its git
# directory in …/repo, as the fetch tool leaves it, or directly). Needs python3 and pandoc
# (SVG illustrations are copied as they are).
set -eu
mirrors=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
books="$here/../tests/books"
# slug                          Standard Ebooks repository                         shape
corpus='
dracula                         bram-stoker_dracula                                epistolary novel: letters, diaries, datelines, signatures
frankenstein                    mary-shelley_frankenstein                          epistolary frame: letters with an address and a dateline
pride-and-prejudice             jane-austen_pride-and-prejudice                    novel with embedded letters
importance-of-being-earnest     oscar-wilde_the-importance-of-being-earnest        play: speakers and stage directions
keats-poetry                    john-keats_poetry                                  poetry collection: 135 poems, indented verse
souls-of-black-folk             w-e-b-du-bois_the-souls-of-black-folk              essays opening with verse epigraphs and music; style souls
the-prince                      niccolo-machiavelli_the-prince_w-k-marriott        non-fiction with endnotes (as footnotes)
alice-in-wonderland             lewis-carroll_alices-adventures-in-wonderland      illustrated: 42 figures
middlemarch                     george-eliot_middlemarch                           318,000 words in eight books; style long-novel
wealth-of-nations               adam-smith_the-wealth-of-nations                   437,000-word treatise: 12 tables, fractions, 1,500 notes; style long-novel
'
echo "$corpus" | while read -r slug repo shape; do
  [ -n "$slug" ] || continue
  if [ $# -gt 0 ]; then
    case " $* " in *" $slug "*) ;; *) continue ;; esac
  fi
  git_dir="$mirrors/standardebooks+$repo"
  [ -d "$git_dir/repo" ] && git_dir="$git_dir/repo"
  extra=
  case $shape in *"style "*) extra="--style $here/corpus/${shape##*style }.yaml" ;; esac
  python3 "$here/se2folio.py" $extra "$git_dir" "$books/$slug"
done
