//! A short run of `examples/save_torture.rs`: 20 saves killed at random
//! moments and 5 pairs of simultaneous saves. The example runs 1,000.

#[path = "../../examples/save_torture.rs"]
mod torture;

#[test]
fn killed_and_simultaneous_saves_leave_one_whole_version() {
    let work = tempfile::tempdir().unwrap();
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_waymark"));
    let report = torture::run(bin, work.path(), 20, 5, 300);
    assert!(report.clean(), "{report:#?}");
    assert_eq!(report.kills, 20);
    assert_eq!(report.old_kept + report.new_written, 20);
    assert_eq!(report.pairs, 5);
}
