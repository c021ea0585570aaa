//! The one policy of customs: a TOML file that turns what customs found about a
//! package into a decision (allow, warn, block), the same for `audit` in CI as for the
//! proxy while an install waits. `customs policy init` writes [`TEMPLATE`], the
//! documented default.

use std::path::{Path, PathBuf};

use customs_ecosystem::{Ecosystem, canonical_name};
use customs_rules::{Finding, VerdictLevel};
use serde::{Deserialize, Serialize};

mod homes;
mod pins;

pub use homes::{Layer, Resolved, Setting, user_config};
pub use pins::{Pin, tag_of};

/// The policy file `customs policy init` writes: every setting, with its default and
/// what it does.
pub const TEMPLATE: &str = r#"# customs policy: how findings become decisions, for `customs audit` and the proxy.
# Package patterns are `NAME`, `pypi:NAME` or `npm:NAME`, optionally `@VERSION`; a
# trailing `*` matches any rest of the name (`npm:@myorg/*`).

# Block packages whose verdict reaches this level: "malicious" or "suspicious".
fail_on = "malicious"

# Cooldown: hold back releases younger than this ("7d", "48h", "0" for off). Most
# malicious releases are found and removed within days, so waiting a week before
# taking a new release is the most effective single defence. Off by default.
min_release_age = "0"
# Packages exempt from the cooldown (your own, or ones you must take at once).
min_release_age_exempt = []

# Always allowed (still scanned and reported, never blocked), and always blocked.
allow = []
deny = []

# Python lockfiles must pin a hash for every entry (pip's --require-hashes).
require_hashes = false

# Block a release without provenance when earlier releases of the package had it.
require_provenance = false
# Packages, or single releases ("npm:name@1.2.3", "pypi:name==1.2"), exempt from the
# provenance rules (some projects drop provenance for legitimate reasons).
provenance_exempt = []
# Pin the build identity of a package: a release built from another repository or
# workflow is blocked.
# [[pin]]
# package = "npm:my-lib"
# repository = "my-org/my-lib"
# workflow = "release.yml"
# Trust on first use: the first release seen with provenance pins its package's
# identity, kept in the store (shared by every proxy on a shared store).
pin_on_first_use = false

# Trust that may only go up: "no-downgrade" blocks a release published with weaker
# evidence of who published it than an earlier release of the package (a staged publish
# approved by a maintainer > trusted publishing with provenance > provenance alone > a
# registry signature alone > nothing); "off" leaves it to the verdict (the
# trust-downgrade finding). Indexes that do not carry the evidence (mirrors) never
# trigger it.
trust = "off"
# Packages, or single releases ("npm:name@1.2.3", "pypi:name==1.2"), exempt from it.
trust_exempt = []

# Rules whose findings are set aside everywhere: reports list them as ignored, and they
# do not count in the verdict (`customs rules` lists the ids; `--ignore RULE` adds one
# for a run). Prefer a per-package entry ([[package]] below) or an exception by digest.
ignore = []

[install_scripts]
# npm packages with install-time scripts (preinstall, install, postinstall).
# allow = false blocks them, except the packages listed.
allow = true
packages = []

# What customs cannot judge: artifacts it cannot read (over a limit, corrupt), and
# dependencies it cannot check (a version the index does not list, an index that cannot
# be reached, offline and not in the cache, a git or path source). "block" blocks both,
# "warn" warns about both. Unset: unreadable artifacts are blocked and unchecked
# dependencies warned about. What customs could not judge is never allowed.
[unreadable]
# action = "block"

# Exceptions for one flagged artifact, keyed by its sha256, so that they never carry
# over to the next release:
# [[exception]]
# sha256 = "9f2c..."
# reason = "reviewed: the obfuscated file is a vendored licence checker"

# Rules ignored for some packages only (`name` is a package pattern, as above):
# [[package]]
# name = "npm:next"
# ignore = ["self-propagation"]
"#;

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct InstallScripts {
    #[serde(default = "yes")]
    allow: bool,
    #[serde(default)]
    packages: Vec<String>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Unreadable {
    #[serde(default)]
    action: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Exception {
    sha256: String,
    #[serde(default)]
    reason: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default = "malicious")]
    fail_on: String,
    #[serde(default)]
    min_release_age: Option<toml::Value>,
    #[serde(default)]
    min_release_age_exempt: Vec<String>,
    #[serde(default)]
    allow: Vec<String>,
    #[serde(default)]
    deny: Vec<String>,
    #[serde(default)]
    require_hashes: bool,
    #[serde(default)]
    require_provenance: bool,
    #[serde(default)]
    provenance_exempt: Vec<String>,
    #[serde(default)]
    pin: Vec<PinFile>,
    #[serde(default)]
    pin_on_first_use: bool,
    #[serde(default)]
    trust: Option<String>,
    #[serde(default)]
    trust_exempt: Vec<String>,
    #[serde(default)]
    install_scripts: Option<InstallScripts>,
    #[serde(default)]
    unreadable: Option<Unreadable>,
    #[serde(default)]
    exception: Vec<Exception>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    package: Vec<PackageFile>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct PackageFile {
    name: String,
    #[serde(default)]
    ignore: Vec<String>,
}

/// A rule whose findings are set aside, and the setting that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnoreRule {
    /// The rule id.
    pub rule: &'static str,
    /// The package pattern it is limited to; `None` for every package.
    pub package: Option<String>,
    /// The setting, as reports name it: `--ignore`, `ignore in customs.toml`,
    /// `[[package]] npm:next in customs.toml`.
    pub by: String,
}

