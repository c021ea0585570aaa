//! Each history rule on hand-made profiles: it speaks when its change is there, and
//! stays silent on an ordinary update and on facts the index does not give.

use customs_analyze::{BehaviourKind, Context};
use customs_ecosystem::{Ecosystem, Identity};
use customs_history::{
    BehaviourSummary, DependencyCheck, FileSummary, Profile, ReleaseContext, ReleaseFacts, compare,
};
use customs_model::{Provenance, Publisher};
use customs_rules::{Finding, VerdictLevel};

const DAY: i64 = 86_400;
const NOW: i64 = 1_767_225_600;

fn profile(ecosystem: Ecosystem, name: &str, version: &str) -> Profile {
    let mut p = Profile {
        identity: Some(Identity {
            ecosystem,
            name: name.to_owned(),
            version: version.to_owned(),
        }),
        root: "package/".to_owned(),
        ..Profile::default()
    };
    p.files.insert(
        "index.js".to_owned(),
        FileSummary {
            sha256: Some("aa".into()),
            size: 400,
            lines: Some(20),
            code: true,
            unreadable: false,
        },
    );
    p.dependencies.insert("ms".into(), "^2.1.0".into());
    p.imports.insert("ms".into());
    p
}

fn release(version: &str, uploaded: i64) -> ReleaseFacts {
    ReleaseFacts {
        version: version.to_owned(),
        uploaded: Some(uploaded),
        line: version.split('.').next().unwrap_or("").to_owned(),
        ..ReleaseFacts::default()
    }
}

fn rules(findings: &[Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.rule).collect()
}

fn context(old: ReleaseFacts, new: ReleaseFacts) -> ReleaseContext {
    ReleaseContext {
        timeline: vec![
            (
                old.version.clone(),
                old.line.clone(),
                old.uploaded.unwrap_or(0),
            ),
            (
                new.version.clone(),
                new.line.clone(),
                new.uploaded.unwrap_or(0),
            ),
        ],
        newest_line: Some(new.line.clone()),
        earlier: vec![old.clone()],
        old: Some(old),
        new: Some(new),
        now: NOW,
        ..ReleaseContext::default()
    }
}

#[test]
fn an_ordinary_update_is_quiet() {
    let old = profile(Ecosystem::Npm, "demo", "1.0.0");
    let mut new = profile(Ecosystem::Npm, "demo", "1.0.1");
    if let Some(f) = new.files.get_mut("index.js") {
        f.sha256 = Some("bb".into());
    }
    new.dependencies.insert("ms".into(), "^2.1.3".into());
    let ctx = context(release("1.0.0", NOW - 30 * DAY), release("1.0.1", NOW));
    let c = compare(&old, &new, &ctx);
    assert!(c.findings.is_empty(), "{:?}", c.findings);
    assert_eq!(c.changes.files_changed.len(), 1);
    assert_eq!(
        c.changes.dependencies.len(),
        1,
        "a changed requirement is listed"
    );
    assert_eq!(c.changes.added_dependencies().count(), 0);
}

