//! The module layering, checked over the code rather than promised.
//!
//! Every module of `src/` is found from `lib.rs` by its `mod` lines (with
//! `#[path]`), and every `use` (nested groups, `self`, `super::super`,
//! aliases, globs) and every inline path (`crate::x::y`, `super::x`, or
//! one starting with a name a `use` brought in) is resolved to the module
//! that defines the name, through re-exports. That gives the module graph,
//! and then:
//!
//! - **no cycle at any level**: among the top-level modules, and among the
//!   children of every folder (`edit/command.rs` ↔ `edit/apply.rs`). A
//!   path from a module into its own parent or children is containment,
//!   not an edge; `#[cfg(test)]` code is left out (tests may use anything);
//! - the pure core never touches egui, and no module uses the ones above
//!   it in the flow (`app → ui → {layout, paint, edit, model}`).
//!
//! A failure names the cycle's modules and the file:line of each edge.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------- rules

/// Modules that must not touch egui, eframe or epaint at all.
const PURE: &[&str] = &[
    "model",
    "format",
    "edit",
    "analysis",
    "interchange",
    "recovery",
    "compare",
    "room",
];

/// Crates the pure core must not name.
const GUI_CRATES: &[&str] = &["egui", "eframe", "epaint", "emath", "ecolor", "rfd"];

/// Top-level modules and those they must never use directly: lower layers
/// never reach up (the old rank table's meaningful part).
const NEVER_USES: &[(&[&str], &[&str])] = &[
    (
        PURE,
        &["layout", "paint", "theme", "export", "ui", "app", "cli"],
    ),
    (
        &["io", "layout", "paint", "theme", "export"],
        &["ui", "app", "cli"],
    ),
    (&["ui"], &["app", "cli"]),
    (&["cli"], &["app", "ui"]),
];

/// Cycles that are known and being broken, by folder (`""` for the top
/// level) and the modules of the cycle (its strongly connected set). The
/// list only shrinks: the test fails on a cycle not listed, and on a
/// listed one that is gone or has changed, so that it is taken off.
const KNOWN_CYCLES: &[(&str, &[&str])] = &[];

// ---------------------------------------------------------------- lexer

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Punct(char),
    /// `::`
    PathSep,
}

#[derive(Clone, Debug)]
struct Token {
    tok: Tok,
    line: usize,
}

/// Rust tokens, enough for paths: comments, lifetimes, numbers and char
/// literals are dropped; strings are kept (for `#[path = "…"]`).
fn lex(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let ident_start = |c: char| c.is_alphabetic() || c == '_';
    let ident_char = |c: char| c.is_alphanumeric() || c == '_';
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if c == '"' {
            let start_line = line;
            let mut s = String::new();
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                if let Some(&ch) = chars.get(i) {
                    if ch == '\n' {
                        line += 1;
                    }
                    s.push(ch);
                }
                i += 1;
            }
            i += 1;
            out.push(Token {
                tok: Tok::Str(s),
                line: start_line,
            });
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{..}') or a lifetime ('a).
            if next == Some('\\') {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
                while i < chars.len() && ident_char(chars[i]) {
                    i += 1;
                }
            }
        } else if c.is_ascii_digit() {
            while i < chars.len()
                && (ident_char(chars[i])
                    || (chars[i] == '.' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())))
            {
                i += 1;
            }
        } else if ident_start(c) {
            let start = i;
            while i < chars.len() && ident_char(chars[i]) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let here = chars.get(i).copied();
            if matches!(word.as_str(), "r" | "br" | "b" | "c" | "cr")
                && (here == Some('"') || (here == Some('#') && word.ends_with('r')))
            {
                // A raw or byte string: r#"…"#, b"…".
                let mut hashes = 0;
                while chars.get(i) == Some(&'#') {
                    hashes += 1;
                    i += 1;
                }
                let start_line = line;
                i += 1;
                let raw = word.ends_with('r');
                let mut s = String::new();
                while i < chars.len() {
                    if chars[i] == '"' && (0..hashes).all(|k| chars.get(i + 1 + k) == Some(&'#')) {
                        i += 1 + hashes;
                        break;
                    }
                    if !raw && chars[i] == '\\' {
                        i += 1;
                    }
                    if let Some(&ch) = chars.get(i) {
                        if ch == '\n' {
                            line += 1;
                        }
                        s.push(ch);
                    }
                    i += 1;
                }
                out.push(Token {
                    tok: Tok::Str(s),
                    line: start_line,
                });
            } else if word == "b" && here == Some('\'') {
                // A byte literal: b'x', b'\n'.
                i += 1;
                if chars.get(i) == Some(&'\\') {
                    i += 1;
                }
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if word == "r" && here == Some('#') {
                // A raw identifier: r#type.
                i += 1;
                let start = i;
                while i < chars.len() && ident_char(chars[i]) {
                    i += 1;
                }
                out.push(Token {
                    tok: Tok::Ident(chars[start..i].iter().collect()),
                    line,
                });
            } else {
                out.push(Token {
                    tok: Tok::Ident(word),
                    line,
                });
            }
        } else if c == ':' && next == Some(':') {
            out.push(Token {
                tok: Tok::PathSep,
                line,
            });
            i += 2;
        } else {
            out.push(Token {
                tok: Tok::Punct(c),
                line,
            });
            i += 1;
        }
    }
    out
}

