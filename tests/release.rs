//! Installs without compiling: the release workflow builds every target,
//! the action passes inputs only through the environment, and the action's
//! installer (scripts/action-install.sh) picks the runner's release asset,
//! verifies its checksum and falls back to `cargo install` only where no
//! release can be used. The installer runs here against a release laid out
//! on disk (GITHUB_SERVER_URL=file://…), with a `cargo` on PATH that only
//! records how it was called.
#![cfg(unix)]

use std::collections::BTreeSet;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sha2::{Digest, Sha256};
use yaml_rust2::{Yaml, YamlLoader};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What the release publishes, as the issue asks: Linux (glibc and musl,
/// x86_64 and aarch64), macOS (both) and Windows.
const TARGETS: [&str; 7] = [
    "aarch64-apple-darwin",
    "aarch64-unknown-linux-gnu",
    "aarch64-unknown-linux-musl",
    "x86_64-apple-darwin",
    "x86_64-pc-windows-msvc",
    "x86_64-unknown-linux-gnu",
    "x86_64-unknown-linux-musl",
];

fn yaml(path: &str) -> Yaml {
    let text = fs::read_to_string(Path::new(ROOT).join(path)).unwrap();
    YamlLoader::load_from_str(&text).unwrap().remove(0)
}

fn matrix(workflow: &Yaml, job: &str) -> Vec<Yaml> {
    let include = &workflow["jobs"][job]["strategy"]["matrix"]["include"];
    include
        .as_vec()
        .unwrap_or_else(|| panic!("job {job} has no matrix"))
        .clone()
}

fn field<'a>(entry: &'a Yaml, key: &str) -> &'a str {
    entry[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} missing in {entry:?}"))
}

fn step_with<'a>(workflow: &'a Yaml, job: &str, action: &str) -> &'a Yaml {
    workflow["jobs"][job]["steps"]
        .as_vec()
        .unwrap()
        .iter()
        .find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with(action)))
        .map(|s| &s["with"])
        .unwrap_or_else(|| panic!("job {job} does not use {action}"))
}

#[test]
fn the_release_builds_binaries_and_wheels_for_every_target() {
    let workflow = yaml(".github/workflows/release.yml");
    let expected: BTreeSet<&str> = TARGETS.into();

    let binaries = matrix(&workflow, "binaries");
    let targets: BTreeSet<&str> = binaries.iter().map(|e| field(e, "target")).collect();
    assert_eq!(targets, expected, "binaries");
    assert_eq!(binaries.len(), TARGETS.len(), "a target is built twice");
    for entry in &binaries {
        let (target, build) = (field(entry, "target"), field(entry, "build"));
        // cargo-zigbuild's glibc suffix is the only difference allowed.
        assert!(
            build == target || build.strip_prefix(target) == Some(".2.17"),
            "{target} is built as {build}"
        );
    }
    // The names scripts/action-install.sh downloads.
    let upload = step_with(&workflow, "binaries", "taiki-e/upload-rust-binary-action@");
    assert_eq!(upload["bin"].as_str(), Some("presslint"));
    assert_eq!(
        upload["archive"].as_str(),
        Some("presslint-${{ matrix.target }}")
    );
    assert_eq!(upload["target"].as_str(), Some("${{ matrix.build }}"));
    assert_eq!(upload["checksum"].as_str(), Some("sha256"));

    let wheels = matrix(&workflow, "wheels");
    let targets: BTreeSet<&str> = wheels.iter().map(|e| field(e, "target")).collect();
    assert_eq!(targets, expected, "wheels");
    assert_eq!(wheels.len(), TARGETS.len(), "a wheel is built twice");
    for entry in &wheels {
        let (target, manylinux) = (field(entry, "target"), field(entry, "manylinux"));
        let want = if target.ends_with("-linux-gnu") {
            "2_17"
        } else if target.ends_with("-linux-musl") {
            "musllinux_1_2"
        } else {
            "off"
        };
        assert_eq!(manylinux, want, "{target}");
    }
    let build = step_with(&workflow, "wheels", "PyO3/maturin-action@");
    assert_eq!(build["target"].as_str(), Some("${{ matrix.target }}"));
    assert!(build["args"].as_str().unwrap().contains("--release"));

    let publish = &workflow["jobs"]["pypi"];
    let needs: Vec<&str> = publish["needs"]
        .as_vec()
        .unwrap()
        .iter()
        .filter_map(Yaml::as_str)
        .collect();
    assert_eq!(needs, ["binaries", "wheels", "sdist"]);
    assert_eq!(
        publish["permissions"]["id-token"].as_str(),
        Some("write"),
        "PyPI trusted publishing needs id-token: write"
    );
}

