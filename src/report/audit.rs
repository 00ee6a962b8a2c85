//! Sourcing audits over many articles (`whosaid audit`).
//!
//! In: analysed articles ([`DocOut`]), each with its metadata. Out: one [`Aggregate`] per group
//! (by outlet, author, month, ...). Aggregates hold only sums and counts, so audits of shards
//! merge exactly: `analyze` in parallel pieces, then one `audit` over all the outputs gives the
//! same figures as one `audit` over the whole.

use crate::sources::SourceType;
use crate::wire::DocOut;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Sums and counts for one group of articles.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Aggregate {
    pub articles: usize,
    pub quotes: usize,
    pub direct: usize,
    pub indirect: usize,
    pub mixed: usize,
    pub unattributed: usize,
    pub sources: usize,
    pub named_sources: usize,
    pub anonymous_sources: usize,
    pub persons: usize,
    pub organisations: usize,
    pub documents: usize,
    pub groups: usize,
    pub anonymous: usize,
    pub anonymous_without_reason: usize,
    pub single_source_articles: usize,
    pub loaded_verbs: usize,
    pub male_sources: usize,
    pub female_sources: usize,
    pub quoted_words_named: usize,
    pub quoted_words_anonymous: usize,
    /// Words quoted per source, keyed `name (role)`.
    pub words_by_source: BTreeMap<String, usize>,
}

impl Aggregate {
    /// Adds one analysed article.
    pub fn add(&mut self, doc: &DocOut) {
        let s = &doc.summary;
        self.articles += 1;
        self.quotes += s.quotes;
        self.direct += s.direct;
        self.indirect += s.indirect;
        self.mixed += s.mixed;
        self.unattributed += s.unattributed;
        self.sources += s.sources;
        self.named_sources += s.named_sources;
        self.anonymous_sources += s.anonymous_sources;
        self.persons += s.persons;
        self.organisations += s.organisations;
        self.documents += s.documents;
        self.groups += s.groups;
        self.anonymous += s.anonymous;
        self.anonymous_without_reason += s.anonymous_without_reason;
        self.single_source_articles += usize::from(s.sources == 1);
        self.loaded_verbs += s.loaded_verbs;
        self.male_sources += s.male_sources;
        self.female_sources += s.female_sources;
        self.quoted_words_named += s.quoted_words_named;
        self.quoted_words_anonymous += s.quoted_words_anonymous;
        for src in &doc.sources {
            if matches!(src.kind, SourceType::Person | SourceType::Organisation) && !src.anonymous {
                let key = match &src.role {
                    Some(r) => format!("{} ({})", src.name, r),
                    None => src.name.to_string(),
                };
                *self.words_by_source.entry(key).or_default() += src.quoted_words;
            }
        }
    }

    /// Adds another group's sums (shards of one audit).
    pub fn merge(&mut self, o: &Aggregate) {
        macro_rules! sum {
            ($($f:ident),*) => { $( self.$f += o.$f; )* };
        }
        sum!(
            articles,
            quotes,
            direct,
            indirect,
            mixed,
            unattributed,
            sources,
            named_sources,
            anonymous_sources,
            persons,
            organisations,
            documents,
            groups,
            anonymous,
            anonymous_without_reason,
            single_source_articles,
            loaded_verbs,
            male_sources,
            female_sources,
            quoted_words_named,
            quoted_words_anonymous
        );
        for (k, v) in &o.words_by_source {
            *self.words_by_source.entry(k.clone()).or_default() += v;
        }
    }

    /// The sources quoted most, by words: `(name (role), words)`.
    pub fn top_sources(&self, n: usize) -> Vec<(&str, usize)> {
        let mut v: Vec<(&str, usize)> = self.words_by_source.iter().map(|(k, &w)| (k.as_str(), w)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }

    /// The derived figures, by their CSV column names.
    pub fn derived(&self) -> Vec<(&'static str, f64)> {
        let per = |n: usize, d: usize| if d > 0 { n as f64 / d as f64 } else { 0.0 };
        let people = self.named_sources + self.anonymous_sources;
        vec![
            ("quotes_per_article", per(self.quotes, self.articles)),
            ("sources_per_article", per(self.sources, self.articles)),
            ("single_source_share", per(self.single_source_articles, self.articles)),
            ("named_share", per(self.named_sources, people)),
            ("anonymous_share", per(self.anonymous_sources, people)),
            ("anonymous_without_reason_share", per(self.anonymous_without_reason, self.anonymous)),
            ("loaded_verb_rate", per(self.loaded_verbs, self.quotes)),
            ("female_share_of_gendered", per(self.female_sources, self.female_sources + self.male_sources)),
            ("quoted_words_per_source", per(self.quoted_words_named + self.quoted_words_anonymous, self.sources)),
        ]
    }
}

/// The group an article belongs to: the metadata field's value (under `meta`), `date` and
/// `month` by their first seven characters (`YYYY-MM`), `(none)` when missing, `all` with no field.
pub fn group_key(doc: &DocOut, by: Option<&str>) -> String {
    let Some(field) = by else { return "all".to_string() };
    let lookup = if field == "month" { "date" } else { field };
    let value = doc.meta.get(lookup).or_else(|| doc.meta.get(field));
    let text = match value {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Null) | None => return "(none)".to_string(),
        Some(v) => v.to_string(),
    };
    if matches!(field, "date" | "month") { text.chars().take(7).collect() } else { text }
}

