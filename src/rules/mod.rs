//! The rule registry. One rule per file under `src/rules/<group>/`; each file
//! exports a `RULE` with its metadata and a pure `check` function.

use serde_json::{Map, Value};

use crate::article::Article;
use crate::assets::Assets;
use crate::diagnostic::{Diagnostic, Severity};

pub mod alt;
pub mod caption;
pub mod document;
pub mod embedded;
pub mod files;
pub mod heading;
pub mod image;
pub mod media;
pub mod names;
pub mod suppression;

/// What a rule sees: the article model, its options, and what was found
/// in the image and caption files it references (probed before the rules
/// run, so rules do no I/O).
pub struct Context<'a> {
    pub article: &'a Article<'a>,
    pub options: &'a Map<String, Value>,
    pub assets: &'a Assets,
}

impl Context<'_> {
    pub fn option_usize(&self, key: &str, default: usize) -> usize {
        self.options
            .get(key)
            .and_then(Value::as_u64)
            .map_or(default, |v| v as usize)
    }

    /// A list-of-strings option; empty when unset.
    pub fn option_strings(&self, key: &str) -> Vec<&str> {
        self.options
            .get(key)
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default()
    }
}

/// The kind of value an option takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionKind {
    /// A non-negative integer.
    Count,
    /// A list of strings.
    Strings,
}

/// One option of a rule, settable in `presslint.toml`.
pub struct RuleOption {
    pub name: &'static str,
    pub kind: OptionKind,
    pub help: &'static str,
}

pub struct Rule {
    pub id: &'static str,
    pub group: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    /// The rule's page, `rules/<id>.md`.
    pub doc: &'static str,
    /// Options the rule reads; config keys are validated against them.
    pub options: &'static [RuleOption],
    pub check: fn(&Context) -> Vec<Diagnostic>,
}

/// Every rule, in the order of the rule table.
pub static RULES: &[&Rule] = &[
    &alt::img_alt_missing::RULE,
    &alt::img_alt_whitespace::RULE,
    &alt::img_alt_filename::RULE,
    &alt::img_alt_placeholder::RULE,
    &alt::img_alt_redundant_words::RULE,
    &alt::img_alt_too_long::RULE,
    &alt::img_alt_duplicate::RULE,
    &names::role_img_name_missing::RULE,
    &names::svg_img_name_missing::RULE,
    &names::input_image_alt_missing::RULE,
    &names::area_alt_missing::RULE,
    &names::object_name_missing::RULE,
    &names::iframe_title_missing::RULE,
    &names::link_name_missing::RULE,
    &heading::heading_order::RULE,
    &heading::heading_h1_missing::RULE,
    &heading::heading_h1_multiple::RULE,
    &heading::heading_empty::RULE,
    &document::document_lang::RULE,
    &document::document_title::RULE,
    &media::video_captions_missing::RULE,
    &media::track_file_invalid::RULE,
    &image::img_src_missing::RULE,
    &image::img_file_missing::RULE,
    &image::img_file_broken::RULE,
    &image::img_format_mismatch::RULE,
    &image::img_unsized::RULE,
    &image::img_aspect_mismatch::RULE,
    &image::img_too_small::RULE,
    &image::img_oversized::RULE,
    &image::img_file_heavy::RULE,
    &image::img_format_legacy::RULE,
    &image::img_srcset_mismatch::RULE,
    &image::caption_metadata_mismatch::RULE,
    &caption::figure_caption_missing::RULE,
    &caption::caption_credit_missing::RULE,
    &caption::caption_date_missing::RULE,
    &caption::caption_place_missing::RULE,
    &caption::img_alt_duplicates_caption::RULE,
    &caption::img_alt_contains_credit::RULE,
    &suppression::unused_suppression::RULE,
];

/// Whether a rule reads image or track files, so they must be probed
/// before it runs.
pub fn uses_assets(rule: &Rule) -> bool {
    matches!(rule.group, "image" | "caption")
        || matches!(rule.id, "track-file-invalid" | "caption-metadata-mismatch")
}

pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

pub fn groups() -> Vec<&'static str> {
    let mut groups: Vec<_> = RULES.iter().map(|r| r.group).collect();
    groups.dedup();
    groups
}
