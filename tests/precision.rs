//! How right presslint is on real pages, measured against judgments made
//! by reading them (see docs/precision.md):
//!
//! - `tests/data/corpus-judgments.tsv`: findings drawn at random per rule
//!   from the corpus (`scripts/sample-findings.py`), each judged TRUE,
//!   FALSE or NOISE: a `before` sample drawn before the real-pages work,
//!   and `after` and `final` samples drawn from later builds with other
//!   seeds. A rule's precision is its TRUE share among the findings of the
//!   later samples that it still reports.
//! - `tests/data/caption-coverage.tsv`: the real news-photo captions of
//!   corpus pages, labelled for credit, date and place. The caption rules
//!   are scored on them by balanced accuracy.
//!
//! Both run the binary once over ../shared/corpus/articles, as a user would,
//! and skip when the corpus is not there.
//! `cargo test --test precision -- --nocapture` prints the tables.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;

/// A finding: rule, file, start, end.
type Key = (String, String, usize, usize);

/// Where the finding's spans reach: its own and its labels'.
struct Reported {
    rule: String,
    message: String,
    start: usize,
    end: usize,
}

/// Samples drawn after `heading-h1-multiple` came to keep the headline.
const DRAWN_WITH_THE_HEADLINE: &[&str] = &["holdout8", "holdout9", "holdout10"];

struct Corpus {
    dir: PathBuf,
    findings: HashSet<Key>,
    by_file: HashMap<String, Vec<Reported>>,
    /// The headings `heading-h1-multiple` accepts as the headline while it
    /// reports a level-one heading before them (file, start of the tag).
    headlines: HashSet<(String, usize)>,
}

impl Corpus {
    /// A judged finding is still reported, or was moved: a level-one
    /// heading judged as the second one, in a sample drawn while every
    /// `<h1>` after the first was reported, is now the accepted headline,
    /// and the stray heading before it (the logo, the site's name) is
    /// reported in its place, pointing at it. The judges' reasons name that
    /// pair. A sample drawn since judged the headline itself when it was
    /// reported: there a finding at the headline is gone.
    fn reports(&self, sample: &str, key: &Key) -> bool {
        self.findings.contains(key)
            || key.0 == "heading-h1-multiple"
                && !DRAWN_WITH_THE_HEADLINE.contains(&sample)
                && self.headlines.contains(&(key.1.clone(), key.2))
    }
}

fn corpus() -> Option<&'static Corpus> {
    static CORPUS: OnceLock<Option<Corpus>> = OnceLock::new();
    CORPUS
        .get_or_init(|| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/articles");
            if !dir.is_dir() {
                eprintln!("corpus not found at {}; skipping", dir.display());
                return None;
            }
            Some(run_over(dir))
        })
        .as_ref()
}

/// The held-out pages `scripts/fetch-holdout.sh` fetched into
/// target/holdout (`PRESSLINT_HOLDOUT` names another folder).
fn holdout() -> Option<&'static Corpus> {
    static HOLDOUT: OnceLock<Option<Corpus>> = OnceLock::new();
    HOLDOUT
        .get_or_init(|| {
            let dir = std::env::var_os("PRESSLINT_HOLDOUT").map_or_else(
                || Path::new(env!("CARGO_MANIFEST_DIR")).join("target/holdout"),
                PathBuf::from,
            );
            if !dir.join(".complete").is_file() {
                eprintln!(
                    "held-out pages not found at {} (scripts/fetch-holdout.sh); skipping",
                    dir.display()
                );
                return None;
            }
            Some(run_over(dir))
        })
        .as_ref()
}

