//! `presslint.toml`: rule levels and options, per-path overrides, asset
//! roots. Found by walking up from each linted file (nearest wins) unless
//! `--config` names one. Every key is validated: an unknown key, rule or
//! option is an error naming the file, the line and the nearest valid name.

use crate::markdown::Dialect;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use globset::{Glob, GlobSet, GlobSetBuilder};
use scraper::Selector;
use serde::Deserialize;
use serde_json::{Map, Value};
use toml::Spanned;

use crate::diagnostic::Severity;
use crate::rules::{self, Rule};
use crate::source::{LineIndex, RealPaths};
use crate::suggest::{did_you_mean, nearest};

pub const FILE_NAME: &str = "presslint.toml";

/// A rule's level in the config: off, or a severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

/// What the config says about one rule.
#[derive(Clone, Debug, Default)]
pub struct RuleSetting {
    pub level: Option<Level>,
    pub options: Map<String, Value>,
}

impl RuleSetting {
    /// Later settings win, key by key.
    fn merge(&mut self, other: &RuleSetting) {
        if other.level.is_some() {
            self.level = other.level;
        }
        for (k, v) in &other.options {
            self.options.insert(k.clone(), v.clone());
        }
    }
}

struct Override {
    files: GlobSet,
    rules: BTreeMap<&'static str, RuleSetting>,
}

/// A parsed and validated config file.
pub struct Config {
    /// The file it came from; `None` for the built-in defaults.
    pub path: Option<PathBuf>,
    /// The directory globs and asset roots are relative to.
    pub root: PathBuf,
    rules: BTreeMap<&'static str, RuleSetting>,
    overrides: Vec<Override>,
    /// Every override's globs in one set, each with the override it
    /// belongs to: a file is matched once, not against each of thousands
    /// of overrides. `None` when the globs do not build as one set.
    override_globs: Option<(GlobSet, Vec<usize>)>,
    /// Directories that root-relative image paths (`/images/…`) resolve against.
    pub assets: Vec<PathBuf>,
    /// The extensions of the files linted in directories (`extensions`).
    pub extensions: Vec<String>,
    /// `[captions] photo`: the CSS selector of the site's photo figures.
    pub photo: Option<Arc<Selector>>,
}

/// A rule as it runs on one file: severity and options resolved.
#[derive(Clone)]
pub struct ActiveRule {
    pub rule: &'static Rule,
    pub severity: Severity,
    pub options: Map<String, Value>,
}

fn default_extensions() -> Vec<String> {
    crate::source::DEFAULT_EXTENSIONS
        .iter()
        .map(|e| e.to_string())
        .collect()
}

/// What the rules' options contribute to the article model: the agency
/// names set for `caption-credit-missing`, which every caption analysis
/// uses. (A config adds its photo selector: see [`Config::article_options`].)
pub fn article_options(rules: &[ActiveRule]) -> crate::article::Options {
    let agencies = rules
        .iter()
        .filter_map(|r| r.options.get("agencies"))
        .filter_map(Value::as_array)
        .flatten()
        .filter_map(Value::as_str)
        .map(String::from)
        .collect();
    crate::article::Options {
        agencies,
        photo: None,
        dialect: None,
    }
}

impl Config {
    pub fn defaults(root: PathBuf) -> Config {
        Config {
            path: None,
            root,
            rules: BTreeMap::new(),
            overrides: Vec::new(),
            override_globs: None,
            assets: Vec::new(),
            extensions: default_extensions(),
            photo: None,
        }
    }

    /// What this config and `rules` (from it) contribute to the article
    /// model of a file.
    pub fn article_options(&self, rules: &[ActiveRule]) -> crate::article::Options {
        crate::article::Options {
            photo: self.photo.clone(),
            ..article_options(rules)
        }
    }

