//! Reading an image file without reading all of it: the head in memory,
//! positioned reads past it, and the budget for metadata blocks.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::fs::File;

/// Bytes read at a time past the head (chunk headers, NAL lengths).
const WINDOW: usize = 4 * 1024;

/// The most metadata (EXIF, XMP, IPTC blocks, inflated PNG text) read
/// from one file, however many blocks it has or however often its items
/// point at the same bytes.
const METADATA_BUDGET: u64 = 32 * 1024 * 1024;

/// The largest single metadata block read.
pub(super) const METADATA_BLOCK: u64 = 4 * 1024 * 1024;

/// A file's bytes: the head in memory, the rest read on demand through a
/// small window, so walking chunk headers costs one read per window.
pub(super) struct Source<'a> {
    pub(super) head: Cow<'a, [u8]>,
    file: Option<File>,
    pub(super) len: u64,
    window: RefCell<(u64, Vec<u8>)>,
    /// Metadata bytes that may still be read (see [`METADATA_BUDGET`]).
    budget: Cell<u64>,
}

impl<'a> Source<'a> {
    pub(super) fn new(head: Cow<'a, [u8]>, file: Option<File>, len: u64) -> Source<'a> {
        Source {
            head,
            file,
            len,
            window: RefCell::new((0, Vec::new())),
            budget: Cell::new(METADATA_BUDGET),
        }
    }

    /// Take `n` bytes from the metadata budget: `false` (and nothing
    /// taken) when the block is too large or the budget is spent.
    pub(super) fn spend(&self, n: u64) -> bool {
        let left = self.budget.get();
        if n > METADATA_BLOCK || n > left {
            return false;
        }
        self.budget.set(left - n);
        true
    }

    /// A metadata block of `n` bytes at `offset`, if the budget allows.
    pub(super) fn metadata(&self, offset: u64, n: u64) -> Option<Cow<'_, [u8]>> {
        self.spend(n).then(|| self.at(offset, n as usize))
    }

    /// Up to `n` bytes at `offset` (fewer at the end of the file; none on error).
    pub(super) fn at(&self, offset: u64, n: usize) -> Cow<'_, [u8]> {
        let end = offset.saturating_add(n as u64).min(self.len);
        if offset >= end {
            return Cow::Borrowed(&[]);
        }
        let n = (end - offset) as usize;
        if end <= self.head.len() as u64 {
            return Cow::Borrowed(&self.head[offset as usize..end as usize]);
        }
        let Some(file) = &self.file else {
            return Cow::Borrowed(&[]);
        };
        let mut window = self.window.borrow_mut();
        let (start, bytes) = &mut *window;
        if offset < *start || end > *start + bytes.len() as u64 {
            let size = n.max(WINDOW).min((self.len - offset) as usize);
            let mut buf = vec![0; size];
            if read_exact_at(file, &mut buf, offset).is_err() {
                return Cow::Borrowed(&[]);
            }
            *start = offset;
            *bytes = buf;
        }
        let from = (offset - *start) as usize;
        Cow::Owned(bytes[from..from + n].to_vec())
    }

    pub(super) fn u8(&self, offset: u64) -> Option<u8> {
        self.at(offset, 1).first().copied()
    }

    pub(super) fn be16(&self, offset: u64) -> Option<u16> {
        let b = self.at(offset, 2);
        (b.len() == 2).then(|| u16::from_be_bytes([b[0], b[1]]))
    }

    pub(super) fn be32(&self, offset: u64) -> Option<u32> {
        let b = self.at(offset, 4);
        (b.len() == 4).then(|| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub(super) fn le32(&self, offset: u64) -> Option<u32> {
        let b = self.at(offset, 4);
        (b.len() == 4).then(|| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub(super) fn be64(&self, offset: u64) -> Option<u64> {
        let b = self.at(offset, 8);
        (b.len() == 8).then(|| u64::from_be_bytes(b[..8].try_into().unwrap_or_default()))
    }

    /// The whole file, if it is no larger than `limit`.
    pub(super) fn all(&self, limit: u64) -> Option<Cow<'_, [u8]>> {
        (self.len <= limit).then(|| self.at(0, self.len as usize))
    }

    /// A reader over the whole file for `imagesize`.
    pub(super) fn size(&self) -> Option<(u32, u32)> {
        let fit = |s: imagesize::ImageSize| {
            Some((u32::try_from(s.width).ok()?, u32::try_from(s.height).ok()?))
        };
        if let Ok(size) = imagesize::blob_size(&self.head) {
            return fit(size).filter(|(w, h)| *w > 0 && *h > 0);
        }
        if (self.head.len() as u64) < self.len
            && let Some(file) = &self.file
        {
            let mut reader = std::io::BufReader::new(file);
            if std::io::Seek::rewind(&mut reader).is_ok()
                && let Ok(size) = imagesize::reader_size(reader)
            {
                return fit(size).filter(|(w, h)| *w > 0 && *h > 0);
            }
        }
        None
    }
}

#[cfg(unix)]
pub(super) fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
pub(super) fn read_exact_at(
    file: &File,
    mut buf: &mut [u8],
    mut offset: u64,
) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, offset)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}
