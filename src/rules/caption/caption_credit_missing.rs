//! A caption that does not say who took the picture. Readers, and
//! screen-reader users in particular, cannot tell a staff photo from an
//! agency picture, a handout or a still from social media.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::embedded::Element;
use serde::{Deserialize, Serialize};

use crate::rules::{Context, OptionDoc, Options, Rule, RuleOptions};

pub static RULE: Rule = Rule {
    id: "caption-credit-missing",
    group: "caption",
    severity: Severity::Warning,
    summary: "A caption does not say who took the picture",
    doc: include_str!("../../../rules/caption-credit-missing.md"),
    options: Some(&Options::of::<Agencies>(&[OptionDoc {
        name: "agencies",
        kind: "list of strings",
        help: "more agency names whose mention in a caption is a credit (every caption analysis uses them)",
    }])),
    check,
    needs_files: true,
    ..Rule::DEFAULTS
};

/// Read by the article model when it analyses captions (see
/// `config::article_options`), not by `check`.
#[derive(Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Agencies {
    pub agencies: Vec<String>,
}

impl RuleOptions for Agencies {}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    super::lacking(
        ctx,
        Element::Credit,
        "this caption does not say who took the picture (no credit)",
        "end the caption with the credit in brackets: [Name/Agency]",
    )
}