    /// The rules that run on `file` (its canonical path, as
    /// [`Resolver::real_path`] gives it, for overrides to match it under
    /// the config's directory), with their severities and options.
    pub fn rules_for(&self, file: &Path) -> Vec<ActiveRule> {
        let relative = file.strip_prefix(&self.root).unwrap_or(file);
        let relative = relative.strip_prefix("./").unwrap_or(relative);
        let matching: Vec<&Override> = match &self.override_globs {
            Some((globs, owners)) => {
                let mut matched: Vec<usize> = globs
                    .matches(relative)
                    .into_iter()
                    .map(|g| owners[g])
                    .collect();
                matched.sort_unstable();
                matched.dedup();
                matched.into_iter().map(|i| &self.overrides[i]).collect()
            }
            None => self
                .overrides
                .iter()
                .filter(|o| o.files.is_match(relative))
                .collect(),
        };
        rules::RULES
            .iter()
            .filter_map(|rule| {
                let mut setting = self.rules.get(rule.id).cloned().unwrap_or_default();
                for o in &matching {
                    if let Some(s) = o.rules.get(rule.id) {
                        setting.merge(s);
                    }
                }
                let severity = match setting.level {
                    Some(Level::Off) => return None,
                    Some(Level::On(severity)) => severity,
                    None => rule.severity,
                };
                Some(ActiveRule {
                    rule,
                    severity,
                    options: setting.options,
                })
            })
            .collect()
    }

    /// Parse and validate config text; errors are `path:line:column: message`.
    pub fn parse(path: &Path, text: &str) -> Result<Config, String> {
        let index = LineIndex::new(text);
        let at = |span: std::ops::Range<usize>| {
            let (line, column) = index.line_col(text, span.start);
            format!("{}:{line}:{column}", path.display())
        };
        let raw: RawConfig = toml::from_str(text).map_err(|err| {
            let message = with_nearest_field(err.message().trim());
            match err.span() {
                Some(span) => format!("{}: {message}", at(span)),
                None => format!("{}: {message}", path.display()),
            }
        })?;
        let root = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let rules = rule_settings(&raw.rules, &at)?;
        let mut overrides = Vec::new();
        let (mut all, mut owners) = (GlobSetBuilder::new(), Vec::new());
        for (i, o) in raw.overrides.iter().enumerate() {
            let mut builder = GlobSetBuilder::new();
            for pattern in &o.files {
                let glob = Glob::new(pattern.get_ref()).map_err(|e| {
                    format!(
                        "{}: invalid glob `{}`: {e}",
                        at(pattern.span()),
                        pattern.get_ref()
                    )
                })?;
                all.add(glob.clone());
                owners.push(i);
                builder.add(glob);
            }
            let files = builder
                .build()
                .map_err(|e| format!("{}: {e}", path.display()))?;
            overrides.push(Override {
                files,
                rules: rule_settings(&o.rules, &at)?,
            });
        }
        let override_globs = all.build().ok().map(|globs| (globs, owners));
        let mut assets = Vec::new();
        for entry in &raw.assets {
            let dir = inside(&root, Path::new(entry.get_ref())).ok_or_else(|| {
                format!(
                    "{}: `assets` entry `{}` leads outside {}, the directory of this config: \
                     asset roots in a presslint.toml must lie inside its own tree; move the \
                     assets under it, or give the directory on the command line with --assets",
                    at(entry.span()),
                    entry.get_ref().escape_debug(),
                    root.display()
                )
            })?;
            assets.push(dir);
        }
        let extensions = match raw.extensions {
            Some(list) => list
                .into_iter()
                .map(|e| e.trim_start_matches('.').to_ascii_lowercase())
                .collect(),
            None => default_extensions(),
        };
        let photo = match raw.captions.and_then(|c| c.photo) {
            Some(selector) => Some(Arc::new(Selector::parse(selector.get_ref()).map_err(|e| {
                format!(
                    "{}: `captions.photo` is not a CSS selector ({e}); give one like \"figure.photo, .wp-caption\"",
                    at(selector.span()),
                )
            })?)),
            None => None,
        };
        Ok(Config {
            path: Some(path.to_path_buf()),
            root,
            rules,
            overrides,
            override_globs,
            assets,
            extensions,
            photo,
        })
    }

    pub fn load(path: &Path) -> Result<Config, String> {
        let bytes = crate::source::read_bounded(path, crate::source::MAX_CONFIG_BYTES)
            .map_err(|e| format!("{}: cannot read config: {e}", path.display()))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| format!("{}: config is not valid UTF-8", path.display()))?;
        Config::parse(path, &text)
    }
}

