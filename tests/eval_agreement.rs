//! `whosaid eval` scores like the reference scorer: a small invented gold file with known
//! figures, and agreement with `../shared/eval/score.py` on the shared sets where present.

use std::path::Path;
use std::process::Command;
use whosaid::eval::{Options, evaluate};

#[test]
fn scores_an_invented_gold_file() {
    let gold = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/eval_gold.jsonl")).unwrap();
    let r = evaluate(&gold[..], &Options::default()).unwrap();
    assert_eq!(r.gold, 4);
    // The three real quotes are found with their speakers; the fourth gold entry is a deliberate miss.
    assert_eq!(r.recall_counts["direct"], (2, 2));
    assert_eq!(r.recall_counts["indirect"], (1, 2));
    assert!(r.end_to_end.r > 0.74 && r.end_to_end.r < 0.76, "{:?}", r.end_to_end);
    assert_eq!(r.attribution_accuracy, 1.0);
    let direct = evaluate(&gold[..], &Options { kinds: vec!["direct".into()], errors: 5 }).unwrap();
    assert_eq!(direct.gold, 2);
    assert_eq!(direct.end_to_end.f1, 1.0);
}

fn reference(set: &str) -> Option<serde_json::Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/eval");
    let gold = shared.join(set);
    if !gold.exists() {
        eprintln!("skipped: {} is not here", gold.display());
        return None;
    }
    let analysed = Command::new(env!("CARGO_BIN_EXE_whosaid")).arg("analyze").arg(&gold).output().unwrap();
    let pred = std::env::temp_dir().join(format!("whosaid-eval-{}.jsonl", set.replace('/', "-")));
    std::fs::write(&pred, analysed.stdout).unwrap();
    let out =
        Command::new("python3").arg(shared.join("score.py")).arg(&gold).arg(&pred).args(["--pred-offsets", "bytes", "--json"]).output();
    match out {
        Ok(o) if o.status.success() => Some(serde_json::from_slice(&o.stdout).unwrap()),
        _ => {
            eprintln!("skipped: python3 could not run score.py");
            None
        }
    }
}

fn agree(set: &str) {
    let Some(want) = reference(set) else { return };
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval").join(set);
    let got = evaluate(std::io::BufReader::new(std::fs::File::open(gold).unwrap()), &Options::default()).unwrap();
    let got = serde_json::to_value(&got).unwrap();
    for key in ["docs", "gold", "pred", "attributed"] {
        assert_eq!(got[key], want[key], "{set}: {key}");
    }
    for (key, sub) in [
        ("exact", "f1"),
        ("exact", "p"),
        ("overlap", "f1"),
        ("overlap", "r"),
        ("end_to_end", "p"),
        ("end_to_end", "r"),
        ("end_to_end", "f1"),
    ] {
        let (g, w) = (got[key][sub].as_f64().unwrap(), want[key][sub].as_f64().unwrap());
        assert!((g - w).abs() < 1e-9, "{set}: {key}.{sub} {g} != {w}");
    }
    let (g, w) = (got["attribution_accuracy"].as_f64().unwrap(), want["attribution_accuracy"].as_f64().unwrap());
    assert!((g - w).abs() < 1e-9, "{set}: attribution_accuracy {g} != {w}");
}

#[test]
fn agrees_with_score_py_on_the_seed() {
    agree("seed/gold.jsonl");
}

#[test]
fn agrees_with_score_py_on_ggt() {
    agree("ggt/dev.jsonl");
}
