#!/usr/bin/env bash
# What `--format html` costs over `--format json`: on one page showing
# every corpus image (the thumbnails: each file decoded and scaled once),
# and on the article corpus (its images are on the web: the cost of
# reading the page model and rendering). Each run five times, alternating,
# with /usr/bin/time; prints every run's wall time and peak memory, and the
# report sizes.
#
#   scripts/bench-html-report.sh [SHARED_DIR]     (default ../shared)
#
# Uses target/release/presslint (cargo build --release first), or $PRESSLINT.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
bin=${PRESSLINT:-target/release/presslint}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

{
    echo '<!DOCTYPE html><html lang="en"><head><title>Corpus images</title></head><body><main><h1>Corpus images</h1>'
    for f in "$shared"/corpus/images/*; do
        case "$f" in *.md | *.tsv) continue ;; esac
        name=$(basename "$f")
        echo "<figure><img src=\"/$name\" alt=\"$name\"><figcaption>$name</figcaption></figure>"
    done
    echo '</main></body></html>'
} >"$dir/images.html"

run() {
    local label=$1 format=$2
    shift 2
    /usr/bin/time -f "$label $format %e s %M KB" "$bin" check "$@" --format "$format" \
        --output "$dir/out-$label.$format" --fail-on never
}

for _ in 1 2 3 4 5; do
    for format in json html; do
        run images "$format" "$dir/images.html" --assets "$shared/corpus/images"
    done
done
for _ in 1 2 3 4 5; do
    for format in json html; do
        run articles "$format" "$shared/corpus/articles"
    done
done
ls -l "$dir"/out-* | awk '{print $5, $NF}'
echo "$(grep -o 'class="thumb t[0-9]*"' "$dir/out-images.html" | sort -u | wc -l) images with a thumbnail," \
    "$(grep -o 'No preview:' "$dir/out-images.html" | wc -l) without"