/// The ids `ignore` accepts: every rule of the catalogue and of the history, but
/// `known-malicious` (a known-malicious release is blocked whatever its findings).
#[must_use]
pub fn ignorable_rules() -> Vec<&'static str> {
    customs_rules::catalogue()
        .iter()
        .map(|r| r.meta().id)
        .chain(customs_rules::history::metas().into_iter().map(|m| m.id))
        .filter(|id| *id != NOT_IGNORABLE)
        .collect()
}

const NOT_IGNORABLE: &str = "known-malicious";

/// The rule id, or why it cannot be ignored.
fn ignorable(id: &str) -> Result<&'static str, String> {
    let ids = ignorable_rules();
    if id == NOT_IGNORABLE {
        return Err(format!(
            "{NOT_IGNORABLE} cannot be ignored: a known-malicious release is blocked whatever \
             else is set (an exception by sha256 does not cover it either)"
        ));
    }
    ids.iter().copied().find(|r| *r == id).ok_or_else(|| {
        format!(
            "unknown rule id {id:?} to ignore; the rules are: {}",
            ids.join(", ")
        )
    })
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct PinFile {
    package: String,
    #[serde(default)]
    repository: Option<String>,
    #[serde(default)]
    workflow: Option<String>,
}

pub use customs_model::{Action, BuildIdentity, Decision, DecisionFacts};
pub use customs_rules::IgnoredFinding;

fn malicious() -> String {
    "malicious".to_owned()
}

/// What the policy does with a release published with weaker evidence than an earlier
/// release of its package (the `trust-downgrade` finding).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TrustPolicy {
    /// The finding counts in the verdict, like any other.
    #[default]
    Off,
    /// Blocked, whatever the verdict (pnpm's `trustPolicy: no-downgrade`).
    NoDowngrade,
}

/// A policy that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", path.display())]
pub struct PolicyError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong, with the line when known.
    pub message: String,
}

/// The policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// Block at or above this verdict.
    pub fail_on: VerdictLevel,
    /// The cooldown, in seconds (0: off).
    pub min_release_age: i64,
    /// Packages exempt from the cooldown.
    pub min_release_age_exempt: Vec<String>,
    /// Always allowed.
    pub allow: Vec<String>,
    /// Always blocked.
    pub deny: Vec<String>,
    /// Python lockfile entries must carry hashes.
    pub require_hashes: bool,
    /// Provenance dropped since earlier releases blocks.
    pub require_provenance: bool,
    /// Packages and releases exempt from the provenance rules.
    pub provenance_exempt: Vec<String>,
    /// Pinned build identities: (package, identity).
    pub pins: Vec<(String, BuildIdentity)>,
    /// The first release seen with provenance pins its package's identity.
    pub pin_on_first_use: bool,
    /// What a trust downgrade does.
    pub trust: TrustPolicy,
    /// Packages and releases exempt from [`Policy::trust`].
    pub trust_exempt: Vec<String>,
    /// Whether npm install scripts are allowed.
    pub install_scripts_allowed: bool,
    /// Packages whose install scripts are allowed anyway.
    pub install_scripts_packages: Vec<String>,
    /// What happens to artifacts customs cannot read (block unless the file says).
    pub unreadable: Action,
    /// What happens to dependencies customs cannot check (warn unless the file says).
    pub unchecked: Action,
    /// sha256 digests of artifacts allowed despite their findings, with the reason.
    pub exceptions: Vec<(String, String)>,
    /// Rules whose findings are set aside, everywhere or for some packages.
    pub ignore: Vec<IgnoreRule>,
    /// Where the policy came from (`built-in default` or a file).
    pub origin: String,
}

impl Default for Policy {
    fn default() -> Self {
        Self::parse(TEMPLATE, Path::new("built-in default"))
            .unwrap_or_else(|e| unreachable!("the template is valid (a test parses it): {e}"))
    }
}

/// A duration as the command line and the policy file write it (`7d`, `48h`, `90m`,
/// `2w`, `3600s`, `3600` or `0`), in seconds.
#[must_use]
pub fn parse_duration(text: &str) -> Option<i64> {
    duration(&toml::Value::String(text.to_owned()))
}

/// `7d`, `48h`, `90m`, `3600s`, `3600` or `0` as seconds (a bare TOML integer: days).
fn duration(v: &toml::Value) -> Option<i64> {
    match v {
        toml::Value::Integer(i) => (*i >= 0).then_some(*i * 86_400),
        toml::Value::String(s) => {
            let s = s.trim();
            let (number, unit) =
                s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
            let n: i64 = number.parse().ok()?;
            let factor = match unit.trim() {
                "" if n == 0 => 0,
                "d" | "day" | "days" => 86_400,
                "h" | "hour" | "hours" => 3_600,
                "m" | "min" | "minutes" => 60,
                "s" | "" => 1,
                "w" | "week" | "weeks" => 7 * 86_400,
                _ => return None,
            };
            n.checked_mul(factor)
        }
        _ => None,
    }
}

