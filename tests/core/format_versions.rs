//! Every format version ever written still loads: one fixture per version
//! in `tests/fixtures/vN.ron`, through `migrate`.

use std::path::Path;

use waymark::format::{self, FORMAT_VERSION, LoadErrorKind};

#[test]
fn every_format_version_has_a_fixture_that_loads() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for version in 1..=FORMAT_VERSION {
        let path = dir.join(format!("v{version}.ron"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|_| {
            panic!(
                "add a fixture {} for format version {version}",
                path.display()
            )
        });
        assert!(
            text.contains(&format!("version: {version},")),
            "{} must be a version {version} file",
            path.display()
        );
        let loaded = format::load_with_warnings(&path).expect("the fixture loads");
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert_eq!(loaded.newer_version, None);
        assert!(!loaded.map.stages.is_empty());
        // And it saves as the current version, which loads back equal.
        let again = format::from_str(&format::to_string(&loaded.map), "again.ron").unwrap();
        assert_eq!(again, loaded.map);
    }
}

#[test]
fn the_v1_fixture_keeps_its_content() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1.ron");
    let map = format::load(&path).unwrap();
    assert_eq!(map.title, "Boots");
    assert_eq!(map.cards.len(), 2);
    assert_eq!(map.cards[1].personas, [map.personas[0].id]);
    assert_eq!(map.next_id, 7);
}

#[test]
fn version_0_and_newer_versions_are_refused_clearly() {
    let text = format::to_string(&waymark::model::Map::blank());
    let zero =
        format::from_str(&text.replacen("version: 2", "version: 0", 1), "z.ron").unwrap_err();
    assert!(zero.to_string().contains("version: 0"), "{zero}");
    assert_eq!(zero.position, Some((3, 5)));

    let newer = text.replacen("version: 2", &format!("version: {}", FORMAT_VERSION + 1), 1);
    let err = format::from_str(&newer, "n.ron").unwrap_err();
    assert_eq!(
        err.kind,
        LoadErrorKind::NewerVersion {
            version: FORMAT_VERSION + 1
        }
    );
    // The lenient reader opens it, flagged, for a read-only view.
    let loaded = format::read_str(&newer, "n.ron").unwrap();
    assert_eq!(loaded.newer_version, Some(FORMAT_VERSION + 1));
}

#[test]
fn the_v2_fixture_keeps_its_blueprint_and_funnel() {
    use waymark::model::{CardId, LaneKind, Link};
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2.ron");
    let map = format::load(&path).unwrap();
    assert_eq!(map.stages[0].volume, Some(12000));
    assert_eq!(map.stages[1].period, "March 2026");
    let kinds: Vec<&LaneKind> = map.lanes.iter().map(|l| &l.kind).collect();
    assert_eq!(
        kinds,
        [
            &LaneKind::Actions,
            &LaneKind::Frontstage,
            &LaneKind::Backstage,
            &LaneKind::Support,
            &LaneKind::PhysicalEvidence
        ]
    );
    assert!(map.cards[1].fail_point && !map.cards[0].fail_point);
    assert_eq!(
        map.links,
        [
            Link::new(CardId(10), CardId(11)),
            Link::new(CardId(12), CardId(13))
        ]
    );
}

#[test]
fn a_v1_file_saves_as_v2_with_only_its_version_changed() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.ron");
    let text = std::fs::read_to_string(path).unwrap();
    let map = format::from_str(&text, "sample.ron").unwrap();
    let saved = format::to_string(&map);
    // None of the new fields is written for a map that uses none of them.
    for field in ["volume", "period", "fail_point", "links"] {
        assert!(
            !saved.contains(field),
            "{field} written for a map without it"
        );
    }
    assert_eq!(
        saved.replacen("version: 2,", "version: 1,", 1),
        text.replacen("version: 2,", "version: 1,", 1)
    );
}
