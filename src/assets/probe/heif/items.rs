//! The items of an ISO base media image (AVIF, HEIF) from its `meta` box:
//! their type (`iinf`) and where their data is (`iloc`), enough to check
//! that the data is inside the file and to find the EXIF and XMP items.

use std::collections::HashMap;

/// The most items read from one `meta` box (a tiled HEIC photo has a few
/// hundred); the rest are not looked at.
const MAX_ITEMS: usize = 65_536;

/// The most extents read from `iloc`, over all items.
const MAX_EXTENTS: usize = 65_536;

/// One item of the `meta` box.
#[derive(Debug, Default)]
pub struct Item {
    pub id: u32,
    /// The item type, e.g. `av01`, `hvc1`, `grid`, `Exif`, `mime`.
    pub kind: [u8; 4],
    /// For `mime` items, the content type (`application/rdf+xml` for XMP).
    pub content_type: String,
    /// (file offset, length) of each extent stored in the file itself;
    /// empty for data in `idat` or another item.
    pub extents: Vec<(u64, u64)>,
    /// The types of the properties associated with the item (`ispe`,
    /// `hvcC`, `av1C`, `irot`…).
    pub properties: Vec<[u8; 4]>,
    /// For HEVC items, the size of the NAL unit length prefixes (from `hvcC`).
    pub nal_length_size: Option<u8>,
}

impl Item {
    /// A coded image (not a grid, an EXIF block or XMP).
    pub fn is_coded_image(&self) -> bool {
        matches!(&self.kind, b"hvc1" | b"av01")
    }
}

/// Big-endian reads that fail softly at the end of the data.
struct Cursor<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let out = self.data.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(out)
    }

    fn uint(&mut self, n: usize) -> Option<u64> {
        Some(
            self.take(n)?
                .iter()
                .fold(0u64, |acc, &b| acc << 8 | u64::from(b)),
        )
    }

    fn cstring(&mut self) -> Option<String> {
        let rest = self.data.get(self.pos..)?;
        let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
        self.pos += (end + 1).min(rest.len());
        Some(String::from_utf8_lossy(&rest[..end]).into_owned())
    }
}

/// The child boxes of a box body: (type, body).
fn boxes(data: &[u8]) -> Vec<([u8; 4], &[u8])> {
    let mut out = Vec::new();
    let mut pos = 0usize;
    while pos + 8 <= data.len() {
        let size = u32::from_be_bytes([data[pos], data[pos + 1], data[pos + 2], data[pos + 3]]);
        let kind: [u8; 4] = [data[pos + 4], data[pos + 5], data[pos + 6], data[pos + 7]];
        let (header, size) = match size {
            0 => (8, data.len() - pos),
            1 => {
                let Some(large) = data.get(pos + 8..pos + 16) else {
                    break;
                };
                let large = large.iter().fold(0u64, |a, &b| a << 8 | u64::from(b));
                (16, usize::try_from(large).unwrap_or(usize::MAX))
            }
            n => (8, n as usize),
        };
        if size < header || pos.saturating_add(size) > data.len() {
            break;
        }
        out.push((kind, &data[pos + header..pos + size]));
        pos += size;
    }
    out
}

