//! `io::load_any` and `io::save_any` by extension: `.ron`, `.mmd`,
//! `.mermaid` and `.csv`, with atomic writes and byte-identical `.ron`.

use std::path::Path;

use waymark::interchange::sample::sample_map;
use waymark::interchange::templates;
use waymark::io;

#[test]
fn ron_to_ron_is_byte_identical() {
    let dir = tempfile::tempdir().expect("temp dir");
    for t in templates::all() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/templates")
            .join(format!("{}.ron", t.id));
        let out = dir.path().join(format!("{}.ron", t.id));
        let map = io::load_any(&src).unwrap_or_else(|e| panic!("{e}"));
        io::save_any(&map, &out).expect("saves");
        let (a, b) = (std::fs::read(&src), std::fs::read(&out));
        assert_eq!(a.ok(), b.ok(), "{}", t.id);
    }
}

#[test]
fn mermaid_and_csv_files_round_trip() {
    let dir = tempfile::tempdir().expect("temp dir");
    let map = sample_map();
    for name in ["journey.mmd", "journey.MERMAID", "cards.csv"] {
        let path = dir.path().join(name);
        io::save_any(&map, &path).expect("saves");
        let back = io::load_any(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.cards.len(), map.cards.len(), "{name}");
        let titles = |m: &waymark::model::Map| -> Vec<String> {
            let mut t: Vec<String> = m.cards.iter().map(|c| c.title.clone()).collect();
            t.sort();
            t
        };
        assert_eq!(titles(&back), titles(&map), "{name}");
        // No temp file is left beside the output.
        let leftovers = std::fs::read_dir(dir.path())
            .expect("lists")
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
            .count();
        assert_eq!(leftovers, 0);
    }
    // A CSV map is named after its file.
    let back = io::load_any(&dir.path().join("cards.csv")).expect("loads");
    assert_eq!(back.title, "cards");
}

#[test]
fn errors_name_the_file_and_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mmd = dir.path().join("bad.mmd");
    std::fs::write(&mmd, "journey\nsection A\nTea: 7: Me\n").expect("writes");
    let err = io::load_any(&mmd).expect_err("bad score");
    assert_eq!(err.position, Some((3, 6)));
    assert!(
        err.to_string().contains("bad.mmd:3:6: the score 7"),
        "{err}"
    );

    let csv = dir.path().join("bad.csv");
    std::fs::write(&csv, "stage,title,medium\nA,B,solid\n").expect("writes");
    let err = io::load_any(&csv).expect_err("bad medium");
    assert!(
        err.to_string()
            .contains("bad.csv:2:5: row 2, column `medium`"),
        "{err}"
    );

    let latin1 = dir.path().join("latin1.csv");
    std::fs::write(&latin1, b"stage,title\nA,caf\xe9\n").expect("writes");
    let err = io::load_any(&latin1).expect_err("not UTF-8");
    assert!(err.to_string().contains("not UTF-8"), "{err}");

    let missing = io::load_any(&dir.path().join("missing.mmd")).expect_err("missing");
    assert!(missing.to_string().contains("could not read"), "{missing}");
}

#[test]
fn unknown_extensions_are_refused_on_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let err = io::save_any(&sample_map(), &dir.path().join("map.docx")).expect_err("refused");
    assert!(err.contains(".ron, .mmd or .csv"), "{err}");
    assert!(!dir.path().join("map.docx").exists());
}

#[test]
fn waymark_check_reads_mermaid_and_csv() {
    let dir = tempfile::tempdir().expect("temp dir");
    let check = |path: &Path| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_waymark"))
            .arg("check")
            .arg(path)
            .output()
            .expect("runs waymark");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.code(), text)
    };
    // A journey that stops at the sale: read, analysed, an error found.
    let mmd = dir.path().join("stops.mmd");
    std::fs::write(&mmd, "journey\nsection Purchase\nPay: 4: Me\n").expect("writes");
    let (code, text) = check(&mmd);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("ends-at-purchase"), "{text}");
    // Unreadable input: exit 2 and the line-numbered message.
    let bad = dir.path().join("bad.mmd");
    std::fs::write(&bad, "journey\nsection A\nTea: 0\n").expect("writes");
    let (code, text) = check(&bad);
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("bad.mmd:3:6:"), "{text}");
    let csv = dir.path().join("bad.csv");
    std::fs::write(&csv, "stage,title,emotion_score\nA,B,5\n").expect("writes");
    let (code, text) = check(&csv);
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("row 2, column `emotion_score`"), "{text}");
}