/// `dir` (relative to `root`, or absolute) with `..` and symbolic links
/// resolved, if it lies inside `root` (itself canonical). The part of the
/// path that does not exist (yet) is resolved lexically; a dangling link
/// counts as outside.
fn inside(root: &Path, dir: &Path) -> Option<PathBuf> {
    use std::path::Component;
    let mut real = PathBuf::new();
    for component in root.join(dir).components() {
        match component {
            Component::CurDir => {}
            // `real` has its links resolved, so dropping its last part
            // goes where `..` goes.
            Component::ParentDir => {
                real.pop();
            }
            Component::Normal(part) => {
                real.push(part);
                if std::fs::symlink_metadata(&real).is_ok() {
                    real = std::fs::canonicalize(&real).ok()?;
                }
            }
            other => real.push(other),
        }
    }
    real.starts_with(root).then_some(real)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    #[serde(default)]
    assets: Vec<Spanned<String>>,
    #[serde(default)]
    overrides: Vec<RawOverride>,
    extensions: Option<Vec<String>>,
    captions: Option<RawCaptions>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCaptions {
    photo: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    files: Vec<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
}

/// serde's "unknown field `asets`, expected `rules`, `assets` or
/// `overrides`" with "(did you mean `assets`?)" added.
fn with_nearest_field(message: &str) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message.to_string();
    };
    let Some((field, expected)) = rest.split_once('`') else {
        return message.to_string();
    };
    let valid = expected.split('`').skip(1).step_by(2);
    format!("{message}{}", did_you_mean(nearest(field, valid)))
}

fn parse_level(value: &str) -> Option<Level> {
    Some(match value {
        "off" => Level::Off,
        "info" => Level::On(Severity::Info),
        "warning" => Level::On(Severity::Warning),
        "error" => Level::On(Severity::Error),
        _ => return None,
    })
}

fn rule_settings(
    raw: &BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    at: &dyn Fn(std::ops::Range<usize>) -> String,
) -> Result<BTreeMap<&'static str, RuleSetting>, String> {
    let mut out = BTreeMap::new();
    for (key, value) in raw {
        let Some(rule) = rules::find(key.get_ref()) else {
            return Err(format!(
                "{}: unknown rule `{}`{}",
                at(key.span()),
                key.get_ref(),
                did_you_mean(rules::nearest(key.get_ref()))
            ));
        };
        let level_error = |span| {
            format!(
                "{}: `{}` must be \"off\", \"info\", \"warning\" or \"error\", or a table with `level` and the rule's options",
                at(span),
                rule.id
            )
        };
        let mut setting = RuleSetting::default();
        match value.get_ref() {
            toml::Value::String(level) => {
                setting.level = Some(parse_level(level).ok_or_else(|| level_error(value.span()))?);
            }
            toml::Value::Table(table) => {
                for (name, v) in table {
                    if name == "level" {
                        let level = v.as_str().and_then(parse_level);
                        setting.level = Some(level.ok_or_else(|| level_error(value.span()))?);
                        continue;
                    }
                    let declared = rule
                        .options
                        .and_then(|o| o.fields.iter().find(|f| f.name == name));
                    let (Some(options), Some(field)) = (rule.options, declared) else {
                        let valid: Vec<&str> = std::iter::once("level")
                            .chain(rule.options.into_iter().flat_map(|o| o.names()))
                            .collect();
                        return Err(format!(
                            "{}: `{}` has no option `{name}`{}; its options: {}",
                            at(value.span()),
                            rule.id,
                            did_you_mean(nearest(name, valid.iter().copied())),
                            valid.join(", ")
                        ));
                    };
                    let json = serde_json::to_value(v).map_err(|e| e.to_string())?;
                    let alone = Map::from_iter([(name.clone(), json.clone())]);
                    if let Err(why) = (options.validate)(&alone) {
                        return Err(format!(
                            "{}: `{}.{name}` must be {} ({why})",
                            at(value.span()),
                            rule.id,
                            field.kind
                        ));
                    }
                    setting.options.insert(name.clone(), json);
                }
            }
            _ => return Err(level_error(value.span())),
        }
        out.insert(rule.id, setting);
    }
    Ok(out)
}

/// Finds the config for each file: `--config` if given, else the nearest
/// `presslint.toml` walking up from the file, else the defaults. Each file
/// is read once per run.
pub struct Resolver {
    explicit: Option<std::sync::Arc<Config>>,
    cache: Mutex<HashMap<PathBuf, Option<std::sync::Arc<Config>>>>,
    /// The Markdown dialect each folder's project file gives, once looked up.
    dialects: Mutex<HashMap<PathBuf, Option<Dialect>>>,
    defaults: std::sync::Arc<Config>,
    /// Canonical paths of the run's files and directories.
    real: Arc<RealPaths>,
}