/// Every `${{ … }}` of action.yml is in `env:`, `with:` or `if:`, never in
/// a script, where an input would be pasted into the shell.
#[test]
fn the_action_never_interpolates_into_its_scripts() {
    let action = yaml("action.yml");
    let steps = action["runs"]["steps"].as_vec().unwrap();
    let mut scripts = 0;
    for step in steps {
        if let Some(run) = step["run"].as_str() {
            scripts += 1;
            assert!(
                !run.contains("${{"),
                "step {:?} interpolates an expression into its script",
                step["name"]
            );
        }
    }
    assert!(scripts >= 3);
    let inputs = action["inputs"].as_hash().unwrap();
    for name in ["paths", "format", "args", "html-report", "sarif"] {
        assert!(
            inputs.contains_key(&Yaml::String(name.into())),
            "input {name}"
        );
    }
    let install = &steps[0];
    assert_eq!(
        install["run"].as_str(),
        Some("bash \"$ACTION_PATH/scripts/action-install.sh\"")
    );
    let uses: Vec<&str> = steps.iter().filter_map(|s| s["uses"].as_str()).collect();
    assert!(uses.contains(&"github/codeql-action/upload-sarif@v3"));
    assert!(uses.contains(&"actions/upload-artifact@v4"));
}

#[test]
fn the_pre_commit_hook_lints_html_and_markdown() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hook = &hooks[0];
    assert_eq!(hook["id"].as_str(), Some("presslint"));
    assert_eq!(hook["entry"].as_str(), Some("presslint check"));
    let types: Vec<&str> = hook["types_or"]
        .as_vec()
        .unwrap()
        .iter()
        .filter_map(Yaml::as_str)
        .collect();
    assert_eq!(types, ["html", "markdown"]);
}

/// A release laid out as GitHub serves it: every target's archive and
/// checksum file under
/// `<server>/presslint/presslint/releases/download/v<VERSION>/`. An archive
/// holds a launcher of this build's binary rather than the binary itself (a
/// debug build is hundreds of megabytes to pack and hash).
struct Release {
    dir: tempfile::TempDir,
}