/// One run of the binary over `dir`, as a user would.
fn run_over(dir: PathBuf) -> Corpus {
    let output = Command::cargo_bin("presslint")
        .unwrap()
        .current_dir(&dir)
        .args(["check", ".", "--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut findings = HashSet::new();
    let mut by_file: HashMap<String, Vec<Reported>> = HashMap::new();
    let mut headlines = HashSet::new();
    for file in report["files"].as_array().unwrap() {
        let path = file["path"].as_str().unwrap().trim_start_matches("./");
        for d in file["diagnostics"].as_array().unwrap() {
            let rule = d["rule"].as_str().unwrap().to_string();
            let span = |s: &serde_json::Value| {
                (
                    s["start"].as_u64().unwrap() as usize,
                    s["end"].as_u64().unwrap() as usize,
                )
            };
            let (start, end) = span(&d["span"]);
            findings.insert((rule.clone(), path.to_string(), start, end));
            let labels = d["labels"].as_array().into_iter().flatten();
            for l in labels.clone() {
                if rule == "heading-h1-multiple" && l["message"] == "the headline" {
                    headlines.insert((path.to_string(), span(&l["span"]).0));
                }
            }
            let spans: Vec<(usize, usize)> = std::iter::once((start, end))
                .chain(labels.map(|l| span(&l["span"])))
                .collect();
            by_file.entry(path.to_string()).or_default().push(Reported {
                rule,
                message: d["message"].as_str().unwrap_or_default().to_string(),
                start: spans.iter().map(|s| s.0).min().unwrap(),
                end: spans.iter().map(|s| s.1).max().unwrap(),
            });
        }
    }
    Corpus {
        dir,
        findings,
        by_file,
        headlines,
    }
}

/// The rows of a judgments file (`name`, its text `data`), header left
/// out: each line, its columns (sample rule file start end line column
/// verdict reason message) and the finding it judges. A row with too few
/// columns or a verdict other than TRUE, FALSE or NOISE fails the test.
fn judged_rows<'a>(
    name: &'a str,
    data: &'a str,
) -> impl Iterator<Item = (&'a str, Vec<&'a str>, Key)> + 'a {
    data.lines().enumerate().skip(1).map(move |(n, line)| {
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() >= 9, "{name}:{}: too few columns", n + 1);
        let verdict = cols[7];
        assert!(
            matches!(verdict, "TRUE" | "FALSE" | "NOISE"),
            "{name}:{}: verdict `{verdict}`",
            n + 1
        );
        let key: Key = (
            cols[1].to_string(),
            cols[2].to_string(),
            cols[3].parse().unwrap(),
            cols[4].parse().unwrap(),
        );
        (line, cols, key)
    })
}

/// Findings judged on the held-out pages, fetched by
/// `scripts/fetch-holdout.sh`: pages the rules were not tuned on when each
/// sample was drawn (docs/precision.md). Their precision is shown, not
/// held to [`PRECISION`]: a sample of at most 20 findings a rule measures a
/// rule's behaviour on unseen pages too coarsely to gate on, and the model
/// causes it showed were fixed. A true finding they judged stays reported.
#[test]
fn held_out_pages_keep_their_true_findings() {
    let Some(holdout) = holdout() else { return };
    let data = include_str!("data/holdout-judgments.tsv");
    // (sample, rule) -> (judged and still reported, TRUE among them, gone)
    let mut table: BTreeMap<(&str, &str), (usize, usize, usize)> = BTreeMap::new();
    let mut lost = Vec::new();
    for (line, cols, key) in judged_rows("holdout-judgments.tsv", data) {
        let (sample, rule, file, verdict) = (cols[0], cols[1], cols[2], cols[7]);
        let row = table.entry((sample, rule)).or_default();
        if holdout.reports(sample, &key) {
            row.0 += 1;
            row.1 += usize::from(verdict == "TRUE");
        } else {
            row.2 += 1;
            if verdict == "TRUE" && !HOLDOUT_ACCEPTED_LOSSES.iter().any(|a| line.contains(a)) {
                lost.push(format!("{sample}: {rule} {file}:{} ({})", cols[5], cols[8]));
            }
        }
    }
    println!(
        "| sample | rule | judged | true | precision | no longer reported |\n|---|---|---|---|---|---|"
    );
    for ((sample, rule), (judged, true_, gone)) in &table {
        let precision = *true_ as f64 / (*judged).max(1) as f64;
        let shown = (precision * 100.0).floor() / 100.0;
        println!("| {sample} | {rule} | {judged} | {true_} | {shown:.2} | {gone} |");
    }
    assert!(
        lost.is_empty(),
        "true findings judged on the held-out pages are no longer reported:\n{lost:#?}"
    );
}

/// True findings of the held-out samples given up on purpose, each with
/// why (`rule file start`).
const HOLDOUT_ACCEPTED_LOSSES: &[&str] = &[
    // An alt that is only the caption's credit, "(Al 'Hughes' Dukes
    // Photography)", is now reported as a credit in the alt
    // (img-alt-contains-credit) rather than as repeating the caption.
    "img-alt-duplicates-caption\ttest_cbslocal.html\t28664",
];

