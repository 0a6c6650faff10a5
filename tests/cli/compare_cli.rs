//! `waymark diff` and `waymark merge` as scripts and git see them: output,
//! exit codes, git's argument forms. Then real git in a temporary
//! repository, with Waymark as merge driver and diff command.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

use waymark::interchange::sample::sample_map;
use waymark::model::{Emotion, Map};

fn waymark(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn saved(dir: &Path, name: &str, map: &Map) -> PathBuf {
    let path = dir.join(name);
    waymark::format::save(map, &path).expect("save");
    path
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn retitle(map: &mut Map, from: &str, to: &str) {
    let card = map
        .cards
        .iter_mut()
        .find(|c| c.title == from)
        .expect("card");
    Arc::make_mut(card).title = to.into();
}

fn feel(map: &mut Map, title: &str, score: i32, word: &str) {
    let card = map
        .cards
        .iter_mut()
        .find(|c| c.title == title)
        .expect("card");
    Arc::make_mut(card).emotion = Some(Emotion::new(score, word));
}

#[test]
fn diff_exits_like_diff_1_and_prints_text_or_json() {
    let dir = tempfile::tempdir().unwrap();
    let old = saved(dir.path(), "old.ron", &sample_map());
    let same = saved(dir.path(), "same.ron", &sample_map());
    let mut changed = sample_map();
    feel(&mut changed, "Checkout", -2, "stuck");
    let new = saved(dir.path(), "new.ron", &changed);
    let args = |a: &Path, b: &Path, extra: &[&str]| {
        let mut v = vec![
            "diff".to_owned(),
            a.display().to_string(),
            b.display().to_string(),
        ];
        v.extend(extra.iter().map(|s| s.to_string()));
        v
    };
    let run = |v: Vec<String>| {
        waymark(
            &v.iter().map(String::as_str).collect::<Vec<_>>(),
            dir.path(),
        )
    };

    let out = run(args(&old, &same, &[]));
    assert_eq!((out.status.code(), stdout(&out).as_str()), (Some(0), ""));

    let out = run(args(&old, &new, &[]));
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        stdout(&out),
        "Changed card \"Checkout\" (id 31): emotion 0 impatient → -2 stuck\n"
    );

    let out = run(args(&old, &new, &["--format", "json"]));
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(json[0]["change"], "field_changed");
    assert_eq!(json[0]["item"]["id"], 31);
    assert_eq!(json[0]["old"]["score"], 0);
    assert_eq!(json[0]["new"]["score"], -2);

    // Unusable input: exit 2 with the file's position.
    std::fs::write(
        dir.path().join("bad.ron"),
        "(format: \"waymark\", version: 1, map: (title: 5))",
    )
    .unwrap();
    let out = run(args(&old, &dir.path().join("bad.ron"), &[]));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bad.ron:1:"), "{}", stderr(&out));
    let out = run(args(&old, &dir.path().join("missing.ron"), &[]));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn diff_matches_mermaid_and_csv_by_names() {
    let dir = tempfile::tempdir().unwrap();
    let old = saved(dir.path(), "old.ron", &sample_map());
    let mut changed = sample_map();
    retitle(&mut changed, "Checkout", "Express checkout");
    let csv = dir.path().join("new.csv");
    waymark::io::save_any(&changed, &csv).unwrap();
    let out = waymark(
        &["diff", old.to_str().unwrap(), csv.to_str().unwrap()],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    // A CSV holds no stage goals or descriptions, so those differ too; the
    // cards match by name, and only the retitled one is "removed" and "added".
    assert!(text.contains("Removed card \"Checkout\""), "{text}");
    assert!(text.contains("Added card \"Express checkout\""), "{text}");
    assert!(
        !text.contains("Removed card \"Order confirmation email\""),
        "{text}"
    );
}

#[test]
fn merge_exits_0_clean_1_with_conflicts_written_and_2_on_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let base_map = sample_map();
    let base = saved(dir.path(), "base.ron", &base_map);
    let mut o = base_map.clone();
    retitle(&mut o, "Checkout", "Pay now");
    let ours = saved(dir.path(), "ours.ron", &o);
    let mut t = base_map.clone();
    feel(&mut t, "Order confirmation email", 2, "happy");
    let theirs = saved(dir.path(), "theirs.ron", &t);
    let out_path = dir.path().join("out.ron");
    let p = |x: &Path| x.to_str().unwrap().to_owned();

    let out = waymark(
        &[
            "merge",
            &p(&base),
            &p(&ours),
            &p(&theirs),
            "-o",
            &p(&out_path),
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let merged = waymark::format::load(&out_path).unwrap();
    assert!(merged.cards.iter().any(|c| c.title == "Pay now"));
    assert!(merged.conflicts.is_empty());

    let mut t2 = base_map.clone();
    retitle(&mut t2, "Checkout", "Checkout v2");
    let theirs2 = saved(dir.path(), "theirs2.ron", &t2);
    // -o may be OURS itself, as git's driver needs.
    let out = waymark(
        &["merge", &p(&base), &p(&ours), &p(&theirs2), "-o", &p(&ours)],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("CONFLICT (waymark): card \"Pay now\": title is \"Pay now\" in ours and \"Checkout v2\" in theirs."),
        "{}",
        stderr(&out)
    );
    let merged = waymark::format::load(&ours).expect("the conflicted result opens");
    assert_eq!(merged.conflicts.len(), 1);

    let out = waymark(
        &[
            "merge",
            &p(&base),
            &p(&dir.path().join("nope.ron")),
            &p(&theirs),
            "-o",
            &p(&out_path),
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
}

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        // Neither the user's nor the system's settings take part.
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("HOME", dir)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .output()
        .expect("git runs")
}

fn git_ok(dir: &Path, args: &[&str]) -> Output {
    let out = git(dir, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}{}",
        stdout(&out),
        stderr(&out)
    );
    out
}

fn commit_map(dir: &Path, map: &Map, message: &str) {
    saved(dir, "journey.ron", map);
    git_ok(dir, &["commit", "-q", "-am", message]);
}

/// A repository with the sample map and Waymark set up as the README says.
fn repository() -> Option<tempfile::TempDir> {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("SKIPPED: `git` is not installed, so the real-git merge test cannot run");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git_ok(d, &["init", "-q", "-b", "main"]);
    let bin = env!("CARGO_BIN_EXE_waymark");
    std::fs::write(
        d.join(".gitattributes"),
        "*.ron merge=waymark diff=waymark\n",
    )
    .unwrap();
    git_ok(d, &["config", "merge.waymark.name", "Waymark map merge"]);
    git_ok(
        d,
        &[
            "config",
            "merge.waymark.driver",
            &format!("'{bin}' merge %O %A %B -o %A"),
        ],
    );
    git_ok(
        d,
        &["config", "diff.waymark.command", &format!("'{bin}' diff")],
    );
    saved(d, "journey.ron", &sample_map());
    git_ok(d, &["add", "."]);
    git_ok(d, &["commit", "-q", "-m", "Journey"]);
    Some(dir)
}

#[test]
fn git_merges_edits_to_different_cards_by_itself() {
    let Some(dir) = repository() else { return };
    let d = dir.path();
    git_ok(d, &["checkout", "-q", "-b", "pricing"]);
    let mut pricing = sample_map();
    retitle(&mut pricing, "Checkout", "One-page checkout");
    add_card(&mut pricing, "Apple Pay button");
    commit_map(d, &pricing, "Simpler checkout");
    git_ok(d, &["checkout", "-q", "main"]);
    let mut main = sample_map();
    feel(&mut main, "Order confirmation email", 2, "delighted");
    add_card(&mut main, "Gift wrapping option");
    commit_map(d, &main, "Happier email");
    // Both branches added a card at the same place with the same new id: a
    // line merge conflicts there, so a clean merge shows the driver ran.
    // Ours (main) keeps its id; the branch's card is renumbered and follows.
    let out = git_ok(d, &["merge", "-q", "--no-edit", "pricing"]);
    assert!(!stdout(&out).contains("CONFLICT"), "{}", stdout(&out));
    let merged = waymark::format::load(&d.join("journey.ron")).expect("merged file opens");
    assert!(merged.cards.iter().any(|c| c.title == "One-page checkout"));
    let email = merged
        .cards
        .iter()
        .find(|c| c.title == "Order confirmation email")
        .unwrap();
    assert_eq!(email.emotion, Some(Emotion::new(2, "delighted")));
    assert!(merged.conflicts.is_empty());
    let cell: Vec<&str> = merged
        .cell_cards(email.stage, email.lane)
        .map(|c| c.title.as_str())
        .collect();
    assert_eq!(
        cell,
        [
            "One-page checkout",
            "Order confirmation email",
            "In-store purchase",
            "Gift wrapping option",
            "Apple Pay button"
        ]
    );
}

/// Adds a card at the end of the Purchase touchpoints, with the next id.
fn add_card(map: &mut Map, title: &str) {
    let checkout = map
        .cards
        .iter()
        .find(|c| c.title == "Checkout" || c.title == "One-page checkout")
        .unwrap();
    let (stage, lane) = (checkout.stage, checkout.lane);
    let id = map.new_card_id();
    waymark::edit::Command::AddCard {
        card: waymark::model::Card::new(id, stage, lane, title),
        position: None,
    }
    .apply(map)
    .unwrap();
}

#[test]
fn git_reports_a_conflict_on_one_card_title_and_check_fails_naming_it() {
    let Some(dir) = repository() else { return };
    let d = dir.path();
    git_ok(d, &["checkout", "-q", "-b", "theirs"]);
    let mut theirs = sample_map();
    retitle(&mut theirs, "Checkout", "Checkout v2");
    commit_map(d, &theirs, "Their title");
    git_ok(d, &["checkout", "-q", "main"]);
    let mut ours = sample_map();
    retitle(&mut ours, "Checkout", "Pay now");
    commit_map(d, &ours, "Our title");

    let out = git(d, &["merge", "--no-edit", "theirs"]);
    assert!(!out.status.success(), "git must report the conflict");
    let said = format!("{}{}", stdout(&out), stderr(&out));
    assert!(said.contains("CONFLICT"), "{said}");
    assert!(said.contains("journey.ron"), "{said}");
    assert!(
        said.contains("title is \"Pay now\" in ours and \"Checkout v2\" in theirs"),
        "{said}"
    );

    let path = d.join("journey.ron");
    let merged = waymark::format::load(&path).expect("the conflicted file still opens");
    assert!(merged.cards.iter().any(|c| c.title == "Pay now"));
    let out = waymark(&["check", path.to_str().unwrap()], d);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains(
            "error merge-conflict Purchase: Merge conflict: card \"Pay now\": title is \"Pay now\" in ours and \"Checkout v2\" in theirs."
        ),
        "{}",
        stdout(&out)
    );
}

#[test]
fn git_diff_shows_the_semantic_diff() {
    let Some(dir) = repository() else { return };
    let d = dir.path();
    let mut map = sample_map();
    feel(&mut map, "Checkout", 1, "relieved");
    saved(d, "journey.ron", &map);
    let out = git_ok(d, &["diff"]);
    let text = stdout(&out);
    assert_eq!(
        text,
        "waymark diff journey.ron\nChanged card \"Checkout\" (id 31): emotion 0 impatient → +1 relieved\n"
    );
}
