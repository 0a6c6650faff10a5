//! `waymark export -o map.pdf`, read back with real PDF readers: poppler's
//! `pdftotext` and `pdfinfo`, and `qpdf --check` (Debian poppler-utils and
//! qpdf, which `.ci/run` installs). Without them the tests say so and
//! pass, except under CI (`CI=true`), where a missing reader fails.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;

use waymark::format;
use waymark::interchange::sample::sample_map;
use waymark::model::{Card, Lane, LaneKind, Map, Stage};

fn waymark(args: &[&str], dir: &Path, fonts: Option<&Path>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_waymark"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY");
    if let Some(fonts) = fonts {
        // Only the committed fixture fonts: the result must not depend on
        // the fonts this machine has.
        command
            .env("WAYMARK_SYSTEM_FONTS", "0")
            .env("WAYMARK_FONTS", fonts);
    }
    let out = command.output().expect("the binary runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Whether the PDF readers are installed; under CI their absence fails.
fn readers_present() -> bool {
    let missing: Vec<&str> = ["pdftotext", "pdfinfo", "qpdf"]
        .into_iter()
        .filter(|tool| Command::new(tool).arg("-v").output().is_err())
        .collect();
    if missing.is_empty() {
        return true;
    }
    let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    assert!(!ci, "missing PDF readers under CI: {}", missing.join(", "));
    eprintln!(
        "skipped: {} not installed (apt install poppler-utils qpdf)",
        missing.join(", ")
    );
    false
}

fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .expect("the tool runs");
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The text of one page (or all, with `None`), every run of white space
/// made one space, so a title wrapped over two rows reads as one.
fn text_of(pdf: &Path, page: Option<usize>) -> String {
    let path = pdf.display().to_string();
    let n = page.map(|p| p.to_string());
    let mut args: Vec<&str> = Vec::new();
    if let Some(n) = &n {
        args.extend(["-f", n.as_str(), "-l", n.as_str()]);
    }
    args.extend([path.as_str(), "-"]);
    let text = run("pdftotext", &args);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn page_count(pdf: &Path) -> usize {
    let info = run("pdfinfo", &[&pdf.display().to_string()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo tells the page count")
}

fn qpdf_check(pdf: &Path) {
    let out = run("qpdf", &["--check", &pdf.display().to_string()]);
    assert!(out.contains("No syntax or stream encoding errors"), "{out}");
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_pdf_poster_of_the_sample_holds_every_card_title_as_text() {
    if !readers_present() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    format::save(&sample_map(), &dir.path().join("boots.ron")).expect("saved");
    let out = waymark(
        &["export", "boots.ron", "-o", "boots.pdf"],
        dir.path(),
        None,
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("PDF poster"));
    let pdf = dir.path().join("boots.pdf");
    qpdf_check(&pdf);
    assert_eq!(page_count(&pdf), 1);
    let text = text_of(&pdf, None);
    let map = sample_map();
    assert!(!map.cards.is_empty());
    for card in &map.cards {
        assert!(
            text.contains(&words(&card.title)),
            "{:?} is not in the PDF's text:\n{text}",
            card.title
        );
    }
    for stage in &map.stages {
        assert!(text.contains(&stage.name), "{}", stage.name);
    }
    // Real text, not outlines: the fonts are embedded as subsets.
    let fonts = run("pdffonts", &[&pdf.display().to_string()]);
    assert!(fonts.contains("DejaVuSans"), "{fonts}");
    assert!(!fonts.contains(" no "), "a font not embedded:\n{fonts}");
}

#[test]
fn a_pdf_handout_has_a_title_page_a_page_per_stage_and_the_findings_each_bookmarked() {
    if !readers_present() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    format::save(&sample_map(), &dir.path().join("boots.ron")).expect("saved");
    waymark(
        &[
            "export",
            "boots.ron",
            "-o",
            "h.pdf",
            "--handout",
            "--page",
            "a4",
        ],
        dir.path(),
        None,
    );
    let pdf = dir.path().join("h.pdf");
    qpdf_check(&pdf);
    let map = sample_map();
    assert_eq!(page_count(&pdf), 1 + map.stages.len() + 1);
    let a4 = run("pdfinfo", &[&pdf.display().to_string()]);
    assert!(
        a4.contains("841.89 x 595.28 pts (A4)"),
        "A4 landscape: {a4}"
    );

    let title = text_of(&pdf, Some(1));
    assert!(title.contains(&map.title), "{title}");
    for persona in &map.personas {
        assert!(title.contains(&persona.name), "{title}");
    }
    assert!(title.contains("Emotion"), "{title}");
    // Each stage's page holds its own cards and no other stage's.
    for (i, stage) in map.stages.iter().enumerate() {
        let page = text_of(&pdf, Some(i + 2));
        assert!(page.contains(&stage.name), "{page}");
        for card in &map.cards {
            let shown = page.contains(&words(&card.title));
            assert_eq!(
                shown,
                card.stage == stage.id,
                "{:?} on the page of {}:\n{page}",
                card.title,
                stage.name
            );
        }
        for lane in &map.lanes {
            assert!(page.contains(&lane.name), "{page}");
        }
    }
    // The reader's outline has a bookmark per page, the stages by name.
    let outline = run(
        "qpdf",
        &["--json", "--json-key=outlines", &pdf.display().to_string()],
    );
    let mut titles = vec!["Personas and emotion curve".to_owned()];
    titles.extend(map.stages.iter().map(|s| s.name.clone()));
    titles.push("Findings".to_owned());
    let mut rest = outline.as_str();
    for (page, title) in titles.iter().enumerate() {
        let at = rest
            .find(&format!("\"destpageposfrom1\": {}", page + 1))
            .unwrap_or_else(|| panic!("no bookmark to page {}:\n{outline}", page + 1));
        rest = &rest[at..];
        let named = rest
            .find(&format!("\"title\": \"{title}\""))
            .unwrap_or_else(|| panic!("no bookmark {title:?}:\n{outline}"));
        assert!(
            rest[..named].matches("destpageposfrom1").count() == 1,
            "{title:?} is not page {}'s bookmark:\n{outline}",
            page + 1
        );
    }
    let findings = text_of(&pdf, Some(map.stages.len() + 2));
    let analysis = waymark::analysis::analyze(&map);
    assert!(!analysis.findings.is_empty());
    assert!(findings.starts_with("Findings"), "{findings}");
    for f in &analysis.findings {
        assert!(findings.contains(&words(&f.message)), "{findings}");
    }
}

#[test]
fn cjk_and_right_to_left_titles_survive_to_pdftotext() {
    if !readers_present() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let mut map = Map::new("顧客旅程 — 日本語");
    let lane = map.new_lane_id();
    map.lanes.push(Lane::new(lane, LaneKind::Touchpoints));
    for (stage_name, title) in [
        ("動画", "インスタ広告"),
        ("결제", "결제"),
        ("תשלום", "שלום"),
        ("الدفع", "الدفع"),
    ] {
        let stage = map.new_stage_id();
        map.stages.push(Stage::new(stage, stage_name));
        let id = map.new_card_id();
        map.cards.push(Arc::new(Card::new(id, stage, lane, title)));
    }
    format::save(&map, &dir.path().join("world.ron")).expect("saved");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fonts");
    waymark(
        &["export", "world.ron", "-o", "world.pdf"],
        dir.path(),
        Some(&fixture),
    );
    let pdf = dir.path().join("world.pdf");
    qpdf_check(&pdf);
    let text = text_of(&pdf, None);
    for expected in ["顧客旅程", "インスタ広告", "결제", "שלום", "תשלום"] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    // Arabic is written in the joined forms egui drew; its letters come
    // back, in reading order.
    assert!(
        text.contains("الدفع") || text.contains("ﺍﻟﺪﻓﻊ"),
        "Arabic not in:\n{text}"
    );
    let fonts = run("pdffonts", &[&pdf.display().to_string()]);
    assert!(fonts.contains("NotoSansCJK"), "{fonts}");
}
