//! `srcset` attribute values, split the way the HTML standard's "parse a
//! srcset attribute" does: URLs may contain commas (`w_300,h_200`), a
//! trailing comma ends a URL, and descriptors may hold parentheses.

/// One image candidate.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate<'a> {
    pub url: &'a str,
    /// Byte offset of the URL in the attribute value.
    pub offset: usize,
    pub descriptor: Descriptor,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Descriptor {
    /// No descriptor: `1x`.
    None,
    /// `600w`.
    Width(u32),
    /// `2x`.
    Density(f64),
    /// Anything else (`600`, `h` descriptors, junk).
    Other,
}

/// The most candidates taken from one attribute. Real ones list a handful;
/// each candidate is resolved, probed and checked by several rules, so a
/// generated attribute with a hundred thousand would cost minutes.
pub const MAX_CANDIDATES: usize = 256;

/// The candidates of a `srcset` value, at most [`MAX_CANDIDATES`].
pub fn parse(value: &str) -> Vec<Candidate<'_>> {
    let bytes = value.as_bytes();
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0C' | b'\r');
    let mut out = Vec::new();
    let mut pos = 0;
    while out.len() < MAX_CANDIDATES {
        while pos < bytes.len() && (is_space(bytes[pos]) || bytes[pos] == b',') {
            pos += 1;
        }
        if pos >= bytes.len() {
            break;
        }
        let start = pos;
        while pos < bytes.len() && !is_space(bytes[pos]) {
            pos += 1;
        }
        let mut url = &value[start..pos];
        let mut descriptors = "";
        if url.ends_with(',') {
            url = url.trim_end_matches(',');
        } else {
            // Descriptors run to the next comma outside parentheses.
            let from = pos;
            let mut depth = 0usize;
            while pos < bytes.len() {
                match bytes[pos] {
                    b'(' => depth += 1,
                    b')' => depth = depth.saturating_sub(1),
                    b',' if depth == 0 => break,
                    _ => {}
                }
                pos += 1;
            }
            descriptors = &value[from..pos];
        }
        if url.is_empty() {
            continue;
        }
        out.push(Candidate {
            url,
            offset: start,
            descriptor: descriptor(descriptors),
        });
    }
    out
}

fn descriptor(text: &str) -> Descriptor {
    let mut tokens = text.split_ascii_whitespace();
    let Some(token) = tokens.next() else {
        return Descriptor::None;
    };
    if tokens.next().is_some() {
        return Descriptor::Other;
    }
    if let Some(n) = token.strip_suffix('w')
        && let Ok(n) = n.parse::<u32>()
        && n > 0
        && n.to_string() == n.to_string().trim()
    {
        return Descriptor::Width(n);
    }
    if let Some(n) = token.strip_suffix('x')
        && let Ok(n) = n.parse::<f64>()
        && n > 0.0
    {
        return Descriptor::Density(n);
    }
    Descriptor::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates() {
        let c = parse(" a.jpg 600w,\n b.jpg 1200w , https://x/w_300,h_200/c.jpg 2x,d.jpg, e.jpg");
        let urls: Vec<_> = c.iter().map(|c| (c.url, c.offset, c.descriptor)).collect();
        assert_eq!(
            urls,
            vec![
                ("a.jpg", 1, Descriptor::Width(600)),
                ("b.jpg", 14, Descriptor::Width(1200)),
                ("https://x/w_300,h_200/c.jpg", 28, Descriptor::Density(2.0)),
                ("d.jpg", 59, Descriptor::None),
                ("e.jpg", 66, Descriptor::None),
            ]
        );
        // Without whitespace after it, a comma is part of the URL.
        assert_eq!(parse("d.jpg,e.jpg")[0].url, "d.jpg,e.jpg");
        assert_eq!(parse("a.jpg 600")[0].descriptor, Descriptor::Other);
        assert!(parse(" , ").is_empty());
        let many = "a.jpg 1x, ".repeat(10_000);
        assert_eq!(parse(&many).len(), MAX_CANDIDATES);
    }
}
