//! The command line: arguments in `args`, `presslint check` in `check`,
//! and the small commands here.

pub mod args;
mod check;

use std::io::Write;
use std::process::ExitCode;

pub use args::{CheckArgs, Cli, Command, FailOn, Format, ListFormat};

use crate::report::escape;
use crate::rules;

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check(args) => check::check(*args),
        Command::Rules { format } => {
            print(&match format {
                ListFormat::Human => rules_table(),
                ListFormat::Json => rules_json(),
            });
            ExitCode::SUCCESS
        }
        Command::Init => init(),
        Command::Server => crate::server::run(),
        Command::Explain { rule } => match rules::find(&rule) {
            Some(rule) => {
                print(rule.doc);
                ExitCode::SUCCESS
            }
            None => usage_error(&format!(
                "unknown rule `{rule}`{}; `presslint rules` lists them",
                crate::suggest::did_you_mean(crate::rules::nearest(&rule))
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
            let defaults = r.options.map(|o| (o.defaults)()).unwrap_or_default();
            let options: Vec<_> = r
                .options
                .iter()
                .flat_map(|o| o.fields)
                .map(|f| {
                    serde_json::json!({
                        "name": f.name,
                        "takes": f.kind,
                        "default": defaults.get(f.name),
                        "help": f.help,
                    })
                })
                .collect();
            serde_json::json!({
                "id": r.id,
                "group": r.group,
                "severity": r.severity.as_str(),
                "summary": r.summary,
                "needs_files": r.needs_files,
                "fix": match r.fix {
                    rules::Fixable::No => None,
                    rules::Fixable::Safe => Some("safe"),
                },
                "options": options,
            })
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&list).expect("rules serialize");
    out.push('\n');
    out
}