/// Whether a pattern (`NAME`, `pypi:NAME`, `npm:@scope/*`, `NAME@VERSION`) matches.
#[must_use]
pub fn matches(pattern: &str, ecosystem: Ecosystem, name: &str, version: &str) -> bool {
    let (eco, rest) = match pattern.split_once(':') {
        Some(("pypi", r)) => (Some(Ecosystem::Pypi), r),
        Some(("npm", r)) => (Some(Ecosystem::Npm), r),
        _ => (None, pattern),
    };
    if eco.is_some_and(|e| e != ecosystem) {
        return false;
    }
    // A version after the last '@' that is not the scope's.
    let (pat_name, pat_version) = match rest.rfind('@').filter(|&i| i > 0) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, rest.split_once("==").map(|(_, v)| v)),
    };
    let pat_name = pat_name.split("==").next().unwrap_or(pat_name);
    if pat_version.is_some_and(|v| !v.is_empty() && v != version) {
        return false;
    }
    let want = canonical_name(ecosystem, name);
    match pat_name.strip_suffix('*') {
        Some(prefix) => want.starts_with(&canonical_name(ecosystem, prefix)) || prefix.is_empty(),
        None => canonical_name(ecosystem, pat_name) == want,
    }
}

/// What the policy is asked about one package.
#[derive(Debug, Clone, Default)]
pub struct Subject<'a> {
    /// The ecosystem.
    pub ecosystem: Option<Ecosystem>,
    /// The name.
    pub name: &'a str,
    /// The version.
    pub version: &'a str,
    /// sha256 of the artifact, when known.
    pub sha256: Option<&'a str>,
    /// The verdict, when the package was scanned.
    pub verdict: Option<VerdictLevel>,
    /// Known-malicious records that match.
    pub known_malicious: Vec<String>,
    /// When the release was published.
    pub released: Option<i64>,
    /// Now.
    pub now: i64,
    /// npm install scripts it runs.
    pub install_scripts: Vec<String>,
    /// For Python lockfile entries: whether the lockfile pins a hash.
    pub has_hashes: Option<bool>,
    /// Whether provenance was dropped since earlier releases.
    pub provenance_dropped: bool,
    /// The release's trust downgrade (the `trust-downgrade` finding's sentence), when
    /// its evidence is weaker than an earlier release's.
    pub trust_downgrade: Option<String>,
    /// Why the artifact could not be read, when it could not.
    pub unreadable: Option<String>,
    /// Why the package could not be checked at all (a version the index does not list,
    /// an index that cannot be reached, a store that cannot be read, offline and not in
    /// the cache), when it could not.
    pub unchecked: Option<String>,
    /// Who built it, as its provenance says, when known.
    pub builder: Option<BuildIdentity>,
    /// The identity the store pinned for the package on first use, when one was.
    pub stored_pin: Option<BuildIdentity>,
}

impl<'a> Subject<'a> {
    /// A package to decide on now, with nothing known of it yet.
    #[must_use]
    pub fn new(ecosystem: Ecosystem, name: &'a str, version: &'a str) -> Self {
        Self {
            ecosystem: Some(ecosystem),
            name,
            version,
            now: customs_model::now(),
            ..Self::default()
        }
    }

    /// With what a scan established: the one way every surface hands a scan to the
    /// policy.
    #[must_use]
    pub fn scanned(mut self, facts: &'a DecisionFacts) -> Self {
        self.sha256 = Some(facts.sha256.as_str()).filter(|h| !h.is_empty());
        self.verdict = facts.verdict;
        self.install_scripts.clone_from(&facts.install_scripts);
        self.provenance_dropped = facts.provenance_dropped;
        self.trust_downgrade.clone_from(&facts.trust_downgrade);
        self.unreadable.clone_from(&facts.unreadable);
        self.builder.clone_from(&facts.builder);
        self
    }

    /// With the store's known-malicious records (`ID; SOURCE`).
    #[must_use]
    pub fn known_malicious(mut self, ids: Vec<String>) -> Self {
        self.known_malicious = ids;
        self
    }

    /// With the release's publication time.
    #[must_use]
    pub fn released(mut self, at: Option<i64>) -> Self {
        self.released = at;
        self
    }
}

