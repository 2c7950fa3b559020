//! Command-line definitions (clap) and the commands themselves.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::FileReport;
use crate::baseline::{self, Baseline};
use crate::diagnostic::Severity;
use crate::engine::Selection;
use crate::report::{self, escape, output::Output};
use crate::rules;

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
    /// Lint only this runner's share of the files: K/N (e.g. 2/4)
    #[arg(long, value_name = "K/N")]
    pub shard: Option<crate::source::Shard>,
    /// Refuse article files larger than this: bytes, or with a K, M or G suffix
    #[arg(long, value_name = "SIZE", default_value = "32M", value_parser = parse_size)]
    pub max_file_size: u64,
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
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check(args) => check(*args),
        Command::Rules { format } => {
            print(&match format {
                ListFormat::Human => rules_table(),
                ListFormat::Json => rules_json(),
            });
            ExitCode::SUCCESS
        }
        Command::Init => init(),
        Command::Explain { rule } => match rules::find(&rule) {
            Some(rule) => {
                print(rule.doc);
                ExitCode::SUCCESS
            }
            None => usage_error(&format!(
                "unknown rule `{rule}`{}; `presslint rules` lists them",
                crate::engine::nearest_rule_name(&rule)
                    .map(|n| format!(" (did you mean `{n}`?)"))
                    .unwrap_or_default()
            )),
        },
    }
}

fn init() -> ExitCode {
    let path = std::path::Path::new(crate::config::FILE_NAME);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path);
    match file.and_then(|mut f| f.write_all(crate::config::starter().as_bytes())) {
        Ok(()) => {
            say(&format!("wrote {}", path.display()));
            ExitCode::SUCCESS
        }
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => usage_error(&format!(
            "{} already exists; edit it or remove it first",
            path.display()
        )),
        Err(err) => usage_error(&format!("{}: cannot write ({err})", path.display())),
    }
}