impl Resolver {
    pub fn new(explicit: Option<&Path>) -> Result<Resolver, String> {
        let explicit = explicit
            .map(Config::load)
            .transpose()?
            .map(std::sync::Arc::new);
        Ok(Resolver {
            explicit,
            cache: Mutex::new(HashMap::new()),
            dialects: Mutex::new(HashMap::new()),
            defaults: std::sync::Arc::new(Config::defaults(PathBuf::from("."))),
            real: Default::default(),
        })
    }

    /// `path` canonicalised (as given if it cannot be), each directory
    /// resolved once per run.
    pub fn real_path(&self, path: &Path) -> PathBuf {
        self.real.or_given(path)
    }

    /// The run's canonical paths, for the asset roots to share.
    pub fn real_paths(&self) -> &Arc<RealPaths> {
        &self.real
    }

    /// The config that applies to a file (or, for stdin, to the current directory).
    pub fn for_file(&self, file: &Path) -> Result<std::sync::Arc<Config>, String> {
        if let Some(config) = &self.explicit {
            return Ok(config.clone());
        }
        let start = file.parent().unwrap_or(Path::new("."));
        let start = if start.as_os_str().is_empty() {
            Path::new(".")
        } else {
            start
        };
        let mut dir = self.real.or_given(start);
        let mut visited = Vec::new();
        let found = loop {
            if let Some(cached) = self.cache.lock().expect("config cache").get(&dir) {
                break cached.clone();
            }
            visited.push(dir.clone());
            let candidate = dir.join(FILE_NAME);
            if candidate.is_file() {
                break Some(std::sync::Arc::new(Config::load(&candidate)?));
            }
            if !dir.pop() {
                break None;
            }
        };
        let mut cache = self.cache.lock().expect("config cache");
        for dir in visited {
            cache.insert(dir, found.clone());
        }
        Ok(found.unwrap_or_else(|| self.defaults.clone()))
    }
}

impl Resolver {
    /// The Markdown dialect of a file's project: the first project file
    /// (see [`Dialect::PROJECT_FILES`]), or Sphinx `conf.py` loading MyST,
    /// walking up from the file. Each folder is looked at once per run.
    pub fn dialect_for(&self, file: &Path) -> Option<Dialect> {
        let start = file
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut dir = self.real.or_given(start);
        let mut visited = Vec::new();
        let found = loop {
            if let Some(cached) = self.dialects.lock().expect("dialect cache").get(&dir) {
                break *cached;
            }
            visited.push(dir.clone());
            if let Some((_, dialect)) = Dialect::PROJECT_FILES
                .iter()
                .find(|(name, _)| dir.join(name).is_file())
            {
                break Some(*dialect);
            }
            if let Some(dialect) = sphinx_dialect(&dir.join(Dialect::SPHINX_CONFIG)) {
                break Some(dialect);
            }
            if !dir.pop() {
                break None;
            }
        };
        let mut cache = self.dialects.lock().expect("dialect cache");
        for dir in visited {
            cache.insert(dir, found);
        }
        found
    }
}

