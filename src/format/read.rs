//! Reading a map file: parse, check, migrate, and explain what went wrong
//! or what was skipped, with a line:column for each.

use std::fmt;
use std::io::Read as _;
use std::path::Path;

use serde::Deserialize;

use super::error::end_position;
use super::locate::{FieldPath, LineCol, Step, locate};
use super::{
    DiskStamp, EnvelopeIn, FORMAT_NAME, FORMAT_VERSION, LoadError, LoadErrorKind, migrate,
};
use crate::model::{MAX_ID, Map, Problem, ProblemPlace};

/// A map read from a file, with what the reader noticed on the way.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The map, checked and migrated to the current version.
    pub map: Map,
    /// Fields this version does not know. They are dropped on the next save.
    pub warnings: Vec<LoadWarning>,
    /// Set when a newer Waymark wrote the file: the map loaded, but it may
    /// lack what the newer version added. Open it read-only and never write
    /// over the file ([`super::save`] refuses to).
    pub newer_version: Option<u32>,
    /// The file's length, time and content hash as read, when read from a
    /// file: to tell later whether it changed on disk.
    pub stamp: Option<DiskStamp>,
}

/// Something a load skipped without failing: for now, an unknown field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadWarning {
    /// The file's name or path, as given.
    pub file: String,
    /// 1-based line and column of the field's name, when found.
    pub position: Option<LineCol>,
    /// Where the field is: `map.cards[3].interviews`.
    pub path: FieldPath,
}

impl LoadWarning {
    /// The message without the file and position prefix.
    pub fn reason(&self) -> String {
        let name = self.path.last_field().unwrap_or("?");
        format!(
            "unknown field `{name}` (at {}): this version of Waymark does not know it \
             and will drop it when the map is saved",
            self.path
        )
    }
}

impl fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => {
                write!(f, "{}:{line}:{col}: warning: {}", self.file, self.reason())
            }
            None => write!(f, "{}: warning: {}", self.file, self.reason()),
        }
    }
}

/// Parses a map file's text. Refuses a file from a newer version; see
/// [`read_str`] to open one read-only and to get the warnings.
pub fn from_str(text: &str, name: &str) -> Result<Map, LoadError> {
    let loaded = read_str(text, name)?;
    match loaded.newer_version {
        Some(version) => Err(LoadError::new(
            name,
            LoadErrorKind::NewerVersion { version },
        )),
        None => Ok(loaded.map),
    }
}

/// Reads a map file. Refuses a file from a newer version.
pub fn load(path: &Path) -> Result<Map, LoadError> {
    let loaded = load_with_warnings(path)?;
    match loaded.newer_version {
        Some(version) => Err(LoadError::new(
            &path.display().to_string(),
            LoadErrorKind::NewerVersion { version },
        )),
        None => Ok(loaded.map),
    }
}

/// Reads a map file with its warnings and its disk stamp. A file from a
/// newer version loads when its map can be read, flagged in
/// [`Loaded::newer_version`].
pub fn load_with_warnings(path: &Path) -> Result<Loaded, LoadError> {
    let name = path.display().to_string();
    let io_error = |err: std::io::Error| LoadError::new(&name, LoadErrorKind::Io(err.to_string()));
    // The stamp comes from the same open file as the bytes, so it describes
    // exactly what was parsed.
    let mut file = std::fs::File::open(path).map_err(io_error)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(io_error)?;
    let meta = file.metadata().map_err(io_error)?;
    let stamp = DiskStamp::of(&bytes, &meta);
    let text = utf8(bytes, &name)?;
    let mut loaded = read_str(&text, &name)?;
    loaded.stamp = Some(stamp);
    Ok(loaded)
}

/// Bytes as text, or an error at the line:column of the first bad byte.
pub fn utf8(bytes: Vec<u8>, name: &str) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|err| {
        let valid = err.utf8_error().valid_up_to();
        let prefix = std::str::from_utf8(&err.as_bytes()[..valid]).unwrap_or_default();
        let (line, col) = end_position(prefix);
        LoadError::at(
            name,
            (line, col),
            LoadErrorKind::Syntax(format!(
                "the file is not UTF-8 text: invalid byte at {line}:{col}; save it as UTF-8"
            )),
        )
    })
}

