//! A temporary file that parts of a record are written to while the text is read, and copied
//! from into the record once it is complete.
//!
//! In: bytes appended ([`Spool::append`]). Out: byte ranges copied to a writer
//! ([`Spool::copy`]). The file is in [`std::env::temp_dir`]; on Unix it is unlinked as soon as it
//! is created (it lives while it is open, and nothing is left behind if the process dies), elsewhere
//! it is removed when the spool is dropped.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

pub(crate) struct Spool {
    file: BufWriter<File>,
    /// Bytes written so far.
    len: u64,
    /// Once copying has begun (nothing is appended after): the file read through a buffer, and
    /// where it is, so that parts copied one after another are read without a seek each.
    reader: Option<(BufReader<File>, u64)>,
    /// Where the file is, when it is still there to remove.
    path: Option<PathBuf>,
}

impl Spool {
    /// A new empty spool; `what` goes into the file's name.
    pub(crate) fn new(what: &str) -> io::Result<Spool> {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir();
        let mut tries = 0;
        let (file, path) = loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!("whosaid-{}-{n}-{what}.tmp", std::process::id()));
            match std::fs::OpenOptions::new().read(true).write(true).create_new(true).open(&path) {
                Ok(f) => break (f, path),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries < 100 => tries += 1,
                Err(e) => return Err(io::Error::new(e.kind(), format!("temporary file {}: {e}", path.display()))),
            }
        };
        // (Unix keeps an unlinked file while it is open.)
        let path = if cfg!(unix) && std::fs::remove_file(&path).is_ok() { None } else { Some(path) };
        Ok(Spool { file: BufWriter::with_capacity(64 << 10, file), len: 0, reader: None, path })
    }

    /// Bytes written so far: where the next ones go.
    pub(crate) fn len(&self) -> u64 {
        self.len
    }

    /// Appends bytes written by `write`; returns how many. (Not after [`Spool::copy`].)
    pub(crate) fn append(&mut self, write: impl FnOnce(&mut Counting<'_>) -> io::Result<()>) -> io::Result<u64> {
        debug_assert!(self.reader.is_none(), "appended to a spool being read");
        let mut w = Counting { inner: &mut self.file, written: 0 };
        write(&mut w)?;
        let n = w.written;
        self.len += n;
        Ok(n)
    }

    /// Copies `len` bytes from `at` to `out`.
    pub(crate) fn copy<W: Write + ?Sized>(&mut self, at: u64, len: u64, out: &mut W) -> io::Result<()> {
        if len == 0 {
            return Ok(());
        }
        if self.reader.is_none() {
            self.file.flush()?;
            let mut f = self.file.get_ref().try_clone()?;
            f.seek(SeekFrom::Start(0))?;
            self.reader = Some((BufReader::with_capacity(64 << 10, f), 0));
        }
        let (reader, pos) = self.reader.as_mut().expect("reader made above");
        if *pos != at {
            // A part out of order (a named source's, one per section it is in): read as it is,
            // leaving the buffered reader where it was for the next part in order.
            #[cfg(unix)]
            {
                use std::os::unix::fs::FileExt;
                let mut buf = vec![0; usize::try_from(len).map_err(io::Error::other)?];
                reader.get_ref().read_exact_at(&mut buf, at)?;
                return out.write_all(&buf);
            }
            #[cfg(not(unix))]
            reader.seek(SeekFrom::Start(at))?;
        }
        let copied = io::copy(&mut Read::by_ref(reader).take(len), &mut Adapter(out))?;
        *pos = at + copied;
        if copied != len {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "temporary file shorter than written"));
        }
        Ok(())
    }
}

impl Drop for Spool {
    fn drop(&mut self) {
        if let Some(p) = &self.path {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// A writer into the spool that counts what it writes.
pub(crate) struct Counting<'a> {
    inner: &'a mut BufWriter<File>,
    written: u64,
}

impl Write for Counting<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }
    // (The buffer's own `write_all`: records are written in many small pieces, and the default
    // loop over `write` cost 2% of a long line's instructions.)
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.inner.write_all(buf)?;
        self.written += buf.len() as u64;
        Ok(())
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// `io::copy` wants a sized writer.
struct Adapter<'a, W: Write + ?Sized>(&'a mut W);

impl<W: Write + ?Sized> Write for Adapter<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.0.write_all(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}