/// The items described by the body of a `meta` box (after its version and
/// flags).
pub fn items(meta: &[u8]) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    // Item id → index in `items`, so a long list is not searched per entry.
    let mut index: HashMap<u32, usize> = HashMap::new();
    let children = boxes(meta);
    if let Some((_, iinf)) = children.iter().find(|(k, _)| k == b"iinf") {
        let mut c = Cursor { data: iinf, pos: 0 };
        let version = c.uint(1).unwrap_or(0);
        c.take(3);
        c.uint(if version == 0 { 2 } else { 4 });
        for (kind, infe) in boxes(&iinf[c.pos.min(iinf.len())..]) {
            if kind != *b"infe" {
                continue;
            }
            if items.len() >= MAX_ITEMS {
                break;
            }
            let mut c = Cursor { data: infe, pos: 0 };
            let Some(version) = c.uint(1) else { continue };
            c.take(3);
            if version < 2 {
                continue;
            }
            let id = c.uint(if version == 2 { 2 } else { 4 }).unwrap_or(0) as u32;
            c.uint(2);
            let item_kind: [u8; 4] = c
                .take(4)
                .and_then(|k| k.try_into().ok())
                .unwrap_or_default();
            c.cstring();
            let content_type = if item_kind == *b"mime" {
                c.cstring().unwrap_or_default()
            } else {
                String::new()
            };
            index.entry(id).or_insert(items.len());
            items.push(Item {
                id,
                kind: item_kind,
                content_type,
                ..Item::default()
            });
        }
    }
    if let Some((_, iprp)) = children.iter().find(|(k, _)| k == b"iprp") {
        let iprp = boxes(iprp);
        let ipco = iprp
            .iter()
            .find(|(k, _)| k == b"ipco")
            .map(|(_, body)| boxes(body))
            .unwrap_or_default();
        for (_, ipma) in iprp.iter().filter(|(k, _)| k == b"ipma") {
            for (id, indexes) in associations(ipma).unwrap_or_default() {
                let Some(item) = index.get(&id).and_then(|&i| items.get_mut(i)) else {
                    continue;
                };
                for index in indexes {
                    // 1-based; 0 means "no property".
                    let Some((kind, body)) = index.checked_sub(1).and_then(|i| ipco.get(i)) else {
                        continue;
                    };
                    item.properties.push(*kind);
                    if kind == b"hvcC" && body.len() > 21 {
                        item.nal_length_size = Some((body[21] & 3) + 1);
                    }
                }
            }
        }
    }
    if let Some((_, iloc)) = children.iter().find(|(k, _)| k == b"iloc") {
        for (id, extents) in locations(iloc).unwrap_or_default() {
            match index.get(&id).copied() {
                Some(i) => {
                    if let Some(item) = items.get_mut(i) {
                        item.extents = extents;
                    }
                }
                None if items.len() < MAX_ITEMS => {
                    index.insert(id, items.len());
                    items.push(Item {
                        id,
                        extents,
                        ..Item::default()
                    });
                }
                None => {}
            }
        }
    }
    items
}

type Extents = Vec<(u64, u64)>;

/// `iloc`: each item's extents that are stored in the file.
fn locations(iloc: &[u8]) -> Option<Vec<(u32, Extents)>> {
    let mut c = Cursor { data: iloc, pos: 0 };
    let version = c.uint(1)?;
    c.take(3)?;
    let sizes = c.uint(2)?;
    let offset_size = (sizes >> 12 & 0xF) as usize;
    let length_size = (sizes >> 8 & 0xF) as usize;
    let base_offset_size = (sizes >> 4 & 0xF) as usize;
    let index_size = if version >= 1 {
        (sizes & 0xF) as usize
    } else {
        0
    };
    let count = c.uint(if version < 2 { 2 } else { 4 })?;
    let mut out = Vec::new();
    let mut total = 0usize;
    // An extent with no offset, length or index fields reads nothing: its
    // count alone would be repeated work, never data.
    let extent_size = offset_size + length_size + index_size;
    for _ in 0..count.min(MAX_ITEMS as u64) {
        let id = c.uint(if version < 2 { 2 } else { 4 })? as u32;
        let method = if version >= 1 { c.uint(2)? & 0xF } else { 0 };
        c.uint(2)?;
        let base = c.uint(base_offset_size)?;
        let extent_count = c.uint(2)?;
        if extent_size == 0 {
            out.push((id, Vec::new()));
            continue;
        }
        let mut extents = Vec::new();
        for _ in 0..extent_count {
            if total >= MAX_EXTENTS {
                return Some(out);
            }
            total += 1;
            c.uint(index_size)?;
            let offset = c.uint(offset_size)?;
            let length = c.uint(length_size)?;
            // Length 0 means "to the end of the file": nothing to check.
            if method == 0 && length > 0 {
                extents.push((base.saturating_add(offset), length));
            }
        }
        out.push((id, extents));
    }
    Some(out)
}

/// `ipma`: each item's property indexes (1-based into `ipco`).
fn associations(ipma: &[u8]) -> Option<Vec<(u32, Vec<usize>)>> {
    let mut c = Cursor { data: ipma, pos: 0 };
    let version = c.uint(1)?;
    let flags = c.uint(3)?;
    let count = c.uint(4)?;
    let mut out = Vec::new();
    for _ in 0..count.min(MAX_ITEMS as u64) {
        let id = c.uint(if version < 1 { 2 } else { 4 })? as u32;
        let n = c.uint(1)?;
        let mut indexes = Vec::new();
        for _ in 0..n {
            let index = if flags & 1 == 1 {
                c.uint(2)? & 0x7FFF
            } else {
                c.uint(1)? & 0x7F
            };
            indexes.push(index as usize);
        }
        out.push((id, indexes));
    }
    Some(out)
}
