//! The few pieces of HTTP the room page needs: form bodies and query
//! strings, the participant's cookie, and HTML escaping. Small and
//! bounded, so a hostile request costs in proportion to its (capped) size.

/// Decodes `application/x-www-form-urlencoded` text (a form body or a
/// query string) into pairs. Bad escapes are kept as typed.
pub fn pairs(text: &str) -> Vec<(String, String)> {
    text.split('&')
        .filter(|p| !p.is_empty())
        .take(16)
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// The value of `name` in a form body or query string.
pub fn field(text: &str, name: &str) -> Option<String> {
    pairs(text)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// Percent-decoding, with `+` for a space; a bad escape is kept as typed,
/// invalid UTF-8 is replaced.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (escaped, bytes[i]) {
            (Some(b), _) => {
                out.push(b);
                i += 3;
                continue;
            }
            (None, b'+') => out.push(b' '),
            (None, b) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The value of the cookie `name` in a `Cookie` header.
pub fn cookie(header: &str, name: &str) -> Option<String> {
    header.split(';').find_map(|part| {
        let (k, v) = part.trim().split_once('=')?;
        (k == name).then(|| v.to_owned())
    })
}

/// Text made safe inside HTML elements and quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode_escapes_and_plus() {
        assert_eq!(
            pairs("text=Long+queue%21&card=12"),
            vec![
                ("text".to_owned(), "Long queue!".to_owned()),
                ("card".to_owned(), "12".to_owned())
            ]
        );
        assert_eq!(field("a=%E2%82%AC", "a").as_deref(), Some("€"));
        assert_eq!(field("a=%zz%4", "a").as_deref(), Some("%zz%4"));
        assert_eq!(field("a=1", "b"), None);
    }

    #[test]
    fn cookies_and_escaping() {
        assert_eq!(cookie("x=1; wm=abc", "wm").as_deref(), Some("abc"));
        assert_eq!(cookie("wmx=1", "wm"), None);
        assert_eq!(
            escape("<b a=\"x\">&'"),
            "&lt;b a=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