// ---------------------------------------------------------------- parser

/// One name a `use` brings in: `use a::{b::c as d, e::*}` gives `a::b::c`
/// as `d` and the glob `a::e::*`.
#[derive(Clone, Debug, PartialEq)]
struct UseLeaf {
    path: Vec<String>,
    /// The name it binds (`None` for a glob or `as _`).
    alias: Option<String>,
    glob: bool,
    line: usize,
}

/// A `mod name;` or `mod name { … }` line.
#[derive(Clone, Debug)]
struct ModDecl {
    name: String,
    path_attr: Option<String>,
    test: bool,
    /// Inline modules it sits in, within the file.
    within: Vec<String>,
    /// `mod name { … }` rather than `mod name;`.
    inline: bool,
}

/// What one file says, per inline module (`[]` for the file's own).
#[derive(Debug, Default)]
struct Parsed {
    /// `use` leaves: (inline module, at the module's top level, in test
    /// code, leaf).
    uses: Vec<(Vec<String>, bool, bool, UseLeaf)>,
    /// Inline paths: (inline module, in test code, segments, line).
    paths: Vec<(Vec<String>, bool, Vec<String>, usize)>,
    mods: Vec<ModDecl>,
    /// Names of items defined at a module's top level.
    items: BTreeMap<Vec<String>, BTreeSet<String>>,
    /// `#![cfg(test)]` at the top of the file.
    all_test: bool,
}

fn ident(t: Option<&Token>) -> Option<&str> {
    match t.map(|t| &t.tok) {
        Some(Tok::Ident(s)) => Some(s),
        _ => None,
    }
}

fn is(t: Option<&Token>, tok: &Tok) -> bool {
    t.is_some_and(|t| &t.tok == tok)
}

/// Parses a use tree at `toks[i..]` under `prefix`, pushing its leaves.
/// Returns the index after the tree.
fn use_tree(toks: &[Token], mut i: usize, prefix: &[String], out: &mut Vec<UseLeaf>) -> usize {
    let mut path = prefix.to_vec();
    if is(toks.get(i), &Tok::PathSep) {
        i += 1;
    }
    loop {
        let line = toks.get(i).map_or(0, |t| t.line);
        match toks.get(i).map(|t| &t.tok) {
            Some(Tok::Punct('*')) => {
                out.push(UseLeaf {
                    path,
                    alias: None,
                    glob: true,
                    line,
                });
                return i + 1;
            }
            Some(Tok::Punct('{')) => {
                i += 1;
                while !is(toks.get(i), &Tok::Punct('}')) && i < toks.len() {
                    i = use_tree(toks, i, &path, out);
                    if is(toks.get(i), &Tok::Punct(',')) {
                        i += 1;
                    }
                }
                return i + 1;
            }
            Some(Tok::Ident(name)) => {
                if name == "self" && !path.is_empty() && !is(toks.get(i + 1), &Tok::PathSep) {
                    // `a::{self}` binds `a` itself.
                } else {
                    path.push(name.clone());
                }
                i += 1;
                if is(toks.get(i), &Tok::PathSep) {
                    i += 1;
                    continue;
                }
                let mut alias = path.last().cloned();
                if ident(toks.get(i)) == Some("as") {
                    alias = ident(toks.get(i + 1))
                        .filter(|a| *a != "_")
                        .map(str::to_owned);
                    if is(toks.get(i + 1), &Tok::Punct('_')) {
                        alias = None;
                    }
                    i += 2;
                }
                out.push(UseLeaf {
                    path,
                    alias,
                    glob: false,
                    line,
                });
                return i;
            }
            _ => return i + 1,
        }
    }
}

/// The leaves of one `use` statement's text, for the parser's own tests.
fn parse_use(text: &str) -> Vec<UseLeaf> {
    parse(text)
        .uses
        .into_iter()
        .map(|(_, _, _, leaf)| leaf)
        .collect()
}