impl Release {
    fn new() -> Release {
        let dir = tempfile::tempdir().unwrap();
        let assets = dir.path().join(format!(
            "server/presslint/presslint/releases/download/v{VERSION}"
        ));
        fs::create_dir_all(&assets).unwrap();
        for target in TARGETS {
            let stage = dir.path().join("stage").join(target);
            fs::create_dir_all(&stage).unwrap();
            let windows = target.contains("windows");
            let exe = if windows {
                "presslint.exe"
            } else {
                "presslint"
            };
            let launcher = stage.join(exe);
            fs::write(
                &launcher,
                format!(
                    "#!/bin/sh\nexec '{}' \"$@\"\n",
                    env!("CARGO_BIN_EXE_presslint")
                ),
            )
            .unwrap();
            fs::set_permissions(&launcher, fs::Permissions::from_mode(0o755)).unwrap();
            let archive = if windows {
                let name = format!("presslint-{target}.zip");
                run_ok(
                    Command::new("python3")
                        .args(["-m", "zipfile", "-c"])
                        .arg(assets.join(&name))
                        .arg(exe)
                        .current_dir(&stage),
                );
                name
            } else {
                let name = format!("presslint-{target}.tar.gz");
                run_ok(
                    Command::new("tar")
                        .arg("-czf")
                        .arg(assets.join(&name))
                        .arg(exe)
                        .current_dir(&stage),
                );
                name
            };
            let sum = Sha256::digest(fs::read(assets.join(&archive)).unwrap());
            let sum: String = sum.iter().map(|b| format!("{b:02x}")).collect();
            fs::write(
                assets.join(format!("presslint-{target}.sha256")),
                format!("{sum}  {archive}\n"),
            )
            .unwrap();
        }
        let bin = dir.path().join("bin");
        fs::create_dir_all(&bin).unwrap();
        let cargo = bin.join("cargo");
        fs::write(
            &cargo,
            format!(
                "#!/bin/sh\necho \"$@\" >> '{}'\n",
                dir.path().join("cargo.log").display()
            ),
        )
        .unwrap();
        fs::set_permissions(&cargo, fs::Permissions::from_mode(0o755)).unwrap();
        Release { dir }
    }

    fn assets(&self) -> PathBuf {
        self.dir.path().join(format!(
            "server/presslint/presslint/releases/download/v{VERSION}"
        ))
    }

    /// Runs the installer as the action does on a runner of `os`/`arch`;
    /// `vars` adds or overrides environment variables.
    fn install(&self, os: &str, arch: &str, vars: &[(&str, &str)]) -> (Output, PathBuf) {
        let root = tempfile::tempdir().unwrap().keep();
        let mut cmd = Command::new("bash");
        cmd.arg(Path::new(ROOT).join("scripts/action-install.sh"))
            .env_clear()
            .env(
                "PATH",
                format!("{}:/usr/bin:/bin", self.dir.path().join("bin").display()),
            )
            .env(
                "GITHUB_SERVER_URL",
                format!("file://{}", self.dir.path().join("server").display()),
            )
            .env("RUNNER_OS", os)
            .env("RUNNER_ARCH", arch)
            .env("ACTION_PATH", ROOT)
            .env("ACTION_REF", format!("v{VERSION}"))
            .env("ACTION_REPOSITORY", "presslint/presslint")
            .env("PRESSLINT_ROOT", &root);
        for (k, v) in vars {
            cmd.env(k, v);
        }
        (cmd.output().unwrap(), root)
    }

    fn cargo_calls(&self) -> String {
        fs::read_to_string(self.dir.path().join("cargo.log")).unwrap_or_default()
    }
}

fn run_ok(cmd: &mut Command) {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{cmd:?}: {out:?}");
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn host_libc() -> &'static str {
    let musl = fs::read_dir("/lib")
        .map(|d| {
            d.filter_map(Result::ok)
                .any(|e| e.file_name().to_string_lossy().starts_with("ld-musl-"))
        })
        .unwrap_or(false);
    if musl { "musl" } else { "gnu" }
}

#[test]
fn the_action_installs_the_runners_release_binary_after_checking_its_sum() {
    let release = Release::new();
    let libc = host_libc();
    let runners = [
        ("Linux", "X64", format!("x86_64-unknown-linux-{libc}")),
        ("Linux", "ARM64", format!("aarch64-unknown-linux-{libc}")),
        ("macOS", "X64", "x86_64-apple-darwin".to_string()),
        ("macOS", "ARM64", "aarch64-apple-darwin".to_string()),
        ("Windows", "X64", "x86_64-pc-windows-msvc".to_string()),
    ];
    for (os, arch, target) in runners {
        let (out, root) = release.install(os, arch, &[]);
        let log = text(&out);
        assert!(out.status.success(), "{os}/{arch}: {log}");
        assert!(
            log.contains(&format!("presslint-{target}.")),
            "{os}/{arch}: {log}"
        );
        assert!(log.contains("verified"), "{log}");
        let exe = if os == "Windows" {
            "presslint.exe"
        } else {
            "presslint"
        };
        let version = Command::new(root.join("bin").join(exe))
            .arg("--version")
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&version.stdout).trim(),
            format!("presslint {VERSION}")
        );
        fs::remove_dir_all(root).unwrap();
    }
    assert_eq!(release.cargo_calls(), "", "nothing was compiled");
}

