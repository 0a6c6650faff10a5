//! Keeping text cells from running as spreadsheet formulas.
//!
//! Excel, LibreOffice and Google Sheets run a cell that starts with `=`,
//! `+`, `-` or `@` as a formula (`=HYPERLINK(…)`, `=cmd|…`), and some also
//! one that starts with a tab or a carriage return. OWASP's advice for CSV
//! export is to put a single quote in front of such a cell: spreadsheets
//! then show it as text, and hide the quote.
//!
//! The reader must take the quote off again, and must not take off a quote
//! that was really there. So the writer also protects a cell that starts
//! with `'` followed by a formula character or by another `'`, and the
//! reader takes one `'` off exactly when such a pair starts the cell:
//!
//! | text in the map | cell written |
//! |-----------------|--------------|
//! | `=1+1`          | `'=1+1`      |
//! | `'=1+1`         | `''=1+1`     |
//! | `''x`           | `'''x`       |
//! | `'tis`          | `'tis`       |
//! | `'`             | `'`          |

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The quote that marks a cell as text.
const TEXT_MARK: char = '\'';

/// Whether the reader would take a `'` off the front of this cell.
fn marked(cell: &str) -> bool {
    let mut chars = cell.chars();
    chars.next() == Some(TEXT_MARK)
        && chars
            .next()
            .is_some_and(|c| c == TEXT_MARK || FORMULA_STARTS.contains(&c))
}

/// A text as a cell that opens as text in a spreadsheet: with a `'` in
/// front when it would run as a formula, or would lose a `'` of its own
/// when read back.
pub fn protect(text: &str) -> String {
    let needs = text.starts_with(FORMULA_STARTS) || marked(text);
    if needs {
        let mut cell = String::with_capacity(text.len() + 1);
        cell.push(TEXT_MARK);
        cell.push_str(text);
        cell
    } else {
        text.to_owned()
    }
}

/// A cell's text without the `'` [`protect`] put in front; any other cell
/// as it is.
pub fn unprotect(cell: &str) -> &str {
    if marked(cell) { &cell[1..] } else { cell }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_get_a_quote_and_lose_it_again() {
        let cases = [
            ("=1+1", "'=1+1"),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'=1+1", "''=1+1"),
            ("''x", "'''x"),
            ("'", "'"),
            ("'tis", "'tis"),
            ("plain", "plain"),
            ("", ""),
            (" =1", " =1"),
        ];
        for (text, cell) in cases {
            assert_eq!(protect(text), cell, "{text:?}");
            assert_eq!(unprotect(cell), text, "{cell:?}");
        }
        // Hand-written cells: a spreadsheet's text mark comes off.
        assert_eq!(unprotect("'=A1"), "=A1");
        assert_eq!(unprotect("'Tis"), "'Tis");
    }
}