const ITEM_KEYWORDS: &[&str] = &[
    "fn", "struct", "enum", "trait", "type", "const", "static", "union",
];

/// Parses one file.
fn parse(text: &str) -> Parsed {
    let toks = lex(text);
    let mut out = Parsed::default();
    // Inline modules we are in: (name, brace depth inside it).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut parens = 0usize;
    // Test code: the brace depth its item started at.
    let mut test_at: Option<usize> = None;
    let mut pending_test = false;
    let mut pending_path: Option<String> = None;
    let mut i = 0;
    let base = |inline: &[(String, usize)]| inline.last().map_or(0, |(_, d)| *d);
    let names = |inline: &[(String, usize)]| -> Vec<String> {
        inline.iter().map(|(n, _)| n.clone()).collect()
    };
    while i < toks.len() {
        let tok = &toks[i];
        let in_test = test_at.is_some() || out.all_test;
        match &tok.tok {
            Tok::Punct('#') => {
                let inner = is(toks.get(i + 1), &Tok::Punct('!'));
                let open = if inner { i + 2 } else { i + 1 };
                if !is(toks.get(open), &Tok::Punct('[')) {
                    i += 1;
                    continue;
                }
                let mut j = open + 1;
                let mut level = 1;
                while j < toks.len() && level > 0 {
                    match toks[j].tok {
                        Tok::Punct('[') => level += 1,
                        Tok::Punct(']') => level -= 1,
                        _ => {}
                    }
                    j += 1;
                }
                let attr: Vec<&Tok> = toks[open + 1..j - 1].iter().map(|t| &t.tok).collect();
                let cfg_test = attr.len() == 4
                    && attr[0] == &Tok::Ident("cfg".into())
                    && attr[2] == &Tok::Ident("test".into());
                if cfg_test {
                    if inner {
                        if inline.is_empty() {
                            out.all_test = true;
                        }
                    } else {
                        pending_test = true;
                    }
                }
                if let [Tok::Ident(p), Tok::Punct('='), Tok::Str(s)] = attr.as_slice()
                    && p == "path"
                {
                    pending_path = Some(s.clone());
                }
                i = j;
                continue;
            }
            _ if pending_test && test_at.is_none() => {
                test_at = Some(depth);
                pending_test = false;
                continue;
            }
            Tok::Punct('{') => {
                depth += 1;
            }
            Tok::Punct('}') => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, d)| depth < *d) {
                    inline.pop();
                }
                if test_at == Some(depth) && parens == 0 {
                    test_at = None;
                }
            }
            Tok::Punct('(' | '[') => parens += 1,
            Tok::Punct(')' | ']') => parens = parens.saturating_sub(1),
            Tok::Punct(';') if test_at == Some(depth) && parens == 0 => test_at = None,
            Tok::Ident(word) if word == "use" => {
                let mut leaves = Vec::new();
                let mut j = i + 1;
                while j < toks.len() && !is(toks.get(j), &Tok::Punct(';')) {
                    j = use_tree(&toks, j, &[], &mut leaves);
                }
                let top = depth == base(&inline);
                for leaf in leaves {
                    out.uses.push((names(&inline), top, in_test, leaf));
                }
                if test_at == Some(depth) {
                    test_at = None;
                }
                i = j + 1;
                continue;
            }
            Tok::Ident(word) if word == "mod" => {
                if let Some(name) = ident(toks.get(i + 1)) {
                    let is_inline = is(toks.get(i + 2), &Tok::Punct('{'));
                    out.mods.push(ModDecl {
                        name: name.to_owned(),
                        path_attr: pending_path.take(),
                        test: in_test,
                        within: names(&inline),
                        inline: is_inline,
                    });
                    out.items
                        .entry(names(&inline))
                        .or_default()
                        .insert(name.to_owned());
                    if is_inline {
                        depth += 1;
                        inline.push((name.to_owned(), depth));
                        i += 3;
                        continue;
                    }
                }
            }
            Tok::Ident(word) if ITEM_KEYWORDS.contains(&word.as_str()) => {
                if let Some(name) = ident(toks.get(i + 1))
                    && depth == base(&inline)
                    && !matches!(name, "fn" | "unsafe" | "async" | "extern" | "mut")
                {
                    out.items
                        .entry(names(&inline))
                        .or_default()
                        .insert(name.to_owned());
                }
            }
            Tok::Ident(word) if word == "macro_rules" => {
                if let Some(name) = ident(toks.get(i + 2)) {
                    out.items
                        .entry(names(&inline))
                        .or_default()
                        .insert(name.to_owned());
                }
            }
            Tok::Ident(first) => {
                // An inline path: `a::b::c`, not inside a longer one, not
                // `$crate::…`.
                let after_sep = i > 0 && is(toks.get(i - 1), &Tok::PathSep);
                let after_dollar = i > 0 && is(toks.get(i - 1), &Tok::Punct('$'));
                if !after_sep && !after_dollar && is(toks.get(i + 1), &Tok::PathSep) {
                    let mut segs = vec![first.clone()];
                    let mut j = i + 1;
                    while is(toks.get(j), &Tok::PathSep) {
                        match ident(toks.get(j + 1)) {
                            Some(s) => segs.push(s.to_owned()),
                            None => break,
                        }
                        j += 2;
                    }
                    if segs.len() > 1 {
                        out.paths.push((names(&inline), in_test, segs, tok.line));
                    }
                    i = j;
                    continue;
                }
            }
            _ => {}
        }
        // A #[path] applies to the next item only: one that is not a
        // `mod` ends at its first `;` or brace.
        if matches!(tok.tok, Tok::Punct(';' | '{' | '}')) {
            pending_path = None;
        }
        i += 1;
    }
    out
}