#[test]
fn the_action_reads_its_repository_and_tag_from_its_path_when_github_leaves_them_empty() {
    let release = Release::new();
    let checkout = release
        .dir
        .path()
        .join(format!("work/_actions/presslint/presslint/v{VERSION}"));
    fs::create_dir_all(&checkout).unwrap();
    let (out, root) = release.install(
        "Linux",
        "X64",
        &[
            ("ACTION_REF", ""),
            ("ACTION_REPOSITORY", ""),
            ("ACTION_PATH", checkout.to_str().unwrap()),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(root.join("bin/presslint").is_file());
    fs::remove_dir_all(root).unwrap();

    // As a Windows runner writes it.
    let checkout = format!(r"D:\a\_actions\presslint\presslint\v{VERSION}");
    let (out, root) = release.install(
        "Windows",
        "X64",
        &[
            ("ACTION_REF", ""),
            ("ACTION_REPOSITORY", ""),
            ("ACTION_PATH", &checkout),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(root.join("bin/presslint.exe").is_file());
    assert_eq!(release.cargo_calls(), "", "nothing was compiled");
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn a_checksum_that_does_not_match_stops_the_install() {
    let release = Release::new();
    let target = format!("x86_64-unknown-linux-{}", host_libc());
    let sums = release.assets().join(format!("presslint-{target}.sha256"));
    let line = fs::read_to_string(&sums).unwrap();
    fs::write(&sums, format!("{}{}", "0".repeat(64), &line[64..])).unwrap();
    let (out, root) = release.install("Linux", "X64", &[]);
    let log = text(&out);
    assert_eq!(out.status.code(), Some(1), "{log}");
    assert!(log.contains("checksum mismatch"), "{log}");
    assert!(!root.join("bin/presslint").exists());
    assert_eq!(
        release.cargo_calls(),
        "",
        "a bad download is not papered over"
    );

    // A checksum file that does not name the archive is no checksum.
    fs::write(&sums, format!("{}  other.tar.gz\n", &line[..64])).unwrap();
    fs::remove_dir_all(root).unwrap();
    let (out, root) = release.install("Linux", "X64", &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("has no checksum for"));
    assert!(!root.join("bin/presslint").exists());
    fs::remove_dir_all(root).unwrap();
}

/// The installer falls back to `cargo install` from the action's checkout
/// and the log says `why`.
fn falls_back(os: &str, arch: &str, vars: &[(&str, &str)], why: &str) {
    let release = Release::new();
    let (out, root) = release.install(os, arch, vars);
    let log = text(&out);
    assert!(out.status.success(), "{log}");
    assert!(log.contains(why), "{log}");
    assert!(
        log.contains("building presslint with cargo install"),
        "{log}"
    );
    assert_eq!(
        release.cargo_calls().trim(),
        format!("install --locked --path {ROOT} --root {}", root.display())
    );
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn without_a_usable_release_the_action_builds_with_cargo_and_says_why() {
    falls_back(
        "Linux",
        "X64",
        &[("ACTION_REF", "main")],
        "used at 'main', not a release tag",
    );
    falls_back(
        "Linux",
        "X64",
        &[("ACTION_REF", "v99.0.0")],
        "could not download",
    );
    falls_back(
        "Windows",
        "ARM64",
        &[],
        "no presslint binary is released for Windows on ARM64",
    );
}
