#!/usr/bin/env bash
# Installs presslint for the GitHub Action into $PRESSLINT_ROOT/bin.
#
# When the action is used at a version tag (presslint/presslint@v1.2.3), the
# binary released for this runner is downloaded with its checksum file and
# verified; a checksum that does not match stops the job. Anywhere else (a
# branch or commit, a platform without a released binary, a release that
# cannot be downloaded) it is built from the action's checkout with
# `cargo install`, and the log says why.
#
# Reads (all from the environment, never from the command line):
#   PRESSLINT_ROOT     install root (required)
#   ACTION_PATH        the action's checkout (required)
#   ACTION_REF         github.action_ref; ACTION_REPOSITORY github.action_repository
#                      (both may be empty in composite actions: then they are
#                      read from ACTION_PATH, .../_actions/OWNER/REPO/REF,
#                      with / or \ between its parts)
#   RUNNER_OS, RUNNER_ARCH, GITHUB_SERVER_URL   as the runner sets them
set -euo pipefail

root=${PRESSLINT_ROOT:?PRESSLINT_ROOT is not set}
action_path=${ACTION_PATH:?ACTION_PATH is not set}
server=${GITHUB_SERVER_URL:-https://github.com}

# The release target for a runner: OS and arch as GitHub names them, and the
# C library on Linux (musl in Alpine containers, else glibc).
target_for() {
    case "$1/$2" in
        Linux/X64) echo "x86_64-unknown-linux-$3" ;;
        Linux/ARM64) echo "aarch64-unknown-linux-$3" ;;
        macOS/X64) echo x86_64-apple-darwin ;;
        macOS/ARM64) echo aarch64-apple-darwin ;;
        Windows/X64) echo x86_64-pc-windows-msvc ;;
        *) return 1 ;;
    esac
}

sha256_of() {
    if command -v sha256sum >/dev/null; then
        sha256sum "$1" | cut -d' ' -f1
    else
        shasum -a 256 "$1" | cut -d' ' -f1
    fi
}

build_from_source() {
    echo "::notice title=presslint::$1; building presslint with cargo install (a few minutes)"
    if ! command -v cargo >/dev/null; then
        echo "::error title=presslint::cargo is not on PATH: install the Rust toolchain before this action, or use the action at a release tag (presslint/presslint@vX.Y.Z)"
        exit 1
    fi
    cargo install --locked --path "$action_path" --root "$root"
    exit 0
}

ref=${ACTION_REF:-}
repo=${ACTION_REPOSITORY:-}
if [ -z "$ref" ] || [ -z "$repo" ]; then
    path=${action_path//\\//}
    path=${path%/}
    ref=${path##*/}
    rest=${path%/*}
    name=${rest##*/}
    rest=${rest%/*}
    owner=${rest##*/}
    if [ "$(basename "$(dirname "$rest")")" = _actions ]; then
        repo=$owner/$name
    else
        ref=""
        repo=""
    fi
fi

if ! [[ $ref =~ ^v[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]+)?$ ]]; then
    build_from_source "the action is used at '${ref:-a local path}', not a release tag"
fi

libc=gnu
if [ "${RUNNER_OS:-}" = Linux ] && { ls /lib/ld-musl-* >/dev/null 2>&1 || ldd --version 2>&1 | grep -qi musl; }; then
    libc=musl
fi
if ! target=$(target_for "${RUNNER_OS:-}" "${RUNNER_ARCH:-}" "$libc"); then
    build_from_source "no presslint binary is released for ${RUNNER_OS:-this OS} on ${RUNNER_ARCH:-this architecture}"
fi

case "$target" in
    *-windows-*) archive=presslint-$target.zip exe=presslint.exe ;;
    *) archive=presslint-$target.tar.gz exe=presslint ;;
esac
sums=presslint-$target.sha256
base=$server/$repo/releases/download/$ref
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "presslint: downloading $archive from $repo $ref"
for file in "$archive" "$sums"; do
    if ! curl -fsSL --retry 3 -o "$tmp/$file" "$base/$file"; then
        build_from_source "could not download $base/$file"
    fi
done

# The checksum file lists "<sha256>  <file>" (or "*<file>"); the archive's
# line must be there and match.
expected=$(awk -v f="$archive" '{ n = $2; sub(/^\*/, "", n) } n == f { print $1 }' "$tmp/$sums")
actual=$(sha256_of "$tmp/$archive")
if [ -z "$expected" ]; then
    echo "::error title=presslint::$sums has no checksum for $archive; not installing it"
    exit 1
fi
if [ "$expected" != "$actual" ]; then
    echo "::error title=presslint::checksum mismatch for $archive (expected $expected, got $actual); not installing it"
    exit 1
fi
echo "presslint: $archive sha256 $actual verified"

mkdir -p "$root/bin"
case "$archive" in
    *.zip)
        if command -v unzip >/dev/null; then
            unzip -oq "$tmp/$archive" "$exe" -d "$root/bin"
        else
            7z x -y -o"$root/bin" "$tmp/$archive" "$exe" >/dev/null
        fi
        ;;
    *) tar -xzf "$tmp/$archive" -C "$root/bin" "$exe" ;;
esac
"$root/bin/$exe" --version