// ---------------------------------------------------------------- graph

/// A module: a file, or an inline module inside one.
#[derive(Debug, Default)]
struct Module {
    file: PathBuf,
    /// The file's own module (inline modules belong to it).
    node: Vec<String>,
    children: BTreeSet<String>,
    items: BTreeSet<String>,
    test: bool,
}

/// A use of another module: from the file of `from`, at `file:line`.
#[derive(Clone, Debug)]
struct Edge {
    from: Vec<String>,
    to: Vec<String>,
    file: PathBuf,
    line: usize,
    test: bool,
}

#[derive(Default)]
struct Crate {
    modules: BTreeMap<Vec<String>, Module>,
    parsed: BTreeMap<Vec<String>, Parsed>,
    edges: Vec<Edge>,
    /// External crates named: (module, crate, file, line, in test code).
    externs: Vec<(Vec<String>, String, PathBuf, usize, bool)>,
}

fn name(path: &[String]) -> String {
    if path.is_empty() {
        "crate".to_owned()
    } else {
        path.join("::")
    }
}

impl Crate {
    /// Reads the crate from its root file, following `mod` lines.
    fn load(root: &Path) -> Crate {
        let mut krate = Crate::default();
        krate.add_file(Vec::new(), root, false);
        krate.resolve_all();
        krate
    }

    fn add_file(&mut self, module: Vec<String>, file: &Path, test: bool) {
        let text =
            std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let parsed = parse(&text);
        let test = test || parsed.all_test;
        let is_dir_owner = file
            .file_name()
            .is_some_and(|n| n == "mod.rs" || n == "lib.rs" || n == "main.rs");
        let dir = file.parent().expect("a folder").to_path_buf();
        let own_dir = if is_dir_owner {
            dir.clone()
        } else {
            dir.join(file.file_stem().expect("a name"))
        };
        self.modules.insert(
            module.clone(),
            Module {
                file: file.to_path_buf(),
                node: module.clone(),
                items: parsed.items.get(&Vec::new()).cloned().unwrap_or_default(),
                test,
                ..Default::default()
            },
        );
        let decls = parsed.mods.clone();
        for decl in &decls {
            let mut parent = module.clone();
            parent.extend(decl.within.iter().cloned());
            let mut path = parent.clone();
            path.push(decl.name.clone());
            if let Some(m) = self.modules.get_mut(&parent) {
                m.children.insert(decl.name.clone());
            }
            let test = test || decl.test;
            if decl.inline {
                let mut within = decl.within.clone();
                within.push(decl.name.clone());
                self.modules.insert(
                    path,
                    Module {
                        file: file.to_path_buf(),
                        node: module.clone(),
                        items: parsed.items.get(&within).cloned().unwrap_or_default(),
                        test,
                        ..Default::default()
                    },
                );
                continue;
            }
            let mut base = own_dir.clone();
            for w in &decl.within {
                base.push(w);
            }
            let child = match &decl.path_attr {
                Some(p) => dir.join(p),
                None if base.join(format!("{}.rs", decl.name)).exists() => {
                    base.join(format!("{}.rs", decl.name))
                }
                None => base.join(&decl.name).join("mod.rs"),
            };
            self.add_file(path, &child, test);
        }
        self.parsed.insert(module, parsed);
    }

