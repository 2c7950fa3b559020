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
    presslint::cli::run(cli)
}
