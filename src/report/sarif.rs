//! SARIF 2.1.0, the format GitHub code scanning and SARIF viewers read.
//!
//! One run: `tool.driver.rules` describes each rule that has a result (in
//! the order of the rule table) with a link to its page, each result points
//! at its rule by id and index, locates its span by line/column
//! (columns count Unicode code points, declared by `columnKind`) and by byte
//! offset/length, turns secondary labels into `relatedLocations`, and carries
//! a `partialFingerprints` entry so code scanning can follow a finding when
//! lines move. Inputs that could not be read become tool execution
//! notifications.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use super::{REPOSITORY_URL, Reporter, Sink, Summary, message_with_help, rule_url};
use crate::FileReport;
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::rules::{self, Rule};
use crate::source::{InputError, SourceFile};

const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The key of presslint's entry in `partialFingerprints`. Bump the version
/// when the fingerprint's recipe changes.
pub const FINGERPRINT_KEY: &str = "presslint/v1";

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    invocations: [Invocation; 1],
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    short_description: Text,
    help_uri: String,
    help: Text,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: Vec<&'static str>,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    char_offset: usize,
    char_length: usize,
    byte_offset: usize,
    byte_length: usize,
}

impl From<crate::source::Location> for Region {
    fn from(s: crate::source::Location) -> Region {
        Region {
            start_line: s.line,
            start_column: s.column,
            end_line: s.end_line,
            end_column: s.end_column,
            char_offset: s.char_start,
            char_length: s.char_end - s.char_start,
            byte_offset: s.start,
            byte_length: s.end - s.start,
        }
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn descriptor(rule: &Rule) -> RuleDescriptor {
    let url = rule_url(rule.id);
    RuleDescriptor {
        id: rule.id,
        short_description: Text {
            text: rule.summary.to_string(),
        },
        help: Text {
            text: format!("{}. See {url}", rule.summary),
        },
        help_uri: url,
        default_configuration: Configuration {
            level: level(rule.severity),
        },
        properties: RuleProperties {
            tags: vec!["accessibility", rule.group],
        },
    }
}

/// A file path as a URI reference: relative paths stay relative (with `/`
/// separators, `./` dropped), absolute ones become `file://` URIs, and every
/// byte outside the URI's unreserved characters is percent-encoded.
pub fn artifact_uri(path: &str) -> String {
    let slashed = if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.to_string()
    };
    let absolute = Path::new(path).is_absolute();
    let mut rest = slashed.as_str();
    while let Some(stripped) = rest.strip_prefix("./") {
        rest = stripped;
    }
    let mut out = String::with_capacity(rest.len() + 8);
    if absolute {
        out.push_str(if rest.starts_with('/') {
            "file://"
        } else {
            "file:///"
        });
    }
    // A Windows drive letter's colon is kept, after `file:///`.
    let set = if absolute { PATH_ABSOLUTE } else { PATH };
    out.extend(utf8_percent_encode(rest, set));
    out
}

/// Every byte but the URI's unreserved characters and `/`.
const PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// [`PATH`], keeping `:` too.
const PATH_ABSOLUTE: &AsciiSet = &PATH.remove(b':');

fn physical(uri: &str, source: &SourceFile, span: Span) -> PhysicalLocation {
    PhysicalLocation {
        artifact_location: ArtifactLocation {
            uri: uri.to_string(),
        },
        region: Some(source.locate(span).into()),
    }
}

fn result(
    uri: &str,
    file: &FileReport,
    d: &Diagnostic,
    hash: u64,
    occurrences: &mut HashMap<u64, usize>,
) -> SarifResult {
    // Identical findings in one file (same rule, same markup) are told apart
    // by their order of appearance, `hash:1`, `hash:2`, …
    let n = occurrences.entry(hash).or_insert(0);
    *n += 1;
    SarifResult {
        rule_id: d.rule,
        rule_index: None,
        level: level(d.severity),
        message: Text {
            text: message_with_help(d),
        },
        locations: vec![Location {
            id: None,
            physical_location: physical(uri, &file.source, d.span),
            message: None,
        }],
        related_locations: d
            .labels
            .iter()
            .enumerate()
            .map(|(i, label)| Location {
                id: Some(i + 1),
                physical_location: physical(uri, &file.source, label.span),
                message: Some(Text {
                    text: label.message.clone(),
                }),
            })
            .collect(),
        partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, format!("{hash:016x}:{n}"))]),
    }
}

/// The results, built as each file is done (they need no source after
/// that); the rule descriptors and the log are written at the end.
#[derive(Default)]
pub struct Sarif {
    results: Vec<SarifResult>,
}

impl Reporter for Sarif {
    fn file(&mut self, file: &FileReport, _out: &mut Sink) {
        let uri = artifact_uri(&file.path);
        let mut occurrences = HashMap::new();
        let hashes = file.source.fingerprints(&file.diagnostics);
        for (d, hash) in file.diagnostics.iter().zip(hashes) {
            self.results
                .push(result(&uri, file, d, hash, &mut occurrences));
        }
    }

    fn finish(&mut self, _summary: &Summary, errors: &[InputError], out: &mut Sink) {
        let used: HashSet<&str> = self.results.iter().map(|r| r.rule_id).collect();
        let described: Vec<&Rule> = rules::RULES
            .iter()
            .copied()
            .filter(|r| used.contains(r.id))
            .collect();
        let mut results = std::mem::take(&mut self.results);
        for r in &mut results {
            r.rule_index = described.iter().position(|d| d.id == r.rule_id);
        }
        let notifications = errors
            .iter()
            .map(|e| Notification {
                level: "error",
                message: Text {
                    text: e.to_string(),
                },
                locations: vec![Location {
                    id: None,
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation {
                            uri: artifact_uri(&e.path),
                        },
                        region: None,
                    },
                    message: None,
                }],
            })
            .collect();
        let log = Log {
            schema: SCHEMA_URI,
            version: "2.1.0",
            runs: [Run {
                tool: Tool {
                    driver: Driver {
                        name: "presslint",
                        version: env!("CARGO_PKG_VERSION"),
                        information_uri: REPOSITORY_URL,
                        rules: described.iter().map(|r| descriptor(r)).collect(),
                    },
                },
                invocations: [Invocation {
                    execution_successful: errors.is_empty(),
                    tool_execution_notifications: notifications,
                }],
                column_kind: "unicodeCodePoints",
                results,
            }],
        };
        let mut writer = SinkWriter(out);
        let _ = serde_json::to_writer_pretty(&mut writer, &log);
        out.push('\n');
    }
}

/// Lets serde write straight into a sink.
struct SinkWriter<'s, 'a>(&'s mut Sink<'a>);

impl std::io::Write for SinkWriter<'_, '_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // serde_json writes whole UTF-8 sequences per call.
        self.0.push_str(&String::from_utf8_lossy(buf));
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub fn render(report: &crate::Report) -> String {
    super::render_all(&mut Sarif::default(), report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn artifact_uris_are_uri_references() {
        assert_eq!(
            artifact_uri("fixtures/seed-article.html"),
            "fixtures/seed-article.html"
        );
        assert_eq!(artifact_uri("./news/a b.html"), "news/a%20b.html");
        assert_eq!(artifact_uri("<stdin>"), "%3Cstdin%3E");
        assert_eq!(artifact_uri("été#1.html"), "%C3%A9t%C3%A9%231.html");
        #[cfg(unix)]
        assert_eq!(artifact_uri("/srv/news/a.html"), "file:///srv/news/a.html");
    }
}
