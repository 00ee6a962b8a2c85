//! Golden tests: every fixture article in `fixtures/articles/` against its expected analysis,
//! `fixtures/expected/NAME.json` (the `analyze` object) and `fixtures/expected/NAME.snap` (a
//! readable snapshot with carets under each quote, cue and mention).
//!
//! To accept new output deliberately, after reviewing the change:
//! `UPDATE_GOLDEN=1 cargo test --release --test golden`, then read `git diff fixtures/expected`.

use std::path::Path;
use whosaid::report::render::snapshot;
use whosaid::wire::DocOut;

fn expected_outputs(path: &Path) -> (String, String) {
    let text = std::fs::read_to_string(path).expect("fixture is UTF-8");
    let analysis = whosaid::analyze(&text);
    let name = path.file_stem().unwrap().to_string_lossy().to_string();
    let doc = DocOut::new(serde_json::Value::from(name), Default::default(), &analysis);
    let mut json = serde_json::to_string_pretty(&doc).expect("serialises");
    json.push('\n');
    (json, snapshot(&analysis))
}

#[test]
fn golden_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let articles = root.join("fixtures/articles");
    let expected = root.join("fixtures/expected");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut files: Vec<_> =
        std::fs::read_dir(&articles).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    files.sort();
    assert!(files.len() >= 8, "the fixture articles are missing");
    let mut failures = Vec::new();
    for path in &files {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let (json, snap) = expected_outputs(path);
        for (ext, got) in [("json", &json), ("snap", &snap)] {
            let want_path = expected.join(format!("{stem}.{ext}"));
            if update {
                std::fs::write(&want_path, got).unwrap();
                continue;
            }
            let want = std::fs::read_to_string(&want_path).unwrap_or_default();
            if &want != got {
                let line = want.lines().zip(got.lines()).position(|(a, b)| a != b).unwrap_or(want.lines().count().min(got.lines().count()));
                failures.push(format!(
                    "{stem}.{ext} differs at line {}:\n  want: {}\n  got:  {}",
                    line + 1,
                    want.lines().nth(line).unwrap_or("<end>"),
                    got.lines().nth(line).unwrap_or("<end>")
                ));
            }
        }
    }
    assert!(failures.is_empty(), "golden outputs differ (review, then UPDATE_GOLDEN=1 to accept):\n{}", failures.join("\n"));
}
