//! Front matter: the YAML (`---`) or TOML (`+++`) block that Hugo, Jekyll,
//! Astro and Eleventy put at the top of an article. Values are read with a
//! real parser; the span of each top-level key's value is found on its
//! line, so findings point at it.

use std::collections::HashMap;

use yaml_rust2::{Yaml, YamlLoader};

use crate::diagnostic::Span;

/// One top-level value, as text.
#[derive(Clone, Debug)]
pub struct Field {
    pub value: String,
    /// The value as written (without quotes), or the key's line when the
    /// value spans several lines.
    pub span: Span,
}

#[derive(Clone, Debug, Default)]
pub struct FrontMatter {
    /// The whole block, delimiters included.
    pub span: Span,
    /// Its values could be read (it parses, has no YAML aliases and is not
    /// over 256 KiB).
    pub readable: bool,
    fields: HashMap<String, Field>,
}

impl FrontMatter {
    /// A top-level string (or number, or date) value.
    pub fn get(&self, key: &str) -> Option<&Field> {
        self.fields.get(key)
    }
}

/// The front matter at the start of `source`, if any, and where the body
/// begins. A block that does not parse is still skipped as front matter,
/// with no fields.
pub fn split(source: &str) -> (Option<FrontMatter>, usize) {
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let text = &source[bom..];
    let fence = if text.starts_with("---") {
        "---"
    } else if text.starts_with("+++") {
        "+++"
    } else {
        return (None, 0);
    };
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != fence {
        return (None, 0);
    }
    // The closing fence: a line that is the fence alone (or `...` for YAML).
    let mut at = first_line_end;
    let mut close = None;
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = text[at..end].trim_end();
        if line == fence || (fence == "---" && line == "...") {
            close = Some((at, end));
            break;
        }
        at = end;
    }
    let Some((close_start, close_end)) = close else {
        return (None, 0);
    };
    let body = &text[first_line_end..close_start];
    // A front matter with template tags (`title: {{ title }}`) is a
    // template's: an archetype or scaffold that makes articles, not one.
    let values = if is_template(body) {
        None
    } else if fence == "---" {
        yaml_values(body)
    } else {
        toml_values(body)
    };
    let readable = values.is_some();
    let toml = fence == "+++";
    let lines = key_lines(body, toml);
    let mut fields = HashMap::new();
    for (key, value) in values.unwrap_or_default() {
        let span = lines
            .get(key.as_str())
            .and_then(|&(start, line)| value_span(body, start, line, &key, toml))
            .map(|s| Span::new(s.start + bom + first_line_end, s.end + bom + first_line_end))
            .unwrap_or(Span::new(bom, bom + first_line_end));
        fields.insert(key, Field { value, span });
    }
    (
        Some(FrontMatter {
            span: Span::new(bom, bom + close_end),
            readable,
            fields,
        }),
        bom + close_end,
    )
}

/// The most front matter read: real ones are a few hundred bytes.
const MAX_BYTES: usize = 256 * 1024;

fn yaml_values(body: &str) -> Option<Vec<(String, String)>> {
    // Aliases expand: nine levels of nine make a billion values from a few
    // lines. Front matter does not need them; such a block is not read.
    if body.len() > MAX_BYTES || has_alias(body) {
        return None;
    }
    let docs = YamlLoader::load_from_str(body).ok()?;
    let map = match docs.into_iter().next() {
        Some(Yaml::Hash(map)) => map,
        None => return Some(Vec::new()),
        Some(_) => return None,
    };
    let values = map
        .into_iter()
        .filter_map(|(k, v)| {
            let key = k.as_str()?.to_string();
            let value = match v {
                Yaml::String(s) | Yaml::Real(s) => s,
                Yaml::Integer(i) => i.to_string(),
                Yaml::Boolean(b) => b.to_string(),
                _ => return None,
            };
            Some((key, value))
        })
        .collect();
    Some(values)
}