    /// Turns `segs`, written in `module`, into a path from the crate root,
    /// or `Err(the crate's name)` for a path into another crate. With
    /// `imports`, a first name may be one a `use` brought in.
    fn absolute(
        &self,
        module: &[String],
        segs: &[String],
        imports: bool,
    ) -> Result<Vec<String>, String> {
        let Some(first) = segs.first() else {
            return Err(String::new());
        };
        let mut at: Vec<String> = match first.as_str() {
            "crate" => Vec::new(),
            "self" => module.to_vec(),
            "super" => {
                let mut at = module.to_vec();
                let mut k = 0;
                while segs.get(k).is_some_and(|s| s == "super") {
                    at.pop();
                    k += 1;
                }
                at.extend(segs[k..].iter().cloned());
                return Ok(at);
            }
            _ => {
                // A name in scope: a child, an item, or an import.
                let Some(m) = self.modules.get(module) else {
                    return Err(first.clone());
                };
                if m.children.contains(first) || m.items.contains(first) {
                    let mut at = module.to_vec();
                    at.extend(segs.iter().cloned());
                    return Ok(at);
                }
                let import = imports
                    .then(|| {
                        self.imports(module)
                            .find(|l| l.alias.as_ref() == Some(first))
                    })
                    .flatten();
                let Some(import) = import else {
                    return Err(first.clone());
                };
                let mut at = self.absolute(module, &import.path, false)?;
                at.extend(segs[1..].iter().cloned());
                return Ok(at);
            }
        };
        at.extend(segs[1..].iter().cloned());
        Ok(at)
    }

    /// The top-level `use` leaves of `module`.
    fn imports<'a>(&'a self, module: &'a [String]) -> impl Iterator<Item = &'a UseLeaf> + 'a {
        let node = self
            .modules
            .get(module)
            .map(|m| m.node.clone())
            .unwrap_or_default();
        let within: Vec<String> = module[node.len().min(module.len())..].to_vec();
        self.parsed
            .get(&node)
            .into_iter()
            .flat_map(|p| p.uses.iter())
            .filter(move |(w, top, _, _)| *top && *w == within)
            .map(|(_, _, _, leaf)| leaf)
    }

    /// The module that defines what the absolute path `abs` names,
    /// following re-exports; `None` outside the crate.
    fn target(&self, abs: &[String], hops: u32) -> Option<Vec<String>> {
        let mut at: Vec<String> = Vec::new();
        for (k, seg) in abs.iter().enumerate() {
            let m = self.modules.get(&at)?;
            if m.children.contains(seg)
                && self
                    .modules
                    .contains_key(&[&at[..], std::slice::from_ref(seg)].concat())
            {
                at.push(seg.clone());
                continue;
            }
            if m.items.contains(seg) || hops > 16 {
                return Some(at);
            }
            let rest = &abs[k + 1..];
            let imports: Vec<UseLeaf> = self.imports(&at).cloned().collect();
            if let Some(import) = imports.iter().find(|l| l.alias.as_ref() == Some(seg)) {
                let mut next = self.absolute(&at, &import.path, false).ok()?;
                next.extend(rest.iter().cloned());
                return self.target(&next, hops + 1);
            }
            for glob in imports.iter().filter(|l| l.glob) {
                if let Ok(mut next) = self.absolute(&at, &glob.path, false) {
                    let source = next.clone();
                    next.push(seg.clone());
                    next.extend(rest.iter().cloned());
                    if let Some(t) = self.target(&next, hops + 1)
                        && t != source
                    {
                        return Some(t);
                    }
                }
            }
            return Some(at);
        }
        Some(at)
    }

    /// Every `use` and inline path of every module, as edges.
    fn resolve_all(&mut self) {
        let mut edges = Vec::new();
        let mut externs = Vec::new();
        for (node, parsed) in &self.parsed {
            let file_test = self.modules[node].test;
            let file = self.modules[node].file.clone();
            let leaves = parsed
                .uses
                .iter()
                .map(|(w, _, t, l)| (w, *t, l.path.clone(), l.line));
            let paths = parsed
                .paths
                .iter()
                .map(|(w, t, s, l)| (w, *t, s.clone(), *l));
            for (within, test, segs, line) in leaves.chain(paths) {
                let module = [&node[..], &within[..]].concat();
                let test = test || file_test || self.modules.get(&module).is_some_and(|m| m.test);
                match self.absolute(&module, &segs, true) {
                    Ok(abs) => {
                        if let Some(to) = self.target(&abs, 0) {
                            let to = self.modules.get(&to).map_or(to, |m| m.node.clone());
                            if &to != node {
                                edges.push(Edge {
                                    from: node.clone(),
                                    to,
                                    file: file.clone(),
                                    line,
                                    test,
                                });
                            }
                        }
                    }
                    Err(krate) => externs.push((node.clone(), krate, file.clone(), line, test)),
                }
            }
        }
        self.edges = edges;
        self.externs = externs;
    }

    /// Modules that are folders: those with child files.
    fn folders(&self) -> Vec<Vec<String>> {
        self.modules
            .iter()
            .filter(|(path, m)| {
                !m.test
                    && m.node == **path
                    && m.children.iter().any(|c| {
                        let child = [&path[..], std::slice::from_ref(c)].concat();
                        self.modules
                            .get(&child)
                            .is_some_and(|m| !m.test && m.node == child)
                    })
            })
            .map(|(p, _)| p.clone())
            .collect()
    }

    /// Edges between the children of `folder`: a use from anywhere inside
    /// one child to anywhere inside another, with the first place seen.
    fn sibling_edges(&self, folder: &[String]) -> BTreeMap<(String, String), Vec<&Edge>> {
        let mut out: BTreeMap<(String, String), Vec<&Edge>> = BTreeMap::new();
        for edge in self.edges.iter().filter(|e| !e.test) {
            if edge.from.len() > folder.len()
                && edge.to.len() > folder.len()
                && edge.from.starts_with(folder)
                && edge.to.starts_with(folder)
            {
                let (a, b) = (&edge.from[folder.len()], &edge.to[folder.len()]);
                if a != b {
                    out.entry((a.clone(), b.clone())).or_default().push(edge);
                }
            }
        }
        out
    }
}

