//! `presslint check`: lint, gate, report, fix.

use std::io::IsTerminal;
use std::process::ExitCode;

use super::args::{CheckArgs, Format};
use super::{print, say, usage_error};
use crate::FileReport;
use crate::baseline::{self, Baseline};
use crate::changed_lines::ChangedLines;
use crate::diagnostic::Severity;
use crate::engine::Selection;
use crate::report::{self, output::Output};

pub fn check(args: CheckArgs) -> ExitCode {
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
    if matches!(args.format, Format::Html) {
        settings.thumbnails = Some(crate::report::html::Thumbnails::default());
    }
    settings.extensions = args.ext.as_ref().map(|list| {
        list.iter()
            .map(|e| e.trim().trim_start_matches('.').to_ascii_lowercase())
            .filter(|e| !e.is_empty())
            .collect()
    });
    if let Some(reference) = &args.changed_since {
        match crate::git::changed_since(std::path::Path::new("."), reference) {
            Ok(changed) => settings.only = Some(changed),
            Err(message) => return usage_error(&message),
        }
    }
    // Only files with changed lines can keep findings: lint only those.
    let changed_lines = match &args.changed_lines {
        Some(reference) => {
            let here = std::path::Path::new(".");
            match ChangedLines::since(here, reference, args.changed_lines_context) {
                Ok(lines) => Some(lines),
                Err(message) => return usage_error(&message),
            }
        }
        None => None,
    };
    if let Some(lines) = &changed_lines {
        let files = lines.files();
        settings.only = Some(match settings.only.take() {
            Some(only) => only.intersection(&files).cloned().collect(),
            None => files,
        });
    }
    // Fix first; the report below then shows what is left.
    let mut fixes_failed = false;
    if args.fix {
        // With --changed-lines, only the changed lines are fixed.
        let narrow = |file: &mut FileReport| {
            if let Some(lines) = &changed_lines {
                lines.filter(file);
            }
        };
        match crate::fix::run(&args.paths, &settings, args.dry_run, narrow) {
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

    // Every file passes through here: narrowed to the changed lines,
    // recorded for a new baseline, filtered by the old one, then counted.
    let threshold = args.fail_on.threshold();
    let mut failing = false;
    let mut warnings = 0;
    let mut gate = |file: &mut FileReport| {
        if let Some(lines) = &changed_lines {
            lines.filter(file);
        }
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
    let mut reporter = reporter(args.format, args.output.as_deref());
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

fn reporter(format: Format, output: Option<&std::path::Path>) -> Box<dyn report::Reporter> {
    let to_file = output.is_some();
    match format {
        Format::Json => Box::new(report::json::Json::default()),
        Format::Sarif => Box::new(report::sarif::Sarif::default()),
        Format::Github => Box::new(report::github::Github::new(
            output.map(|path| path.display().to_string()),
        )),
        Format::Junit => Box::new(report::junit::Junit::default()),
        Format::Jsonl => Box::new(report::jsonl::Jsonl),
        Format::Summary => Box::new(report::summary::SummaryTable::default()),
        Format::Html => Box::new(report::html::Html::default()),
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