/// The lowest precision a rule with enough judged findings may have.
const PRECISION: f64 = 0.95;
/// Rules with fewer judged findings are listed, not held to [`PRECISION`].
const ENOUGH: usize = 15;

/// Rules not yet at [`PRECISION`] on the judged sample, each held to the
/// precision it has now so that it can only rise; docs/precision.md says
/// what their false findings are. A rule that reaches [`PRECISION`] must
/// leave this list. A fresh sample may lower a floor: it measures findings
/// no earlier sample saw (r7 did, for the three caption-text rules; r15,
/// r16 and r18 to r24 for the credit, date and place rules; and census1
/// and census2, which judged every caption finding no sample had drawn, so
/// that these three rules' figures are now those of all their findings).
/// So may reporting a problem once: the date, place and credit floors were
/// lowered when a credit line standing for a missing caption, and a
/// figure repeated on the page, stopped being reported two or three times
/// (see `ACCEPTED_LOSSES`), which took 18 true findings from the count and
/// 2 false ones.
const NOT_YET: &[(&str, f64)] = &[
    ("caption-date-missing", 0.73),
    ("caption-place-missing", 0.66),
    ("figure-caption-missing", 0.78),
];

#[test]
fn every_rule_is_precise_on_judged_corpus_findings() {
    let Some(corpus) = corpus() else { return };
    let data = include_str!("data/corpus-judgments.tsv");
    // rule -> (judged and still reported, TRUE among them, judged but gone)
    let mut table: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let mut lost = Vec::new();
    let mut seen = HashSet::new();
    let mut counted = HashSet::new();
    for (_, cols, key) in judged_rows("corpus-judgments.tsv", data) {
        let (sample, rule, file, verdict) = (cols[0], cols[1], cols[2], cols[7]);
        let reported = corpus.reports(sample, &key);
        // Every sample drawn after the changes counts, each finding once
        // (a later sample may draw one an earlier sample judged).
        if sample != "before" && counted.insert(key.clone()) {
            let row = table.entry(rule).or_default();
            if reported {
                row.0 += 1;
                row.1 += usize::from(verdict == "TRUE");
            } else {
                row.2 += 1;
            }
        }
        // A true finding any sample judged, no longer reported.
        if verdict == "TRUE" && !reported && seen.insert(key.clone()) {
            lost.push(format!("{sample}: {rule} {file}:{} ({})", cols[5], cols[8]));
        }
    }
    println!("| rule | judged | true | precision |\n|---|---|---|---|");
    let mut failing = Vec::new();
    for (rule, (judged, true_, gone)) in &table {
        let precision = *true_ as f64 / (*judged).max(1) as f64;
        let gone = if *gone > 0 {
            format!(" ({gone} judged, no longer reported)")
        } else {
            String::new()
        };
        // Shown rounded down: 18 of 19 (0.947) is not shown as 0.95.
        let shown = (precision * 100.0).floor() / 100.0;
        println!("| {rule} | {judged} | {true_} | {shown:.2}{gone} |");
        let floor = NOT_YET.iter().find(|(r, _)| r == rule).map(|(_, f)| *f);
        match floor {
            Some(_) if precision >= PRECISION => failing.push(format!(
                "{rule}: {precision:.2} reaches {PRECISION}: take it off NOT_YET"
            )),
            Some(floor) if precision + 1e-9 < floor => failing.push(format!(
                "{rule}: {true_}/{judged} = {precision:.2}, below its floor {floor}"
            )),
            None if *judged >= ENOUGH && precision < PRECISION => {
                failing.push(format!("{rule}: {true_}/{judged} = {precision:.2}"))
            }
            _ => {}
        }
    }
    println!("\ntrue findings no longer reported: {}", lost.len());
    for l in &lost {
        println!("  {l}");
    }
    assert!(
        failing.is_empty(),
        "rules below {PRECISION} precision (or their NOT_YET floor) on the judged sample:\n{}",
        failing.join("\n")
    );
    let lost_now: Vec<&String> = lost
        .iter()
        .filter(|l| !l.starts_with("before"))
        .filter(|l| !ACCEPTED_LOSSES.iter().any(|a| l.contains(a)))
        .collect();
    assert!(
        lost_now.is_empty(),
        "true findings of the judged sample are no longer reported:\n{lost_now:#?}"
    );
}

