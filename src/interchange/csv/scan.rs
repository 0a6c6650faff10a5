//! Finding places in a CSV text: where a cell starts, as line:column, and
//! a quote that is never closed. Both follow the `csv` crate's reading of
//! RFC 4180: a quote opens a quoted cell only as the cell's first byte,
//! `""` inside quotes is one quote, and `\r`, `\n` and `\r\n` all end a row.

/// The line and character column of byte `at` of `text`. Line breaks are
/// `\n`, `\r\n` or a lone `\r`, as the `csv` crate reads them.
pub(super) fn line_col(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text.as_bytes()[..at];
    let mut line = 1;
    let mut line_start = 0;
    for (i, &b) in before.iter().enumerate() {
        let lone_cr = b == b'\r' && before.get(i + 1).is_none_or(|&n| n != b'\n');
        if b == b'\n' || lone_cr {
            line += 1;
            line_start = i + 1;
        }
    }
    // A `\r` right before `at` whose `\n` is at `at` ends the line at `at`,
    // not before it.
    if line_start == at && at > 0 && before[at - 1] == b'\r' && text.as_bytes()[at] == b'\n' {
        line -= 1;
        line_start = before[..at - 1]
            .iter()
            .rposition(|&b| b == b'\n' || b == b'\r')
            .map_or(0, |i| i + 1);
    }
    (line, text[line_start..at].chars().count() + 1)
}

/// Where the `csv` crate's reader is inside a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Before a record; line breaks here are blank lines, skipped.
    StartRecord,
    /// At the first byte of a cell.
    StartField,
    /// In a cell that is not quoted (a quote here is just text).
    InField,
    /// Inside quotes.
    Quoted,
    /// Just after a quote inside quotes: `"` again is an escaped quote,
    /// anything else closed the quotes.
    QuoteInQuoted,
}

/// What one byte did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// A blank line's break, before any record.
    Blank,
    /// Part of a cell (an opening quote included).
    Cell,
    /// A comma: the next cell starts after it.
    NextCell,
    /// A line break that ends the record.
    EndRecord,
}

/// One byte of the `csv` crate's reader (csv-core's NFA with quoting and
/// doubled quotes, `,` as delimiter, CRLF terminators).
fn step(state: State, b: u8) -> (State, Step) {
    let end_of_row = matches!(b, b'\r' | b'\n');
    match state {
        State::StartRecord if end_of_row => (State::StartRecord, Step::Blank),
        State::StartRecord | State::StartField if b == b'"' => (State::Quoted, Step::Cell),
        State::Quoted if b == b'"' => (State::QuoteInQuoted, Step::Cell),
        State::Quoted => (State::Quoted, Step::Cell),
        State::QuoteInQuoted if b == b'"' => (State::Quoted, Step::Cell),
        _ if b == b',' => (State::StartField, Step::NextCell),
        _ if end_of_row => (State::StartRecord, Step::EndRecord),
        _ => (State::InField, Step::Cell),
    }
}

/// The line and character column where cell `index` of the record that
/// starts at byte `record_start` begins (its end, for a short record). The
/// `csv` crate knows where a record starts, but in a CRLF text it counts
/// the `\n` of the line before as the record's start: blank-line bytes are
/// skipped here, as the reader skips them.
pub(super) fn cell_position(text: &str, record_start: usize, index: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut at = record_start.min(bytes.len());
    while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
        at += 1;
    }
    let mut state = State::StartField;
    let mut cell = 0;
    while cell < index && at < bytes.len() {
        let (next, what) = step(state, bytes[at]);
        match what {
            Step::EndRecord => break,
            Step::NextCell => cell += 1,
            Step::Blank | Step::Cell => {}
        }
        state = next;
        at += 1;
    }
    line_col(text, at)
}

/// A quoted cell that the text never closes: its opening quote's byte
/// offset, the 0-based number of its record (blank lines do not count, as
/// the `csv` crate skips them) and the 0-based index of its cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct UnclosedQuote {
    pub(super) at: usize,
    pub(super) record: usize,
    pub(super) cell: usize,
}

/// Finds a quote that is never closed, in one pass. The `csv` crate
/// accepts one silently and reads the rest of the text into that cell.
pub(super) fn unclosed_quote(text: &str) -> Option<UnclosedQuote> {
    let mut state = State::StartRecord;
    let (mut record, mut cell, mut opened) = (0usize, 0usize, 0usize);
    for (i, &b) in text.as_bytes().iter().enumerate() {
        let (next, what) = step(state, b);
        match what {
            Step::NextCell => cell += 1,
            Step::EndRecord => {
                record += 1;
                cell = 0;
            }
            Step::Blank | Step::Cell => {}
        }
        if next == State::Quoted && matches!(state, State::StartRecord | State::StartField) {
            opened = i;
        }
        state = next;
    }
    (state == State::Quoted).then_some(UnclosedQuote {
        at: opened,
        record,
        cell,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_every_kind_of_line_break() {
        let text = "ab\r\ncd\ref\ngh";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 2), (1, 3), "at the \\r");
        assert_eq!(line_col(text, 3), (1, 4), "at the \\n of \\r\\n");
        assert_eq!(line_col(text, 4), (2, 1));
        assert_eq!(line_col(text, 7), (3, 1), "after a lone \\r");
        assert_eq!(line_col(text, 10), (4, 1));
        assert_eq!(line_col("é,x", 2), (1, 2), "columns count characters");
        assert_eq!(line_col("é", 1), (1, 1), "inside a character: its start");
    }

    #[test]
    fn cells_are_found_after_crlf_and_inside_quotes() {
        let text = "a,b\r\nc,\"d,\r\ne\",f\r\n";
        // The csv crate says the second record starts at the `\n` (byte 4).
        assert_eq!(cell_position(text, 4, 0), (2, 1));
        assert_eq!(cell_position(text, 4, 1), (2, 3));
        assert_eq!(cell_position(text, 4, 2), (3, 4));
        assert_eq!(cell_position(text, 0, 1), (1, 3));
        // A quote inside an unquoted cell is text, not the start of quotes.
        assert_eq!(cell_position("a\"b,c", 0, 1), (1, 5));
        // A doubled quote inside quotes does not end them.
        assert_eq!(cell_position("\"a\"\"b,c\",d", 0, 1), (1, 10));
        // A short record: the end of its line.
        assert_eq!(cell_position("a,b\nc", 0, 5), (1, 4));
    }

    #[test]
    fn an_unclosed_quote_is_found_where_it_opens() {
        assert_eq!(unclosed_quote("a,b\r\nc,\"d\"\"e\",f\r\n"), None);
        assert_eq!(unclosed_quote("a,\"b\"x,c\n"), None, "text after quotes");
        assert_eq!(unclosed_quote("5\" screen,b\n"), None, "a quote mid-cell");
        let found = unclosed_quote("a,b\r\n\r\nc,\"d\r\ne,f\r\n").expect("unclosed");
        assert_eq!(
            found,
            UnclosedQuote {
                at: 9,
                record: 1,
                cell: 1
            }
        );
        let found = unclosed_quote("\"").expect("unclosed");
        assert_eq!((found.at, found.record, found.cell), (0, 0, 0));
        let found = unclosed_quote("a,\"x\"\"").expect("a doubled quote does not close");
        assert_eq!(found.at, 2);
    }
}