/// Only the version, so a newer file is recognised even when its map
/// would not parse with this build's types.
#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    version: Option<u32>,
}

/// Parses and checks a map file's text, collecting warnings.
pub fn read_str(text: &str, name: &str) -> Result<Loaded, LoadError> {
    // Editors on Windows may start UTF-8 files with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::new(
            name,
            LoadErrorKind::Syntax("the file is empty".to_owned()),
        ));
    }
    let options = ron::Options::default();
    let mut skipped = Vec::new();
    let envelope = match parse(text, &options, &mut skipped) {
        Ok(envelope) => envelope,
        Err(err) => return Err(explain_failure(text, name, &options, &err)),
    };
    let at = |path: FieldPath| locate(text, &[path]).pop().flatten();
    let root = FieldPath::default;
    let format = &envelope.format;
    if !format.is_empty() && format != FORMAT_NAME {
        return Err(LoadError {
            position: at(root().field("format")),
            ..LoadError::new(
                name,
                LoadErrorKind::NotAMap(format!(
                    "its format is \"{format}\", not \"{FORMAT_NAME}\""
                )),
            )
        });
    }
    let version = envelope.version;
    if version == 0 {
        return Err(LoadError {
            position: at(root().field("version")),
            ..LoadError::new(
                name,
                LoadErrorKind::NotAMap(
                    "it says `version: 0`, but Waymark's map files start at version 1".to_owned(),
                ),
            )
        });
    }
    let mut map = envelope.map;
    if let Some((place, id)) = id_above_limit(&map) {
        return Err(LoadError {
            position: at(map_path(&place)),
            ..LoadError::new(
                name,
                LoadErrorKind::Invalid(format!(
                    "the id {id} is too large; ids go up to 2^53 ({MAX_ID})"
                )),
            )
        });
    }
    let newer_version = (version > FORMAT_VERSION).then_some(version);
    if newer_version.is_none() {
        map = migrate(version, map);
    }
    if let Err(Problem { message, place }) = map.check() {
        return Err(LoadError {
            position: at(map_path(&place)),
            ..LoadError::new(name, LoadErrorKind::Invalid(message))
        });
    }
    map.repair_next_id();
    let positions = locate(text, &skipped);
    let warnings = skipped
        .into_iter()
        .zip(positions)
        .map(|(path, position)| LoadWarning {
            file: name.to_owned(),
            position,
            path,
        })
        .collect();
    Ok(Loaded {
        map,
        warnings,
        newer_version,
        stamp: None,
    })
}

/// The typed parse, noting the path of every field it skipped.
fn parse(
    text: &str,
    options: &ron::Options,
    skipped: &mut Vec<FieldPath>,
) -> Result<EnvelopeIn, ron::error::SpannedError> {
    let mut de = ron::Deserializer::from_str_with_options(text, options)?;
    let envelope: EnvelopeIn =
        serde_ignored::deserialize(&mut de, |path| skipped.push(field_path(&path)))
            .map_err(|e| de.span_error(e))?;
    de.end().map_err(|e| de.span_error(e))?;
    Ok(envelope)
}

/// serde_ignored's path as ours: fields and list items only (an `Option`
/// or a newtype adds no step in the text).
fn field_path(path: &serde_ignored::Path<'_>) -> FieldPath {
    use serde_ignored::Path;
    let mut steps = Vec::new();
    let mut current = path;
    loop {
        match current {
            Path::Root => break,
            Path::Seq { parent, index } => {
                steps.push(Step::Index(*index));
                current = parent;
            }
            Path::Map { parent, key } => {
                steps.push(Step::Field(key.clone()));
                current = parent;
            }
            Path::Some { parent }
            | Path::NewtypeStruct { parent }
            | Path::NewtypeVariant { parent } => current = parent,
        }
    }
    steps.reverse();
    FieldPath::new(steps)
}

