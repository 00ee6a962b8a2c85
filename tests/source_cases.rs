//! Data-driven source-model tests: each case in `source_cases.txt` describes one source.

use whosaid::analyze;
use whosaid::sources::SourceType;

fn cases() -> Vec<Vec<(String, String)>> {
    include_str!("source_cases.txt")
        .split("\n\n")
        .map(|block| {
            block
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .filter_map(|l| l.split_once(": ").map(|(k, v)| (k.trim().to_string(), v.to_string())))
                .collect::<Vec<_>>()
        })
        .filter(|f| f.iter().any(|(k, _)| k == "name"))
        .collect()
}

#[test]
fn source_model_cases() {
    let cases = cases();
    assert!(cases.len() >= 10);
    let mut failures = Vec::new();
    for case in &cases {
        let get = |key: &str| case.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
        let name = get("name").unwrap();
        let text = get("text").expect("text").replace("\\n", "\n");
        let a = analyze(&text);
        let names: Vec<&str> = a.sources.iter().map(|s| s.name.as_str()).collect();
        if let Some(n) = get("sources") {
            if a.sources.len().to_string() != n {
                failures.push(format!("{name}: {} sources, want {n}: {names:?}", a.sources.len()));
            }
        }
        // (A case may check only how many sources there are.)
        let Some(want) = get("source") else { continue };
        let Some(src) = a.sources.iter().find(|s| s.name == want) else {
            failures.push(format!("{name}: no source {want:?} in {names:?}"));
            continue;
        };
        let slice = |s: Option<whosaid::Span>| s.map(|s| s.slice(&text).to_string());
        let checks: Vec<(&str, String)> = vec![
            (
                "type",
                match src.kind {
                    SourceType::Person => "person",
                    SourceType::Organisation => "organisation",
                    SourceType::Document => "document",
                    SourceType::Group => "group",
                    SourceType::Anonymous => "anonymous",
                }
                .to_string(),
            ),
            ("anonymous", src.anonymous.to_string()),
            ("count", src.count.map_or("none".to_string(), |c| c.to_string())),
            ("title", slice(src.title).unwrap_or_else(|| "none".into())),
            ("role", slice(src.role).unwrap_or_else(|| "none".into())),
            ("age", src.age.map_or("none".to_string(), |a| a.to_string())),
            ("affiliation", src.affiliation.clone().unwrap_or_else(|| "none".into())),
            ("gender", format!("{:?}", src.gender).to_lowercase()),
            ("mentions", src.mentions.len().to_string()),
            ("quotes", src.quotes.len().to_string()),
        ];
        for (key, got) in checks {
            if let Some(w) = get(key) {
                if got != w {
                    failures.push(format!("{name}: {key} {got:?}, want {w:?}"));
                }
            }
        }
        if let Some(w) = get("reason") {
            let got = slice(src.anonymity_reason);
            let ok = match (w, &got) {
                ("none", None) => true,
                (w, Some(r)) => r.contains(w),
                _ => false,
            };
            if !ok {
                failures.push(format!("{name}: reason {got:?}, want {w:?}"));
            }
        }
        if let Some(w) = get("reason_is") {
            let got = slice(src.anonymity_reason);
            if got.as_deref() != Some(w) {
                failures.push(format!("{name}: reason {got:?}, want exactly {w:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{} source cases failed:\n{}", failures.len(), failures.join("\n"));
}
