//! WebVTT validation, enough to know whether a browser will show the
//! captions: the `WEBVTT` signature, and cue timing lines that parse
//! (`[hh:]mm:ss.ttt --> [hh:]mm:ss.ttt [settings]`, end after start).
//! A file with no cue at all shows nothing either.

/// Why a caption file will not work, with the 1-based line at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 0 when the problem is the file as a whole (empty, unreadable).
    pub line: usize,
    pub message: String,
}

/// A valid file's cue count.
pub type Cues = usize;

pub fn validate(bytes: &[u8]) -> Result<Cues, Problem> {
    let at = |line: usize, message: String| Problem { line, message };
    if bytes.is_empty() {
        return Err(at(0, "is empty".into()));
    }
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // Lines end at CRLF, LF or CR.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    let first = lines.first().copied().unwrap_or_default();
    let signature = first
        .strip_prefix("WEBVTT")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']));
    if !signature {
        let hint = if first.trim().chars().all(|c| c.is_ascii_digit()) && !first.trim().is_empty() {
            " (it looks like SubRip .srt; convert it to WebVTT)"
        } else {
            ""
        };
        return Err(at(
            1,
            format!("the file does not start with `WEBVTT`{hint}"),
        ));
    }
    // Skip the header block.
    let mut i = 1;
    while i < lines.len() && !lines[i].is_empty() {
        if lines[i].contains("-->") {
            return Err(at(
                i + 1,
                "a blank line must separate the `WEBVTT` header from the first cue".into(),
            ));
        }
        i += 1;
    }
    let mut cues = 0;
    while i < lines.len() {
        while i < lines.len() && lines[i].is_empty() {
            i += 1;
        }
        if i >= lines.len() {
            break;
        }
        let block_start = i;
        let first = lines[i];
        let is_comment =
            first == "NOTE" || first.starts_with("NOTE ") || first.starts_with("NOTE\t");
        let is_header_block = cues == 0
            && (first == "STYLE"
                || first == "REGION"
                || first.starts_with("STYLE ")
                || first.starts_with("REGION "));
        if is_comment || is_header_block {
            while i < lines.len() && !lines[i].is_empty() {
                i += 1;
            }
            continue;
        }
        // A cue: an optional identifier line, then the timing line.
        let timing_line = if looks_like_timing(first) {
            i
        } else if lines.get(i + 1).is_some_and(|l| looks_like_timing(l)) {
            i + 1
        } else {
            return Err(at(
                block_start + 1,
                "this text is not in a cue (no timing line such as `00:00:01.000 --> 00:00:04.000` above it)".into(),
            ));
        };
        let (start, end) =
            parse_timing(lines[timing_line]).map_err(|why| at(timing_line + 1, why))?;
        if end <= start {
            return Err(at(timing_line + 1, "the cue ends before it starts".into()));
        }
        cues += 1;
        i = timing_line + 1;
        // The cue text runs to the next blank line; a line with `-->` starts a new cue.
        while i < lines.len() && !lines[i].is_empty() && !lines[i].contains("-->") {
            i += 1;
        }
    }
    if cues == 0 {
        return Err(at(0, "has no cues".into()));
    }
    Ok(cues)
}

/// A timing line, or a botched attempt at one (`->`, a timestamp first).
fn looks_like_timing(line: &str) -> bool {
    line.contains("->")
        || line
            .split_once(':')
            .is_some_and(|(h, _)| !h.is_empty() && h.bytes().all(|b| b.is_ascii_digit()))
}

/// `start --> end [settings]`, in milliseconds.
fn parse_timing(line: &str) -> Result<(u64, u64), String> {
    let bad = |what: &str| format!("the cue timing does not parse: {what}");
    let Some((start, rest)) = line.split_once("-->") else {
        return Err(bad("no `-->`"));
    };
    let start = start.trim_matches([' ', '\t']);
    let rest = rest.trim_start_matches([' ', '\t']);
    let end = rest.split([' ', '\t']).next().unwrap_or_default();
    let not = |text: &str| {
        bad(&format!(
            "`{}` is not a timestamp (hh:mm:ss.ttt)",
            shown(text)
        ))
    };
    let start = timestamp(start).ok_or_else(|| not(start))?;
    let end = timestamp(end).ok_or_else(|| not(end))?;
    Ok((start, end))
}

/// Text from the file for a message: control characters (which could
/// drive a terminal) replaced, and at most 40 characters.
fn shown(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(40)
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect();
    if text.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

/// `[hh:]mm:ss.ttt`: hours two or more digits, minutes and seconds two
/// digits under 60, exactly three digits of milliseconds after a dot.
fn timestamp(text: &str) -> Option<u64> {
    let (clock, millis) = text.split_once('.')?;
    if millis.len() != 3 || !millis.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let parts: Vec<&str> = clock.split(':').collect();
    let (h, m, s) = match parts.as_slice() {
        [m, s] => ("0", *m, *s),
        [h, m, s] if h.len() >= 2 => (*h, *m, *s),
        _ => return None,
    };
    let digits = |p: &str, len: Option<usize>| {
        (!p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && len.is_none_or(|l| p.len() == l))
            .then(|| p.parse::<u64>().ok())
            .flatten()
    };
    let (h, m, s) = (digits(h, None)?, digits(m, Some(2))?, digits(s, Some(2))?);
    if m > 59 || s > 59 {
        return None;
    }
    // Hours may have any number of digits: an absurd count is no timestamp.
    h.checked_mul(3600)?
        .checked_add(m * 60 + s)?
        .checked_mul(1000)?
        .checked_add(millis.parse::<u64>().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> usize {
        validate(text.as_bytes()).unwrap_err().line
    }

    #[test]
    fn valid_files() {
        let ok = "WEBVTT - English\n\nNOTE made by hand\n\n1\n00:00:01.000 --> 00:00:04.000 align:start\nHello\n\n00:01.500 --> 00:02.000\nBye\n";
        assert_eq!(validate(ok.as_bytes()), Ok(2));
        assert_eq!(
            validate("\u{feff}WEBVTT\r\n\r\n00:00:00.000 --> 01:00:00.000\r\nx".as_bytes()),
            Ok(1)
        );
        assert_eq!(
            validate(b"WEBVTT\n\nSTYLE\n::cue { color: red }\n\n00:00.000 --> 00:01.000\nx\n"),
            Ok(1)
        );
    }

    #[test]
    fn invalid_files() {
        assert_eq!(validate(b"").unwrap_err().message, "is empty");
        assert_eq!(line("1\n00:00:01,000 --> 00:00:04,000\nHello\n"), 1);
        assert!(
            validate(b"1\n00:00:01,000 --> 00:00:04,000\n")
                .unwrap_err()
                .message
                .contains("SubRip")
        );
        assert_eq!(line("WEBVTTX\n"), 1);
        assert_eq!(line("WEBVTT\n\n00:00:01,000 --> 00:00:04,000\nHello\n"), 3);
        assert_eq!(
            line(
                "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nA\n\nid\n00:00:05.000 -> 00:00:06.000\nB\n"
            ),
            7
        );
        assert_eq!(line("WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nA\n"), 3);
        assert_eq!(
            line(
                "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n\n00:60:00.000 --> 01:00:00.000\nB\n"
            ),
            6
        );
        assert_eq!(line("WEBVTT\n\n0:00:01.000 --> 00:00:02.000\nA\n"), 3);
        assert_eq!(validate(b"WEBVTT\n").unwrap_err().message, "has no cues");
        assert_eq!(line("WEBVTT\n\nHello there\nGeneral\n"), 3);
        assert_eq!(line("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n\nB\n"), 6);
    }
}
