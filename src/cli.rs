//! Command-line definitions (clap) and the commands themselves.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diagnostic::Severity;
use crate::engine::Selection;
use crate::report::{self, Summary};
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
    Check(CheckArgs),
    /// List all rules
    Rules {
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
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
    /// Only run these rules or groups (comma-separated)
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Skip these rules or groups (comma-separated)
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Lowest severity that makes the run fail (exit 1)
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// File name to report for standard input
    #[arg(long, default_value = "<stdin>")]
    pub stdin_filename: String,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Human,
    Json,
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
        Command::Check(args) => check(args),
        Command::Rules { format } => {
            print(&match format {
                ListFormat::Human => rules_table(),
                ListFormat::Json => rules_json(),
            });
            ExitCode::SUCCESS
        }
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

fn print(text: &str) {
    // A closed pipe (e.g. `| head`) is not an error worth reporting.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("presslint: error: {message}");
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
    let report = crate::lint_paths(&args.paths, &args.stdin_filename, &selection);
    for err in &report.errors {
        eprintln!("presslint: error: {err}");
    }
    let output = match args.format {
        Format::Json => report::json::render(&report),
        Format::Human => {
            let stdout = std::io::stdout();
            let color =
                stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            let width = if stdout.is_terminal() {
                terminal_width().unwrap_or(100)
            } else {
                100
            };
            report::human::render(&report, &report::human::Style { color, width })
        }
    };
    print(&output);

    if !report.errors.is_empty() {
        return ExitCode::from(2);
    }
    let failing = args.fail_on.threshold().is_some_and(|threshold| {
        report
            .files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .any(|d| d.severity >= threshold)
    });
    let _ = Summary::of(&report);
    if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
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
