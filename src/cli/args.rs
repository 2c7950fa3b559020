//! The command line's arguments (clap definitions), and parsing of their
//! values.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diagnostic::Severity;

#[derive(Parser)]
#[command(
    name = "presslint",
    version,
    about = "Accessibility and caption linter for news articles"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Lint article files and directories
    Check(Box<CheckArgs>),
    /// List all rules
    Rules {
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
    /// Write a commented starter presslint.toml in the current directory
    Init,
    /// Print a rule's documentation
    Explain {
        /// Rule id, e.g. img-alt-missing
        rule: String,
    },
    /// Run the language server (LSP over standard input and output) for editors
    Server,
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Files or directories to lint; `-` reads standard input
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write the report to FILE (replaced atomically) instead of standard output
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only run these rules or groups (comma-separated)
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Skip these rules or groups (comma-separated)
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Lowest severity that makes the run fail (exit 1)
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Use this config file instead of the nearest presslint.toml
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Exit 1 when there are more than N warnings (on top of --fail-on)
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Hide findings recorded in this baseline file
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record this run's findings as a baseline file (and exit 0)
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Lint only files changed since this git ref, plus untracked ones
    #[arg(long, value_name = "REF")]
    pub changed_since: Option<String>,
    /// Report only findings on lines added or modified since this git ref
    /// (untracked files count whole)
    #[arg(long, value_name = "REF")]
    pub changed_lines: Option<String>,
    /// With --changed-lines: also keep findings this many lines from a changed line
    #[arg(
        long,
        value_name = "N",
        default_value_t = 0,
        requires = "changed_lines"
    )]
    pub changed_lines_context: usize,
    /// Lint only this runner's share of the files: K/N (e.g. 2/4)
    #[arg(long, value_name = "K/N")]
    pub shard: Option<crate::source::Shard>,
    /// Refuse article files larger than this: bytes, or with a K, M or G suffix
    #[arg(long, value_name = "SIZE", default_value = "32M", value_parser = parse_size)]
    pub max_file_size: u64,
    /// File extensions linted in directories, over the configs' `extensions`
    /// [default: html,htm,md,markdown,qmd,rmd]
    #[arg(long, value_name = "EXT,…", value_delimiter = ',')]
    pub ext: Option<Vec<String>>,
    /// File name to report for standard input
    #[arg(long, default_value = "<stdin>")]
    pub stdin_filename: String,
    /// Where root-relative image paths (/images/…) resolve; repeatable
    /// (default: `assets` in presslint.toml, else the directory given)
    #[arg(long, value_name = "DIR")]
    pub assets: Vec<PathBuf>,
    /// Apply safe fixes (width/height from the image file) to the files, then report what remains
    #[arg(long)]
    pub fix: bool,
    /// With --fix: print the changes as a unified diff instead of writing them (exit 1 if any)
    #[arg(long, requires = "fix")]
    pub dry_run: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// Code frames with labels, then a summary line
    Human,
    /// One JSON document (see schema/report.schema.json)
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and SARIF viewers
    Sarif,
    /// GitHub Actions workflow commands: inline pull-request annotations
    Github,
    /// JUnit XML: a test case per file, a failure per diagnostic
    Junit,
    /// JSON Lines: one object per diagnostic, written as files finish
    Jsonl,
    /// Counts per rule and per file
    Summary,
    /// One self-contained page: a card per image with its thumbnail,
    /// caption and findings (write it with --output report.html)
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ListFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// `--max-file-size`: `4096`, `512K`, `32M`, `1G` (powers of 1024).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => t.split_at(i),
        None => (t, ""),
    };
    let scale: u64 = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1 << 10,
        "M" | "MB" | "MIB" => 1 << 20,
        "G" | "GB" | "GIB" => 1 << 30,
        _ => {
            return Err(format!(
                "`{s}` is not a size: use bytes or a K, M or G suffix, e.g. 64M"
            ));
        }
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(scale))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("`{s}` is not a size: use bytes or a K, M or G suffix, e.g. 64M"))
}
