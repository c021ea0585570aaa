use crate::declare_rule;

declare_rule! {
    /// ## What it finds
    /// A command the new release installs that the previous release did not: a new
    /// npm `bin` entry, or a new Python `console_scripts` / `gui_scripts` entry point.
    /// A command named like a common system tool (`node`, `npm`, `git`, `sh`,
    /// `python`, `pip`, `curl`, ...) is of high severity.
    ///
    /// ## Why it matters
    /// An installed command lands on the `PATH` of npm scripts (`node_modules/.bin`) or
    /// of the environment. One that shadows a tool the build already calls runs the
    /// package's code in its place, with no install hook for a reviewer to see.
    ///
    /// ## Example
    /// ```text
    /// "bin": {"git": "./lib/git.js"}   (new in 2.3.1)
    /// ```
    ///
    /// ## When it is wrong
    /// Libraries grow command-line tools; a new command with the package's own name is
    /// of low severity. What the command runs is judged by the content rules.
    NewBin {
        id: "new-bin",
        summary: "the release installs a command the previous release did not",
        severity: Medium,
        confidence: Medium,
    }
}
