//! The command line itself: rule ignores, text layout, colour, quiet, exit codes, size
//! flags, `rules --format json`, and the JSON Schema of the reports.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use common::{assert_schema, customs_with, root, stdout};
use serde_json::Value;

fn fixture(name: &str) -> String {
    root()
        .join("tests/fixtures")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    customs_with(dir, args, &[])
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json_of(o: &std::process::Output) -> Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", stdout(o), stderr(o)))
}

fn rules_of(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect()
}

/// The distinct rules of a package's findings in a plain JSON scan.
fn rules_found(dir: &Path, target: &str) -> Vec<String> {
    let v = json_of(&run(dir, &["scan", "--format", "json", target]));
    let mut rules: Vec<String> = rules_of(&v["packages"][0]["findings"])
        .into_iter()
        .map(str::to_owned)
        .collect();
    rules.sort_unstable();
    rules.dedup();
    rules
}

/// Ignoring every rule a malicious package triggers makes it clean: the findings are
/// listed as ignored by `--ignore`, the verdict and the exit code no longer count them.
#[test]
fn ignored_rules_do_not_count_and_are_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let target = fixture("malicious-npm-worm");
    let plain = run(tmp.path(), &["scan", "--format", "json", &target]);
    assert_eq!(plain.status.code(), Some(1), "{}", stderr(&plain));
    let v = json_of(&plain);
    assert_eq!(v["packages"][0]["verdict"], "malicious");
    assert_eq!(v["packages"][0]["ignored"], Value::Array(vec![]));
    assert_schema("scan_report", &v);
    let found = v["packages"][0]["findings"].as_array().unwrap().len();
    let rules = rules_found(tmp.path(), &target);
    assert!(rules.len() >= 2, "{rules:?}");

    let mut args = vec!["scan", "--format", "json", "--fail-on", "suspicious"];
    for r in &rules {
        args.extend(["--ignore", r.as_str()]);
    }
    args.push(&target);
    let out = run(tmp.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json_of(&out);
    let p = &v["packages"][0];
    assert_eq!(p["verdict"], "clean", "{p}");
    assert_eq!(p["score"], 0.0);
    assert_eq!(p["findings"], Value::Array(vec![]));
    assert_eq!(p["ignored"].as_array().unwrap().len(), found);
    assert!(
        p["ignored"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["by"] == "--ignore")
    );
    assert_schema("scan_report", &v);

    // One rule less: its findings count again.
    let text = stdout(&run(
        tmp.path(),
        &["scan", "--ignore", rules[0].as_str(), &target],
    ));
    assert!(
        text.contains(" ignored: ") && text.contains(&format!("{} by --ignore", rules[0])),
        "{text}"
    );
    assert!(text.contains("ignored by the policy or --ignore"), "{text}");
}

