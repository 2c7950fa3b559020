use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match presslint::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            // --help and --version are not errors.
            return if err.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    presslint::panics::quiet();
    match std::panic::catch_unwind(|| presslint::cli::run(cli)) {
        Ok(code) => code,
        Err(panic) => {
            eprintln!(
                "presslint: internal error: {}; please report it with the command and inputs",
                presslint::panics::describe(&panic)
            );
            ExitCode::from(2)
        }
    }
}