#[test]
fn new_hooks_behaviours_and_minified_code() {
    let old = profile(Ecosystem::Npm, "demo", "1.0.0");
    let mut new = profile(Ecosystem::Npm, "demo", "1.0.1");
    new.hooks
        .insert("npm postinstall".into(), "node install.js".into());
    new.behaviours.push(BehaviourSummary {
        kind: BehaviourKind::Network,
        context: Context::Install,
        path: "install.js".into(),
        line: 3,
        snippet: "https.get(u)".into(),
        detail: "https.get".into(),
    });
    // A runtime behaviour is nobody's business at install time.
    new.behaviours.push(BehaviourSummary {
        kind: BehaviourKind::ProcessSpawn,
        context: Context::Runtime,
        path: "cli.js".into(),
        line: 9,
        snippet: "spawn(cmd)".into(),
        detail: "spawn".into(),
    });
    let js = new.files.get_mut("index.js").expect("index.js");
    js.sha256 = Some("cc".into());
    js.unreadable = true;
    js.lines = Some(1);
    let ctx = context(release("1.0.0", NOW - 30 * DAY), release("1.0.1", NOW));
    let c = compare(&old, &new, &ctx);
    let fired = rules(&c.findings);
    assert!(fired.contains(&"new-install-hook"), "{fired:?}");
    assert!(fired.contains(&"minified-replacement"), "{fired:?}");
    let behaviour: Vec<&Finding> = c
        .findings
        .iter()
        .filter(|f| f.rule == "new-install-behaviour")
        .collect();
    assert_eq!(behaviour.len(), 1, "{behaviour:?}");
    assert_eq!(behaviour[0].path, "package/install.js");
    assert_eq!(behaviour[0].line, Some(3));
    let hook = c
        .findings
        .iter()
        .find(|f| f.rule == "new-install-hook")
        .expect("hook");
    assert!(hook.message.contains("node install.js"), "{}", hook.message);

    // The same behaviour in the old release is not new.
    let mut old2 = old.clone();
    old2.behaviours.push(BehaviourSummary {
        kind: BehaviourKind::Network,
        context: Context::Install,
        path: "setup.js".into(),
        line: 1,
        snippet: "fetch(x)".into(),
        detail: "fetch".into(),
    });
    let c = compare(&old2, &new, &ctx);
    assert!(!rules(&c.findings).contains(&"new-install-behaviour"));
}

#[test]
fn provenance_unknown_is_not_dropped() {
    let old = profile(Ecosystem::Npm, "demo", "1.0.0");
    let new = profile(Ecosystem::Npm, "demo", "1.0.1");
    let with = |mut r: ReleaseFacts, p: Provenance| {
        r.provenance = p;
        r
    };
    let present = Provenance::Present {
        url: None,
        publisher: None,
    };
    let dropped = context(
        with(release("1.0.0", NOW - DAY * 9), present.clone()),
        with(release("1.0.1", NOW), Provenance::Absent),
    );
    assert!(rules(&compare(&old, &new, &dropped).findings).contains(&"provenance-dropped"));
    let unknown = context(
        with(release("1.0.0", NOW - DAY * 9), Provenance::Unknown),
        with(release("1.0.1", NOW), Provenance::Unknown),
    );
    assert!(compare(&old, &new, &unknown).findings.is_empty());

    // Built by another repository than before.
    let mut a = with(release("1.0.0", NOW - DAY * 9), present.clone());
    a.builder = Some(Publisher {
        kind: "GitHub".into(),
        repository: Some("octo/demo".into()),
        workflow: Some("release.yml".into()),
        environment: None,
        ..Publisher::default()
    });
    let mut b = with(release("1.0.1", NOW), present);
    b.builder = Some(Publisher {
        repository: Some("mallory/demo".into()),
        ..a.builder.clone().expect("builder")
    });
    let c = compare(&old, &new, &context(a, b));
    let f = c
        .findings
        .iter()
        .find(|f| f.rule == "provenance-dropped")
        .expect("identity change");
    assert!(f.message.contains("mallory/demo") && f.message.contains("octo/demo"));
}

