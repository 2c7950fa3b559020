//! Caption analysis measured against `tests/data/captions.tsv`: every
//! `<figcaption>` and caption-like element of the 394 corpus pages,
//! labelled by hand for credit, date and place (see `docs/captions.md` for
//! how). Per element, precision and recall must reach 0.95 for credit and
//! date and 0.90 for place.
//!
//! `PRESSLINT_CAPTIONS_VERBOSE=1 cargo test --test captions -- --nocapture`
//! lists every disagreement.

use presslint::article::marks_credit;
use presslint::text;

#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn add(&mut self, expected: bool, found: bool) {
        match (expected, found) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => {}
        }
    }
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
}

#[test]
fn labelled_captions() {
    let data = include_str!("data/captions.tsv");
    let verbose = std::env::var_os("PRESSLINT_CAPTIONS_VERBOSE").is_some();
    let (mut credit, mut date, mut place) = (Score::default(), Score::default(), Score::default());
    let mut rows = 0;
    for line in data.lines().skip(1) {
        let cols: Vec<&str> = line.splitn(5, '\t').collect();
        assert_eq!(cols.len(), 5, "bad row: {line}");
        let (id, text) = (cols[0], cols[4]);
        let label = |c: &str| c == "1";
        // A credit element ("span.Caption__Credit") is a credit by its
        // markup, as in the rule.
        let class = id.rsplit_once(':').map_or("", |(_, kind)| kind);
        let class = class.split_once('.').map_or("", |(_, c)| c);
        let a = text::analyze(text, &[]);
        let found = [
            a.credit.is_some() || marks_credit(class),
            a.date.is_some(),
            a.place.is_some(),
        ];
        for (i, (score, name)) in [
            (&mut credit, "credit"),
            (&mut date, "date"),
            (&mut place, "place"),
        ]
        .into_iter()
        .enumerate()
        {
            let expected = label(cols[i + 1]);
            score.add(expected, found[i]);
            if verbose && expected != found[i] {
                let what = if expected { "MISS" } else { "FALSE" };
                let at = match i {
                    0 => a.credit,
                    1 => a.date,
                    _ => a.place,
                }
                .map(|f| {
                    format!(
                        " [{}: {:?}]",
                        f.kind,
                        text.get(f.start..f.end).unwrap_or("")
                    )
                })
                .unwrap_or_default();
                println!("{name} {what}{at}: {id}\t{text}");
            }
        }
        rows += 1;
    }
    for (name, s) in [("credit", &credit), ("date", &date), ("place", &place)] {
        println!(
            "{name}: precision {:.3} recall {:.3} (tp {}, fp {}, fn {}) over {rows} captions",
            s.precision(),
            s.recall(),
            s.tp,
            s.fp,
            s.fn_
        );
    }
    assert!(rows > 600, "the labelled set is incomplete");
    for (name, s, min) in [
        ("credit", &credit, 0.95),
        ("date", &date, 0.95),
        ("place", &place, 0.90),
    ] {
        assert!(
            s.precision() >= min && s.recall() >= min,
            "{name}: precision {:.3}, recall {:.3}, below {min}",
            s.precision(),
            s.recall()
        );
    }
}
