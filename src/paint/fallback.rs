//! Fonts for the scripts the bundled DejaVu lacks (CJK, Thai, Devanagari,
//! ...), found on demand: egui asks [`Fallbacks`] only for a character no
//! configured font has, so start-up loads nothing and a map in Latin script
//! never opens a system font file.
//!
//! The same [`Fallbacks`] serves the screen and the exporters, so a PNG
//! uses exactly the fonts the editor shows. Extra font files (a fixture in
//! tests, or `WAYMARK_FONTS` for users) are listed with the system's fonts
//! by `fontdb` (fontconfig's folders on Linux) and asked first.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use egui::FontDefinitions;
use egui::epaint::text::{
    FallbackRequest, FontData, FontInsert, FontPriority, FontProvider, InsertFontFamily,
};
use skrifa::MetadataProvider as _;
use unicode_script::{Script, UnicodeScript as _};

/// Where fallback fonts come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FontSources {
    /// Ask the system's fonts (fontconfig on Linux).
    pub system: bool,
    /// Font files, or folders of them (`.ttf`, `.otf`, `.ttc`), asked
    /// before the system's.
    pub extra: Vec<PathBuf>,
}

impl Default for FontSources {
    /// The system's fonts and nothing else.
    fn default() -> Self {
        Self {
            system: true,
            extra: Vec::new(),
        }
    }
}

