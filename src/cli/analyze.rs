//! `whosaid analyze`: articles in, one JSON line per article out, in input order.
//!
//! JSON Lines input is streamed in batches through a pool of worker threads;
//! a writer puts results back in input order, so memory stays bounded by the
//! number of batches in flight, whatever the input size.

use super::read_input;
use serde_json::Value;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::sync::mpsc::{Receiver, sync_channel};
use std::sync::{Arc, Mutex};
use whosaid::input::{self, Article, Format};
use whosaid::wire::{self, DocOut, ErrorOut};

#[derive(clap::Args)]
pub struct Args {
    /// Input files (JSON Lines, text or HTML) or directories of .txt/.html files; `-` for stdin.
    #[arg(default_value = "-")]
    pub inputs: Vec<String>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Replace invalid UTF-8 with U+FFFD instead of reporting an error.
    #[arg(long)]
    pub lossy: bool,
    /// Input format.
    #[arg(long, value_enum, default_value = "auto")]
    pub format: Format,
}

/// Counts for the final stderr summary.
#[derive(Default)]
pub struct Stats {
    pub docs: usize,
    pub failed: usize,
}

pub fn run(args: Args) -> io::Result<i32> {
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut stats = Stats::default();
    let mut unusable = false;
    for path in &args.inputs {
        match process_path(path, &args, threads, &mut out, &mut stats) {
            Ok(()) => {}
            Err(e) if super::is_broken_pipe(&e) => return Ok(0),
            Err(e) => {
                eprintln!("whosaid: {e}");
                unusable = true;
            }
        }
    }
    match out.flush() {
        Err(e) if super::is_broken_pipe(&e) => return Ok(0),
        r => r?,
    }
    if stats.failed > 0 {
        eprintln!("whosaid: {} of {} documents failed", stats.failed, stats.docs);
    }
    Ok(if unusable {
        2
    } else if stats.failed > 0 {
        1
    } else {
        0
    })
}

fn process_path(path: &str, args: &Args, threads: usize, out: &mut impl Write, stats: &mut Stats) -> io::Result<()> {
    let meta =
        if path == "-" { None } else { Some(std::fs::metadata(path).map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))?) };
    if meta.as_ref().is_some_and(|m| m.is_dir()) {
        let files = article_files(path)?;
        if files.is_empty() {
            return Err(io::Error::new(io::ErrorKind::NotFound, format!("{path}: no .txt or .html articles in directory")));
        }
        for f in files {
            match process_path(&f, args, threads, out, stats) {
                Err(e) if !super::is_broken_pipe(&e) => {
                    // One unreadable article must not stop the rest of the directory.
                    stats.docs += 1;
                    stats.failed += 1;
                    eprintln!("whosaid: {e}");
                    write_error(out, Value::from(f.as_str()), 0, e.to_string())?;
                }
                r => r?,
            }
        }
        return Ok(());
    }
    // Peek at the start to decide the format without reading the whole input.
    let mut reader: Box<dyn BufRead + Send> = if path == "-" {
        Box::new(BufReader::with_capacity(1 << 20, io::stdin()))
    } else {
        let f = std::fs::File::open(path).map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))?;
        Box::new(BufReader::with_capacity(1 << 20, f))
    };
    let head = reader.fill_buf()?.to_vec();
    let name = if path == "-" { "<stdin>" } else { path };
    let format = match args.format {
        // Empty standard input is an empty batch, not an empty article.
        Format::Auto if path == "-" && head.is_empty() => Format::Jsonl,
        Format::Auto => input::detect_format(name, &head),
        f => f,
    };
    if format == Format::Jsonl {
        let before = stats.docs;
        stream_jsonl(reader, name, args.lossy, threads, out, stats)?;
        if stats.docs == before {
            // Not an error (an empty batch is a valid batch), but say so: it is often a mistake.
            eprintln!("whosaid: {name}: no records");
        }
        return Ok(());
    }
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    drop(head);
    stats.docs += 1;
    let _ = read_input; // whole-file read path shared with `check`
    // (The file's bytes become the article's text: a huge text file is not held twice.)
    match input::article_from_file_owned(name, bytes, format, args.lossy) {
        Ok(article) => {
            // As for JSONL lines: a bug on one article must not end the run.
            if render(article, out)?.is_err() {
                stats.failed += 1;
                let msg = format!("{name}: internal error while analysing (please report)");
                eprintln!("whosaid: {msg}");
                write_error(out, Value::from(name), 0, msg)?;
            }
            Ok(())
        }
        Err(e) => {
            stats.failed += 1;
            eprintln!("whosaid: {e}");
            write_error(out, Value::from(name), 0, e.message)
        }
    }
}

