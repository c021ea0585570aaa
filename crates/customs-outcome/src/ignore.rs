//! The policy's `ignore` settings applied to reports: the findings of ignored rules are
//! set aside (kept, with the setting that ignored them, for the reports to list) and
//! the verdict is judged again without them.

use customs_policy::Policy;
use customs_rules::verdict;

use crate::{DiffReport, PackageReport};

impl PackageReport {
    /// Sets aside the findings of the rules that `policy` ignores for this package, and
    /// judges it again.
    pub fn ignore(&mut self, policy: &Policy) {
        let id = &self.identity;
        let mut ignored = policy.set_aside(id.ecosystem, &id.name, &id.version, &mut self.findings);
        if !ignored.is_empty() {
            self.ignored.append(&mut ignored);
            self.verdict = verdict(&self.findings);
        }
    }
}

impl DiffReport {
    /// Sets aside ignored findings in both packages and in the changes (by the new
    /// package's name and version), and judges the update again.
    pub fn ignore(&mut self, policy: &Policy) {
        self.old.ignore(policy);
        self.new.ignore(policy);
        let id = &self.new.identity;
        let mut ignored = policy.set_aside(id.ecosystem, &id.name, &id.version, &mut self.changes);
        if !ignored.is_empty() {
            self.ignored.append(&mut ignored);
            self.verdict = verdict(&self.changes);
        }
    }
}