/// True findings of the judged sample given up on purpose, each with why
/// (`rule file:line`).
const ACCEPTED_LOSSES: &[&str] = &[
    // Hidden by a rule of the page's own `<style>` through ancestors,
    // which the judges did not read: Vulture's feature template hides the
    // story's own header and lead figure (`#article-feature #primary
    // .story > header, … figure[data-component='img'].primary`), the
    // cover's headline and picture standing in for them; Twin Cities'
    // sheet hides the share block's heading (`.article-share
    // .sd-sharing>h3`) and the sticky header's share links
    // (`.site-header .article-share`); QQ's video player keeps its ratio
    // spacer `visibility: hidden` (`.rv-player .rv-player-adjust-img`).
    "heading-h1-multiple postlight-www.vulture.com--content-test.html:9001",
    "img-unsized postlight-www.vulture.com--content-test.html:9103",
    "heading-order scrapinghub-www.twincities.com-264dc3ae.html:606",
    "heading-order scrapinghub-www.twincities.com-264dc3ae.html:617",
    "link-name-missing scrapinghub-www.twincities.com-264dc3ae.html:482",
    "img-alt-missing readability-qq.html:4167",
    // The Post's "The Most" module writes `<style> .the-most ul.large
    // li{display:none} </style>` before its list: hidden when the page
    // loads, as a script may show it later (one judge said so), like any
    // block a page hides until its script runs.
    "img-alt-missing readability-wapo-1.html:1311",
    "img-alt-missing readability-wapo-1.html:1320",
    "img-alt-missing readability-wapo-1.html:1329",
    "link-name-missing readability-wapo-1.html:1311",
    "link-name-missing readability-wapo-1.html:1320",
    "img-alt-missing readability-wapo-2.html:797",
    "img-alt-missing readability-wapo-2.html:806",
    "img-alt-missing readability-wapo-2.html:815",
    "link-name-missing readability-wapo-2.html:797",
    "link-name-missing readability-wapo-2.html:806",
    // A figure whose only caption is a credit line outside a
    // <figcaption>: figure-caption-missing reports the missing caption
    // once ("this figure has a credit line but no caption", asking for
    // who and what, when and where), judged true on each of these
    // figures; the date and place findings on the credit line were the
    // same problem reported twice more.
    "caption-date-missing readability-breitbart.html:17937",
    "caption-place-missing readability-breitbart.html:17937",
    "caption-date-missing postlight-www.sbnation.com.html:3337",
    "caption-place-missing postlight-www.sbnation.com.html:3337",
    "caption-date-missing scrapinghub-www.bbc.com-70cb2d5b.html:1001",
    "caption-place-missing scrapinghub-www.bbc.com-70cb2d5b.html:1001",
    "caption-date-missing postlight-www.recode.net.html:27",
    "caption-place-missing postlight-www.recode.net.html:27",
    "caption-date-missing postlight-www.vox.com.html:895",
    "caption-place-missing postlight-www.vox.com.html:895",
    "caption-date-missing scrapinghub-www.dawgsbynature.com-6a72de37.html:1116",
    "caption-place-missing scrapinghub-www.dawgsbynature.com-6a72de37.html:1116",
    // The same picture under the same caption again on the page (a
    // gallery's slide repeated in the story, a test page's four copies of
    // one figure): reported at its first copy, still reported.
    "caption-credit-missing readability-dev418.html:78",
    "caption-credit-missing readability-dev418.html:94",
    "caption-credit-missing scrapinghub-www.indiewire.com-3d8f3404.html:1091",
    "caption-date-missing readability-seattletimes-1.html:1165",
    "caption-place-missing readability-seattletimes-1.html:1165",
    // The page's own 538 KB `<style>` sheet, past the size read before,
    // sizes these images (`.top-nav .logo-fandom-tagline { height: 26px;
    // width: 254px }`, `.article-wrapper .byline .avatar { height: 30px;
    // width: 30px }`, the feed cards' thumbnails held in a ratio box):
    // judged "no page CSS" when the sheet went unread.
    "img-unsized readability-wikia.html:18346",
    "img-unsized readability-wikia.html:18347",
    "img-unsized readability-wikia.html:18352",
    "img-unsized readability-wikia.html:18480",
    "img-unsized readability-wikia.html:18743",
    "img-unsized readability-wikia.html:18870",
    "img-unsized readability-wikia.html:18962",
    // A React picture whose <canvas> sibling holds its box: judged TRUE
    // by the first sample ("no reserved box seen"), NOISE by two later
    // ones that saw the canvas.
    "img-unsized postlight-www.mentalfloss.com.html:126",
    // A template's slot name as alt (`article_thumb`) is a placeholder:
    // img-alt-placeholder reports each, not img-alt-duplicate.
    "img-alt-duplicate scrapinghub-appleinsider.com-65bf3048.html:",
    // A teaser card whose `<figcaption>` is left after its figure, both
    // inside the story's link: a caption outside its figure is only
    // paired with it outside links.
    "img-alt-duplicates-caption readability-cnn.html:2512",
    // A link whose text is `d-none d-sm-inline`: hidden on phones, shown
    // from `sm` up, where it names the link. A link's name is what any
    // screen width shows; judged on phones, where only an icon is left.
    "link-name-missing postlight-github.com.html:2506",
    // A picture from a stock library is not a news photo: its caption,
    // a name linked to the library, is not asked for a credit.
    "caption-credit-missing postlight-thoughtcatalog.com.html:369",
    // Inside an element with a hiding utility class (`hidden`, `hide`):
    // hidden at load, shown by the page's script.
    "link-name-missing readability-ietf-1.html:814",
    "link-name-missing readability-lifehacker-post-comment-load.html:832",
    // Inside Yahoo's `ad-wrapper D(n)`: Atomizer's `D(n)` is `display:
    // none`, so the docked box is hidden at load (judged as shown).
    "img-alt-missing readability-yahoo-1.html:1341",
    // Shown at no screen width: a Bootstrap column for phones only
    // (`visible-xs`, or `hidden-sm hidden-md hidden-lg`) inside a block
    // hidden on phones (`hidden-xs`), or the reverse. Judged as shown.
    "img-alt-contains-credit scrapinghub-www.sportsnet.ca-0d461229.html:1506",
    "img-alt-too-long scrapinghub-www.sportsnet.ca-0d461229.html:1506",
    "link-name-missing readability-ehow-2.html:1427",
    "img-alt-missing scrapinghub-www.catchitkansas.com-3ce1c8fd.html:1524",
    // A photo essay whose standfirst credits its photographer ("by Eleanor
    // Ainge Roy (reporting) and Adrian Malloch (photography)", read as a
    // story's credits line, as "Photographs by …" is): its pictures are
    // the photographer's, taken for the story, so their captions are not
    // asked for a credit or a date or a place; both readings called the
    // credit findings noise, the second the date findings too. The
    // stranded whales are another source's (Ngatiwai Trust Board), which
    // only the page's lightbox data says; Buck Cullen's "in his backyard"
    // names no town, which both readings wanted.
    "caption-credit-missing readability-guardian-1.html:730",
    "caption-date-missing readability-guardian-1.html:730",
    "caption-date-missing readability-guardian-1.html:591",
    "caption-date-missing readability-guardian-1.html:615",
    "caption-date-missing readability-guardian-1.html:706",
    "caption-date-missing readability-guardian-1.html:754",
    "caption-place-missing readability-guardian-1.html:706",
    // A relative path climbing above the folder linted, with no asset
    // root: presslint does not know where the site's files are, so the
    // reference is unresolved (counted by assets-unresolved), as a
    // `../media/…` path into a folder that is not there always was; the
    // final sample judged these missing-file findings false.
    "img-file-missing readability-youth.html:10802",
    "img-file-missing readability-youth.html:10701",
    "img-file-missing readability-youth.html:9421",
    "img-file-missing readability-hukumusume.html:39",
    "img-file-missing readability-hukumusume.html:158",
    "img-file-missing postlight-www.jnsa.org.html:131",
    "img-file-missing postlight-www.jnsa.org.html:148",
    "img-file-missing postlight-www.jnsa.org.html:165",
    "img-file-missing scrapinghub-www.autoindustriya.com-aadb38e5.html:450",
    "img-file-missing scrapinghub-www.autoindustriya.com-aadb38e5.html:454",
    "img-file-missing scrapinghub-www.autoindustriya.com-aadb38e5.html:456",
    "img-file-missing scrapinghub-www.lhpat-tm.com-85439e26.html:337",
    "img-file-missing readability-table-style-attributes.html:164",
    "img-file-missing postlight-www.ossnews.jp.html:278",
    "img-file-missing readability-clean-links.html:1858",
    // Still reported, at the next reference: the first was a tracking
    // pixel (`/images/pixel.gif`), which is no longer counted.
    "assets-unresolved postlight-www.latimes.com--old.html:188",
];