/// Why the typed parse failed, in the most helpful words available.
fn explain_failure(
    text: &str,
    name: &str,
    options: &ron::Options,
    err: &ron::error::SpannedError,
) -> LoadError {
    if let Some(line) = conflict_marker_line(text) {
        return LoadError::at(
            name,
            (line, 1),
            LoadErrorKind::Syntax(format!(
                "git conflict markers at line {line}: resolve the merge first"
            )),
        );
    }
    // A newer file must get a clear refusal, not a confusing complaint
    // about a field this build does not know.
    let version = match options.from_str::<Probe>(text) {
        Ok(Probe { version: None }) => {
            return LoadError::new(
                name,
                LoadErrorKind::NotAMap(
                    "it has no `version` field, so it is not a Waymark map file".to_owned(),
                ),
            );
        }
        Ok(Probe { version }) => version,
        // New syntax may hide the version from ron: look for it by hand.
        Err(_) => super::save::scan_version(text),
    };
    if let Some(version) = version.filter(|&v| v > FORMAT_VERSION) {
        return LoadError::new(name, LoadErrorKind::NewerVersion { version });
    }
    LoadError::from_ron(name, text, err)
}

/// The line of the first `<<<<<<<` a merge left, if the text has a full
/// set of conflict markers.
fn conflict_marker_line(text: &str) -> Option<usize> {
    let marker = |line: &str, m: &str| {
        line.strip_prefix(m)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\r']))
    };
    let mut lines = text.lines().enumerate();
    let start = lines.find(|(_, l)| marker(l, "<<<<<<<"))?.0 + 1;
    lines.find(|(_, l)| marker(l, "======="))?;
    lines.find(|(_, l)| marker(l, ">>>>>>>"))?;
    Some(start)
}

/// The first id (or reference) above [`MAX_ID`]: such numbers do not
/// survive a trip through JSON or a spreadsheet, and leave no room above.
fn id_above_limit(map: &Map) -> Option<(ProblemPlace, u64)> {
    let too_big = |id: u64| id > MAX_ID;
    for (i, s) in map.stages.iter().enumerate() {
        if too_big(s.id.0) {
            return Some((ProblemPlace::Stage(i), s.id.0));
        }
    }
    for (i, l) in map.lanes.iter().enumerate() {
        if too_big(l.id.0) {
            return Some((ProblemPlace::Lane(i), l.id.0));
        }
    }
    for (i, p) in map.personas.iter().enumerate() {
        if too_big(p.id.0) {
            return Some((ProblemPlace::Persona(i), p.id.0));
        }
    }
    for (i, c) in map.cards.iter().enumerate() {
        if too_big(c.id.0) {
            return Some((ProblemPlace::Card(i), c.id.0));
        }
        if too_big(c.stage.0) {
            return Some((ProblemPlace::CardStage(i), c.stage.0));
        }
        if too_big(c.lane.0) {
            return Some((ProblemPlace::CardLane(i), c.lane.0));
        }
        if let Some((j, p)) = c.personas.iter().enumerate().find(|(_, p)| too_big(p.0)) {
            return Some((ProblemPlace::CardPersona(i, j), p.0));
        }
    }
    for (i, l) in map.links.iter().enumerate() {
        if too_big(l.from.0) {
            return Some((ProblemPlace::LinkFrom(i), l.from.0));
        }
        if too_big(l.to.0) {
            return Some((ProblemPlace::LinkTo(i), l.to.0));
        }
    }
    None
}

/// Where a problem stands in the file.
fn map_path(place: &ProblemPlace) -> FieldPath {
    let map = FieldPath::default().field("map");
    match *place {
        ProblemPlace::Stage(i) => map.field("stages").index(i).field("id"),
        ProblemPlace::Lane(i) => map.field("lanes").index(i).field("id"),
        ProblemPlace::Persona(i) => map.field("personas").index(i).field("id"),
        ProblemPlace::Card(i) => map.field("cards").index(i).field("id"),
        ProblemPlace::CardStage(i) => map.field("cards").index(i).field("stage"),
        ProblemPlace::CardLane(i) => map.field("cards").index(i).field("lane"),
        ProblemPlace::CardPersona(i, j) => map.field("cards").index(i).field("personas").index(j),
        ProblemPlace::LinkFrom(i) => map.field("links").index(i).field("from"),
        ProblemPlace::LinkTo(i) => map.field("links").index(i).field("to"),
        ProblemPlace::Map => map,
    }
}