/// The .txt and .html files directly in a directory, sorted by name.
pub fn article_files(dir: &str) -> io::Result<Vec<String>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| io::Error::new(e.kind(), format!("{dir}: {e}")))? {
        let p = entry?.path();
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        if p.is_file() && matches!(ext.as_str(), "txt" | "html" | "htm") {
            files.push(p.to_string_lossy().into_owned());
        }
    }
    files.sort();
    Ok(files)
}

/// Writes one article's JSON line to `out`, straight from the analysis (no copy of its texts,
/// no buffer for the whole line). When the analysis panics nothing is written and the article's
/// id comes back as the error, for an error record: a bug in one document must not end the run.
pub fn render(article: Article, out: &mut impl Write) -> io::Result<Result<(), Value>> {
    let Article { id, meta, text, extracted } = article;
    // Everything that could panic runs under `catch_unwind`; serialising the finished record
    // cannot (only writing can fail, and that is an I/O error).
    let caught = |f: &mut dyn FnMut()| std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).is_ok();
    let mut analysis = None;
    if !caught(&mut || analysis = Some(whosaid::analyze(&text))) {
        return Ok(Err(id));
    }
    let analysis = analysis.expect("analysed");
    if text.len() > whosaid::text::SECTION_BYTES {
        // A long text: its record is written straight from the analysis, one quote and one
        // source at a time (the record's lists would take about as much memory as the text).
        // Spans are sliced as they are written, so it is written once into nothing first: a
        // bug that panics becomes an error record, not half a record.
        let (null, empty) = (Value::Null, serde_json::Map::new());
        if !caught(&mut || drop(wire::write_analysis_json(&mut io::sink(), &null, &empty, None, &analysis))) {
            return Ok(Err(id));
        }
        wire::write_analysis_json(out, &id, &meta, extracted.then_some(text.as_str()), &analysis)?;
        out.write_all(b"\n")?;
        return Ok(Ok(()));
    }
    let mut doc = None;
    let mut meta = Some(meta);
    if !caught(&mut || doc = Some(DocOut::new(Value::Null, meta.take().unwrap_or_default(), &analysis))) {
        return Ok(Err(id));
    }
    let mut doc = doc.expect("record built");
    doc.id = id;
    if extracted {
        doc.text = Some(text.as_str().into());
    }
    doc.write_json(out)?;
    out.write_all(b"\n")?;
    Ok(Ok(()))
}

/// Analyses one JSONL line into `out` (an output record or an error record); returns false on
/// error. The line becomes the article's text (unescaped in place): a huge article is not held
/// twice.
fn process_line(line: Vec<u8>, line_no: usize, file: &str, lossy: bool, out: &mut impl Write) -> io::Result<bool> {
    let parsed = input::parse_jsonl_line_owned(line, line_no, file, lossy);
    let article = match parsed {
        Ok(a) => a,
        Err((id, e)) => {
            eprintln!("whosaid: {e}");
            write_error(out, id, line_no, e.message)?;
            return Ok(false);
        }
    };
    match render(article, out)? {
        Ok(()) => Ok(true),
        Err(id) => {
            let msg = format!("{file}:{line_no}: internal error while analysing (please report)");
            eprintln!("whosaid: {msg}");
            write_error(out, id, line_no, msg)?;
            Ok(false)
        }
    }
}

fn write_error(out: &mut impl Write, id: Value, line: usize, error: String) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &ErrorOut { id, line, error }).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

struct Batch {
    seq: u64,
    lines: Vec<(usize, Vec<u8>)>,
    /// One line longer than `LONG_LINE`: left to the writer (see `Done::Long`).
    long: bool,
}

/// What a worker hands the writer for one batch.
enum Done {
    /// The batch's output records, its number of lines and of failed lines.
    Records(Vec<u8>, usize, usize),
    /// A very long line, analysed by the writer itself when its turn comes, so that its record
    /// goes straight to the output: a worker would hold all of it in memory (issue 6).
    Long(usize, Vec<u8>),
}

const BATCH_LINES: usize = 64;
const BATCH_BYTES: usize = 1 << 20;
/// Lines longer than this are analysed by the writer (`Done::Long`).
const LONG_LINE: usize = 4 << 20;

