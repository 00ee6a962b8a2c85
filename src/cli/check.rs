//! `whosaid check`: a readable report of one article.

use super::read_input;
use std::io::{self, IsTerminal, Write};
use whosaid::input::{self, Format};
use whosaid::report::render::{Style, terminal};
use whosaid::wire::DocOut;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
    /// A self-contained HTML page.
    Html,
}

#[derive(clap::Args)]
pub struct Args {
    /// The article: a text or HTML file, or `-` for stdin.
    pub article: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
    /// Input format.
    #[arg(long = "input-format", value_enum, default_value = "auto")]
    pub input_format: Format,
    /// Replace invalid UTF-8 with U+FFFD instead of reporting an error.
    #[arg(long)]
    pub lossy: bool,
}

pub fn run(args: Args) -> io::Result<i32> {
    let bytes = read_input(&args.article)?;
    let name = if args.article == "-" { "<stdin>" } else { &args.article };
    let article = match input::article_from_file(name, &bytes, args.input_format, args.lossy) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("whosaid: {e}");
            return Ok(2);
        }
    };
    let analysis = whosaid::analyze(&article.text);
    let mut out = io::stdout().lock();
    match args.format {
        OutputFormat::Json => {
            let mut doc = DocOut::new(article.id.clone(), article.meta.clone(), &analysis);
            if article.extracted {
                doc.text = Some(article.text.as_str().into());
            }
            let mut s = serde_json::to_string_pretty(&doc).expect("serialises");
            s.push('\n');
            out.write_all(s.as_bytes())?;
        }
        OutputFormat::Html => {
            let doc = DocOut::new(article.id.clone(), article.meta.clone(), &analysis);
            out.write_all(whosaid::report::html::article_page(&doc, &article.text, name).as_bytes())?;
        }
        OutputFormat::Text => {
            let colour = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let style = if colour { Style::ansi() } else { Style::plain() };
            out.write_all(terminal(&analysis, name, &style).as_bytes())?;
        }
    }
    out.flush()?;
    Ok(0)
}
