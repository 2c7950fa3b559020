//! The report's head and tail: totals by severity and by rule (a bar chart
//! in inline SVG beside the same numbers as a table), the worst files, the
//! filters the script turns on, and the pages of the rules that fired.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{FileRow, attr, esc};
use crate::report::{Sink, Summary, plural, rule_url};

/// The totals the summary shows.
pub(super) struct Totals<'a> {
    pub summary: &'a Summary,
    pub files: &'a [FileRow],
    pub by_rule: &'a BTreeMap<&'static str, [usize; 3]>,
    pub images: usize,
}

/// How many files the "worst files" list names.
const WORST: usize = 20;

const SEVERITIES: [&str; 3] = ["error", "warning", "info"];

pub(super) fn render(out: &mut Sink, t: &Totals<'_>) {
    let s = t.summary;
    out.push_str("<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n<dl class=\"totals\">\n");
    let total = s.errors + s.warnings + s.infos;
    for (key, label, n) in [
        ("files", "Files", s.files),
        ("images", "Images", t.images),
        ("findings", "Findings", total),
        ("error", "Errors", s.errors),
        ("warning", "Warnings", s.warnings),
        ("info", "Infos", s.infos),
    ] {
        let _ = writeln!(
            out,
            "<div class=\"total {key}\"><dt>{label}</dt><dd data-count=\"{key}\">{n}</dd></div>"
        );
    }
    out.push_str("</dl>\n");
    if let Some(b) = s.baseline {
        let _ = writeln!(
            out,
            "<div class=\"baseline\">Baseline: {} hidden, {} no longer found.</div>",
            plural(b.matched, "known finding"),
            b.fixed
        );
    }
    if !t.by_rule.is_empty() {
        by_rule(out, t.by_rule);
    }
    worst(out, t.files);
    out.push_str("</section>\n");
}

fn by_rule(out: &mut Sink, by_rule: &BTreeMap<&'static str, [usize; 3]>) {
    let mut rows: Vec<(&str, [usize; 3])> = by_rule.iter().map(|(r, c)| (*r, *c)).collect();
    rows.sort_by_key(|(rule, c)| (std::cmp::Reverse(c.iter().sum::<usize>()), *rule));
    out.push_str("<h3 id=\"by-rule-h\">Findings by rule</h3>\n<div class=\"by-rule\">\n");
    chart(out, &rows);
    out.push_str(
        "<table aria-labelledby=\"by-rule-h\">\n<thead><tr><th scope=\"col\">Rule</th>\
         <th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th><th scope=\"col\">Infos</th>\
         <th scope=\"col\">Total</th></tr></thead>\n<tbody>\n",
    );
    for (rule, c) in &rows {
        let _ = writeln!(
            out,
            "<tr data-rule=\"{r}\"><th scope=\"row\"><a href=\"#rule-{r}\">{r}</a></th>\
             <td>{}</td><td>{}</td><td>{}</td><td data-count=\"rule\">{}</td></tr>",
            c[0],
            c[1],
            c[2],
            c.iter().sum::<usize>(),
            r = attr(rule)
        );
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}

/// Horizontal bars, one per rule, split by severity; its numbers are in
/// the table beside it, which the chart's description points to.
fn chart(out: &mut Sink, rows: &[(&str, [usize; 3])]) {
    const LABEL: usize = 210;
    const BAR: usize = 300;
    const ROW: usize = 22;
    let max = rows
        .iter()
        .map(|(_, c)| c.iter().sum::<usize>())
        .max()
        .unwrap_or(1)
        .max(1);
    let height = rows.len() * ROW + 4;
    let width = LABEL + BAR + 50;
    let _ = writeln!(
        out,
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-t\" viewBox=\"0 0 {width} {height}\" \
         width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"chart-t\">Bar chart of findings by rule and severity; the table beside it has the numbers</title>"
    );
    for (i, (rule, c)) in rows.iter().enumerate() {
        let y = i * ROW + 2;
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            LABEL - 8,
            y + 15,
            esc(rule)
        );
        let mut x = LABEL;
        for (s, n) in c.iter().enumerate() {
            let w = n * BAR / max;
            if *n > 0 {
                let _ = write!(
                    out,
                    "<rect class=\"bar-{}\" x=\"{x}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                    SEVERITIES[s],
                    y + 3,
                    w.max(2),
                    ROW - 6
                );
            }
            x += w.max(usize::from(*n > 0) * 2);
        }
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            x + 6,
            y + 15,
            c.iter().sum::<usize>()
        );
    }
    out.push_str("</svg>\n");
}

