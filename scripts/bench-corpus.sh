#!/usr/bin/env bash
# Speed and memory of a whole run over the shared corpus of real article
# pages (../shared/corpus/articles, 394 pages, 53 MB), release build.
# Uses hyperfine when installed (apt-get install hyperfine), else bash's time.
# The figures are recorded in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/articles}
cargo build --release --quiet
bin=target/release/presslint
echo "corpus: $corpus ($(find "$corpus" -name '*.htm*' | wc -l) pages, $(du -sh "$corpus" | cut -f1))"
echo "machine: $(nproc) cores"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs 10 -N \
    "$bin check $corpus --format json --fail-on never" \
    "$bin check $corpus --format json --fail-on never --select document" \
    -n "all rules" -n "document rules only (parse cost)"
else
  for i in 1 2 3; do
    /usr/bin/time -f "%e s" "$bin" check "$corpus" --format json --fail-on never >/dev/null
  done
fi
/usr/bin/time -f "peak memory: %M KB" "$bin" check "$corpus" --format json --fail-on never >/dev/null