/// The strongly connected sets of more than one node (Tarjan's), sorted.
fn cycles(edges: &BTreeMap<(String, String), Vec<&Edge>>) -> Vec<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in edges.keys() {
        next.entry(a).or_default().push(b);
        next.entry(b).or_default();
    }
    struct State<'a> {
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(v: &'a str, next: &BTreeMap<&'a str, Vec<&'a str>>, s: &mut State<'a>) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        s.on.insert(v);
        for &w in &next[v] {
            if !s.index.contains_key(w) {
                visit(w, next, s);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut set = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on.remove(w);
                set.push(w.to_owned());
                if w == v {
                    break;
                }
            }
            if set.len() > 1 {
                set.sort();
                s.out.push(set);
            }
        }
    }
    let mut state = State {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for &v in next.keys() {
        if !state.index.contains_key(v) {
            visit(v, &next, &mut state);
        }
    }
    state.out.sort();
    state.out
}

/// The shortest cycle from `start` back to it within `scc`, breadth first.
fn shortest_cycle<'a>(
    start: &'a str,
    scc: &[String],
    edges: &'a BTreeMap<(String, String), Vec<&Edge>>,
) -> Vec<&'a str> {
    let mut back: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    let mut last = start;
    'search: while let Some(v) = queue.pop_front() {
        for (a, b) in edges.keys().filter(|(a, _)| a == v) {
            if !scc.contains(b) {
                continue;
            }
            if b == start {
                last = a;
                break 'search;
            }
            if !back.contains_key(b.as_str()) {
                back.insert(b, a);
                queue.push_back(b);
            }
        }
    }
    let mut path = vec![last];
    while let Some(&before) = back.get(path[path.len() - 1]) {
        path.push(before);
    }
    if path.last() != Some(&start) {
        path.push(start);
    }
    path.reverse();
    path.push(start);
    path
}

