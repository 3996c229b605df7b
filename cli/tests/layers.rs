//! The CLI's files import downward only: the spec table at the bottom, request building above
//! it, commands on top. No file reaches, through any chain of `crate::` imports, back to
//! itself.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/`, by its path relative to `src/` (`mcp/tools.rs`).
fn files(dir: &Path, root: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path.strip_prefix(root).unwrap().to_path_buf());
        }
    }
}

/// The file a module path names: `a::b` is `a/b.rs`, else `a/b/mod.rs`, else (an item of
/// `a`) `a.rs` or `a/mod.rs`.
fn file_of(segments: &[&str], known: &[PathBuf]) -> Option<PathBuf> {
    for n in (1..=segments.len()).rev() {
        let base: PathBuf = segments[..n].iter().collect();
        for candidate in [base.with_extension("rs"), base.join("mod.rs")] {
            if known.contains(&candidate) {
                return Some(candidate);
            }
        }
    }
    None
}

/// The module paths a file's code names through `crate::`, outside its `#[cfg(test)]` part.
fn imports(text: &str) -> Vec<Vec<String>> {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    let code: String = code
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a, b::c};`
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            for item in inner.split(',') {
                let path: Vec<String> = item
                    .trim()
                    .split("::")
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty() && s != "self")
                    .collect();
                if !path.is_empty() {
                    out.push(path);
                }
            }
            continue;
        }
        let path: Vec<String> = rest
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .next()
            .unwrap_or_default()
            .split("::")
            .filter(|s| !s.is_empty() && s.chars().next().is_some_and(|c| c.is_lowercase()))
            .map(String::from)
            .collect();
        if !path.is_empty() {
            out.push(path);
        }
    }
    out
}

#[test]
fn no_file_of_the_cli_imports_back_up() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut known = Vec::new();
    files(&src, &src, &mut known);
    known.sort();
    let mut graph: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
    for file in &known {
        let text = std::fs::read_to_string(src.join(file)).unwrap();
        let mut deps: Vec<PathBuf> = imports(&text)
            .iter()
            .filter_map(|p| file_of(&p.iter().map(String::as_str).collect::<Vec<_>>(), &known))
            .filter(|d| d != file)
            .collect();
        deps.sort();
        deps.dedup();
        graph.insert(file.clone(), deps);
    }
    // The layers this test expects to see, bottom first, checked edge by edge below.
    assert!(graph[Path::new("spec.rs")].is_empty(), "{graph:?}");
    assert!(
        graph[Path::new("request.rs")]
            .iter()
            .all(|d| ["spec.rs", "check.rs", "error.rs"].contains(&d.to_str().unwrap())),
        "{graph:?}"
    );

    // Depth-first search for a cycle, reporting the first one found.
    fn visit(
        node: &PathBuf,
        graph: &BTreeMap<PathBuf, Vec<PathBuf>>,
        stack: &mut Vec<PathBuf>,
        done: &mut Vec<PathBuf>,
    ) -> Option<Vec<PathBuf>> {
        if done.contains(node) {
            return None;
        }
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.clone());
            return Some(cycle);
        }
        stack.push(node.clone());
        for dep in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(dep, graph, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.push(node.clone());
        None
    }
    let (mut stack, mut done) = (Vec::new(), Vec::new());
    for node in graph.keys() {
        if let Some(cycle) = visit(node, &graph, &mut stack, &mut done) {
            panic!("files import each other: {cycle:?}\n{graph:#?}");
        }
    }
}

#[test]
fn the_import_reader_sees_every_form() {
    let text = "use crate::spec::{self, Op};\nuse crate::{check, error::Failure};\n\
                fn f() { crate::sim::run(); }\n// crate::tree in a comment\n\
                #[cfg(test)]\nmod tests { use crate::raw; }";
    assert_eq!(
        imports(text),
        [
            vec!["spec".to_string()],
            vec!["check".to_string()],
            vec!["error".to_string(), "Failure".to_string()],
            vec!["sim".to_string(), "run".to_string()],
        ]
    );
}
