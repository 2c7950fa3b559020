//! Baselines: record today's findings so an archive of old articles does not
//! block new work. An entry is keyed by file, rule and a hash of the flagged
//! source text (not its line), so edits elsewhere in the file keep it valid.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::FileReport;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Entry {
    path: String,
    rule: String,
    /// FNV-1a of the rule id and the flagged text (whitespace collapsed), hex.
    hash: String,
    /// How many identical findings the file had.
    count: usize,
}

#[derive(Serialize, Deserialize)]
struct File {
    version: u32,
    entries: Vec<Entry>,
}

type Key = (String, String, String);

/// Paths are compared without a leading `./`, so `fixtures/a.html` and
/// `./fixtures/a.html` are the same file.
fn normal_path(path: &str) -> String {
    path.strip_prefix("./").unwrap_or(path).to_string()
}

fn keys(file: &FileReport) -> impl Iterator<Item = Key> + '_ {
    let hashes = file.source.fingerprints(&file.diagnostics);
    file.diagnostics.iter().zip(hashes).map(|(d, hash)| {
        (
            normal_path(&file.path),
            d.rule.to_string(),
            format!("{hash:016x}"),
        )
    })
}

/// A loaded baseline, consumed as findings are matched against it.
#[derive(Default)]
pub struct Baseline {
    remaining: BTreeMap<Key, usize>,
    /// Files seen this run: only their entries can count as fixed.
    seen: std::collections::BTreeSet<String>,
    /// Findings dropped because the baseline knew them.
    matched: usize,
}

/// What the baseline did in a run, for the summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// Known findings left out of the report.
    pub matched: usize,
    /// Entries of linted files that matched no finding: fixed since.
    pub fixed: usize,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let bytes =
            crate::source::read_bounded(path, crate::source::MAX_BASELINE_BYTES).map_err(|e| {
                format!(
                    "{}: cannot read baseline: {e}; create one with --write-baseline",
                    path.display()
                )
            })?;
        Baseline::parse(&bytes).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// A baseline from the bytes of its file.
    pub fn parse(bytes: &[u8]) -> Result<Baseline, String> {
        let file: File =
            serde_json::from_slice(bytes).map_err(|e| format!("not a presslint baseline ({e})"))?;
        if file.version != 1 {
            return Err(format!(
                "baseline version {} is not supported",
                file.version
            ));
        }
        let mut remaining = BTreeMap::new();
        for e in file.entries {
            let n = remaining
                .entry((normal_path(&e.path), e.rule, e.hash))
                .or_insert(0usize);
            *n = n.saturating_add(e.count);
        }
        Ok(Baseline {
            remaining,
            ..Baseline::default()
        })
    }

    /// Drop the findings the baseline knows.
    pub fn filter(&mut self, file: &mut FileReport) {
        self.seen.insert(normal_path(&file.path));
        let keys: Vec<Key> = keys(file).collect();
        let mut keys = keys.into_iter();
        let remaining = &mut self.remaining;
        let before = file.diagnostics.len();
        file.diagnostics.retain(|_| {
            let key = keys.next().expect("one key per diagnostic");
            match remaining.get_mut(&key) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            }
        });
        self.matched += before - file.diagnostics.len();
    }

    /// Once every file has been filtered: what was hidden, and which entries
    /// of the linted files no longer match (fixed since the baseline).
    pub fn outcome(&self) -> Outcome {
        let fixed = self
            .remaining
            .iter()
            .filter(|((path, _, _), _)| self.seen.contains(path))
            .map(|(_, n)| n)
            .sum();
        Outcome {
            matched: self.matched,
            fixed,
        }
    }
}

/// Collects findings for `--write-baseline`.
#[derive(Default)]
pub struct Recorder {
    counts: BTreeMap<Key, usize>,
}

impl Recorder {
    pub fn add(&mut self, file: &FileReport) {
        for key in keys(file) {
            *self.counts.entry(key).or_insert(0) += 1;
        }
    }

    /// The baseline file's text.
    pub fn render(&self) -> String {
        let entries = self
            .counts
            .iter()
            .map(|((path, rule, hash), count)| Entry {
                path: path.clone(),
                rule: rule.clone(),
                hash: hash.clone(),
                count: *count,
            })
            .collect();
        let mut out = serde_json::to_string_pretty(&File {
            version: 1,
            entries,
        })
        .expect("baseline serializes");
        out.push('\n');
        out
    }
}
