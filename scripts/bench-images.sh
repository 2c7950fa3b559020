#!/usr/bin/env bash
# How long presslint takes to probe the shared corpus of real image files
# (../shared/corpus/images, 143 files, 15 MB: JPEG, PNG, GIF, WebP, AVIF,
# HEIC, JXL, BMP, TIFF, ICO, JPEG 2000, SVG, some broken), release build:
#
# 1. probing alone: examples/probe_images.rs reads every file through the
#    run's shared cache, in parallel, as `presslint check` does, and
#    reports the time; run 10 times, the first on a cold start of the
#    process (the files themselves are in the OS cache after run 1);
# 2. a whole `presslint check` over generated pages that show the 143
#    images (parse, resolve, probe, all rules, JSON report).
#
# Then it compares the probe's classification with images.tsv (format,
# width and height, broken), as tests/images.rs does. The figures are
# recorded in docs/images.md.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/images}
cargo build --release --quiet --example probe_images
cargo build --release --quiet
bin=target/release/presslint
probe=target/release/examples/probe_images
files=$(find "$corpus" -maxdepth 1 -type f ! -name '*.tsv' ! -name '*.md' | sort)
echo "corpus: $corpus ($(echo "$files" | wc -l) images, $(du -ch $files | tail -1 | cut -f1))"
echo "machine: $(nproc) cores"

echo "== probing alone (10 runs)"
for i in $(seq 10); do
  # shellcheck disable=SC2086
  "$probe" $files 2>&1 >/dev/null | sed "s/^/run $i: /"
done

echo "== presslint check over pages showing every image"
pages=$(mktemp -d)
trap 'rm -rf "$pages"' EXIT
i=0
for f in $files; do
  printf '<!DOCTYPE html><html lang="en"><head><title>%s</title></head><body><h1>%s</h1>\n<figure><img src="/%s" alt="A test picture"><figcaption>A test picture.</figcaption></figure>\n</body></html>\n' \
    "$i" "$i" "$(basename "$f")" > "$pages/page-$i.html"
  i=$((i + 1))
done
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs 10 -N -i \
    "$bin check $pages --assets $corpus --format json --fail-on never" \
    "$bin check $pages --assets $corpus --format json --fail-on never --ignore image,caption" \
    -n "all rules" -n "without the image and caption rules"
else
  for run in 1 2 3 4 5; do
    start=$(date +%s%N)
    "$bin" check "$pages" --assets "$corpus" --format json --fail-on never >/dev/null
    end=$(date +%s%N)
    echo "run $run: $(( (end - start) / 1000000 )) ms for $i pages"
  done
fi

echo "== classification against images.tsv"
# shellcheck disable=SC2086
"$probe" $files 2>/dev/null | python3 -c '
import csv, sys
got = {r["filename"]: r for r in csv.DictReader(sys.stdin, delimiter="\t")}
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
agree = 0
for r in rows:
    g = got[r["filename"]]
    fmt = "unknown" if r["format"].startswith("unknown") else r["format"]
    broken = g["broken"].startswith("yes")
    ok = g["format"] == fmt
    if r["broken"] in ("yes", "no", "partial"):
        ok &= broken == (r["broken"] == "yes")
    if r["broken"] != "yes" and r["width"]:
        ok &= (g["width"], g["height"]) == (r["width"], r["height"])
    agree += ok
    if not ok:
        print("disagree:", r["filename"], dict(g))
print(f"{agree}/{len(rows)} files classified as images.tsv says (format, size, broken)")
' "$corpus/images.tsv"