impl FontSources {
    /// The sources the environment asks for: `WAYMARK_FONTS` lists extra
    /// font files or folders (separated like `PATH`), and
    /// `WAYMARK_SYSTEM_FONTS=0` leaves the system's fonts out.
    pub fn from_env() -> Self {
        let extra = std::env::var_os("WAYMARK_FONTS")
            .map(|v| {
                std::env::split_paths(&v)
                    .filter(|p| !p.as_os_str().is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let system = std::env::var("WAYMARK_SYSTEM_FONTS").as_deref() != Ok("0");
        Self { system, extra }
    }

    /// Only these files or folders: no system fonts. For tests.
    pub fn only(extra: impl IntoIterator<Item = PathBuf>) -> Self {
        Self {
            system: false,
            extra: extra.into_iter().collect(),
        }
    }
}

/// The fallback fonts: extra files first, then the system's. A
/// [`FontProvider`]: install it with `Context::set_font_providers` or
/// `Fonts::with_font_providers`.
///
/// Nothing is read until egui first asks for a character no configured
/// font has: then the font folders are listed (about 40 ms for 360 faces
/// here), once. A map in Latin script never lists them. A face egui
/// installs is memory-mapped, not read: only the pages of the glyphs drawn
/// come into memory.
pub struct Fallbacks {
    sources: FontSources,
    found: OnceLock<Mutex<Found>>,
}

/// The listed fonts.
struct Found {
    db: fontdb::Database,
    /// Faces from the extra files: asked first.
    extra: HashSet<fontdb::ID>,
    /// Extra files that could not be read, and why.
    problems: Vec<String>,
    /// The answer for each character asked so far.
    answers: HashMap<char, Option<fontdb::ID>>,
    /// Characters of each script no face had.
    misses: HashMap<Script, usize>,
}

/// After this many characters of one script that no face has, the script
/// is taken as uncovered: each miss reads every face's character map, and
/// a map full of a script no font covers must not cost that per letter.
const MISSES_PER_SCRIPT: usize = 8;

impl Fallbacks {
    /// Fallbacks from `sources`, listed when first needed.
    pub fn new(sources: &FontSources) -> Self {
        Self {
            sources: sources.clone(),
            found: OnceLock::new(),
        }
    }

    /// The listed fonts, listing them on first use.
    fn found(&self) -> std::sync::MutexGuard<'_, Found> {
        self.found
            .get_or_init(|| Mutex::new(Found::list(&self.sources)))
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Extra font files that could not be used, and why.
    pub fn problems(&self) -> Vec<String> {
        self.found().problems.clone()
    }

    /// How many font faces were found, extra and system.
    pub fn face_count(&self) -> usize {
        self.found().db.len()
    }

    /// Whether some fallback font has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.found().face_for(c).is_some()
    }
}

impl Found {
    fn list(sources: &FontSources) -> Self {
        let mut db = fontdb::Database::new();
        let mut problems = Vec::new();
        for path in &sources.extra {
            if path.is_dir() {
                db.load_fonts_dir(path);
            } else if let Err(err) = db.load_font_file(path) {
                problems.push(format!("{}: {err}", path.display()));
            }
        }
        let extra = db.faces().map(|f| f.id).collect();
        if sources.system {
            db.load_system_fonts();
        }
        Self {
            db,
            extra,
            problems,
            answers: HashMap::new(),
            misses: HashMap::new(),
        }
    }

    /// The best face with a glyph for `c`: an extra one if any has it,
    /// else upright regular sans-serif before the rest.
    fn face_for(&mut self, c: char) -> Option<fontdb::ID> {
        if let Some(answer) = self.answers.get(&c) {
            return *answer;
        }
        let script = c.script();
        if self.misses.get(&script).copied().unwrap_or(0) >= MISSES_PER_SCRIPT {
            return None;
        }
        let mut faces: Vec<(i32, fontdb::ID)> = self
            .db
            .faces()
            .map(|f| (preference(f, self.extra.contains(&f.id)), f.id))
            .collect();
        // Stable: equal faces keep fontconfig's folder order.
        faces.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
        let answer = faces.into_iter().map(|(_, id)| id).find(|&id| {
            self.db
                .with_face_data(id, |data, index| {
                    skrifa::FontRef::from_index(data, index)
                        .is_ok_and(|font| font.charmap().map(c).is_some())
                })
                .unwrap_or(false)
        });
        if answer.is_none() {
            *self.misses.entry(script).or_default() += 1;
        }
        self.answers.insert(c, answer);
        answer
    }
}

/// How much a face suits map text: extra files first, then regular
/// upright sans-serif, the user's CJK variant over the others.
fn preference(face: &fontdb::FaceInfo, extra: bool) -> i32 {
    let name = face
        .families
        .first()
        .map(|(n, _)| n.as_str())
        .unwrap_or_default();
    let mut score = 0;
    if extra {
        score += 100;
    }
    if face.style == fontdb::Style::Normal {
        score += 8;
    }
    if face.weight == fontdb::Weight::NORMAL {
        score += 4;
    }
    if name.contains("Sans") && !name.contains("Mono") {
        score += 2;
    }
    if face.monospaced || name.contains("Serif") {
        score -= 2;
    }
    if name.contains(cjk_variant()) {
        score += 1;
    }
    score
}

/// Which regional CJK face suits the user's language ("JP", "KR", "SC",
/// "TC"), from `LANG`; Japanese by default.
fn cjk_variant() -> &'static str {
    static VARIANT: OnceLock<&'static str> = OnceLock::new();
    VARIANT.get_or_init(|| {
        let lang = std::env::var("LC_ALL")
            .or_else(|_| std::env::var("LANG"))
            .unwrap_or_default();
        match lang.get(..5).unwrap_or(&lang) {
            "zh_CN" | "zh_SG" => "CJK SC",
            "zh_TW" | "zh_HK" => "CJK TC",
            l if l.starts_with("ko") => "CJK KR",
            _ => "CJK JP",
        }
    })
}

impl FontProvider for Fallbacks {
    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        let c = request.cluster.chars().next()?;
        let mut found = self.found();
        let id = found.face_for(c)?;
        let name = format!(
            "fallback:{}",
            found
                .db
                .face(id)
                .map_or("?", |f| f.post_script_name.as_str())
        );
        // SAFETY: the file is mapped, not read. Another process changing
        // it while we run could show through the mapping; fonts are
        // installed files that package managers replace (a new inode),
        // not rewrite, which is the contract every font-mapping program
        // (fontconfig clients, egui's own provider) relies on.
        let (blob, index) = unsafe { found.db.make_shared_face_data(id)? };
        Some(FontInsert {
            name,
            data: FontData::from_blob(blob, index),
            families: vec![InsertFontFamily {
                family: request.family.clone(),
                priority: FontPriority::Lowest,
            }],
        })
    }
}

static FALLBACKS: OnceLock<Arc<Fallbacks>> = OnceLock::new();

/// Chooses the fallback fonts of this process, before anything uses them.
/// Returns false if they were already chosen (then nothing changes).
pub fn set_font_sources(sources: &FontSources) -> bool {
    let mut fresh = false;
    FALLBACKS.get_or_init(|| {
        fresh = true;
        Arc::new(Fallbacks::new(sources))
    });
    fresh
}