/// Column names of the CSV output, in order.
pub const CSV_COUNTS: &[&str] = &[
    "articles",
    "quotes",
    "direct",
    "indirect",
    "mixed",
    "unattributed",
    "sources",
    "named_sources",
    "anonymous_sources",
    "persons",
    "organisations",
    "documents",
    "groups",
    "anonymous",
    "anonymous_without_reason",
    "single_source_articles",
    "loaded_verbs",
    "male_sources",
    "female_sources",
    "quoted_words_named",
    "quoted_words_anonymous",
];

impl Aggregate {
    /// The counts in `CSV_COUNTS` order.
    pub fn counts(&self) -> Vec<usize> {
        vec![
            self.articles,
            self.quotes,
            self.direct,
            self.indirect,
            self.mixed,
            self.unattributed,
            self.sources,
            self.named_sources,
            self.anonymous_sources,
            self.persons,
            self.organisations,
            self.documents,
            self.groups,
            self.anonymous,
            self.anonymous_without_reason,
            self.single_source_articles,
            self.loaded_verbs,
            self.male_sources,
            self.female_sources,
            self.quoted_words_named,
            self.quoted_words_anonymous,
        ]
    }
}

/// CSV: one row per group; columns `group`, the counts, the derived figures, `top_sources`.
pub fn to_csv(groups: &BTreeMap<String, Aggregate>) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["group".to_string()];
    header.extend(CSV_COUNTS.iter().map(|s| s.to_string()));
    header.extend(Aggregate::default().derived().iter().map(|(k, _)| k.to_string()));
    header.push("top_sources".into());
    w.write_record(&header)?;
    for (g, a) in groups {
        let mut row = vec![g.clone()];
        row.extend(a.counts().iter().map(|n| n.to_string()));
        row.extend(a.derived().iter().map(|(_, v)| format!("{v:.4}")));
        row.push(a.top_sources(5).iter().map(|(n, w)| format!("{n}: {w}")).collect::<Vec<_>>().join("; "));
        w.write_record(&row)?;
    }
    Ok(String::from_utf8(w.into_inner().map_err(|e| e.into_error())?).unwrap_or_default())
}

/// An aligned table for the terminal.
pub fn to_table(groups: &BTreeMap<String, Aggregate>) -> String {
    let head = [
        "group",
        "articles",
        "quotes/art",
        "sources/art",
        "single-src",
        "named",
        "anon",
        "anon no reason",
        "loaded verbs",
        "person/org/doc/group/anon",
        "female/male",
        "top source",
    ];
    let mut rows: Vec<Vec<String>> = vec![head.iter().map(|s| s.to_string()).collect()];
    for (g, a) in groups {
        let d: BTreeMap<&str, f64> = a.derived().into_iter().collect();
        rows.push(vec![
            g.clone(),
            a.articles.to_string(),
            format!("{:.1}", d["quotes_per_article"]),
            format!("{:.1}", d["sources_per_article"]),
            format!("{:.0}%", 100.0 * d["single_source_share"]),
            format!("{:.0}%", 100.0 * d["named_share"]),
            format!("{:.0}%", 100.0 * d["anonymous_share"]),
            format!("{}/{}", a.anonymous_without_reason, a.anonymous),
            format!("{:.1}%", 100.0 * d["loaded_verb_rate"]),
            format!("{}/{}/{}/{}/{}", a.persons, a.organisations, a.documents, a.groups, a.anonymous),
            format!("{}/{}", a.female_sources, a.male_sources),
            a.top_sources(1).first().map_or(String::new(), |(n, w)| format!("{n} ({w} words)")),
        ]);
    }
    let widths: Vec<usize> = (0..head.len()).map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for (i, r) in rows.iter().enumerate() {
        let line: Vec<String> = r.iter().enumerate().map(|(c, cell)| format!("{cell:<w$}", w = widths[c])).collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
        if i == 0 {
            out.push_str(&"-".repeat(widths.iter().sum::<usize>() + 2 * (widths.len() - 1)));
            out.push('\n');
        }
    }
    out
}

