#!/usr/bin/env bash
# The Python wheel works without Rust: build it with maturin (pyproject.toml),
# install it into a fresh virtual environment, and lint the fixtures with it
# on a PATH that has no cargo; then run the pre-commit hook the README
# documents (language: python, the wheel as its dependency) in a scratch
# repository.
#
#   scripts/test-wheel.sh            # debug profile: reuses `cargo test`'s build
#   WHEEL_PROFILE=release scripts/test-wheel.sh   # what the release ships
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
profile=${WHEEL_PROFILE:-debug}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
    echo "test-wheel: FAIL: $*" >&2
    exit 1
}

# Build: maturin in its own venv, into the usual target/ so the build is
# shared with cargo's.
python3 -m venv "$work/build"
"$work/build/bin/pip" install --quiet --disable-pip-version-check 'maturin>=1.5,<2'
start=$SECONDS
if [ "$profile" = release ]; then
    "$work/build/bin/maturin" build --quiet --release --out "$work/dist"
else
    "$work/build/bin/maturin" build --quiet --out "$work/dist"
fi
echo "test-wheel: maturin build ($profile) took $((SECONDS - start)) s"
wheels=("$work"/dist/presslint-*.whl)
[ "${#wheels[@]}" = 1 ] && [ -f "${wheels[0]}" ] || fail "expected one wheel in $work/dist, found: ${wheels[*]}"
echo "test-wheel: built $(basename "${wheels[0]}") ($(du -k "${wheels[0]}" | cut -f1) KiB)"

# Install into a fresh venv and run it with only the venv and the system on
# PATH: no ~/.cargo/bin, so nothing can be compiled or found elsewhere.
python3 -m venv "$work/user"
"$work/user/bin/pip" install --quiet --disable-pip-version-check "${wheels[0]}"
clean_path="$work/user/bin:/usr/bin:/bin"
run() { env PATH="$clean_path" "$@"; }
run sh -c '! command -v cargo >/dev/null && ! command -v rustc >/dev/null' ||
    fail "cargo or rustc is on the reduced PATH $clean_path"
[ "$(run sh -c 'command -v presslint')" = "$work/user/bin/presslint" ] ||
    fail "presslint on PATH is not the wheel's"

version=$(run presslint --version)
expected="presslint $(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)"
[ "$version" = "$expected" ] || fail "presslint --version printed '$version', expected '$expected'"

set +e
run presslint check fixtures/ >"$work/check.txt" 2>&1
status=$?
run presslint check fixtures/ --format json >"$work/check.json" 2>"$work/check.err"
json_status=$?
set -e
[ "$status" = 1 ] || { cat "$work/check.txt"; fail "presslint check fixtures/ exited $status, expected 1 (findings)"; }
[ "$json_status" = 1 ] || { cat "$work/check.err"; fail "presslint check --format json exited $json_status, expected 1"; }
grep -q 'img-alt-missing' "$work/check.txt" || fail "the report names no img-alt-missing finding"
grep -Eq '^Found [0-9]+ problems' "$work/check.txt" || fail "the report has no 'Found N problems' line"
python3 - "$work/check.json" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
found = sum(len(f["diagnostics"]) for f in report["files"])
if len(report["files"]) < 10 or found < 50:
    sys.exit(f"test-wheel: FAIL: the JSON report has {len(report['files'])} files and {found} findings")
print(f"test-wheel: the wheel's presslint found {found} problems in {len(report['files'])} fixture files")
EOF

# The pre-commit hook from the README: language python, the wheel as its
# only dependency (the README pins the published `presslint==X.Y.Z`).
"$work/user/bin/pip" install --quiet --disable-pip-version-check pre-commit
mkdir "$work/articles"
cd "$work/articles"
git init --quiet
cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: local
    hooks:
      - id: presslint
        name: presslint
        entry: presslint check
        language: python
        additional_dependencies: ["${wheels[0]}"]
        types_or: [html, markdown]
        require_serial: true
EOF
cp "$repo/fixtures/markdown/seed-article.md" story.md
cp "$repo/fixtures/obituary-print-view.html" obituary.html
printf 'Not an article: presslint is not run on it.\n' >notes.txt
git add .
hook() { run env PRE_COMMIT_HOME="$work/pre-commit" pre-commit run "$@"; }
set +e
hook --all-files >"$work/hook.txt" 2>&1
status=$?
set -e
cat "$work/hook.txt"
[ "$status" = 1 ] || fail "the pre-commit hook exited $status on articles with findings, expected 1"
grep -q 'story.md:4:' "$work/hook.txt" || fail "the hook did not lint the Markdown article"
grep -q 'obituary.html:' "$work/hook.txt" || fail "the hook did not lint the HTML article"
grep -q 'notes.txt' "$work/hook.txt" && fail "the hook linted notes.txt"
hook --files notes.txt >"$work/hook.txt" 2>&1 || { cat "$work/hook.txt"; fail "the hook failed with no article to lint"; }
grep -q 'no files to check' "$work/hook.txt" || fail "the hook ran on notes.txt"

echo "test-wheel: ok (wheel installed without Rust; presslint check and the pre-commit hook ran)"
