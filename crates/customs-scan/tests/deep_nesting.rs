//! Hostile nesting cannot overflow the stack, whatever thread the caller scans from:
//! the library analyses on its own big-stack threads, and files nested past the bound are
//! noted instead of parsed, and reported: code customs cannot read does not pass as clean.

use customs_scan::{ScanOptions, scan_path};

#[test]
fn deep_files_from_a_small_stack() {
    let dir = tempfile::tempdir().expect("tempdir");
    let limit = customs_analyze_limit();
    let files = [
        (
            "package.json",
            r#"{"name":"deep","version":"1.0.0","main":"a.js"}"#.to_owned(),
        ),
        // Just under the bound: parsed and walked.
        ("a.js", format!("x = {}1;\n", "!".repeat(limit - 100))),
        (
            "b.js",
            format!("x = {}1;\n", "a ? (b, c) : ".repeat((limit - 100) / 3)),
        ),
        ("c.py", format!("x = {}1\n", "not ".repeat(limit - 100))),
        // Far past it: noted, not parsed.
        ("d.js", format!("x = {}1;\n", "!".repeat(500_000))),
        ("e.py", format!("x = {}1\n", "- ".repeat(500_000))),
        // Nesting without brackets, each of which overflowed the analysis stack at
        // 150,000 levels before the bound counted it.
        (
            "f.js",
            format!("if(a){{}}{}{{}}\n", "else if(a){}".repeat(150_000)),
        ),
        ("g.js", format!("{}a++;\n", "for(;;)".repeat(150_000))),
        ("h.js", format!("x={}X;\n", "new ".repeat(150_000))),
        ("i.jsx", format!("x={};\n", "<a>;".repeat(150_000))),
        (
            "j.js",
            format!("x={}X{{}};\n", "class extends ".repeat(150_000)),
        ),
    ];
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    let path = dir.path().to_path_buf();
    let report = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || scan_path("deep", &path, &ScanOptions::default()))
        .expect("spawn")
        .join()
        .expect("the scan must not crash")
        .expect("the folder is readable");
    let note = |path: &str| {
        report
            .notes
            .iter()
            .find(|n| n.path == path)
            .map_or(String::new(), |n| n.message.clone())
    };
    let past = ["d.js", "e.py", "f.js", "g.js", "h.js", "i.jsx", "j.js"];
    for past in past {
        assert!(
            note(past).contains("not analysed"),
            "{past}: {:?}",
            report.notes
        );
        assert!(
            report.findings.iter().any(|f| f.rule == "obfuscation"
                && f.path.ends_with(past)
                && f.message.contains("nested too deeply to parse")),
            "{past} is reported: {:?}",
            report.findings
        );
    }
    // Unreadable code that would run on import needs a human look.
    assert_eq!(
        report.verdict.level.as_str(),
        "suspicious",
        "{:?}",
        report.findings
    );
    // Under the bound the file is parsed; the walk itself stops at its own depth cap.
    for under in ["a.js", "b.js", "c.py"] {
        assert!(
            !note(under).contains("not analysed"),
            "{under}: {:?}",
            report.notes
        );
    }
}

fn customs_analyze_limit() -> usize {
    // The bound customs-analyze applies before parsing.
    20_000
}