impl Policy {
    /// Parses a policy file's text.
    ///
    /// # Errors
    /// When the text is not valid TOML, has unknown settings, or invalid values.
    pub fn parse(text: &str, path: &Path) -> Result<Self, PolicyError> {
        let err = |message: String| PolicyError {
            path: path.to_owned(),
            message,
        };
        let file: File = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            err(format!(
                "{}{}",
                line.map(|l| format!("line {l}: ")).unwrap_or_default(),
                e.message()
            ))
        })?;
        Self::from_file(file, path)
    }

    /// A policy from a table already parsed (a `[tool.customs]` table, a merge).
    ///
    /// # Errors
    /// When the table has unknown settings or invalid values.
    pub fn from_table(table: toml::Table, path: &Path) -> Result<Self, PolicyError> {
        let file: File = toml::Value::Table(table)
            .try_into()
            .map_err(|e: toml::de::Error| PolicyError {
                path: path.to_owned(),
                message: e.message().to_owned(),
            })?;
        Self::from_file(file, path)
    }

    fn from_file(file: File, path: &Path) -> Result<Self, PolicyError> {
        let err = |message: String| PolicyError {
            path: path.to_owned(),
            message,
        };
        let fail_on = match file.fail_on.as_str() {
            "malicious" => VerdictLevel::Malicious,
            "suspicious" => VerdictLevel::Suspicious,
            other => {
                return Err(err(format!(
                    "fail_on must be \"malicious\" or \"suspicious\", not {other:?}"
                )));
            }
        };
        let min_release_age = match &file.min_release_age {
            None => 0,
            Some(v) => duration(v).ok_or_else(|| {
                err(format!(
                    "min_release_age {v:?} is not a duration such as \"7d\" or \"48h\""
                ))
            })?,
        };
        let scripts = file.install_scripts.unwrap_or(InstallScripts {
            allow: true,
            packages: Vec::new(),
        });
        let chosen = match file.unreadable.and_then(|u| u.action).as_deref() {
            None => None,
            Some("block") => Some(Action::Block),
            Some("warn") => Some(Action::Warn),
            Some(other) => {
                return Err(err(format!(
                    "unreadable.action must be \"block\" or \"warn\", not {other:?}"
                )));
            }
        };
        let trust = match file.trust.as_deref() {
            None | Some("off") => TrustPolicy::Off,
            Some("no-downgrade") => TrustPolicy::NoDowngrade,
            Some(other) => {
                return Err(err(format!(
                    "trust must be \"no-downgrade\" or \"off\", not {other:?}"
                )));
            }
        };
        for e in &file.exception {
            if e.sha256.len() != 64 || !e.sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(err(format!(
                    "exception sha256 {:?} is not a sha256 digest",
                    e.sha256
                )));
            }
        }
        let origin = path.display().to_string();
        let mut ignore = Vec::new();
        for id in &file.ignore {
            ignore.push(IgnoreRule {
                rule: ignorable(id).map_err(&err)?,
                package: None,
                by: format!("ignore in {origin}"),
            });
        }
        for p in &file.package {
            for id in &p.ignore {
                ignore.push(IgnoreRule {
                    rule: ignorable(id).map_err(|m| err(format!("[[package]] {}: {m}", p.name)))?,
                    package: Some(p.name.clone()),
                    by: format!("[[package]] {} in {origin}", p.name),
                });
            }
        }
        Ok(Self {
            fail_on,
            min_release_age,
            min_release_age_exempt: file.min_release_age_exempt,
            allow: file.allow,
            deny: file.deny,
            require_hashes: file.require_hashes,
            require_provenance: file.require_provenance,
            provenance_exempt: file.provenance_exempt,
            pins: file
                .pin
                .into_iter()
                .map(|p| {
                    (
                        p.package,
                        BuildIdentity {
                            repository: p.repository,
                            workflow: p.workflow,
                        },
                    )
                })
                .collect(),
            pin_on_first_use: file.pin_on_first_use,
            trust,
            trust_exempt: file.trust_exempt,
            install_scripts_allowed: scripts.allow,
            install_scripts_packages: scripts.packages,
            unreadable: chosen.unwrap_or(Action::Block),
            unchecked: chosen.unwrap_or(Action::Warn),
            exceptions: file
                .exception
                .into_iter()
                .map(|e| (e.sha256.to_ascii_lowercase(), e.reason))
                .collect(),
            ignore,
            origin,
        })
    }

    /// Reads a policy file.
    ///
    /// # Errors
    /// When the file cannot be read or parsed.
    pub fn load(path: &Path) -> Result<Self, PolicyError> {
        let text = std::fs::read_to_string(path).map_err(|e| PolicyError {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        Self::parse(&text, path)
    }

    /// The policy for a project: `--policy FILE` alone, else the settings of every
    /// configuration home from the project folder up to the root merged, the nearest
    /// winning (see [`Resolved::discover`]), over `~/.config/customs/policy.toml`, over
    /// the built-in default.
    ///
    /// # Errors
    /// When a file cannot be read or parsed, or holds an invalid setting.
    pub fn find(explicit: Option<&Path>, project: &Path) -> Result<Self, PolicyError> {
        match explicit {
            Some(p) => Self::load(p),
            None => Ok(Resolved::discover(project, user_config().as_deref())?.policy),
        }
    }

    /// Adds rules to ignore for every package, given by `by` (`--ignore`).
    ///
    /// # Errors
    /// When an id names no rule (the error lists the ids), or `known-malicious`.
    pub fn add_ignores(&mut self, ids: &[String], by: &str) -> Result<(), PolicyError> {
        for id in ids {
            let rule = ignorable(id).map_err(|message| PolicyError {
                path: PathBuf::from(by),
                message,
            })?;
            self.ignore.push(IgnoreRule {
                rule,
                package: None,
                by: by.to_owned(),
            });
        }
        Ok(())
    }

    /// The ignore settings that apply to one package.
    #[must_use]
    pub fn ignores_for(&self, ecosystem: Ecosystem, name: &str, version: &str) -> Vec<&IgnoreRule> {
        self.ignore
            .iter()
            .filter(|i| {
                i.package
                    .as_deref()
                    .is_none_or(|p| matches(p, ecosystem, name, version))
            })
            .collect()
    }

    /// Takes the findings of ignored rules out of `findings` and returns them, each with
    /// the setting that ignored it (the first that applies).
    #[must_use]
    pub fn set_aside(
        &self,
        ecosystem: Ecosystem,
        name: &str,
        version: &str,
        findings: &mut Vec<Finding>,
    ) -> Vec<IgnoredFinding> {
        let rules = self.ignores_for(ecosystem, name, version);
        if rules.is_empty() {
            return Vec::new();
        }
        let mut ignored = Vec::new();
        findings.retain(|f| match rules.iter().find(|i| i.rule == f.rule) {
            Some(i) => {
                ignored.push(IgnoredFinding {
                    finding: f.clone(),
                    by: i.by.clone(),
                });
                false
            }
            None => true,
        });
        ignored
    }

    fn listed(list: &[String], s: &Subject<'_>) -> Option<String> {
        let eco = s.ecosystem?;
        list.iter()
            .find(|p| matches(p, eco, s.name, s.version))
            .cloned()
    }

    /// The identity the policy file pins for the subject's package, if any.
    #[must_use]
    pub fn pin_for(&self, s: &Subject<'_>) -> Option<&BuildIdentity> {
        let eco = s.ecosystem?;
        self.pins
            .iter()
            .find(|(p, _)| matches(p, eco, s.name, s.version))
            .map(|(_, id)| id)
    }

    /// Decides on one package.
    #[must_use]
    pub fn decide(&self, s: &Subject<'_>) -> Decision {
        let mut d = Decision {
            action: Action::Allow,
            reasons: Vec::new(),
        };
        for id in &s.known_malicious {
            d.add(Action::Block, format!("known malicious ({id})"));
        }
        if let Some(p) = Self::listed(&self.deny, s) {
            d.add(Action::Block, format!("denied by the policy ({p})"));
        }
        let excepted = s.sha256.and_then(|h| {
            self.exceptions
                .iter()
                .find(|(d, _)| d.eq_ignore_ascii_case(h))
        });
        let allowed = Self::listed(&self.allow, s);
        if let Some(v) = s.verdict
            && v >= self.fail_on
        {
            match (&excepted, &allowed) {
                (Some((_, reason)), _) => d.add(
                    Action::Warn,
                    format!(
                        "{} verdict, allowed by an exception for this artifact: {reason}",
                        v.as_str()
                    ),
                ),
                (None, Some(p)) => d.add(
                    Action::Warn,
                    format!("{} verdict, allowed by the policy ({p})", v.as_str()),
                ),
                (None, None) => d.add(
                    Action::Block,
                    format!(
                        "verdict {} (the policy fails on {})",
                        v.as_str(),
                        self.fail_on.as_str()
                    ),
                ),
            }
        }
        if let Some(why) = &s.unreadable {
            d.add(
                self.unreadable,
                format!("customs cannot read the artifact: {why}"),
            );
        }
        if let Some(why) = &s.unchecked {
            d.add(self.unchecked, format!("not checked: {why}"));
        }
        if self.min_release_age > 0
            && let Some(released) = s.released
            && Self::listed(&self.min_release_age_exempt, s).is_none()
        {
            let age = s.now - released;
            if age < self.min_release_age {
                d.add(
                    Action::Block,
                    format!(
                        "released {} ago, younger than the policy's minimum release age of {}",
                        human(age),
                        human(self.min_release_age)
                    ),
                );
            }
        }
        if self.require_hashes && s.has_hashes == Some(false) {
            d.add(
                Action::Block,
                "the lockfile pins no hash for it, and the policy requires hashes".to_owned(),
            );
        }
        let exempt = Self::listed(&self.provenance_exempt, s).is_some();
        if self.require_provenance && s.provenance_dropped && !exempt {
            d.add(Action::Block, "published without the provenance its earlier releases had, and the policy requires it".to_owned());
        }
        if self.trust == TrustPolicy::NoDowngrade
            && let Some(why) = &s.trust_downgrade
            && Self::listed(&self.trust_exempt, s).is_none()
        {
            d.add(
                Action::Block,
                format!("trust went down ({why}), and the policy allows no downgrade"),
            );
        }
        if !exempt
            && let Some(builder) = &s.builder
            && let Some(pin) = self.pin_for(s).or(s.stored_pin.as_ref())
            && let Some(why) = pin.mismatch(builder)
        {
            d.add(Action::Block, why);
        }
        if !self.install_scripts_allowed
            && !s.install_scripts.is_empty()
            && !self.install_scripts_packages.iter().any(|p| {
                s.ecosystem
                    .is_some_and(|e| matches(p, e, s.name, s.version))
            })
        {
            d.add(
                Action::Block,
                format!(
                    "runs install scripts ({}), which the policy allows only for listed packages",
                    s.install_scripts.join(", ")
                ),
            );
        }
        if d.action == Action::Block && allowed.is_some() && s.known_malicious.is_empty() {
            // An allowed package is reported, never blocked, unless it is known malicious.
            d.action = Action::Warn;
        }
        d
    }
}

/// `3 days`, `5 hours`, `12 minutes`.
#[must_use]
pub fn human(seconds: i64) -> String {
    let s = seconds.max(0);
    let (n, unit) = if s >= 2 * 86_400 {
        (s / 86_400, "days")
    } else if s >= 2 * 3600 {
        (s / 3600, "hours")
    } else {
        (s / 60, "minutes")
    };
    format!("{n} {unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject<'a>(name: &'a str, version: &'a str) -> Subject<'a> {
        Subject {
            ecosystem: Some(Ecosystem::Npm),
            name,
            version,
            now: 1_000 * 86_400,
            ..Subject::default()
        }
    }

    /// The command line's durations read as the policy file's: units, bare seconds,
    /// zero, and what is not a duration.
    #[test]
    fn durations_from_the_command_line() {
        assert_eq!(parse_duration("7d"), Some(7 * 86_400));
        assert_eq!(parse_duration("48h"), Some(48 * 3_600));
        assert_eq!(parse_duration("90m"), Some(5_400));
        assert_eq!(parse_duration("2w"), Some(14 * 86_400));
        assert_eq!(parse_duration("300"), Some(300));
        assert_eq!(parse_duration("0"), Some(0));
        assert_eq!(parse_duration("soon"), None);
        assert_eq!(parse_duration("-1d"), None);
        assert_eq!(parse_duration("99999999999999999999d"), None);
    }

    #[test]
    fn template_is_the_default() {
        let p = Policy::default();
        assert_eq!(p.fail_on, VerdictLevel::Malicious);
        assert_eq!(p.min_release_age, 0);
        assert!(p.install_scripts_allowed);
        assert_eq!(p.unreadable, Action::Block);
        assert_eq!(p.unchecked, Action::Warn);
        assert_eq!(
            Policy::parse("", Path::new("empty.toml")).map(|mut p| {
                p.origin = p.origin.replace("empty.toml", "built-in default");
                p
            }),
            Ok(p),
            "an empty file means the defaults"
        );
    }

    /// What could not be checked is never allowed: warned about by default, blocked
    /// under `[unreadable] action = "block"`; unreadable artifacts stay blocked.
    #[test]
    fn unchecked_is_never_allowed() {
        let mut s = subject("axios", "1.14.1");
        s.unchecked = Some("version 1.14.1 is not listed".into());
        let d = Policy::default().decide(&s);
        assert_eq!(d.action, Action::Warn);
        assert!(d.reasons[0].contains("not listed"), "{d:?}");
        let strict = Policy::parse("[unreadable]\naction = \"block\"\n", Path::new("c.toml"))
            .expect("valid");
        assert_eq!(strict.decide(&s).action, Action::Block);
        let lax =
            Policy::parse("[unreadable]\naction = \"warn\"\n", Path::new("c.toml")).expect("valid");
        assert_eq!(lax.decide(&s).action, Action::Warn);
        let mut unreadable = subject("bomb", "1.0.0");
        unreadable.unreadable = Some("over the size limit".into());
        assert_eq!(Policy::default().decide(&unreadable).action, Action::Block);
        assert_eq!(lax.decide(&unreadable).action, Action::Warn);
        assert!(Policy::parse("[unreadable]\naction = \"allow\"\n", Path::new("c.toml")).is_err());
    }

    #[test]
    fn decisions() {
        let p = Policy::parse(
            "fail_on = \"suspicious\"\nmin_release_age = \"7d\"\nmin_release_age_exempt = [\"npm:@corp/*\"]\nallow = [\"npm:trusted\"]\ndeny = [\"npm:event-stream@3.3.6\"]\nrequire_hashes = true\n[install_scripts]\nallow = false\npackages = [\"esbuild\"]\n[[exception]]\nsha256 = \"aa0000000000000000000000000000000000000000000000000000000000aaaa\"\nreason = \"reviewed\"\n",
            Path::new("customs.toml"),
        )
        .expect("valid");
        let mut s = subject("event-stream", "3.3.6");
        assert_eq!(p.decide(&s).action, Action::Block);
        s.version = "3.3.5";
        assert_eq!(p.decide(&s).action, Action::Allow);

        let mut young = subject("left-pad", "1.3.1");
        young.released = Some(young.now - 2 * 86_400);
        let d = p.decide(&young);
        assert_eq!(d.action, Action::Block);
        assert!(
            d.reasons[0].contains("2 days") && d.reasons[0].contains("7 days"),
            "{d:?}"
        );
        let mut ours = subject("@corp/tool", "1.0.0");
        ours.released = young.released;
        assert_eq!(
            p.decide(&ours).action,
            Action::Allow,
            "exempt from the cooldown"
        );

        let mut scripts = subject("node-sass", "9.0.0");
        scripts.install_scripts = vec!["postinstall".into()];
        assert_eq!(p.decide(&scripts).action, Action::Block);
        let mut esbuild = subject("esbuild", "0.28.0");
        esbuild.install_scripts = vec!["postinstall".into()];
        assert_eq!(p.decide(&esbuild).action, Action::Allow);

        let mut flagged = subject("thing", "1.0.0");
        flagged.verdict = Some(VerdictLevel::Suspicious);
        assert_eq!(p.decide(&flagged).action, Action::Block);
        flagged.sha256 = Some("AA0000000000000000000000000000000000000000000000000000000000AAAA");
        assert_eq!(
            p.decide(&flagged).action,
            Action::Warn,
            "the exception is keyed by digest"
        );
        let mut trusted = subject("trusted", "2.0.0");
        trusted.verdict = Some(VerdictLevel::Malicious);
        assert_eq!(p.decide(&trusted).action, Action::Warn);
        trusted.known_malicious = vec!["MAL-1".into()];
        assert_eq!(
            p.decide(&trusted).action,
            Action::Block,
            "allow never covers known malware"
        );

        let mut py = subject("requests", "2.0.0");
        py.ecosystem = Some(Ecosystem::Pypi);
        py.has_hashes = Some(false);
        assert_eq!(p.decide(&py).action, Action::Block);
    }

    /// `trust = "no-downgrade"` blocks a downgrade whatever the verdict, except for the
    /// packages and releases exempted; off, the downgrade is left to the verdict.
    #[test]
    fn trust_may_only_go_up() {
        let p = Policy::parse(
            "trust = \"no-downgrade\"\ntrust_exempt = [\"npm:forked\", \"npm:lib@2.0.1\"]\n",
            Path::new("p.toml"),
        )
        .expect("parses");
        assert_eq!(p.trust, TrustPolicy::NoDowngrade);
        let mut s = subject("lib", "2.0.2");
        s.trust_downgrade = Some("2.0.2 has a registry signature only".into());
        let d = p.decide(&s);
        assert_eq!(d.action, Action::Block, "{d:?}");
        assert!(d.reasons[0].contains("no downgrade"), "{d:?}");
        s.version = "2.0.1";
        assert_eq!(p.decide(&s).action, Action::Allow, "this release is exempt");
        s.name = "forked";
        s.version = "9.9.9";
        assert_eq!(p.decide(&s).action, Action::Allow, "the package is exempt");
        let mut plain = subject("lib", "2.0.2");
        assert_eq!(p.decide(&plain).action, Action::Allow, "no downgrade");
        plain.trust_downgrade = Some("x".into());
        assert_eq!(Policy::default().trust, TrustPolicy::Off);
        assert_eq!(Policy::default().decide(&plain).action, Action::Allow);
        let e = Policy::parse("trust = \"strict\"\n", Path::new("p.toml")).expect_err("bad value");
        assert!(e.to_string().contains("no-downgrade"), "{e}");
    }

    #[test]
    fn bad_files_name_the_line() {
        let e = Policy::parse(
            "fail_on = \"malicious\"\nmin_release_ages = 3\n",
            Path::new("p.toml"),
        )
        .expect_err("unknown key");
        assert!(e.to_string().contains("line 2"), "{e}");
        assert!(Policy::parse("min_release_age = \"soon\"", Path::new("p.toml")).is_err());
        assert!(Policy::parse("fail_on = \"clean\"", Path::new("p.toml")).is_err());
        assert!(matches(
            "pypi:Requests==2.0",
            Ecosystem::Pypi,
            "requests",
            "2.0"
        ));
        assert!(matches("@scope/*", Ecosystem::Npm, "@scope/x", "1"));
        assert!(!matches("npm:x", Ecosystem::Pypi, "x", "1"));
    }

    #[test]
    fn pinned_identities_and_exemptions() {
        let p = Policy::parse(
            "provenance_exempt = [\"npm:lib@2.0.1\"]\n[[pin]]\npackage = \"npm:lib\"\nrepository = \"Octo/Lib\"\nworkflow = \".github/workflows/release.yml\"\n",
            Path::new("p.toml"),
        )
        .expect("parses");
        let seen = |repo: &str, wf: &str| BuildIdentity {
            repository: Some(repo.into()),
            workflow: Some(wf.into()),
        };
        let subject = |version: &'static str, builder: BuildIdentity| Subject {
            ecosystem: Some(Ecosystem::Npm),
            name: "lib",
            version,
            builder: Some(builder),
            ..Subject::default()
        };
        let ok = p.decide(&subject("2.0.0", seen("octo/lib", "release.yml")));
        assert_eq!(ok.action, Action::Allow, "{ok:?}");
        let bad = p.decide(&subject("2.0.0", seen("mallory/lib", "release.yml")));
        assert_eq!(bad.action, Action::Block);
        assert!(
            bad.reasons[0].contains("built by mallory/lib release.yml, not by the pinned Octo/Lib")
        );
        let wf = p.decide(&subject("2.0.0", seen("octo/lib", "publish.yml")));
        assert_eq!(wf.action, Action::Block);
        let exempt = p.decide(&subject("2.0.1", seen("mallory/lib", "release.yml")));
        assert_eq!(exempt.action, Action::Allow, "{exempt:?}");
        // A pin kept in the store counts when the file has none.
        let mut s = subject("1.0.0", seen("mallory/other", "x.yml"));
        s.name = "other";
        s.stored_pin = Some(seen("octo/other", "x.yml"));
        assert_eq!(p.decide(&s).action, Action::Block);
        let err = Policy::parse(
            "[[pin]]\npackage = \"npm:x\"\nbranch = \"main\"\n",
            Path::new("p.toml"),
        )
        .expect_err("unknown field");
        assert!(err.to_string().contains("branch"), "{err}");
    }

    fn finding(rule: &'static str) -> Finding {
        Finding {
            rule,
            severity: customs_rules::Severity::High,
            confidence: customs_rules::Confidence::Medium,
            context: customs_analyze::Context::Runtime,
            message: String::new(),
            path: "index.js".into(),
            line: None,
            column: None,
            snippet: None,
            fact: None,
        }
    }

    #[test]
    fn ignored_rules_are_set_aside_per_package_and_named() {
        let mut p = Policy::parse(
            "ignore = [\"obfuscation\"]\n[[package]]\nname = \"npm:next\"\nignore = [\"self-propagation\"]\n",
            Path::new("customs.toml"),
        )
        .expect("parses");
        p.add_ignores(&["secret-read".to_owned()], "--ignore")
            .expect("a rule");
        let all = || {
            vec![
                finding("self-propagation"),
                finding("obfuscation"),
                finding("secret-read"),
                finding("decode-execute"),
            ]
        };
        let mut next = all();
        let ignored = p.set_aside(Ecosystem::Npm, "next", "16.5.0", &mut next);
        assert_eq!(
            next.iter().map(|f| f.rule).collect::<Vec<_>>(),
            ["decode-execute"]
        );
        let by: Vec<(&str, &str)> = ignored
            .iter()
            .map(|i| (i.finding.rule, i.by.as_str()))
            .collect();
        assert_eq!(
            by,
            [
                ("self-propagation", "[[package]] npm:next in customs.toml"),
                ("obfuscation", "ignore in customs.toml"),
                ("secret-read", "--ignore"),
            ]
        );
        let mut other = all();
        let ignored = p.set_aside(Ecosystem::Npm, "nextish", "1.0.0", &mut other);
        assert_eq!(
            ignored.len(),
            2,
            "the per-package rule stays for other packages"
        );
        assert!(other.iter().any(|f| f.rule == "self-propagation"));
    }

    #[test]
    fn unknown_or_unignorable_rules_are_errors() {
        let e = Policy::parse("ignore = [\"self-propagaton\"]\n", Path::new("p.toml"))
            .expect_err("a typo");
        let msg = e.to_string();
        assert!(msg.contains("\"self-propagaton\""), "{msg}");
        assert!(
            msg.contains("self-propagation") && msg.contains("decode-execute"),
            "{msg}"
        );
        let e = Policy::parse(
            "[[package]]\nname = \"npm:x\"\nignore = [\"nope\"]\n",
            Path::new("p.toml"),
        )
        .expect_err("unknown");
        assert!(e.to_string().contains("[[package]] npm:x"), "{e}");
        let e = Policy::default()
            .add_ignores(&["known-malicious".to_owned()], "--ignore")
            .expect_err("never ignored");
        assert!(e.to_string().contains("cannot be ignored"), "{e}");
        assert!(!ignorable_rules().contains(&"known-malicious"));
        assert!(
            ignorable_rules().contains(&"provenance-dropped"),
            "history rules too"
        );
    }

    #[test]
    fn decision_facts_keep_the_proxy_s_stored_shape_and_reach_the_subject() {
        let facts = DecisionFacts {
            verdict: Some(VerdictLevel::Suspicious),
            sha256: "ab".into(),
            provenance_dropped: true,
            install_scripts: vec!["postinstall".into()],
            ..DecisionFacts::default()
        };
        let json = serde_json::to_value(&facts).expect("facts serialise");
        assert_eq!(json["verdict"], "suspicious");
        assert_eq!(json["sha256"], "ab");
        let back: DecisionFacts = serde_json::from_value(json).expect("facts read back");
        assert_eq!(back, facts);
        // No verdict is written `unchecked`, and read back as none.
        let none = serde_json::to_value(DecisionFacts::default()).expect("facts serialise");
        assert_eq!(none["verdict"], "unchecked");
        let back: DecisionFacts = serde_json::from_value(none).expect("facts read back");
        assert_eq!(back.verdict, None);

        let s = Subject::new(Ecosystem::Npm, "pkg", "1.0.0")
            .scanned(&facts)
            .known_malicious(vec!["MAL-1; osv".into()]);
        assert_eq!(s.sha256, Some("ab"));
        assert_eq!(s.verdict, Some(VerdictLevel::Suspicious));
        assert!(s.provenance_dropped);
        assert_eq!(s.install_scripts, ["postinstall"]);
        assert!(s.now > 0);
        let d = Policy::default().decide(&s);
        assert_eq!(d.action, Action::Block);
        assert!(d.reasons.iter().any(|r| r.contains("MAL-1")), "{d:?}");
        // An artifact never read has no digest to match an exception by.
        let unread = DecisionFacts::default();
        assert_eq!(
            Subject::new(Ecosystem::Npm, "pkg", "1")
                .scanned(&unread)
                .sha256,
            None
        );
    }
}