/// Whether a line of the front matter is a template tag or gives a key
/// one as its value (`{{ ast.get_docstring(tree) }}`, `title: {{ title }}`,
/// `title = "{{ replace .Name "-" " " | title }}"`).
fn is_template(body: &str) -> bool {
    body.lines().any(|line| {
        let line = line.trim_start();
        let value = line
            .split_once([':', '='])
            .map_or(line, |(_, value)| value)
            .trim_start()
            .trim_start_matches(['"', '\'']);
        [line, value]
            .iter()
            .any(|text| text.starts_with("{{") || text.starts_with("{%"))
    })
}

/// A YAML alias (`*name`) outside quotes.
fn has_alias(body: &str) -> bool {
    body.lines().any(|line| {
        let mut quote = None;
        let mut prev = ' ';
        for c in line.chars() {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '#') if prev.is_whitespace() => return false,
                (None, '*') if prev.is_whitespace() || "[{,:".contains(prev) => return true,
                _ => {}
            }
            prev = c;
        }
        false
    })
}

fn toml_values(body: &str) -> Option<Vec<(String, String)>> {
    if body.len() > MAX_BYTES {
        return None;
    }
    let table = body.parse::<toml::Table>().ok()?;
    let values = table
        .into_iter()
        .filter_map(|(k, v)| {
            let value = match v {
                toml::Value::String(s) => s,
                toml::Value::Integer(i) => i.to_string(),
                toml::Value::Float(f) => f.to_string(),
                toml::Value::Boolean(b) => b.to_string(),
                toml::Value::Datetime(d) => d.to_string(),
                _ => return None,
            };
            Some((k, value))
        })
        .collect();
    Some(values)
}

/// Where the value of top-level `key` is written in the block: the rest of
/// its line after `key:` (`key =` in TOML), without quotes and without a
/// trailing `# comment`.
/// Each key a line of `body` may hold, with where the line starts and the
/// line: what comes before one of its first [`MAX_SEPARATORS`] `:` (TOML's
/// `=`), less the spaces before it; the first line for each key. Read
/// once, so that a front matter of many keys is not read once a key.
fn key_lines(body: &str, toml: bool) -> HashMap<&str, (usize, &str)> {
    let sep = if toml { '=' } else { ':' };
    let mut lines = HashMap::new();
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        for (i, _) in line.match_indices(sep).take(MAX_SEPARATORS) {
            lines.entry(line[..i].trim_end()).or_insert((at, line));
        }
        at += line.len();
    }
    lines
}

/// How many separators of a line are tried as the end of its key: a key
/// with more in it (`a:b:c:…`) points at the front matter's fence.
const MAX_SEPARATORS: usize = 8;

/// Where the value of `key` is written on `line`, which starts at `start`
/// in the front matter's `body`.
fn value_span(body: &str, start: usize, line: &str, key: &str, toml: bool) -> Option<Span> {
    let rest = line.strip_prefix(key)?;
    let rest_trimmed = rest.trim_start();
    let sep = if toml { '=' } else { ':' };
    let after = rest_trimmed.strip_prefix(sep)?;
    let value_start = start + (line.len() - after.len());
    let value = after.trim_end_matches(['\n', '\r']);
    let lead = value.len() - value.trim_start().len();
    let (from, len) = written_value(&value[lead..]);
    let v = Span::new(value_start + lead + from, value_start + lead + from + len);
    if v.is_empty()
        || matches!(
            &body[v.start..v.end],
            "|" | ">" | "|-" | ">-" | "|+" | ">+" | "\"\"\"" | "'''"
        )
    {
        // A block scalar or a multi-line string: point at the key's line.
        return Some(Span::new(start, start + line.trim_end().len()));
    }
    Some(v)
}

/// Where a scalar's text is in what follows `key:` on its line: (offset,
/// length) inside the quotes of a quoted value, else up to a ` #` comment.
fn written_value(value: &str) -> (usize, usize) {
    let bytes = value.as_bytes();
    if let Some(&quote @ (b'"' | b'\'')) = bytes.first() {
        if value.starts_with("\"\"\"") || value.starts_with("'''") {
            return (0, 3);
        }
        // The closing quote: `\"` escapes in double quotes, `''` in
        // single quotes.
        let mut i = 1;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' if quote == b'"' => i += 1,
                b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 1,
                b if b == quote => return (1, i - 1),
                _ => {}
            }
            i += 1;
        }
        // Unclosed: the rest of the line.
        return (0, value.trim_end().len());
    }
    // A plain value ends where a comment starts: `#` after a space or tab.
    let end = bytes
        .windows(2)
        .position(|w| matches!(w[0], b' ' | b'\t') && w[1] == b'#')
        .unwrap_or(value.len());
    (0, value[..end].trim_end().len())
}

