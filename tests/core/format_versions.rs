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
        format::from_str(&text.replacen("version: 1", "version: 0", 1), "z.ron").unwrap_err();
    assert!(zero.to_string().contains("version: 0"), "{zero}");
    assert_eq!(zero.position, Some((3, 5)));

    let newer = text.replacen("version: 1", &format!("version: {}", FORMAT_VERSION + 1), 1);
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