/// The policy file ignores rules everywhere (`ignore`) or for the packages a
/// `[[package]]` names; other packages keep those findings.
#[test]
fn policy_file_ignores_per_package() {
    let tmp = tempfile::tempdir().unwrap();
    let worm = fixture("malicious-npm-worm");
    let stealer = fixture("malicious-npm-preinstall-stealer");
    let worm_rules = rules_found(tmp.path(), &worm);
    let stealer_rules = rules_found(tmp.path(), &stealer);
    // The worm's rules for the worm only; one rule (that both trigger) for everyone.
    let shared = worm_rules
        .iter()
        .find(|r| stealer_rules.contains(r))
        .expect("a rule both trigger")
        .clone();
    let quoted = |rs: &[String]| {
        rs.iter()
            .map(|r| format!("{r:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    std::fs::write(
        tmp.path().join("customs.toml"),
        format!(
            "ignore = [{shared:?}]\n\n[[package]]\nname = \"npm:ngx-color-utils\"\nignore = [{}]\n\n[[package]]\nname = \"npm:someone-else\"\nignore = [{}]\n",
            quoted(&worm_rules),
            quoted(&stealer_rules)
        ),
    )
    .unwrap();
    let out = run(tmp.path(), &["scan", "--format", "json", &worm, &stealer]);
    let v = json_of(&out);
    assert_schema("scan_report", &v);
    let w = &v["packages"][0];
    assert_eq!(w["name"], "ngx-color-utils");
    assert_eq!(w["verdict"], "clean", "{w}");
    let by: Vec<(&str, &str)> = w["ignored"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["rule"].as_str().unwrap(), i["by"].as_str().unwrap()))
        .collect();
    let other = worm_rules.iter().find(|r| **r != shared).unwrap();
    assert!(
        by.contains(&(
            other.as_str(),
            "[[package]] npm:ngx-color-utils in ./customs.toml"
        )),
        "{by:?}"
    );
    assert!(
        by.contains(&(shared.as_str(), "ignore in ./customs.toml")),
        "{by:?}"
    );
    let s = &v["packages"][1];
    assert_eq!(
        s["verdict"], "malicious",
        "a [[package]] for another name does not apply"
    );
    assert_eq!(
        rules_of(&s["ignored"])
            .iter()
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        1
    );
    assert!(rules_of(&s["ignored"]).iter().all(|r| *r == shared));
    // --policy names the file from elsewhere.
    let elsewhere = tempfile::tempdir().unwrap();
    let policy = tmp.path().join("customs.toml");
    let out = run(
        elsewhere.path(),
        &[
            "scan",
            "--format",
            "json",
            "--policy",
            policy.to_str().unwrap(),
            &worm,
        ],
    );
    assert_eq!(json_of(&out)["packages"][0]["verdict"], "clean");
    assert_eq!(out.status.code(), Some(0));
}

/// An unknown rule id is an error that names it and lists the ids, on every command
/// that takes `--ignore`, and in the policy file.
#[test]
fn unknown_rule_ids_are_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let target = fixture("malicious-npm-worm");
    for args in [
        vec!["scan", "--ignore", "self-propagaton", target.as_str()],
        vec![
            "diff",
            "--offline",
            "--ignore",
            "self-propagaton",
            target.as_str(),
            target.as_str(),
        ],
        vec!["audit", "--offline", "--ignore", "self-propagaton", "."],
        vec![
            "proxy",
            "--listen",
            "127.0.0.1:0",
            "--ignore",
            "self-propagaton",
        ],
        vec![
            "watch",
            "--once",
            "--package",
            "npm:x",
            "--ignore",
            "self-propagaton",
        ],
        vec!["run", "--ignore", "self-propagaton", "--", "true"],
    ] {
        let out = run(tmp.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("unknown rule id \"self-propagaton\""),
            "{args:?}: {err}"
        );
        assert!(
            err.contains("self-propagation, ") || err.contains(", self-propagation"),
            "{err}"
        );
    }
    std::fs::write(tmp.path().join("customs.toml"), "ignore = [\"nope\"]\n").unwrap();
    let out = run(tmp.path(), &["scan", &target]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("customs.toml: unknown rule id \"nope\""),
        "{}",
        stderr(&out)
    );
    let out = run(
        tmp.path(),
        &[
            "scan",
            "--ignore",
            "known-malicious",
            "--policy",
            "/dev/null",
            &target,
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("known-malicious cannot be ignored"),
        "{}",
        stderr(&out)
    );
}

/// `diff` sets ignored changes aside too, and its JSON matches the schema.
#[test]
fn diff_ignores_and_matches_the_schema() {
    let tmp = tempfile::tempdir().unwrap();
    let old = fixture("benign-py-http-client");
    let new = fixture("malicious-py-stealer");
    let out = run(
        tmp.path(),
        &["diff", "--offline", "--format", "json", &old, &new],
    );
    let v = json_of(&out);
    assert_schema("diff_report", &v);
    let level = v["verdict"]["level"].as_str().unwrap().to_owned();
    assert_ne!(level, "clean", "{v}");
    let changed: Vec<String> = rules_of(&v["changes"])
        .into_iter()
        .map(str::to_owned)
        .collect();
    let mut args = vec!["diff", "--offline", "--format", "json", "--fail-on", "none"];
    for r in &changed {
        args.extend(["--ignore", r.as_str()]);
    }
    args.extend([old.as_str(), new.as_str()]);
    let out = run(tmp.path(), &args);
    assert_eq!(out.status.code(), Some(0));
    let v = json_of(&out);
    assert_schema("diff_report", &v);
    assert_eq!(v["verdict"]["level"], "clean", "{v}");
    assert_eq!(v["changes"], Value::Array(vec![]));
    assert_eq!(v["ignored"].as_array().unwrap().len(), changed.len());
}

/// Text output: a header per package, then its findings, then its verdict; low
/// confidence runtime findings of a clean package hidden (and counted) unless -v; and
/// no "(runtime time)".
#[test]
fn text_groups_findings_under_their_package() {
    let tmp = tempfile::tempdir().unwrap();
    let worm = fixture("malicious-npm-worm");
    let shell = fixture("benign-py-cli-shell");
    let text = stdout(&run(tmp.path(), &["scan", &worm, &shell]));
    let header = text.find("==> npm:").expect(&text);
    let first_finding = text.find("critical[").expect(&text);
    let verdict = text.find("\nmalicious  npm:").expect(&text);
    assert!(header < first_finding && first_finding < verdict, "{text}");
    // The clean package's low-confidence runtime finding is counted, not shown.
    assert!(!text.contains("[persistence]"), "{text}");
    assert!(
        text.contains("clean      pypi:shellhelp==0.6.0")
            && text.contains("1 hidden (info, or low confidence at runtime; -v shows them)"),
        "{text}"
    );
    assert!(
        !text.contains("==> pypi:shellhelp"),
        "nothing to show: no header\n{text}"
    );
    let verbose = stdout(&run(tmp.path(), &["scan", "-v", &shell]));
    assert!(
        verbose.contains("==> pypi:shellhelp") && verbose.contains("[persistence]"),
        "{verbose}"
    );
    assert!(
        verbose.contains("(at runtime)") || verbose.contains("at runtime;"),
        "{verbose}"
    );
    // Never "runtime time", nor any "<context> time" in parentheses.
    let all: Vec<String> = std::fs::read_dir(root().join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let mut args = vec!["scan", "-v"];
    args.extend(all.iter().map(String::as_str));
    let text = stdout(&run(tmp.path(), &args));
    for doubled in [
        "runtime time",
        "(install time)",
        "(import time)",
        "metadata time",
        ", install time;",
        ", import time;",
    ] {
        assert!(!text.contains(doubled), "{doubled:?} in:\n{text}");
    }
    assert!(text.contains("(at install time)"), "{text}");
}

/// `--color always` colours, `never` does not; auto is off when the output is not a
/// terminal (NO_COLOR is checked by the unit tests of the colour choice).
#[test]
fn colour_flags() {
    let tmp = tempfile::tempdir().unwrap();
    let worm = fixture("malicious-npm-worm");
    let always = stdout(&run(tmp.path(), &["scan", "--color", "always", &worm]));
    assert!(always.contains("\u{1b}["), "{always}");
    let never = stdout(&run(tmp.path(), &["scan", "--color", "never", &worm]));
    assert!(!never.contains('\u{1b}'));
    let auto = stdout(&run(tmp.path(), &["scan", &worm]));
    assert!(!auto.contains('\u{1b}'));
}

/// `--quiet`: nothing on a clean run; only the packages that are not clean otherwise,
/// with no summary; the exit code is unchanged.
#[test]
fn quiet_prints_only_what_needs_attention() {
    let tmp = tempfile::tempdir().unwrap();
    let clean = fixture("benign-py-http-client");
    let worm = fixture("malicious-npm-worm");
    let out = run(tmp.path(), &["scan", "--quiet", &clean]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");
    let out = run(tmp.path(), &["scan", "-q", &clean, &worm]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("malicious  npm:"), "{text}");
    assert!(
        !text.contains("tinyapi-client") && !text.contains("summary:"),
        "{text}"
    );
    // A clean verdict on a package not read in full needs attention all the same.
    let out = run(
        tmp.path(),
        &["scan", "-q", "--max-total-size", "64", &clean],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stdout(&out).contains("not read in full"),
        "{}",
        stdout(&out)
    );
    let out = run(tmp.path(), &["scan", "-q", "missing.whl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("missing.whl: no such file or folder"));
    let out = run(tmp.path(), &["scan", "-q", "-v", &clean]);
    assert_eq!(out.status.code(), Some(2), "-q and -v conflict");
    let out = run(tmp.path(), &["diff", "--offline", "-q", &clean, &clean]);
    assert_eq!((out.status.code(), stdout(&out).as_str()), (Some(0), ""));
    let out = run(tmp.path(), &["diff", "--offline", "-q", &clean, &worm]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("verdict on the update: malicious"),
        "{}",
        stdout(&out)
    );
}

/// `--fail-on none` never fails on a verdict; errors still exit 2; a package at
/// `--fail-on` exits 1 even when another target could not be read.
#[test]
fn fail_on_none_and_exit_code_order() {
    let tmp = tempfile::tempdir().unwrap();
    let worm = fixture("malicious-npm-worm");
    assert_eq!(run(tmp.path(), &["scan", &worm]).status.code(), Some(1));
    assert_eq!(
        run(tmp.path(), &["scan", "--fail-on", "none", &worm])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        run(
            tmp.path(),
            &["scan", "--fail-on", "none", &worm, "missing.whl"]
        )
        .status
        .code(),
        Some(2)
    );
    assert_eq!(
        run(tmp.path(), &["scan", &worm, "missing.whl"])
            .status
            .code(),
        Some(1)
    );
    let help = stdout(&run(tmp.path(), &["--help"]));
    assert!(
        help.contains("Exit codes") && help.contains("NO_COLOR"),
        "{help}"
    );
}

/// Size flags take `1G`, `256M`, `512K` or bytes; a bad size is a usage error naming it.
#[test]
fn size_flags_take_units() {
    let tmp = tempfile::tempdir().unwrap();
    let worm = fixture("malicious-npm-worm");
    let big = run(
        tmp.path(),
        &[
            "scan",
            "--format",
            "json",
            "--max-file-size",
            "1M",
            "--max-total-size",
            "1G",
            &worm,
        ],
    );
    assert_eq!(big.status.code(), Some(1), "{}", stderr(&big));
    // Every file of the fixture is over 16 bytes: none is analysed, each is noted.
    let small = run(
        tmp.path(),
        &["scan", "--format", "json", "--max-file-size", "16", &worm],
    );
    let v = json_of(&small);
    assert_ne!(v["packages"][0]["verdict"], "malicious", "{v}");
    // A whole-artifact limit given in K: not read in full (exit 1 still wins: the part
    // read is malicious), and the report still matches the schema.
    let cut = run(
        tmp.path(),
        &["scan", "--format", "json", "--max-total-size", "1K", &worm],
    );
    let v = json_of(&cut);
    assert_eq!(
        v["packages"][0]["incomplete"][0]["cause"], "total-size-exceeded",
        "{v}"
    );
    assert_schema("scan_report", &v);
    assert_eq!(cut.status.code(), Some(1));
    let clean = fixture("benign-py-http-client");
    let cut = run(tmp.path(), &["scan", "--max-total-size", "64", &clean]);
    assert_eq!(
        cut.status.code(),
        Some(2),
        "not read in full, nothing at --fail-on"
    );
    let out = run(tmp.path(), &["scan", "--max-file-size", "12X", &worm]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("\"12X\" is not a size"),
        "{}",
        stderr(&out)
    );
}

/// `customs rules --format json`: every rule with its id, summary, severity,
/// confidence and documentation, as many as the text list has.
#[test]
fn rules_as_json() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(tmp.path(), &["rules", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v = json_of(&out);
    let list = v.as_array().unwrap();
    let text = stdout(&run(tmp.path(), &["rules"]));
    let text_rules = text.lines().take_while(|l| !l.is_empty()).count();
    assert_eq!(list.len(), text_rules, "{text}");
    for r in list {
        for key in ["id", "summary", "severity", "confidence", "doc"] {
            assert!(
                r[key].as_str().is_some_and(|s| !s.is_empty()),
                "{key} of {r}"
            );
        }
    }
    let one = json_of(&run(tmp.path(), &["rules", "pth-file", "--format", "json"]));
    assert_eq!(one["id"], "pth-file");
    assert!(one["doc"].as_str().unwrap().contains("## When it is wrong"));
    assert_eq!(
        run(tmp.path(), &["rules", "nope", "--format", "json"])
            .status
            .code(),
        Some(2)
    );
}

/// The schema rejects what breaks the contract: a check that the schema checks.
#[test]
fn schema_rejects_broken_reports() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(
        tmp.path(),
        &["scan", "--format", "json", &fixture("malicious-npm-worm")],
    );
    let v = json_of(&out);
    assert_schema("scan_report", &v);
    type Breakage = Box<dyn Fn(&mut Value)>;
    let broken: Vec<Breakage> = vec![
        Box::new(|v| {
            v["packages"][0].as_object_mut().unwrap().remove("verdict");
        }),
        Box::new(|v| v["packages"][0]["findings"][0]["severity"] = "urgent".into()),
        Box::new(|v| v["packages"][0]["score"] = "high".into()),
        Box::new(|v| v["packages"][0]["findings"][0]["line"] = 0.into()),
    ];
    for (i, b) in broken.iter().enumerate() {
        let mut w = v.clone();
        b(&mut w);
        let r = std::panic::catch_unwind(|| assert_schema("scan_report", &w));
        assert!(r.is_err(), "breakage {i} was accepted");
    }
}

/// `audit --format json` (offline: nothing fetched) matches the schema.
#[test]
fn audit_json_matches_the_schema() {
    let tmp = tempfile::tempdir().unwrap();
    let project: PathBuf = tmp.path().join("project");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::write(
        project.join("requirements.txt"),
        "requests==2.32.3\nsix==1.16.0\n",
    )
    .unwrap();
    let out = run(
        tmp.path(),
        &["audit", "--offline", "--format", "json", "project"],
    );
    let v = json_of(&out);
    assert_schema("audit_report", &v);
    assert_eq!(v["packages"].as_array().unwrap().len(), 2, "{v}");
}

/// SARIF keeps ignored findings as results, suppressed by the setting that ignored them.
#[test]
fn sarif_marks_ignored_findings_suppressed() {
    let tmp = tempfile::tempdir().unwrap();
    let worm = fixture("malicious-npm-worm");
    let rules = rules_found(tmp.path(), &worm);
    let out = run(
        tmp.path(),
        &[
            "scan",
            "--format",
            "sarif",
            "--ignore",
            rules[0].as_str(),
            &worm,
        ],
    );
    let log = json_of(&out);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let suppressed: Vec<&Value> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert!(!suppressed.is_empty(), "{log:#}");
    for r in &suppressed {
        assert_eq!(r["ruleId"], rules[0].as_str());
        assert_eq!(r["suppressions"][0]["kind"], "external");
        assert_eq!(r["suppressions"][0]["justification"], "ignored by --ignore");
    }
    assert!(
        results
            .iter()
            .any(|r| r.get("suppressions").is_none() && r["ruleId"] != rules[0].as_str()),
        "the others stay plain results"
    );
}