/// The Markdown a Sphinx `conf.py` says its project reads, when the file
/// is there and not larger than a configuration is (see
/// [`Dialect::of_sphinx_config`]).
fn sphinx_dialect(path: &Path) -> Option<Dialect> {
    const LARGEST: u64 = 1 << 20;
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > LARGEST {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    Dialect::of_sphinx_config(&String::from_utf8_lossy(&bytes))
}

/// The starter file `presslint init` writes.
pub fn starter() -> String {
    let mut out = String::from(
        "# presslint configuration. presslint uses the nearest presslint.toml above\n\
         # each article (or the file given with --config).\n\n\
         # Directories that root-relative image paths (/images/…) resolve against,\n\
         # relative to this file and inside its directory (others: --assets DIR).\n\
         # assets = [\"public\"]\n\n\
         # The extensions of the article files linted in directories.\n\
         # extensions = [\"html\", \"htm\", \"md\", \"markdown\", \"qmd\", \"rmd\"]\n\n\
         # Which figures hold news photos, whose captions should give a credit,\n\
         # a date and a place (a CSS selector; by default each figure's classes,\n\
         # image and caption words decide).\n\
         # [captions]\n\
         # photo = \"figure.photo, .wp-caption\"\n\n\
         [rules]\n\
         # Each rule: \"off\", \"info\", \"warning\" or \"error\", or a table with\n\
         # `level` and the rule's options. Defaults shown commented out.\n",
    );
    for rule in rules::RULES {
        let Some(options) = rule.options else {
            out.push_str(&format!("# {} = \"{}\"\n", rule.id, rule.severity.as_str()));
            continue;
        };
        let defaults = (options.defaults)();
        let mut table = format!("level = \"{}\"", rule.severity.as_str());
        for field in options.fields {
            let value = defaults
                .get(field.name)
                .map(Value::to_string)
                .unwrap_or_default();
            table.push_str(&format!(", {} = {value}", field.name));
        }
        out.push_str(&format!("# {} = {{ {table} }}\n", rule.id));
        for field in options.fields {
            out.push_str(&format!(
                "#   {} ({}): {}\n",
                field.name, field.kind, field.help
            ));
        }
    }
    out.push_str(
        "\n# Different settings for some paths (globs relative to this file):\n\
         # [[overrides]]\n\
         # files = [\"archive/**\"]\n\
         # [overrides.rules]\n\
         # img-alt-missing = \"warning\"\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, String> {
        Config::parse(Path::new("presslint.toml"), text)
    }

    #[test]
    fn levels_options_and_overrides() {
        let config = parse(
            "[rules]\nheading-order = \"error\"\nimg-alt-too-long = { level = \"info\", max = 90 }\nheading-h1-missing = \"off\"\n\n[[overrides]]\nfiles = [\"archive/**\"]\n[overrides.rules]\nheading-order = \"off\"\n",
        )
        .unwrap();
        let find = |file: &str, id: &str| {
            config
                .rules_for(Path::new(file))
                .into_iter()
                .find(|r| r.rule.id == id)
        };
        assert_eq!(
            find("story.html", "heading-order").unwrap().severity,
            Severity::Error
        );
        assert!(find("archive/2019/story.html", "heading-order").is_none());
        assert!(find("story.html", "heading-h1-missing").is_none());
        let long = find("story.html", "img-alt-too-long").unwrap();
        assert_eq!(long.severity, Severity::Info);
        assert_eq!(long.options["max"], 90);
    }

    #[test]
    fn errors_name_line_and_nearest_name() {
        let err = parse("[rules]\n\nimg-alt-mising = \"off\"\n")
            .err()
            .unwrap();
        assert_eq!(
            err,
            "presslint.toml:3:1: unknown rule `img-alt-mising` (did you mean `img-alt-missing`?)"
        );
        let err = parse("[rulez]\n").err().unwrap();
        assert!(
            err.starts_with("presslint.toml:1:") && err.contains("rules"),
            "{err}"
        );
        let err = parse("[rules]\nimg-alt-too-long = { mx = 3 }\n")
            .err()
            .unwrap();
        assert!(
            err.contains("no option `mx` (did you mean `max`?)"),
            "{err}"
        );
        let err = parse("[rules]\nimg-alt-too-long = { max = \"long\" }\n")
            .err()
            .unwrap();
        assert!(
            err.contains("`img-alt-too-long.max` must be integer ≥ 1"),
            "{err}"
        );
        let err = parse("[rules]\nimg-alt-too-long = { max = 0 }\n")
            .err()
            .unwrap();
        assert!(err.contains("must be at least 1, not 0"), "{err}");
        let err = parse("[rules]\nheading-order = \"loud\"\n").err().unwrap();
        assert!(err.starts_with("presslint.toml:2:17:"), "{err}");
    }

    #[test]
    fn asset_roots_stay_inside_the_configs_tree() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir(root.join("public")).unwrap();
        std::os::unix::fs::symlink("/", root.join("out")).unwrap();
        std::os::unix::fs::symlink("/no/such/dir", root.join("dangling")).unwrap();
        let inside = |dir: &str| inside(&root, Path::new(dir));
        assert_eq!(inside("public"), Some(root.join("public")));
        assert_eq!(inside("./static/../public/"), Some(root.join("public")));
        assert_eq!(inside("not-yet"), Some(root.join("not-yet")));
        for escape in [
            "/",
            "..",
            "public/../..",
            "out",
            "out/etc",
            "missing/../out",
            "dangling",
        ] {
            assert_eq!(inside(escape), None, "{escape}");
        }
        let config = root.join(FILE_NAME);
        let err = Config::parse(&config, "assets = [\"public\", \"/\"]\n")
            .err()
            .unwrap();
        assert!(
            err.starts_with(&format!(
                "{}:1:21: `assets` entry `/` leads outside",
                config.display()
            )),
            "{err}"
        );
        assert!(err.contains("--assets"), "{err}");
    }

    #[test]
    fn starter_file_is_valid_config() {
        parse(&starter()).unwrap();
    }
}