/// The audit as one self-contained HTML page with inline SVG charts.
pub fn to_html(groups: &BTreeMap<String, Aggregate>, by: Option<&str>) -> String {
    use super::html::escape;
    let bar = |label: &str, parts: &[(f64, &str, &str)]| {
        let mut x = 0.0;
        let mut rects = String::new();
        for (share, colour, name) in parts {
            let w = 400.0 * share;
            if w > 0.0 {
                rects.push_str(&format!(
                    r#"<rect x="{x:.1}" y="0" width="{w:.1}" height="18" fill="{colour}"><title>{name}: {:.0}%</title></rect>"#,
                    100.0 * share
                ));
            }
            x += w;
        }
        format!(
            r#"<div class="row"><span class="label">{}</span><svg class="bar" width="400" height="18" role="img">{rects}</svg></div>"#,
            escape(label)
        )
    };
    let mut named = String::new();
    let mut types = String::new();
    for (g, a) in groups {
        let d: BTreeMap<&str, f64> = a.derived().into_iter().collect();
        named.push_str(&bar(g, &[(d["named_share"], "#2e86de", "named"), (d["anonymous_share"], "#e67e22", "anonymous")]));
        let total = a.sources.max(1) as f64;
        types.push_str(&bar(
            g,
            &[
                (a.persons as f64 / total, "#2e86de", "person"),
                (a.organisations as f64 / total, "#27ae60", "organisation"),
                (a.documents as f64 / total, "#8e44ad", "document"),
                (a.groups as f64 / total, "#c0392b", "group"),
                (a.anonymous as f64 / total, "#e67e22", "anonymous"),
            ],
        ));
    }
    // A time series when grouped by date: anonymous share per month.
    let mut series = String::new();
    if matches!(by, Some("date" | "month")) && groups.len() > 1 {
        let n = groups.len();
        let points: Vec<(f64, f64, &String)> = groups
            .iter()
            .enumerate()
            .map(|(i, (g, a))| {
                let d: BTreeMap<&str, f64> = a.derived().into_iter().collect();
                (20.0 + 560.0 * i as f64 / (n - 1) as f64, 180.0 - 160.0 * d["anonymous_share"], g)
            })
            .collect();
        let path: Vec<String> = points.iter().map(|(x, y, _)| format!("{x:.1},{y:.1}")).collect();
        let dots: String = points.iter().map(|(x, y, g)| format!(r##"<circle cx="{x:.1}" cy="{y:.1}" r="4" fill="#e67e22"><title>{}</title></circle><text x="{x:.1}" y="198" font-size="10" text-anchor="middle">{}</text>"##, escape(g), escape(g))).collect();
        series = format!(
            r##"<section><h2>Anonymous share of sources by month</h2><svg id="series" width="600" height="200" role="img"><line x1="20" y1="180" x2="580" y2="180" stroke="#999"/><polyline fill="none" stroke="#e67e22" stroke-width="2" points="{}"/>{dots}</svg></section>"##,
            path.join(" ")
        );
    }
    let table = escape(&to_table(groups));
    format!(
        r##"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>whosaid audit</title><style>
body{{font-family:sans-serif;margin:24px;background:#f6f4ef;color:#222}} section{{background:#fff;border-radius:6px;padding:12px 16px;margin-bottom:16px}}
h1{{font-size:20px}} h2{{font-size:15px}} .row{{display:flex;align-items:center;margin:4px 0}} .label{{width:220px;font-size:13px}}
.legend span{{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}} pre{{font-size:12px;overflow-x:auto}}
</style></head><body><h1>whosaid sourcing audit{by}</h1>
<section id="named"><h2>Named and anonymous sources</h2><div class="legend"><span style="background:#2e86de"></span>named<span style="background:#e67e22"></span>anonymous</div>{named}</section>
<section id="types"><h2>Source types</h2><div class="legend"><span style="background:#2e86de"></span>person<span style="background:#27ae60"></span>organisation<span style="background:#8e44ad"></span>document<span style="background:#c0392b"></span>group<span style="background:#e67e22"></span>anonymous</div>{types}</section>
{series}
<section id="table"><h2>Figures</h2><pre>{table}</pre></section>
</body></html>
"##,
        by = by.map_or(String::new(), |b| format!(" by {}", escape(b))),
    )
}