#[cfg(test)]
mod tests {
    use super::{FrontMatter, split};

    /// The source under a key's value span.
    fn written<'a>(src: &'a str, fm: &FrontMatter, key: &str) -> &'a str {
        let span = fm.get(key).unwrap().span;
        &src[span.start..span.end]
    }

    #[test]
    fn yaml_and_toml_values_with_spans() {
        let src =
            "---\ntitle: \"Putin hosts Kim\"\nlang: en\ncaption: >\n  Long\n  text\n---\n# Body\n";
        let (fm, body) = split(src);
        let fm = fm.unwrap();
        assert_eq!(&src[body..], "# Body\n");
        let title = fm.get("title").unwrap();
        assert_eq!(title.value, "Putin hosts Kim");
        assert_eq!(&src[title.span.start..title.span.end], "Putin hosts Kim");
        assert_eq!(
            &src[fm.get("lang").unwrap().span.start..fm.get("lang").unwrap().span.end],
            "en"
        );
        assert_eq!(fm.get("caption").unwrap().value, "Long text\n");
        let src = "+++\ntitle = 'Storm'\ndate = 2024-01-02\n+++\nBody";
        let (fm, body) = split(src);
        let fm = fm.unwrap();
        assert_eq!(&src[body..], "Body");
        let t = fm.get("title").unwrap();
        assert_eq!(&src[t.span.start..t.span.end], "Storm");
        assert_eq!(fm.get("date").unwrap().value, "2024-01-02");
        assert!(split("--- not front matter\n").0.is_none());
        // Aliases are not expanded: the block gives no values.
        let bomb = "---\na: &a [x, x, x]\nb: [*a, *a]\ntitle: t\n---\n";
        let fm = split(bomb).0.unwrap();
        assert!(!fm.readable && fm.get("title").is_none());
        for template in [
            "---\n\n{{ ast.get_docstring(tree) }}\n\n---\nBody",
            "---\ntitle: {{ title }}\ndate: {{ date }}\n---\n",
            "+++\ntitle = \"{{ replace .Name \"-\" \" \" | title }}\"\n+++\n",
            "---\ntitle: {%- if page -%}x{% endif %}\n---\n",
        ] {
            assert!(!split(template).0.unwrap().readable, "{template}");
        }
        let braces = "---\ntitle: \"Why {braces} matter\"\nsummary: a {{ b }} c\n---\n";
        assert!(split(braces).0.unwrap().readable);
        let starred = "---\ncaption: \"*Storm* in Hull\"\n---\n";
        assert!(split(starred).0.unwrap().get("caption").is_some());
        // Comments after a value, quotes with escapes, multi-line strings.
        let src = "---\nlang: english # the CMS default\ntitle: \"Say \\\"no\\\"\" # quoted\nkicker: 'It''s #1'\ncaption: |\n  Boats\n---\n";
        let (fm, _) = split(src);
        let fm = fm.unwrap();
        let text = |key: &str| written(src, &fm, key);
        assert_eq!(text("lang"), "english");
        assert_eq!(text("title"), "Say \\\"no\\\"");
        assert_eq!(fm.get("title").unwrap().value, "Say \"no\"");
        assert_eq!(text("kicker"), "It''s #1");
        assert_eq!(text("caption"), "caption: |");
        let src = "+++\nlang = \"english\" # from the CMS\nsummary = \"\"\"\nTwo\nlines\"\"\"\ndraft = false # for now\n+++\n";
        let (fm, _) = split(src);
        let fm = fm.unwrap();
        let text = |key: &str| written(src, &fm, key);
        assert_eq!(text("lang"), "english");
        assert_eq!(text("summary"), "summary = \"\"\"");
        assert_eq!(text("draft"), "false");
        assert!(split("---\nunclosed: yes\n").0.is_none());
    }
}