#[test]
fn publishers_and_cadence() {
    let old = profile(Ecosystem::Npm, "demo", "2.0.0");
    let new = profile(Ecosystem::Npm, "demo", "1.4.1");
    let mut o = release("2.0.0", NOW - 40 * DAY);
    o.publisher = Some("alice".into());
    o.maintainers = Some(vec!["alice".into()]);
    let mut n = release("1.4.1", NOW);
    n.publisher = Some("mallory".into());
    n.maintainers = Some(vec!["alice".into(), "mallory".into()]);
    let mut ctx = context(o.clone(), n);
    // The 1.x line had its previous release 400 days earlier, every 30 days before that;
    // 2.0.0 is the newest line; 2.0.1 was published 20 minutes before this release.
    ctx.timeline = vec![
        ("1.3.0".into(), "1".into(), NOW - 460 * DAY),
        ("1.4.0".into(), "1".into(), NOW - 430 * DAY),
        ("2.0.0".into(), "2".into(), NOW - 40 * DAY),
        ("2.0.1".into(), "2".into(), NOW - 1200),
        ("1.4.1".into(), "1".into(), NOW),
    ];
    ctx.newest_line = Some("2".into());
    let c = compare(&old, &new, &ctx);
    let messages: Vec<&str> = c.findings.iter().map(|f| f.message.as_str()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("published by mallory") && m.contains("alice")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("added [mallory]")),
        "{messages:?}"
    );
    let cadence = c
        .findings
        .iter()
        .find(|f| f.rule == "release-cadence")
        .expect("cadence");
    assert!(cadence.message.contains("2.0.1"), "{}", cadence.message);
    assert!(cadence.message.contains("430 days"), "{}", cadence.message);
}

#[test]
fn added_dependencies() {
    let old = profile(Ecosystem::Npm, "esbuild", "0.28.1");
    let mut new = profile(Ecosystem::Npm, "esbuild", "0.28.2");
    new.dependencies
        .insert("@esbuild/linux-x64".into(), "0.28.2".into());
    new.dependencies.insert("helper-lib".into(), "^1".into());
    new.dependencies.insert("used-lib".into(), "^1".into());
    new.dependencies.insert("a-tool".into(), "^1".into());
    new.imports.insert("used-lib".into());
    new.script_text = "a-tool build && tsc\n".into();
    let mut ctx = context(release("0.28.1", NOW - 9 * DAY), release("0.28.2", NOW));
    ctx.dependencies = vec![
        DependencyCheck {
            name: "helper-lib".into(),
            version: Some("1.0.0".into()),
            first_published: Some(NOW - DAY),
            published: Some(NOW - DAY),
            install_scripts: vec!["postinstall".into()],
            verdict: Some(VerdictLevel::Malicious),
            top_finding: Some("download-execute: …".into()),
            error: None,
        },
        DependencyCheck {
            name: "@esbuild/linux-x64".into(),
            version: Some("0.28.2".into()),
            first_published: Some(NOW - 3600),
            published: Some(NOW - 3600),
            install_scripts: Vec::new(),
            verdict: Some(VerdictLevel::Clean),
            top_finding: None,
            error: None,
        },
    ];
    let c = compare(&old, &new, &ctx);
    let unused: Vec<&str> = c
        .findings
        .iter()
        .filter(|f| f.rule == "unused-new-dependency")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(unused.len(), 1, "{unused:?}");
    assert!(unused[0].contains("helper-lib"));
    let risky: Vec<&Finding> = c
        .findings
        .iter()
        .filter(|f| f.rule == "risky-new-dependency")
        .collect();
    assert_eq!(
        risky.len(),
        1,
        "the package's own platform binary is expected: {risky:?}"
    );
    assert_eq!(risky[0].severity, customs_rules::Severity::Critical);
    assert!(risky[0].message.contains("malicious") && risky[0].message.contains("postinstall"));
    assert_eq!(
        customs_rules::verdict(&c.findings).level,
        VerdictLevel::Malicious
    );
}

#[test]
fn a_new_prepare_script_is_low() {
    let old = profile(Ecosystem::Npm, "demo", "4.1.0");
    let mut new = profile(Ecosystem::Npm, "demo", "5.0.0");
    new.hooks.insert("npm prepare".into(), "tshy".into());
    let ctx = context(release("4.1.0", NOW - 90 * DAY), release("5.0.0", NOW));
    let c = compare(&old, &new, &ctx);
    assert_eq!(rules(&c.findings), ["new-install-hook"]);
    assert_eq!(c.findings[0].severity, customs_rules::Severity::Low);
    assert_eq!(
        customs_rules::verdict(&c.findings).level,
        VerdictLevel::Clean
    );
}
