//! Prints the tokens, quote regions, sentences and quotes of a text file: a debugging aid.
//! `cargo run --release --example debug_quotes -- FILE`
fn main() {
    let path = std::env::args().nth(1).expect("usage: debug_quotes FILE");
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let doc = whosaid::text::Document::new(&text);
    for (i, t) in doc.tokens.iter().enumerate() {
        print!("{i}:{:?}{} ", doc.word(i), if doc.is_narrative(i) { "" } else { "*" });
        let _ = t;
    }
    println!();
    for s in &doc.sentences {
        println!("sentence {}..{}: {:?}", s.first, s.last, s.span.slice(&text));
    }
    for q in whosaid::quotes::detect(&doc) {
        println!("{:?} {} {:?} <- {:?}", q.kind, q.rule, q.span.slice(&text), q.mention.map(|m| m.span.slice(&text)));
    }
}
