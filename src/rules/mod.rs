//! The rules, declared in one place each: `src/rules/<group>/<rule_id>.rs`
//! exports a `RULE` (its id, group, severity, summary, page, what it needs
//! and its options) whose `check` is a pure function of the article model
//! and its options. `build.rs` registers every such file; see
//! ARCHITECTURE.md, "Adding a rule".

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::article::Article;
use crate::assets::Assets;
use crate::diagnostic::{Diagnostic, Severity};
use crate::suppress::Suppressions;

pub mod alt;
pub mod caption;
pub mod document;
pub mod heading;
pub mod image;
pub mod media;
pub mod names;
pub mod suppression;

pub mod embedded;
pub mod files;

include!(concat!(env!("OUT_DIR"), "/rules/registry.rs"));

/// What a rule sees: the article model, its options, what was found in the
/// image and caption files it references (probed before the rules run, so
/// rules do no I/O), and for rules that report on suppressions, how the
/// article's suppressions were used.
pub struct Context<'a> {
    pub article: &'a Article<'a>,
    pub options: &'a Map<String, Value>,
    pub assets: &'a Assets,
    pub suppressions: Option<&'a Suppressions>,
}

impl Context<'_> {
    /// The rule's options: the configured values over the declared
    /// defaults. (They were validated when the configuration was loaded;
    /// options that do not fit give the defaults.)
    pub fn options<T: RuleOptions>(&self) -> T {
        serde_json::from_value(Value::Object(self.options.clone())).unwrap_or_default()
    }
}

/// When a rule runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// On the article, before suppressions apply.
    Article,
    /// After the article's suppressions were applied to the other rules'
    /// findings (its context carries how each suppression was used); its
    /// own findings are not suppressed.
    Suppressions,
}

/// Whether a rule's findings carry an automatic fix, and how safe it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fixable {
    No,
    /// `presslint check --fix` applies it: it changes no meaning.
    Safe,
}

pub struct Rule {
    pub id: &'static str,
    pub group: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    /// The rule's page, `rules/<id>.md`.
    pub doc: &'static str,
    /// It reads image or caption files, so they are resolved and probed
    /// before it runs.
    pub needs_files: bool,
    pub fix: Fixable,
    pub stage: Stage,
    /// Its options, if it has any.
    pub options: Option<&'static Options>,
    pub check: fn(&Context) -> Vec<Diagnostic>,
}

impl Rule {
    /// What a declaration leaves out: no files, no fix, runs on the
    /// article, no options (`..Rule::DEFAULTS`).
    pub const DEFAULTS: Rule = Rule {
        id: "",
        group: "",
        severity: Severity::Warning,
        summary: "",
        doc: "",
        needs_files: false,
        fix: Fixable::No,
        stage: Stage::Article,
        options: None,
        check: |_| Vec::new(),
    };
}

/// A rule's options as a typed struct: serde with `deny_unknown_fields`
/// and `default`, so the configuration is validated by deserializing it,
/// and the defaults live in its `Default`.
pub trait RuleOptions: DeserializeOwned + Serialize + Default {
    /// Check values serde cannot (ranges); the message names the option.
    fn validate(&self) -> Result<(), String> {
        Ok(())
    }
}

/// One option, for the rule's page, `presslint rules` and the starter
/// config (its default comes from the options struct).
pub struct OptionDoc {
    pub name: &'static str,
    /// What it takes: "integer ≥ 1", "list of strings".
    pub kind: &'static str,
    pub help: &'static str,
}

/// The declaration of a rule's options.
pub struct Options {
    pub fields: &'static [OptionDoc],
    /// The default of every option.
    pub defaults: fn() -> Map<String, Value>,
    /// Deserialize and check configured values (a map of option names to
    /// values).
    pub validate: fn(&Map<String, Value>) -> Result<(), String>,
}

impl Options {
    /// Declare the options of `T`, documented by `fields`.
    pub const fn of<T: RuleOptions>(fields: &'static [OptionDoc]) -> Options {
        Options {
            fields,
            defaults: defaults_of::<T>,
            validate: validate_as::<T>,
        }
    }

    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        self.fields.iter().map(|f| f.name)
    }
}

/// A range check for [`RuleOptions::validate`].
pub fn at_least<T: PartialOrd + std::fmt::Display>(
    name: &str,
    value: T,
    min: T,
) -> Result<(), String> {
    if value < min {
        return Err(format!("`{name}` must be at least {min}, not {value}"));
    }
    Ok(())
}

fn defaults_of<T: RuleOptions>() -> Map<String, Value> {
    match serde_json::to_value(T::default()) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

fn validate_as<T: RuleOptions>(values: &Map<String, Value>) -> Result<(), String> {
    let options: T =
        serde_json::from_value(Value::Object(values.clone())).map_err(|e| e.to_string())?;
    options.validate()
}

/// String equality in a constant (for the registry's compile-time checks).
pub const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

pub fn groups() -> Vec<&'static str> {
    let mut groups: Vec<_> = RULES.iter().map(|r| r.group).collect();
    groups.dedup();
    groups
}

/// The rule id or group closest to a mistyped `name`, if any is close.
pub fn nearest(name: &str) -> Option<&'static str> {
    crate::suggest::nearest(name, RULES.iter().map(|r| r.id).chain(groups()))
}
