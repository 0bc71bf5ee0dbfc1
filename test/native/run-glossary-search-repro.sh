#!/usr/bin/env bash
# Builds glossary-search-repro.c and runs it under valgrind with both main models (see the C file); needs gcc,
# valgrind, flite, sox and the pocketsphinx packages. Prints valgrind's error summary per mode. About 1 min.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
gcc -O0 -g -o "$work/repro" "$here/glossary-search-repro.c" \
  /lib/x86_64-linux-gnu/libpocketsphinx.so.3 /lib/x86_64-linux-gnu/libsphinxbase.so.3
flite -voice slt -t "Pastor Win welcomes you to our church." -o "$work/a.wav"
flite -voice slt -t "The letter to the Thessalonians is short." -o "$work/b.wav"
sox "$work/a.wav" -r 16000 -c 1 -b 16 "$work/clip1.wav"
sox "$work/b.wav" -r 16000 -c 1 -b 16 "$work/clip2.wav"
printf '\\data\\\nngram 1=9\nngram 2=2\n\n\\1-grams:\n-99.0000 <s> -0.3010\n-0.8451 </s> -0.3010\n-0.8451 pastor -0.3010\n-0.8451 nguyen -0.3010\n-0.8451 ecclesiastes -0.3010\n-0.8451 zacchaeus -0.3010\n-0.8451 babelcast -0.3010\n-0.8451 thessalonians -0.3010\n-0.8451 win -0.3010\n\n\\2-grams:\n-0.0969 pastor nguyen\n-0.0969 pastor win\n\n\\end\\\n' > "$work/glossary1.arpa"
printf '\\data\\\nngram 1=4\n\n\\1-grams:\n-99.0000 <s>\n-0.4771 </s>\n-0.4771 nineveh\n-0.4771 of\n\n\\end\\\n' > "$work/glossary2.arpa"
for mode in shared copy; do
  MAIN=$mode valgrind --error-limit=no "$work/repro" "$work" > "$work/out.$mode" 2> "$work/valgrind.$mode"
  echo "MAIN=$mode: $(grep -o 'ERROR SUMMARY: [0-9]* errors' "$work/valgrind.$mode")"
done
