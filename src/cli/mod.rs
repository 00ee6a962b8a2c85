//! Subcommands. Each lives in its own file; this one parses arguments and dispatches.

mod analyze;
mod audit;
mod check;
mod eval;

use clap::{Parser, Subcommand};
use std::io;

#[derive(Parser)]
#[command(name = "whosaid", version, about = "Find the quotes in news articles and who said them")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles and write one JSON object per article (JSON Lines).
    Analyze(analyze::Args),
    /// A readable report of one article: sources, quotes and findings.
    Check(check::Args),
    /// Sourcing figures over many articles, grouped by a metadata field.
    Audit(audit::Args),
    /// Score the analyser on an annotated gold file (precision, recall, F1, errors).
    Eval(eval::Args),
}

/// Runs the command line and returns the exit status.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let result = match cli.command {
        Command::Analyze(a) => analyze::run(a),
        Command::Check(a) => check::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Audit(a) => audit::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => 0,
        Err(e) => {
            eprintln!("whosaid: {e}");
            2
        }
    }
}

/// A closed stdout (`whosaid ... | head`) ends the run quietly, as in ripgrep.
pub fn is_broken_pipe(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

/// Reads a named input, `-` for standard input.
pub fn read_input(path: &str) -> io::Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        io::Read::read_to_end(&mut io::stdin().lock(), &mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))
    }
}
