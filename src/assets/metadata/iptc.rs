//! IPTC-IIM: the datasets of Photoshop's resource 0x0404 (JPEG APP13, PNG
//! raw profiles) or of a TIFF tag.

use super::{Metadata, decode_text, push, set};

/// Photoshop image resources (JPEG APP13 after "Photoshop 3.0\0"): the
/// IPTC-IIM block is resource 0x0404.
pub fn read_photoshop(resources: &[u8], meta: &mut Metadata) {
    let mut pos = 0usize;
    while pos + 12 <= resources.len() {
        let signature = &resources[pos..pos + 4];
        if !matches!(signature, b"8BIM" | b"PHUT" | b"AgHg" | b"DCSR") {
            break;
        }
        let id = u16::from_be_bytes([resources[pos + 4], resources[pos + 5]]);
        let name_len = usize::from(resources[pos + 6]);
        // The Pascal name, length byte included, is padded to an even size.
        let mut at = pos + 6 + (1 + name_len).next_multiple_of(2);
        let Some(size) = resources.get(at..at + 4) else {
            break;
        };
        let size = u32::from_be_bytes([size[0], size[1], size[2], size[3]]) as usize;
        at += 4;
        let Some(data) = resources.get(at..at.saturating_add(size)) else {
            break;
        };
        if id == 0x0404 {
            read_iim(data, meta);
        }
        pos = at + size.next_multiple_of(2);
    }
}

/// IPTC-IIM datasets: `0x1C`, record, dataset, length, data.
pub fn read_iim(data: &[u8], meta: &mut Metadata) {
    let mut pos = 0usize;
    let mut utf8 = false;
    let mut values: Vec<(u8, String)> = Vec::new();
    let mut raw: Vec<(u8, &[u8])> = Vec::new();
    while pos + 5 <= data.len() && data[pos] == 0x1C {
        let (record, dataset) = (data[pos + 1], data[pos + 2]);
        let mut len = usize::from(u16::from_be_bytes([data[pos + 3], data[pos + 4]]));
        pos += 5;
        if len & 0x8000 != 0 {
            // Extended dataset: the low bits count the length bytes.
            let n = len & 0x7FFF;
            let Some(bytes) = data.get(pos..pos + n) else {
                break;
            };
            len = bytes
                .iter()
                .fold(0usize, |a, &b| a.saturating_mul(256) | usize::from(b));
            pos += n;
        }
        let Some(value) = data.get(pos..pos.saturating_add(len)) else {
            break;
        };
        pos += len;
        match record {
            // Coded character set ESC % G: UTF-8.
            1 if dataset == 90 => utf8 = value == b"\x1B%G",
            2 => raw.push((dataset, value)),
            _ => {}
        }
    }
    if raw.is_empty() {
        return;
    }
    meta.has_iptc = true;
    for (dataset, value) in raw {
        let text = if utf8 {
            String::from_utf8_lossy(value).into_owned()
        } else {
            decode_text(value)
        };
        values.push((dataset, text));
    }
    let f = &mut meta.iptc;
    let mut date = None;
    let mut time = None;
    for (dataset, text) in &values {
        match dataset {
            5 => {}
            55 => date = Some(text.clone()),
            60 => time = Some(text.clone()),
            80 => push(&mut f.byline, text),
            90 => set(&mut f.city, text),
            92 => set(&mut f.sublocation, text),
            95 => set(&mut f.state, text),
            101 => set(&mut f.country, text),
            105 => set(&mut f.headline, text),
            110 => set(&mut f.credit, text),
            115 => set(&mut f.source, text),
            116 => set(&mut f.copyright, text),
            120 => set(&mut f.caption, text),
            _ => {}
        }
    }
    if let Some(date) = date {
        let _ = time;
        set(&mut f.date, &date);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::metadata::Standard;

    #[test]
    fn iim_in_photoshop_resources() {
        let mut iim = Vec::new();
        for (dataset, value) in [(80u8, "Jane Doe"), (110, "AP"), (55, "20240211")] {
            iim.extend_from_slice(&[0x1C, 2, dataset, 0, value.len() as u8]);
            iim.extend_from_slice(value.as_bytes());
        }
        let mut resources = b"8BIM\x04\x04\0\0".to_vec();
        resources.extend_from_slice(&(iim.len() as u32).to_be_bytes());
        resources.extend_from_slice(&iim);
        let mut meta = Metadata::default();
        read_photoshop(&resources, &mut meta);
        assert_eq!(meta.credit(), Some((Standard::Iptc, "AP")));
        assert_eq!(meta.iptc.byline, vec!["Jane Doe"]);
        assert_eq!(meta.date().unwrap().1.to_string(), "2024-02-11");
    }
}