fn print(text: &str) {
    // A closed pipe (e.g. `| head`) is not an error worth reporting.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// One line on standard error, with anything from an article, a file
/// name or a config escaped (see `report::escape`): nothing read can move
/// the cursor or start a line of its own in a CI log.
fn say(line: &str) {
    eprintln!("{}", escape::terminal(line));
}

fn usage_error(message: &str) -> ExitCode {
    say(&format!("presslint: error: {message}"));
    ExitCode::from(2)
}

fn check(args: CheckArgs) -> ExitCode {
    let selection = Selection {
        select: args.select,
        ignore: args.ignore,
    };
    if let Err(message) = selection.validate() {
        return usage_error(&message);
    }
    let configs = match crate::config::Resolver::new(args.config.as_deref()) {
        Ok(configs) => configs,
        Err(message) => return usage_error(&message),
    };
    let mut settings = crate::Settings::new(selection, configs, args.stdin_filename);
    settings.shard = args.shard;
    settings.assets = args.assets;
    settings.max_file_bytes = args.max_file_size;
    if let Some(reference) = &args.changed_since {
        match crate::git::changed_since(std::path::Path::new("."), reference) {
            Ok(changed) => settings.only = Some(changed),
            Err(message) => return usage_error(&message),
        }
    }
    // Fix first; the report below then shows what is left.
    let mut fixes_failed = false;
    if args.fix {
        match crate::fix::run(&args.paths, &settings, args.dry_run) {
            Ok(outcome) if args.dry_run => return dry_run_report(&outcome),
            Ok(outcome) => fixes_failed = report_fixes(&outcome),
            Err(message) => return usage_error(&message),
        }
    }
    let mut baseline = match args.baseline.as_deref().map(Baseline::load).transpose() {
        Ok(baseline) => baseline,
        Err(message) => return usage_error(&message),
    };
    let mut recorder = args
        .write_baseline
        .as_ref()
        .map(|_| baseline::Recorder::default());
    // Opened first, so an unwritable --output fails before any linting.
    let mut output = match Output::open(args.output.as_deref()) {
        Ok(output) => output,
        Err(message) => return usage_error(&message),
    };

    // Every file passes through here: recorded for a new baseline, then
    // filtered by the old one, then counted.
    let threshold = args.fail_on.threshold();
    let mut failing = false;
    let mut warnings = 0;
    let mut gate = |file: &mut FileReport| {
        if let Some(recorder) = &mut recorder {
            recorder.add(file);
        }
        if let Some(baseline) = &mut baseline {
            baseline.filter(file);
        }
        failing |= threshold.is_some_and(|t| file.diagnostics.iter().any(|d| d.severity >= t));
        warnings += file
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count();
    };
    // Every format streams: each file is reported as soon as it and every
    // file found before it are done, and then dropped.
    let mut reporter = reporter(args.format, args.output.is_some());
    let mut write = |text: &str| output.write(text);
    let mut sink = report::Sink::to(&mut write);
    reporter.start(&mut sink);
    let mut summary = report::Summary::default();
    let errors = match crate::lint_paths_with(&args.paths, &settings, |mut file| {
        gate(&mut file);
        summary.add(&file);
        reporter.file(&file, &mut sink);
    }) {
        Ok(errors) => errors,
        Err(message) => return usage_error(&message),
    };
    summary.baseline = baseline.as_ref().map(Baseline::outcome);
    reporter.finish(&summary, &errors, &mut sink);
    let written = sink.finish();
    for err in &errors {
        say(&format!("presslint: error: {err}"));
    }
    if let Err(message) = written.and_then(|()| output.finish()) {
        return usage_error(&message);
    }
    if let (Some(path), Some(recorder)) = (&args.write_baseline, &recorder) {
        if let Err(err) = report::output::write_file(path, recorder.render().as_bytes()) {
            return usage_error(&report::output::error("baseline", path, &err));
        }
        say(&format!("presslint: wrote baseline {}", path.display()));
    }

    if !errors.is_empty() || fixes_failed {
        return ExitCode::from(2);
    }
    // Writing a baseline accepts today's findings.
    let over_max = args.max_warnings.is_some_and(|max| warnings > max);
    if args.write_baseline.is_none() && (failing || over_max) {
        if over_max {
            eprintln!(
                "presslint: {warnings} warnings, more than --max-warnings {}",
                args.max_warnings.unwrap_or_default()
            );
        }
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `--fix --dry-run`: the diff on standard output; exit 1 when there is
/// something to fix, 2 when a file could not be read.
fn dry_run_report(outcome: &crate::fix::Outcome) -> ExitCode {
    print(&outcome.diff);
    for err in outcome.unreadable.iter().chain(&outcome.errors) {
        say(&format!("presslint: error: {err}"));
    }
    if outcome.fixes == 0 {
        eprintln!("presslint: nothing to fix (dry run)");
    } else {
        eprintln!(
            "presslint: {} would be applied (dry run)",
            fix_count(outcome)
        );
    }
    if !outcome.errors.is_empty() || !outcome.unreadable.is_empty() {
        ExitCode::from(2)
    } else if outcome.fixes > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// What `--fix` did; whether a fix failed (exit 2 once the report is
/// out). Unreadable inputs are left to the report run, which names them.
fn report_fixes(outcome: &crate::fix::Outcome) -> bool {
    for err in &outcome.errors {
        say(&format!("presslint: error: {err}"));
    }
    if outcome.fixes > 0 {
        eprintln!("presslint: applied {}", fix_count(outcome));
    }
    !outcome.errors.is_empty()
}

/// "3 fixes in 1 file".
fn fix_count(outcome: &crate::fix::Outcome) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{} in {}",
        plural(outcome.fixes, "fix", "fixes"),
        plural(outcome.files, "file", "files")
    )
}

fn reporter(format: Format, to_file: bool) -> Box<dyn report::Reporter> {
    match format {
        Format::Json => Box::new(report::json::Json::default()),
        Format::Sarif => Box::new(report::sarif::Sarif::default()),
        Format::Github => Box::new(report::github::Github),
        Format::Junit => Box::new(report::junit::Junit::default()),
        Format::Jsonl => Box::new(report::jsonl::Jsonl),
        Format::Summary => Box::new(report::summary::SummaryTable::default()),
        Format::Human => {
            let terminal = !to_file && std::io::stdout().is_terminal();
            let color = terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            let width = if terminal {
                terminal_width().unwrap_or(100)
            } else {
                100
            };
            Box::new(report::human::Human::new(report::human::Style {
                color,
                width,
            }))
        }
    }
}

fn terminal_width() -> Option<usize> {
    std::env::var("COLUMNS").ok()?.parse().ok()
}

pub fn rules_table() -> String {
    let mut out = String::from("| Rule | Group | Severity | Checks |\n|---|---|---|---|\n");
    for rule in rules::RULES {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            rule.id,
            rule.group,
            rule.severity.as_str(),
            rule.summary
        ));
    }
    out
}

fn rules_json() -> String {
    let list: Vec<_> = rules::RULES
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.id,
                "group": r.group,
                "severity": r.severity.as_str(),
                "summary": r.summary,
            })
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&list).expect("rules serialize");
    out.push('\n');
    out
}

/// `--max-file-size`: `4096`, `512K`, `32M`, `1G` (powers of 1024).
fn parse_size(s: &str) -> Result<u64, String> {
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