/// The balanced accuracy each caption element must reach on the labelled
/// captions (see docs/precision.md for the target and what is missed).
/// The target is 0.92 for each; these floors are where they stand, so
/// they can only rise. (They were set again when the labels' `kind` was
/// corrected to count news photographs only: stock, product, handed-in
/// and encyclopedia pictures had been scored as news photos; and the
/// credit floor once more when a caught credit-missing caption turned out,
/// by its alt's "Credit: iStock", to be a stock picture, which is not
/// scored; and the place floor, at the target, when a tips story's
/// lifestyle pictures were relabelled as stock, by the rubric, and a
/// caption stating what should or can happen was taken for a stock
/// picture's: the judged sample had called all twelve of its findings
/// false, and one labelled news photo's caption is of that kind; and the
/// date floor to 0.93 when a photo essay credited in its standfirst
/// ("Adrian Malloch (photography)") was read as the story's photographer's
/// work, not asked for dates, as its judges said.)
const BALANCED_ACCURACY: [(&str, f64); 3] = [("credit", 0.94), ("date", 0.93), ("place", 0.93)];

/// figure-caption-missing's message for a figure whose only caption is a
/// credit line.
const CREDIT_LINE_ONLY: &str = "this figure has a credit line but no caption";

#[test]
fn caption_rules_find_real_captions_and_judge_them() {
    let Some(corpus) = corpus() else { return };
    let data = include_str!("data/caption-coverage.tsv");
    // element -> [[label missing][reported missing]] counts
    let mut counts: BTreeMap<&str, [[usize; 2]; 2]> = BTreeMap::new();
    let mut wrong = Vec::new();
    for (n, line) in data.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 8, "caption-coverage.tsv:{}", n + 1);
        let (file, locator) = (cols[0], cols[1]);
        if cols[5] != "photo" {
            continue;
        }
        let bytes = std::fs::read(corpus.dir.join(file)).unwrap();
        let found: Vec<usize> = bytes
            .windows(locator.len())
            .enumerate()
            .filter(|(_, w)| *w == locator.as_bytes())
            .map(|(i, _)| i)
            .collect();
        assert_eq!(
            found.len(),
            1,
            "caption-coverage.tsv:{}: the locator must occur once in {file}",
            n + 1
        );
        let at = found[0];
        for (element, label) in [("credit", cols[2]), ("date", cols[3]), ("place", cols[4])] {
            let missing = label == "no";
            let rule = format!("caption-{element}-missing");
            // A figure whose only caption is a credit line is reported
            // once, by figure-caption-missing, whose help asks for the
            // whole caption: who and what, when and where.
            let whole_caption_asked = |r: &Reported| {
                element != "credit"
                    && r.rule == "figure-caption-missing"
                    && r.message == CREDIT_LINE_ONLY
            };
            let reported = corpus.by_file.get(file).into_iter().flatten().any(|r| {
                (r.rule == rule || whole_caption_asked(r)) && r.start <= at && at <= r.end
            });
            counts.entry(element).or_default()[usize::from(missing)][usize::from(reported)] += 1;
            if missing != reported {
                wrong.push(format!(
                    "{element} {}: {file} {locator:?}",
                    if missing {
                        "missed"
                    } else {
                        "reported wrongly"
                    }
                ));
            }
        }
    }
    println!(
        "| element | missing, reported | present, not reported | balanced accuracy |\n|---|---|---|---|"
    );
    let mut failing = Vec::new();
    for (element, floor) in BALANCED_ACCURACY {
        let c = counts[element];
        let caught = c[1][1] as f64 / (c[1][0] + c[1][1]).max(1) as f64;
        let kept = c[0][0] as f64 / (c[0][0] + c[0][1]).max(1) as f64;
        let accuracy = (caught + kept) / 2.0;
        println!(
            "| {element} | {} of {} | {} of {} | {:.3} |",
            c[1][1],
            c[1][0] + c[1][1],
            c[0][0],
            c[0][0] + c[0][1],
            // Shown rounded down, as the target is a floor.
            (accuracy * 1000.0).floor() / 1000.0
        );
        if accuracy < floor {
            failing.push(format!("{element}: {accuracy:.3} < {floor}"));
        }
    }
    if std::env::var_os("PRESSLINT_COVERAGE_VERBOSE").is_some() {
        for w in &wrong {
            println!("  {w}");
        }
    }
    assert!(
        failing.is_empty(),
        "caption balanced accuracy fell:\n{}",
        failing.join("\n")
    );
}
