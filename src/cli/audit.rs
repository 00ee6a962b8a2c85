//! `whosaid audit`: sourcing figures over many articles, grouped by a metadata field.
//!
//! Reads articles (JSON Lines, or directories of .txt/.html files) and analyses them, or reads
//! the JSON Lines that `analyze` wrote (each line with `quotes`, `sources` and `summary`), so a
//! big archive can be analysed in parallel shards and audited in one pass over the outputs.

use super::analyze::article_files;
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::BTreeMap;
use std::io::{self, BufRead, IsTerminal, Write};
use whosaid::input::{self, Format};
use whosaid::report::audit::{self, Aggregate};
use whosaid::wire::DocOut;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Table,
    Csv,
    Json,
    Html,
}

#[derive(clap::Args)]
pub struct Args {
    /// JSON Lines of articles or of `analyze` output, or directories of .txt/.html articles.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    /// Group by this metadata field (`outlet`, `author`, `publisher`, `section`; `date` or
    /// `month` group by month).
    #[arg(long)]
    pub by: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
    /// Replace invalid UTF-8 with U+FFFD instead of reporting an error.
    #[arg(long)]
    pub lossy: bool,
}

struct Audit<'a> {
    by: Option<&'a str>,
    groups: BTreeMap<String, Aggregate>,
    failed: usize,
    progress: ProgressBar,
}

impl Audit<'_> {
    fn add(&mut self, doc: &DocOut) {
        self.groups.entry(audit::group_key(doc, self.by)).or_default().add(doc);
        self.progress.inc(1);
    }

    fn fail(&mut self, message: &str) {
        self.failed += 1;
        self.progress.suspend(|| eprintln!("whosaid: {message}"));
    }
}

fn analysed(article: &input::Article) -> DocOut<'static> {
    let analysis = whosaid::analyze(&article.text);
    DocOut::new(article.id.clone(), article.meta.clone(), &analysis).into_owned()
}

pub fn run(args: Args) -> io::Result<i32> {
    let progress = if io::stderr().is_terminal() {
        let p = ProgressBar::new_spinner();
        p.set_style(ProgressStyle::with_template("{spinner} {pos} articles ({per_sec}) {elapsed}").expect("static template"));
        p
    } else {
        ProgressBar::hidden()
    };
    let mut audit = Audit { by: args.by.as_deref(), groups: BTreeMap::new(), failed: 0, progress };
    let mut unusable = false;
    for path in &args.inputs {
        if let Err(e) = read_path(path, &args, &mut audit) {
            audit.progress.suspend(|| eprintln!("whosaid: {e}"));
            unusable = true;
        }
    }
    audit.progress.finish_and_clear();
    let out = match args.format {
        OutputFormat::Table => audit::to_table(&audit.groups),
        OutputFormat::Csv => audit::to_csv(&audit.groups).map_err(io::Error::other)?,
        OutputFormat::Json => {
            let groups: BTreeMap<&String, serde_json::Value> = audit
                .groups
                .iter()
                .map(|(g, a)| {
                    let mut v = serde_json::to_value(a).expect("aggregate serialises");
                    for (k, d) in a.derived() {
                        v[k] = serde_json::json!(d);
                    }
                    v["top_sources"] = serde_json::json!(a.top_sources(5));
                    (g, v)
                })
                .collect();
            let mut s = serde_json::to_string_pretty(&serde_json::json!({ "by": args.by, "groups": groups })).expect("serialises");
            s.push('\n');
            s
        }
        OutputFormat::Html => audit::to_html(&audit.groups, args.by.as_deref()),
    };
    let mut stdout = io::stdout().lock();
    match stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush()) {
        Err(e) if super::is_broken_pipe(&e) => return Ok(0),
        r => r?,
    }
    if audit.failed > 0 {
        eprintln!("whosaid: {} inputs could not be read", audit.failed);
    }
    Ok(if unusable {
        2
    } else if audit.failed > 0 {
        1
    } else {
        0
    })
}

fn read_path(path: &str, args: &Args, audit: &mut Audit) -> io::Result<()> {
    let meta = std::fs::metadata(path).map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))?;
    if meta.is_dir() {
        let files = article_files(path)?;
        if files.is_empty() {
            return Err(io::Error::new(io::ErrorKind::NotFound, format!("{path}: no .txt or .html articles in directory")));
        }
        for f in files {
            match std::fs::read(&f) {
                Ok(bytes) => match input::article_from_file(&f, &bytes, Format::Auto, args.lossy) {
                    Ok(article) => audit.add(&analysed(&article)),
                    Err(e) => audit.fail(&e.message),
                },
                Err(e) => audit.fail(&format!("{f}: {e}")),
            }
        }
        return Ok(());
    }
    let file = std::fs::File::open(path).map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))?;
    let mut reader = io::BufReader::new(file);
    let mut line = Vec::new();
    let mut line_no = 0;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        line_no += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        // `analyze` output is read back as it is; anything else is an article to analyse.
        if let Ok(doc) = serde_json::from_slice::<DocOut>(&line) {
            audit.add(&doc);
            continue;
        }
        if let Ok(err) = serde_json::from_slice::<whosaid::wire::ErrorOut>(&line) {
            audit.fail(&format!("{path}:{line_no}: an error record from analyze: {}", err.error));
            continue;
        }
        match input::parse_jsonl_line(&line, line_no, path, args.lossy) {
            Ok(article) => audit.add(&analysed(&article)),
            Err((_, e)) => audit.fail(&e.message),
        }
    }
    Ok(())
}
