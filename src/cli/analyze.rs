//! `whosaid analyze`: articles in, one JSON line per article out, in input order.
//!
//! JSON Lines input is streamed in batches through a pool of worker threads;
//! a writer puts results back in input order, so memory stays bounded by the
//! number of batches in flight, whatever the input size. A line longer than
//! `LONG_LINE`, and a text file longer than that, is never held whole: its text
//! is analysed as it is read (`whosaid::stream`), by the writer when there are
//! worker threads.

use super::read_input;
use serde_json::Value;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::sync::mpsc::{Receiver, sync_channel};
use std::sync::{Arc, Mutex};
use whosaid::input::{self, Article, Format};
use whosaid::stream::{self, FileOutcome, LineOutcome};
use whosaid::wire::{self, ErrorOut};

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
    // A text file longer than `LONG_LINE` is not held whole either: its text is analysed as it
    // is read (an HTML page is parsed whole, and read whole).
    (&mut reader).take(if format == Format::Text { LONG_LINE as u64 + 1 } else { u64::MAX }).read_to_end(&mut bytes)?;
    drop(head);
    stats.docs += 1;
    if bytes.len() > LONG_LINE {
        let outcome = stream::analyze_text_file(name, bytes, &mut reader, args.lossy, out)?;
        let message = match outcome {
            FileOutcome::Written => return Ok(()),
            FileOutcome::Failed(e) => e.message,
            FileOutcome::Panicked => format!("{name}: internal error while analysing (please report)"),
        };
        stats.failed += 1;
        eprintln!("whosaid: {message}");
        return write_error(out, Value::from(name), 0, message);
    }
    let _ = read_input; // whole-file read path shared with `check`
    // (The file's bytes become the article's text: a huge text file is not held twice.)
    match input::article_from_file_owned(name, bytes, format, args.lossy) {
        Ok(article) => {
            // As for JSONL lines: a bug on one article must not end the run.
            let mut record = Vec::new();
            let rendered = render(article, &mut record);
            out.write_all(&record)?;
            if rendered.is_err() {
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

/// Appends one article's JSON line to `out`, straight from the analysis (no copy of its texts).
/// When the analysis panics nothing is written and the article's id comes back as the error,
/// for an error record: a bug in one document must not end the run.
pub fn render(article: Article, out: &mut Vec<u8>) -> Result<(), Value> {
    let Article { id, meta, text, extracted } = article;
    // Everything that could panic runs under `catch_unwind`; serialising the finished record
    // cannot (only writing can fail, and that is an I/O error).
    let caught = |f: &mut dyn FnMut()| std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).is_ok();
    let mut analysis = None;
    if !caught(&mut || analysis = Some(whosaid::analyze(&text))) {
        return Err(id);
    }
    let analysis = analysis.expect("analysed");
    if text.len() > whosaid::text::SECTION_BYTES {
        // A long text: its record is written straight from the analysis, one quote and one
        // source at a time (the record's lists would take about as much memory as the text).
        // Spans are sliced as they are written, so it is written once into nothing first: a
        // bug that panics becomes an error record, not half a record.
        let (null, empty) = (Value::Null, serde_json::Map::new());
        if !caught(&mut || drop(wire::write_analysis_json(&mut io::sink(), &null, &empty, None, &analysis))) {
            return Err(id);
        }
        wire::write_analysis_json(out, &id, &meta, extracted.then_some(text.as_str()), &analysis).expect("writes to memory");
        out.push(b'\n');
        return Ok(());
    }
    // The record is written in place under `catch_unwind` (spans are sliced as they are
    // written) and taken back if that panics: no half record is left behind. (It was built
    // first as a `DocOut`, vectors of quotes and of sources with their mentions and copies of
    // the findings, only to be written and dropped: about 3M instructions on 2 MB of news.)
    let start = out.len();
    let written = caught(&mut || {
        wire::write_analysis_json(out, &id, &meta, extracted.then_some(text.as_str()), &analysis).expect("writes to memory");
    });
    if !written {
        out.truncate(start);
        return Err(id);
    }
    out.push(b'\n');
    Ok(())
}

/// Analyses one JSONL line into `out` (an output record or an error record); returns false on
/// error. The line becomes the article's text (unescaped in place): a huge article is not held
/// twice.
fn process_line(line: Vec<u8>, line_no: usize, file: &str, lossy: bool, out: &mut Vec<u8>) -> bool {
    // (Writing into a Vec cannot fail.)
    let parsed = input::parse_jsonl_line_owned(line, line_no, file, lossy);
    let article = match parsed {
        Ok(a) => a,
        Err((id, e)) => {
            eprintln!("whosaid: {e}");
            write_error(out, id, line_no, e.message).expect("writes to memory");
            return false;
        }
    };
    match render(article, out) {
        Ok(()) => true,
        Err(id) => {
            let msg = format!("{file}:{line_no}: internal error while analysing (please report)");
            eprintln!("whosaid: {msg}");
            write_error(out, id, line_no, msg).expect("writes to memory");
            false
        }
    }
}

fn write_error(out: &mut impl Write, id: Value, line: usize, error: String) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &ErrorOut { id, line, error }).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// Analyses one line longer than `LONG_LINE` into `out`, reading its text as it comes: `head`
/// is its start, `rest` the rest (empty when `head` is all of it). Returns None for a blank
/// line, else whether it succeeded (an error record is written when not).
fn process_long_line(
    head: Vec<u8>,
    rest: &mut dyn Read,
    line_no: usize,
    file: &str,
    lossy: bool,
    out: &mut impl Write,
) -> io::Result<Option<bool>> {
    Ok(match stream::analyze_long_line(head, rest, (file, line_no), lossy, out)? {
        LineOutcome::Blank => None,
        // (Its text never began: it was held whole, and is read as any other line.)
        LineOutcome::Whole(line) => {
            let mut record = Vec::new();
            let ok = process_line(line, line_no, file, lossy, &mut record);
            out.write_all(&record)?;
            Some(ok)
        }
        LineOutcome::Written => Some(true),
        LineOutcome::Failed(id, e) => {
            eprintln!("whosaid: {e}");
            write_error(out, id, line_no, e.message)?;
            Some(false)
        }
        LineOutcome::Panicked(id) => {
            let msg = format!("{file}:{line_no}: internal error while analysing (please report)");
            eprintln!("whosaid: {msg}");
            write_error(out, id, line_no, msg)?;
            Some(false)
        }
    })
}

/// Reads the next line into `line` (cleared first), without its newline and trailing `\r`s, and
/// says whether it is all there: a line is read only up to a little over `LONG_LINE` bytes, the
/// rest left in `reader` (see [`LineRest`]). None at the end of the input.
fn read_line(reader: &mut dyn BufRead, line: &mut Vec<u8>) -> io::Result<Option<bool>> {
    line.clear();
    let mut any = false;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let (take, end) = match memchr::memchr(b'\n', buf) {
            Some(k) => (k, true),
            None if buf.is_empty() => (0, true),
            None => (buf.len(), false),
        };
        if buf.is_empty() && !any {
            return Ok(None);
        }
        any = true;
        let eof = buf.is_empty();
        line.extend_from_slice(&buf[..take]);
        reader.consume(if end && !eof { take + 1 } else { take });
        if end {
            while line.last() == Some(&b'\r') {
                line.pop();
            }
            return Ok(Some(true));
        }
        if line.len() > LONG_LINE {
            return Ok(Some(false));
        }
    }
}

