# Sourced by the fetch scripts, from the repository's root.
#
#   fetch_into DEFAULT_DIR "$@"   sets `dest` (the script's first argument,
#                                 else DEFAULT_DIR) and `work` (a scratch
#                                 folder removed on exit); exits at once
#                                 when `dest` was already fetched whole
#   fetch URL SHA256 FILE         downloads URL into `work` as FILE and
#                                 checks its digest
#   unpack_fetched                unpacks each `work/NAME.tgz` into
#                                 `dest/NAME` (after emptying `dest`), and
#                                 each Debian package `work/NAME_….deb`
#                                 into `dest/NAME`

fetch_into() {
    dest=${2:-$1}
    if [ -f "$dest/.complete" ]; then
        exit 0
    fi
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
}

fetch() {
    curl -sfL --retry 3 -o "$work/$3" "$1"
    echo "$2  $work/$3" | sha256sum -c --quiet -
}

unpack_fetched() {
    rm -rf "$dest"
    mkdir -p "$dest"
    local archive name
    for archive in "$work"/*.tgz; do
        [ -e "$archive" ] || continue
        name=$(basename "$archive" .tgz)
        mkdir -p "$dest/$name"
        tar xzf "$archive" -C "$dest/$name"
    done
    for archive in "$work"/*.deb; do
        [ -e "$archive" ] || continue
        name=$(basename "$archive" .deb)
        dpkg-deb -x "$archive" "$dest/${name%%_*}"
    done
}
