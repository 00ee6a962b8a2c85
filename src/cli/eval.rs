//! `whosaid eval`: score the analyser on an annotated gold file.

use std::io::{self, Write};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    /// Gold file: JSON Lines in the shared evaluation format (code-point offsets).
    pub gold: String,
    /// Gold kinds to score, comma-separated (direct,indirect,mixed).
    #[arg(long, default_value = "direct,indirect,mixed")]
    pub kinds: String,
    /// List up to N misses, spurious quotes and wrong speakers.
    #[arg(long, default_value_t = 0)]
    pub errors: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
}

pub fn run(args: Args) -> io::Result<i32> {
    let file = std::fs::File::open(&args.gold).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", args.gold)))?;
    let opts = whosaid::eval::Options { kinds: args.kinds.split(',').map(|k| k.trim().to_string()).collect(), errors: args.errors };
    let report = match whosaid::eval::evaluate(io::BufReader::new(file), &opts) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("whosaid: {}: {e}", args.gold);
            return Ok(2);
        }
    };
    let mut out = io::stdout().lock();
    match args.format {
        OutputFormat::Text => out.write_all(report.to_text().as_bytes())?,
        OutputFormat::Json => {
            serde_json::to_writer(&mut out, &report).map_err(io::Error::other)?;
            out.write_all(b"\n")?;
        }
    }
    Ok(0)
}
