//! Destruction by walking: a file that lists folders (`readdirSync` in a recursive walk or
//! a queue) and deletes, overwrites or encrypts in place the files it finds, starting from
//! the home folder or a folder of the user's own (Documents, Desktop, ...). Each piece is
//! ordinary (build tools walk folders and write files, cleaners delete what they find in
//! their own cache); the behaviour is the walk, the per-file damage and the user's own
//! files as its root, in one file, judged when the file has been walked.

use std::cell::Cell;

use oxc_ast::ast::{Argument, Expression};

use super::Walker;
use crate::BehaviourKind;
use crate::signals;

/// Where a piece was seen: offset, at top level, and the function it sits in.
type Place = (u32, bool, u32);

/// What one file does to folders and the files in them.
#[derive(Default)]
pub(crate) struct Seen {
    /// A folder listed (`readdir`, `readdirSync`, `opendir`).
    listed: bool,
    /// A listed folder is the home folder, one of the user's folders or the root.
    root: Option<&'static str>,
    /// A string names one of the user's folders (`'Documents'`).
    user_folder: bool,
    /// The first file deleted or written at a path that is not a constant: what is done.
    damage: Option<(Place, &'static str)>,
    /// A file deleted at a path that is not a constant.
    deletes: bool,
    /// The home folder asked for: `os.homedir()` called, `process.env.HOME` or
    /// `USERPROFILE` read (set while values are evaluated, hence a cell).
    pub(crate) home: Cell<bool>,
    /// A cipher created: `crypto.createCipheriv`, `crypto.subtle.encrypt`.
    encrypts: bool,
    /// Functions of the file that list a folder they are handed (a recursive walker).
    listers: Vec<u32>,
    /// Functions of the file called with the home folder or the root as an argument
    /// (`walk('/')`), with what it is.
    rooted_calls: Vec<(u32, &'static str)>,
}

fn place(w: &Walker<'_>, offset: u32) -> Place {
    (offset, w.top_level(), w.reach.current)
}

/// A folder listed by an `fs` method `m` at `path` (as far as it folds).
pub(crate) fn on_list(w: &mut Walker<'_>, m: &str, path: &str) {
    if !matches!(m, "readdirSync" | "readdir" | "opendir" | "opendirSync") {
        return;
    }
    w.wipe.listed = true;
    if let Some(what) = signals::destroyed_by_removal(path) {
        w.wipe.root.get_or_insert(what);
    }
    let f = w.reach.current;
    if !w.top_level() && f < crate::reach::UNKNOWN && !w.wipe.listers.contains(&f) {
        w.wipe.listers.push(f);
    }
}

/// A call of the file's own function `name`: a walk started at the root or the home
/// folder when the function lists what it is handed (`h('/')`, `walk(os.homedir())`).
pub(crate) fn on_local_call(w: &mut Walker<'_>, name: &str, arguments: &[Argument<'_>]) {
    let Some(f) = w.reach.lookup(name) else {
        return;
    };
    if w.wipe.rooted_calls.len() >= 16 {
        return;
    }
    let Some(first) = arguments.first().and_then(Argument::as_expression) else {
        return;
    };
    let value = w.eval(first);
    if let Some(root) = value
        .text
        .as_deref()
        .and_then(signals::destroyed_by_removal)
    {
        w.wipe.rooted_calls.push((f, root));
    }
}

/// A file deleted (`deleted`) or written at a path that does not fold to a constant.
pub(crate) fn on_damage(w: &mut Walker<'_>, deleted: bool, constant_path: bool, offset: u32) {
    if constant_path {
        return;
    }
    w.wipe.deletes |= deleted;
    if w.wipe.damage.is_some() {
        return;
    }
    let what = if deleted { "deleted" } else { "overwritten" };
    w.wipe.damage = Some((place(w, offset), what));
}

/// A call of `qual` (normalised): the home folder asked for, a cipher created.
pub(crate) fn on_call(w: &mut Walker<'_>, qual: &str) {
    match qual {
        "os.homedir" => w.wipe.home.set(true),
        "crypto.createCipheriv"
        | "crypto.createCipher"
        | "crypto.subtle.encrypt"
        | "global.crypto.subtle.encrypt" => w.wipe.encrypts = true,
        _ => {}
    }
}

/// A member read: `process.env.HOME`, `process.env['USERPROFILE']`.
pub(crate) fn on_member(w: &mut Walker<'_>, object: &Expression<'_>, prop: &str) {
    if matches!(prop, "HOME" | "USERPROFILE")
        && !w.wipe.home.get()
        && w.eval(object).qual.as_deref() == Some("global.process.env")
    {
        w.wipe.home.set(true);
    }
}

/// A string literal: the names of the user's own folders (not dot-folders).
pub(crate) fn on_text(w: &mut Walker<'_>, text: &str) {
    if !w.wipe.user_folder
        && text.len() <= 16
        && !text.starts_with('.')
        && !text.eq_ignore_ascii_case("projects")
        && signals::is_user_folder(text)
    {
        w.wipe.user_folder = true;
    }
}

/// Judges the file once walked.
pub(crate) fn finish(w: &mut Walker<'_>) {
    let seen = std::mem::take(&mut w.wipe);
    let Some(((offset, top, function), what)) = seen.damage else {
        return;
    };
    if !seen.listed {
        return;
    }
    let handed = seen
        .rooted_calls
        .iter()
        .find(|(f, _)| seen.listers.contains(f))
        .map(|&(_, root)| root);
    let root = match seen.root.or(handed) {
        Some(root) => root,
        // A walk from a folder that does not fold: the user's folders named and files
        // deleted (writing alone is what exporters and build tools do).
        None if seen.deletes && seen.home.get() && seen.user_folder => "the user's own folders",
        None if seen.deletes && seen.home.get() && seen.encrypts => {
            "the home folder, encrypting each file,"
        }
        None => return,
    };
    w.facts.push(
        BehaviourKind::Destruction,
        top,
        w.base + offset,
        format!("files found by walking {root} are {what} one by one"),
    );
    if !top && let Some(last) = w.facts.behaviours.last_mut() {
        last.function = function;
    }
}