/// The strongly connected set `scc` of `folder` as a message: its
/// modules, then the shortest cycle through each of them (once each),
/// with the file:line of every edge.
fn describe(
    folder: &str,
    scc: &[String],
    edges: &BTreeMap<(String, String), Vec<&Edge>>,
    src: &Path,
) -> String {
    let place = if folder.is_empty() { "crate" } else { folder };
    let mut text = format!("cycle in {place} among {}:", scc.join(", "));
    let mut shown: BTreeSet<(String, String)> = BTreeSet::new();
    for start in scc {
        let path = shortest_cycle(start, scc, edges);
        let pairs: Vec<(String, String)> = path
            .windows(2)
            .map(|p| (p[0].to_owned(), p[1].to_owned()))
            .collect();
        if pairs.iter().all(|p| shown.contains(p)) {
            continue;
        }
        text.push_str(&format!("\n  {}", path.join(" → ")));
        for pair in pairs {
            let mut lines = BTreeSet::new();
            for edge in edges.get(&pair).into_iter().flatten() {
                let file = edge
                    .file
                    .strip_prefix(src.parent().unwrap_or(src))
                    .unwrap_or(&edge.file);
                if lines.insert((file.display().to_string(), edge.line)) && lines.len() <= 3 {
                    text.push_str(&format!(
                        "\n    {} → {}: {}:{} ({} uses {})",
                        pair.0,
                        pair.1,
                        file.display(),
                        edge.line,
                        name(&edge.from),
                        name(&edge.to)
                    ));
                }
            }
            shown.insert(pair);
        }
    }
    text
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn the_crate() -> Crate {
    Crate::load(&src().join("lib.rs"))
}

// ---------------------------------------------------------------- checks

#[test]
fn no_module_cycle_at_any_level() {
    let krate = the_crate();
    let src = src();
    let mut wrong = Vec::new();
    let mut seen: BTreeSet<(String, Vec<String>)> = BTreeSet::new();
    for folder in krate.folders() {
        let edges = krate.sibling_edges(&folder);
        let folder_name = folder.join("::");
        for scc in cycles(&edges) {
            let known = KNOWN_CYCLES.iter().any(|(f, set)| {
                *f == folder_name && set.iter().copied().eq(scc.iter().map(String::as_str))
            });
            if !known {
                wrong.push(describe(&folder_name, &scc, &edges, &src));
            }
            seen.insert((folder_name.clone(), scc));
        }
    }
    for (folder, set) in KNOWN_CYCLES {
        let set: Vec<String> = set.iter().map(|s| (*s).to_owned()).collect();
        if !seen.contains(&((*folder).to_owned(), set.clone())) {
            wrong.push(format!(
                "KNOWN_CYCLES lists {folder}: {set:?}, which is gone or changed: take it off"
            ));
        }
    }
    assert!(wrong.is_empty(), "module cycles:\n{}", wrong.join("\n"));
}

#[test]
fn the_pure_core_never_touches_egui() {
    let krate = the_crate();
    let wrong: Vec<String> = krate
        .externs
        .iter()
        .filter(|(module, krate, ..)| {
            module.first().is_some_and(|m| PURE.contains(&m.as_str()))
                && GUI_CRATES.contains(&krate.as_str())
        })
        .map(|(module, used, file, line, _)| {
            format!(
                "{}:{line}: {} (pure core) uses {used}",
                file.display(),
                name(module)
            )
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn lower_modules_never_use_higher_ones() {
    let krate = the_crate();
    let mut wrong = Vec::new();
    for edge in &krate.edges {
        let (Some(from), Some(to)) = (edge.from.first(), edge.to.first()) else {
            continue;
        };
        for (modules, never) in NEVER_USES {
            if modules.contains(&from.as_str()) && never.contains(&to.as_str()) {
                wrong.push(format!(
                    "{}:{}: {} uses {}",
                    edge.file.display(),
                    edge.line,
                    name(&edge.from),
                    name(&edge.to)
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "layering broken:\n{}", wrong.join("\n"));
}

#[test]
fn every_top_module_is_found_and_in_a_rule() {
    let krate = the_crate();
    let top: Vec<&String> = krate.modules[&Vec::new()].children.iter().collect();
    assert!(top.len() >= 10, "only {top:?} found from lib.rs");
    let ruled: BTreeSet<&str> = NEVER_USES
        .iter()
        .flat_map(|(a, b)| a.iter().chain(b.iter()))
        .copied()
        .collect();
    let missing: Vec<&&String> = top.iter().filter(|m| !ruled.contains(m.as_str())).collect();
    assert!(missing.is_empty(), "modules no rule names: {missing:?}");
}

/// The graph sees what it must: a re-export followed (`super::Command` in
/// edit/document.rs is edit/command.rs), and the app's use of the UI.
#[test]
fn the_graph_follows_re_exports_and_nested_paths() {
    let krate = the_crate();
    let has = |from: &str, to: &str| {
        krate
            .edges
            .iter()
            .any(|e| name(&e.from) == from && name(&e.to) == to && !e.test)
    };
    assert!(has("edit::document", "edit::command"));
    assert!(has("edit::document", "edit::history"));
    assert!(
        krate
            .edges
            .iter()
            .any(|e| e.from.first().is_some_and(|m| m == "app")
                && e.to.first().is_some_and(|m| m == "ui"))
    );
    // `#[cfg(test)] mod tests;` files are read, and marked as tests.
    let tests = krate
        .modules
        .get(["edit", "document", "tests"].map(String::from).as_slice())
        .expect("edit/document/tests.rs is found");
    assert!(tests.test);
    // `#[path = "raster_tests.rs"]` is followed.
    let raster = krate
        .modules
        .get(["export", "raster", "tests"].map(String::from).as_slice())
        .expect("export/raster_tests.rs is found");
    assert!(raster.file.ends_with("export/raster_tests.rs") && raster.test);
}

// ---------------------------------------------------------------- parser tests

fn leaf(path: &str, alias: Option<&str>) -> UseLeaf {
    UseLeaf {
        path: path.split("::").map(str::to_owned).collect(),
        alias: alias.map(str::to_owned),
        glob: false,
        line: 1,
    }
}

#[test]
fn nested_groups_give_every_leaf() {
    assert_eq!(
        parse_use("use crate::{a::{b, c}, d};"),
        [
            leaf("crate::a::b", Some("b")),
            leaf("crate::a::c", Some("c")),
            leaf("crate::d", Some("d")),
        ]
    );
}

#[test]
fn self_in_a_group_binds_the_module() {
    assert_eq!(
        parse_use("use crate::format::{self, Loaded};"),
        [
            leaf("crate::format", Some("format")),
            leaf("crate::format::Loaded", Some("Loaded")),
        ]
    );
}

#[test]
fn super_super_and_aliases() {
    assert_eq!(
        parse_use("pub(crate) use super::super::contrast::ratio as contrast;"),
        [leaf("super::super::contrast::ratio", Some("contrast"))]
    );
    assert_eq!(
        parse_use("use std::fmt::Write as _;"),
        [leaf("std::fmt::Write", None)]
    );
    let globs = parse_use("use super::*;");
    assert!(globs[0].glob && globs[0].path == ["super"]);
}

#[test]
fn inline_paths_comments_and_strings() {
    let parsed = parse(
        "// crate::not::this\n/* crate::nor::this */\nfn f() {\n    let s = \"crate::no\";\n    crate::edit::apply::apply_one(x);\n    super::paste::paste();\n    $crate::skip::me;\n}\n",
    );
    let paths: Vec<(Vec<String>, usize)> = parsed
        .paths
        .into_iter()
        .map(|(_, _, s, l)| (s, l))
        .collect();
    assert_eq!(
        paths,
        [
            (
                ["crate", "edit", "apply", "apply_one"]
                    .map(String::from)
                    .to_vec(),
                5
            ),
            (["super", "paste", "paste"].map(String::from).to_vec(), 6),
        ]
    );
}

#[test]
fn cfg_test_code_is_marked() {
    let parsed = parse(
        "use crate::a::B;\n#[cfg(test)]\nmod tests {\n    use super::*;\n    use crate::c::D;\n}\nuse crate::e::F;\n",
    );
    let marks: Vec<(String, bool)> = parsed
        .uses
        .iter()
        .map(|(_, _, test, l)| (l.path.join("::"), *test))
        .collect();
    assert_eq!(
        marks,
        [
            ("crate::a::B".to_owned(), false),
            ("super".to_owned(), true),
            ("crate::c::D".to_owned(), true),
            ("crate::e::F".to_owned(), false),
        ]
    );
}

/// A cycle between two siblings is found, and named with its lines.
#[test]
fn a_sibling_cycle_is_found_and_named() {
    let dir = tempfile::tempdir().expect("a temp folder");
    let write = |path: &str, text: &str| {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
        std::fs::write(path, text).expect("written");
    };
    write("lib.rs", "pub mod edit;\npub mod model;\n");
    write("model.rs", "pub struct Map;\n");
    write(
        "edit/mod.rs",
        "mod apply;\nmod command;\npub use command::{Command, EditError};\n",
    );
    write(
        "edit/command.rs",
        "use crate::model::Map;\npub enum Command {}\npub struct EditError;\nfn f() {\n    super::apply::apply_one();\n}\n",
    );
    write(
        "edit/apply.rs",
        "use super::{Command, EditError as E};\npub fn apply_one() {}\n",
    );
    let krate = Crate::load(&dir.path().join("lib.rs"));
    let folder = vec!["edit".to_owned()];
    let edges = krate.sibling_edges(&folder);
    let found = cycles(&edges);
    assert_eq!(found, [vec!["apply".to_owned(), "command".to_owned()]]);
    let text = describe("edit", &found[0], &edges, &dir.path().join("src"));
    assert!(
        text.starts_with("cycle in edit among apply, command:\n  apply → command → apply"),
        "{text}"
    );
    assert!(text.contains("edit/apply.rs:1"), "{text}");
    assert!(text.contains("edit/command.rs:5"), "{text}");
    // No cycle at the top: edit uses model, not the other way.
    assert!(cycles(&krate.sibling_edges(&[])).is_empty());
}