/// The fallback fonts of this process, shared by the screen and the
/// exporters: [`FontSources::from_env`] unless [`set_font_sources`] chose.
pub fn fallbacks() -> Arc<Fallbacks> {
    FALLBACKS
        .get_or_init(|| Arc::new(Fallbacks::new(&FontSources::from_env())))
        .clone()
}

/// A script that text needs and no font covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingScript {
    /// The script, in words: "Japanese (kana)", "Thai".
    pub name: &'static str,
    /// A character of it that the text holds.
    pub example: char,
    /// The Debian/Ubuntu package with a font for it.
    pub package: &'static str,
}

/// At most this many different characters of one script are checked: a
/// script is either covered or not, and the check must stay cheap.
const CHECKS_PER_SCRIPT: usize = 16;

/// The scripts in `texts` that neither the configured fonts nor the
/// fallbacks cover, in order of first appearance. Cost: one pass over the
/// text, and a few font look-ups per script.
pub fn missing_scripts<'a>(
    definitions: &FontDefinitions,
    fallbacks: &Fallbacks,
    texts: impl IntoIterator<Item = &'a str>,
) -> Vec<MissingScript> {
    let configured: Vec<skrifa::FontRef<'_>> = definitions
        .font_data
        .values()
        .filter_map(|d| skrifa::FontRef::from_index(d.bytes(), d.index).ok())
        .collect();
    let mut seen: HashSet<char> = HashSet::new();
    let mut checks: HashMap<&'static str, usize> = HashMap::new();
    let mut missing: Vec<MissingScript> = Vec::new();
    for c in texts.into_iter().flat_map(str::chars) {
        if c.is_ascii() || c.is_control() || !seen.insert(c) {
            continue;
        }
        let (name, package) = describe(c.script());
        if missing.iter().any(|m| m.name == name) {
            continue;
        }
        let count = checks.entry(name).or_default();
        if *count >= CHECKS_PER_SCRIPT {
            continue;
        }
        *count += 1;
        let configured_has = configured.iter().any(|f| f.charmap().map(c).is_some());
        if !configured_has && !fallbacks.covers(c) {
            missing.push(MissingScript {
                name,
                example: c,
                package,
            });
        }
    }
    missing
}

/// A script's name in words, and the Debian package with a font for it.
fn describe(script: Script) -> (&'static str, &'static str) {
    match script {
        Script::Han => ("Chinese and Japanese (Han)", "fonts-noto-cjk"),
        Script::Hiragana | Script::Katakana => ("Japanese (kana)", "fonts-noto-cjk"),
        Script::Hangul => ("Korean (Hangul)", "fonts-noto-cjk"),
        Script::Bopomofo => ("Chinese (Bopomofo)", "fonts-noto-cjk"),
        Script::Arabic => ("Arabic", "fonts-noto-core"),
        Script::Hebrew => ("Hebrew", "fonts-noto-core"),
        Script::Thai => ("Thai", "fonts-noto-core"),
        Script::Devanagari => ("Devanagari (Hindi, Marathi)", "fonts-noto-core"),
        Script::Bengali => ("Bengali", "fonts-noto-core"),
        Script::Tamil => ("Tamil", "fonts-noto-core"),
        Script::Common | Script::Inherited | Script::Unknown => {
            ("symbols and emoji", "fonts-noto-color-emoji")
        }
        _ => ("other scripts", "fonts-noto-core"),
    }
}

/// One plain sentence about the scripts no font covers, naming a package
/// to install; `None` if every script is covered.
pub fn missing_fonts_message(missing: &[MissingScript]) -> Option<String> {
    if missing.is_empty() {
        return None;
    }
    let scripts: Vec<String> = missing
        .iter()
        .map(|m| format!("{} (such as “{}”)", m.name, m.example))
        .collect();
    let mut packages: Vec<&str> = missing.iter().map(|m| m.package).collect();
    packages.dedup();
    packages.sort_unstable();
    packages.dedup();
    Some(format!(
        "No installed font has {}: that text shows as empty boxes. Install a font for it, \
         for example `sudo apt install {}` on Debian or Ubuntu, then restart Waymark.",
        join_words(&scripts),
        packages.join(" ")
    ))
}

/// "a", "a and b", "a, b and c".
fn join_words(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