fn stream_jsonl(
    mut reader: Box<dyn BufRead + Send>,
    file: &str,
    lossy: bool,
    threads: usize,
    out: &mut impl Write,
    stats: &mut Stats,
) -> io::Result<()> {
    let mut next_line = || -> io::Result<Option<Vec<u8>>> {
        let mut line = Vec::new();
        if reader.read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
        while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            line.pop();
        }
        Ok(Some(line))
    };
    if threads == 1 {
        let mut line_no = 0;
        while let Some(line) = next_line()? {
            line_no += 1;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            stats.docs += 1;
            // One thread: records go straight to the output, in order, with no buffer.
            if !process_line(line, line_no, file, lossy, out)? {
                stats.failed += 1;
            }
        }
        return Ok(());
    }
    let (job_tx, job_rx) = sync_channel::<Batch>(threads * 2);
    let job_rx: Arc<Mutex<Receiver<Batch>>> = Arc::new(Mutex::new(job_rx));
    let (res_tx, res_rx) = sync_channel::<(u64, Done)>(threads * 2);
    std::thread::scope(|scope| -> io::Result<()> {
        for _ in 0..threads {
            let rx = Arc::clone(&job_rx);
            let tx = res_tx.clone();
            scope.spawn(move || {
                loop {
                    let job = { rx.lock().expect("job queue").recv() };
                    let Ok(mut batch) = job else { break };
                    if batch.long {
                        let (no, line) = batch.lines.pop().expect("one long line");
                        if tx.send((batch.seq, Done::Long(no, line))).is_err() {
                            break;
                        }
                        continue;
                    }
                    let mut buf = Vec::new();
                    let mut failed = 0;
                    let n = batch.lines.len();
                    for (no, line) in batch.lines {
                        // (Writing into a Vec cannot fail.)
                        if !process_line(line, no, file, lossy, &mut buf).expect("writes to memory") {
                            failed += 1;
                        }
                    }
                    if tx.send((batch.seq, Done::Records(buf, n, failed))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(res_tx);
        // Only the workers may hold the job queue: if they all stop (the writer hit a closed
        // stdout), the reader's next send must fail rather than wait for ever (issue 7 hang).
        drop(job_rx);
        // The reader runs on its own thread so reading, analysing and writing overlap;
        // this thread writes, since the locked stdout stays here.
        let reader_thread = scope.spawn(move || -> io::Result<()> {
            let mut seq = 0;
            let mut lines = Vec::new();
            let mut bytes = 0;
            let mut line_no = 0;
            while let Some(line) = next_line()? {
                line_no += 1;
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                if line.len() > LONG_LINE {
                    // (The lines before it go first, in their own batch.)
                    if !lines.is_empty() {
                        if job_tx.send(Batch { seq, lines: std::mem::take(&mut lines), long: false }).is_err() {
                            return Ok(());
                        }
                        seq += 1;
                        bytes = 0;
                    }
                    if job_tx.send(Batch { seq, lines: vec![(line_no, line)], long: true }).is_err() {
                        return Ok(());
                    }
                    seq += 1;
                    continue;
                }
                bytes += line.len();
                lines.push((line_no, line));
                if lines.len() >= BATCH_LINES || bytes >= BATCH_BYTES {
                    if job_tx.send(Batch { seq, lines: std::mem::take(&mut lines), long: false }).is_err() {
                        return Ok(());
                    }
                    seq += 1;
                    bytes = 0;
                }
            }
            if !lines.is_empty() {
                let _ = job_tx.send(Batch { seq, lines, long: false });
            }
            Ok(())
        });
        let mut pending = std::collections::BTreeMap::new();
        let mut want = 0u64;
        let mut result = Ok(());
        for (seq, done) in res_rx {
            pending.insert(seq, done);
            while let Some(done) = pending.remove(&want) {
                match done {
                    Done::Records(buf, n, f) => {
                        stats.docs += n;
                        stats.failed += f;
                        if result.is_ok() {
                            result = out.write_all(&buf);
                        }
                    }
                    Done::Long(no, line) => {
                        stats.docs += 1;
                        if result.is_ok() {
                            match process_line(line, no, file, lossy, out) {
                                Ok(ok) => stats.failed += usize::from(!ok),
                                Err(e) => result = Err(e),
                            }
                        }
                    }
                }
                want += 1;
            }
            if result.is_err() {
                // Stop the pipeline: dropping the receiver makes workers and reader stop.
                break;
            }
        }
        let read_result = reader_thread.join().expect("reader thread");
        result.and(read_result)
    })
}