/// The rest of a line `read_line` left in the reader: its bytes up to its newline (which is
/// consumed, not given).
struct LineRest<'a> {
    reader: &'a mut dyn BufRead,
    done: bool,
}

impl Read for LineRest<'_> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.done || out.is_empty() {
            return Ok(0);
        }
        let buf = self.reader.fill_buf()?;
        let (take, end) = match memchr::memchr(b'\n', buf) {
            Some(k) => (k, true),
            None => (buf.len(), buf.is_empty()),
        };
        let n = take.min(out.len());
        out[..n].copy_from_slice(&buf[..n]);
        let whole = end && n == take;
        let eof = buf.is_empty();
        self.reader.consume(if whole && !eof { n + 1 } else { n });
        self.done = whole;
        Ok(n)
    }
}

/// The rest of a long line, as the reader thread sends it to the writer in chunks.
struct ChunkReader {
    rx: Receiver<Vec<u8>>,
    chunk: Vec<u8>,
    at: usize,
}

impl Read for ChunkReader {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while self.at == self.chunk.len() {
            // (The sender is dropped at the line's end.)
            let Ok(chunk) = self.rx.recv() else { return Ok(0) };
            self.chunk = chunk;
            self.at = 0;
        }
        let n = (self.chunk.len() - self.at).min(out.len());
        out[..n].copy_from_slice(&self.chunk[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// A line longer than `LONG_LINE`: its line number, its start, and the rest as it is read.
struct LongLine {
    no: usize,
    head: Vec<u8>,
    rest: Receiver<Vec<u8>>,
}

struct Batch {
    seq: u64,
    lines: Vec<(usize, Vec<u8>)>,
    /// One line longer than `LONG_LINE` instead: left to the writer (see `Done::Long`).
    long: Option<LongLine>,
}

/// What a worker hands the writer for one batch.
enum Done {
    /// The batch's output records, its number of lines and of failed lines.
    Records(Vec<u8>, usize, usize),
    /// A very long line, analysed by the writer itself when its turn comes, as the reader
    /// sends it: its record goes to the output at the end, and neither the line nor its record
    /// is ever held whole (issue 6).
    Long(LongLine),
}

const BATCH_LINES: usize = 64;
const BATCH_BYTES: usize = 1 << 20;
/// Lines longer than this are never held whole: their text is analysed as it is read
/// (`whosaid::stream`), by the writer when there are worker threads (`Done::Long`).
const LONG_LINE: usize = 4 << 20;
/// The rest of a long line goes from the reader to the writer in chunks of this size, at most
/// `LONG_LINE_CHUNKS` of them waiting.
const CHUNK: usize = 1 << 20;
const LONG_LINE_CHUNKS: usize = 2;

fn stream_jsonl(
    mut reader: Box<dyn BufRead + Send>,
    file: &str,
    lossy: bool,
    threads: usize,
    out: &mut impl Write,
    stats: &mut Stats,
) -> io::Result<()> {
    if threads == 1 {
        // One thread: records go to the output in order, gathered in `records` and written out
        // about 64 kB at a time (the output's buffer, which `render` writes each record into in
        // place: no copy of a record from a buffer of its own).
        const RECORDS_OUT: usize = 1 << 16;
        let mut records = Vec::with_capacity(2 * RECORDS_OUT);
        let mut line_no = 0;
        let mut line = Vec::new();
        loop {
            let complete = match read_line(&mut *reader, &mut line) {
                Ok(Some(complete)) => complete,
                Ok(None) => break,
                Err(e) => {
                    // (The records before the unreadable line are written, as they were before.)
                    out.write_all(&records)?;
                    return Err(e);
                }
            };
            line_no += 1;
            if !complete || line.len() > LONG_LINE {
                out.write_all(&records)?;
                records.clear();
                let mut rest = LineRest { reader: &mut *reader, done: complete };
                if let Some(ok) = process_long_line(std::mem::take(&mut line), &mut rest, line_no, file, lossy, out)? {
                    stats.docs += 1;
                    stats.failed += usize::from(!ok);
                }
                continue;
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            stats.docs += 1;
            if !process_line(std::mem::take(&mut line), line_no, file, lossy, &mut records) {
                stats.failed += 1;
            }
            if records.len() >= RECORDS_OUT {
                out.write_all(&records)?;
                records.clear();
            }
        }
        return out.write_all(&records);
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
                    let Ok(batch) = job else { break };
                    if let Some(long) = batch.long {
                        if tx.send((batch.seq, Done::Long(long))).is_err() {
                            break;
                        }
                        continue;
                    }
                    let mut buf = Vec::new();
                    let mut failed = 0;
                    let n = batch.lines.len();
                    for (no, line) in batch.lines {
                        if !process_line(line, no, file, lossy, &mut buf) {
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
            let mut line = Vec::new();
            while let Some(complete) = read_line(&mut *reader, &mut line)? {
                line_no += 1;
                if !complete || line.len() > LONG_LINE {
                    // (The lines before it go first, in their own batch.)
                    if !lines.is_empty() {
                        if job_tx.send(Batch { seq, lines: std::mem::take(&mut lines), long: None }).is_err() {
                            return Ok(());
                        }
                        seq += 1;
                        bytes = 0;
                    }
                    // The writer reads the rest when the line's turn comes, after every batch
                    // before it (already with the workers, who need nothing from here), so the
                    // chunks below wait at most for those. A send fails once the writer has
                    // stopped (a closed stdout): everything stops.
                    let (tx, rx) = sync_channel::<Vec<u8>>(LONG_LINE_CHUNKS);
                    let long = LongLine { no: line_no, head: std::mem::take(&mut line), rest: rx };
                    if job_tx.send(Batch { seq, lines: Vec::new(), long: Some(long) }).is_err() {
                        return Ok(());
                    }
                    seq += 1;
                    let mut rest = LineRest { reader: &mut *reader, done: complete };
                    loop {
                        let mut chunk = Vec::with_capacity(CHUNK);
                        (&mut rest).take(CHUNK as u64).read_to_end(&mut chunk)?;
                        if chunk.is_empty() {
                            break;
                        }
                        if tx.send(chunk).is_err() {
                            return Ok(());
                        }
                    }
                    continue;
                }
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                bytes += line.len();
                lines.push((line_no, std::mem::take(&mut line)));
                if lines.len() >= BATCH_LINES || bytes >= BATCH_BYTES {
                    if job_tx.send(Batch { seq, lines: std::mem::take(&mut lines), long: None }).is_err() {
                        return Ok(());
                    }
                    seq += 1;
                    bytes = 0;
                }
            }
            if !lines.is_empty() {
                let _ = job_tx.send(Batch { seq, lines, long: None });
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
                    Done::Long(LongLine { no, head, rest }) => {
                        if result.is_ok() {
                            let mut rest = ChunkReader { rx: rest, chunk: Vec::new(), at: 0 };
                            match process_long_line(head, &mut rest, no, file, lossy, out) {
                                Ok(Some(ok)) => {
                                    stats.docs += 1;
                                    stats.failed += usize::from(!ok);
                                }
                                Ok(None) => {}
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
        // (A long line waiting here holds its chunks' receiver: the reader would wait for ever.)
        drop(pending);
        let read_result = reader_thread.join().expect("reader thread");
        result.and(read_result)
    })
}
