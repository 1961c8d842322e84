//! Escaping for the page: every string that comes from the data (answers, questions, labels,
//! group names, file names) goes through one of these before it reaches the HTML.

use std::fmt::Write as _;

/// `s` as HTML text or a double- or single-quoted attribute value: `& < > " '` become
/// references; control characters other than tab and line breaks (which no HTML page should
/// carry) are dropped.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// `value` as JSON that can stand inside `<script type="application/json">`: `<`, `>` and `&`
/// are written as `\u003c` … (so neither `</script>` nor `<!--` can end or change the element),
/// and U+2028/U+2029 as escapes too (they end a line in older JavaScript). JSON has these
/// characters only inside strings, where the escapes read back as the same text.
pub fn script_json(value: &serde_json::Value) -> String {
    let raw = value.to_string();
    let mut out = String::with_capacity(raw.len() + raw.len() / 16);
    for c in raw.chars() {
        match c {
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// `template` with every `{{name}}` replaced by its value from `values`, in one pass: text that a
/// value brings in is never read as a placeholder (an answer `{{body}}` stays as it is). An
/// unknown name stays as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out =
        String::with_capacity(template.len() + values.iter().map(|(_, v)| v.len()).sum::<usize>());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) => {
                let name = &after[..end];
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[start..start + 2 + end + 2]),
                }
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let cases = [
            (
                "</script><script>alert(1)</script>",
                "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            (
                "\"><img src=x onerror=alert(1)>",
                "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
            ),
            ("&amp;", "&amp;amp;"),
            ("it's", "it&#39;s"),
            ("{{x}}", "{{x}}"),
            ("a\u{0}b\u{7}c\nd", "abc\nd"),
            ("Bürger*innen", "Bürger*innen"),
        ];
        for (raw, escaped) in cases {
            assert_eq!(esc(raw), escaped, "{raw:?}");
        }
    }

    #[test]
    fn json_cannot_close_its_script_element() {
        let value = serde_json::json!({"a": "</script><!-- & \u{2028}\u{2029} >"});
        let out = script_json(&value);
        assert!(
            !out.contains('<') && !out.contains('>') && !out.contains('&'),
            "{out}"
        );
        assert!(!out.contains('\u{2028}') && !out.contains('\u{2029}'));
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn placeholders_are_filled_once() {
        let page = fill(
            "<p>{{a}}</p><p>{{b}}</p>{{unknown}}{{",
            &[("a", "{{b}}"), ("b", "B")],
        );
        assert_eq!(page, "<p>{{b}}</p><p>B</p>{{unknown}}{{");
    }
}
