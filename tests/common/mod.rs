//! Helpers shared by the integration tests.

/// `text` as a JSON string with every non-ASCII character written as a `\u` escape (surrogate
/// pairs outside the BMP), the hardest form for a reader that unescapes text in pieces.
pub fn json_string_with_u_escapes(text: &str) -> String {
    let mut out = String::new();
    for c in serde_json::to_string(text).unwrap().chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}