fn worst(out: &mut Sink, files: &[FileRow]) {
    let mut worst: Vec<&FileRow> = files
        .iter()
        .filter(|f| f.counts.iter().any(|&n| n > 0))
        .collect();
    worst.sort_by_key(|f| std::cmp::Reverse(f.counts));
    let clean = files.len() - worst.len();
    out.push_str("<h3 id=\"worst-h\">Files with the most findings</h3>\n");
    if worst.is_empty() {
        out.push_str("<div class=\"empty\">No file has findings.</div>\n");
        return;
    }
    out.push_str(
        "<table class=\"worst\" aria-labelledby=\"worst-h\">\n<thead><tr><th scope=\"col\">File</th>\
         <th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th><th scope=\"col\">Infos</th></tr></thead>\n<tbody>\n",
    );
    for f in worst.iter().take(WORST) {
        let title = f
            .title
            .as_deref()
            .map(|t| format!("<span class=\"title\">{}</span>", esc(t)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\"><a href=\"#{}\"><code>{}</code></a>{title}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            f.anchor,
            esc(&f.path),
            f.counts[0],
            f.counts[1],
            f.counts[2]
        );
    }
    out.push_str("</tbody>\n</table>\n");
    let more = worst.len().saturating_sub(WORST);
    if more > 0 || clean > 0 {
        let _ = writeln!(
            out,
            "<div class=\"note\">{}{}{}.</div>",
            if more > 0 {
                format!("{} more with findings", plural(more, "file"))
            } else {
                String::new()
            },
            if more > 0 && clean > 0 { "; " } else { "" },
            if clean > 0 {
                format!("{} without findings", plural(clean, "file"))
            } else {
                String::new()
            }
        );
    }
}

/// The filter form: hidden until the script shows it, so the page reads
/// the same without JavaScript.
pub(super) fn filters(out: &mut Sink, by_rule: &BTreeMap<&'static str, [usize; 3]>) {
    out.push_str(
        "<search id=\"filters\" hidden>\n<h2 id=\"filters-h\">Filters</h2>\n\
         <form aria-labelledby=\"filters-h\">\n<fieldset><legend>Severity</legend>\n",
    );
    for s in SEVERITIES {
        let _ = writeln!(
            out,
            "<label><input type=\"checkbox\" name=\"severity\" value=\"{s}\" checked> {s}</label>"
        );
    }
    out.push_str(
        "</fieldset>\n<label for=\"rule-filter\">Rule</label>\n\
         <select id=\"rule-filter\" name=\"rule\">\n<option value=\"\">every rule</option>\n",
    );
    for rule in by_rule.keys() {
        let _ = writeln!(out, "<option value=\"{r}\">{r}</option>", r = attr(rule));
    }
    out.push_str(
        "</select>\n<label for=\"search-filter\">Search</label>\n\
         <input type=\"search\" id=\"search-filter\" name=\"q\" placeholder=\"alt text, caption, path, message\">\n\
         </form>\n<div id=\"filter-status\" role=\"status\" aria-live=\"polite\"></div>\n</search>\n",
    );
}

/// The pages of the rules that fired (`presslint explain`), which each
/// finding links to, and their addresses on the web.
pub(super) fn rule_pages(out: &mut Sink, by_rule: &BTreeMap<&'static str, [usize; 3]>) {
    if by_rule.is_empty() {
        return;
    }
    out.push_str("<section id=\"rules\" aria-labelledby=\"rules-h\">\n<h2 id=\"rules-h\">The rules that fired</h2>\n");
    for rule in by_rule.keys() {
        let Some(r) = crate::rules::find(rule) else {
            continue;
        };
        let _ = writeln!(
            out,
            "<details class=\"rule-page\" id=\"rule-{id}\"><summary><code>{id}</code>: {summary}</summary>\
             <div class=\"doc\">{doc}</div><a href=\"{url}\">{id} on the web</a></details>",
            id = attr(r.id),
            summary = esc(r.summary),
            doc = esc(r.doc),
            url = attr(&rule_url(r.id)),
        );
    }
    out.push_str("</section>\n");
}
