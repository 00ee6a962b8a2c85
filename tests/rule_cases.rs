//! Data-driven rule tests: each case in `rule_cases.txt` is a rule's example.

use whosaid::analyze;

struct Case {
    name: String,
    fields: Vec<(String, String)>,
}

impl Case {
    fn get(&self, key: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

fn cases() -> Vec<Case> {
    let src = include_str!("rule_cases.txt");
    let mut out = Vec::new();
    for block in src.split("\n\n") {
        let fields: Vec<(String, String)> = block
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once(": ").map(|(k, v)| (k.trim().to_string(), v.to_string())))
            .collect();
        if let Some((_, name)) = fields.iter().find(|(k, _)| k == "name") {
            out.push(Case { name: name.clone(), fields });
        }
    }
    out
}

#[test]
fn rule_examples() {
    let cases = cases();
    assert!(cases.len() >= 20, "rule_cases.txt should hold the rule examples");
    let mut failures = Vec::new();
    for case in &cases {
        let text = case.get("text").expect("text").replace("\\n", "\n");
        let a = analyze(&text);
        let found: Vec<String> = a
            .quotes
            .iter()
            .map(|q| format!("{:?} {} [{}]", q.span.slice(&text), q.rule, q.mention.map_or("-", |m| m.span.slice(&text))))
            .collect();
        if let Some(absent) = case.get("none") {
            if a.quotes.iter().any(|q| q.span.slice(&text).contains(absent)) {
                failures.push(format!("{}: expected no quote over {absent:?}, found {found:?}", case.name));
            }
            continue;
        }
        let want = case.get("quote").expect("quote");
        let Some((i, q)) = a.quotes.iter().enumerate().find(|(_, q)| q.span.slice(&text) == want) else {
            failures.push(format!("{}: no quote {want:?}; found {found:?}", case.name));
            continue;
        };
        if let Some(kind) = case.get("kind") {
            if q.kind.as_str() != kind {
                failures.push(format!("{}: kind {} != {kind}", case.name, q.kind.as_str()));
            }
        }
        if let Some(rule) = case.get("rule") {
            if q.rule != rule {
                failures.push(format!("{}: rule {} != {rule}", case.name, q.rule));
            }
        }
        if let Some(speaker) = case.get("speaker") {
            let got = q.mention.map_or("-", |m| m.span.slice(&text));
            if got != speaker {
                failures.push(format!("{}: speaker {got:?} != {speaker:?}", case.name));
            }
        }
        if let Some(mention) = case.get("mention") {
            let got = a.attributions[i].mention.map_or("-", |m| m.slice(&text));
            if got != mention {
                failures.push(format!("{}: mention {got:?} != {mention:?}", case.name));
            }
        }
        if let Some(name) = case.get("name").filter(|_| case.fields.iter().filter(|(k, _)| k == "name").count() > 1) {
            let _ = name;
        }
        if let Some((_, source_name)) = case.fields.iter().filter(|(k, _)| k == "name").nth(1) {
            let got = a.attributions[i].source.map(|s| a.sources[s].name.as_str());
            if got != Some(source_name.as_str()) {
                failures.push(format!("{}: source {got:?} != {source_name:?}", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} rule examples failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
