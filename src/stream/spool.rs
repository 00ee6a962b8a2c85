//! A temporary file that parts of a record are written to while the text is read, and copied
//! from into the record once it is complete.
//!
//! In: bytes appended ([`Spool::append`], [`Spool::writer`]). Out: byte ranges copied to a writer
//! ([`Spool::copy`]). The file is in [`std::env::temp_dir`]; on Unix it is unlinked as soon as it
//! is created (it lives while it is open, and nothing is left behind if the process dies), elsewhere
//! it is removed when the spool is dropped.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

pub(crate) struct Spool {
    file: BufWriter<File>,
    /// Bytes written so far.
    len: u64,
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
        Ok(Spool { file: BufWriter::with_capacity(64 << 10, file), len: 0, path })
    }

    /// Bytes written so far: where the next ones go.
    pub(crate) fn len(&self) -> u64 {
        self.len
    }

    /// Appends bytes written by `write`; returns how many.
    pub(crate) fn append(&mut self, write: impl FnOnce(&mut Counting<'_>) -> io::Result<()>) -> io::Result<u64> {
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
        self.file.flush()?;
        let f = self.file.get_mut();
        f.seek(SeekFrom::Start(at))?;
        let copied = io::copy(&mut Read::by_ref(f).take(len), &mut Adapter(out))?;
        // (Appending resumes at the end.)
        f.seek(SeekFrom::End(0))?;
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
