use std::collections::BTreeMap;

use serde_json::Value;

/// The npm lifecycle scripts that run when a package is installed, in the order npm
/// runs them. `prepare` runs for git and local installs.
pub const LIFECYCLE_HOOKS: &[&str] = &[
    "preinstall",
    "install",
    "postinstall",
    "prepare",
    "preprepare",
    "postprepare",
];

/// The parts of `package.json` that matter for safety.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NpmManifest {
    /// `name`.
    pub name: String,
    /// `version`.
    pub version: String,
    /// `description`.
    pub description: String,
    /// `scripts`.
    pub scripts: BTreeMap<String, String>,
    /// `dependencies`, `optionalDependencies` and `peerDependencies`: name → spec.
    pub dependencies: BTreeMap<String, String>,
    /// `main`, `bin` and `exports` targets, and `module`/`browser` when they are strings.
    pub entry_points: Vec<String>,
    /// `repository` (its URL when it is an object).
    pub repository: String,
    /// `gypfile: true`, or `binding.gyp` will be built by npm's default install.
    pub gypfile: bool,
    /// The commands `bin` installs: its keys, or the package's own name (without its
    /// scope) when `bin` is one path.
    pub commands: Vec<String>,
}

impl NpmManifest {
    /// Parses `package.json`; `None` when it is not a JSON object.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let value: Value = serde_json::from_str(text).ok()?;
        let obj = value.as_object()?;
        let string = |key: &str| {
            obj.get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let map = |key: &str| -> BTreeMap<String, String> {
            obj.get(key)
                .and_then(Value::as_object)
                .map(|m| {
                    m.iter()
                        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut dependencies = map("dependencies");
        dependencies.extend(map("optionalDependencies"));
        let mut entry_points = Vec::new();
        for key in ["main", "module", "browser"] {
            if let Some(s) = obj.get(key).and_then(Value::as_str) {
                entry_points.push(s.to_owned());
            }
        }
        let mut commands = Vec::new();
        if let Some(bin) = obj.get("bin") {
            collect_strings(bin, &mut entry_points);
            match bin {
                Value::Object(map) => commands.extend(map.keys().cloned()),
                Value::String(_) => {
                    let name = string("name");
                    let bare = name.rsplit('/').next().unwrap_or(&name);
                    if !bare.is_empty() {
                        commands.push(bare.to_owned());
                    }
                }
                _ => {}
            }
        }
        if let Some(exports) = obj.get("exports") {
            collect_strings(exports, &mut entry_points);
        }
        let repository = match obj.get("repository") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Object(o)) => o
                .get("url")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            _ => String::new(),
        };
        Some(Self {
            name: string("name"),
            version: string("version"),
            description: string("description"),
            scripts: map("scripts"),
            dependencies,
            entry_points,
            repository,
            gypfile: obj.get("gypfile").and_then(Value::as_bool).unwrap_or(false),
            commands,
        })
    }

    /// The lifecycle scripts that run on `npm install`, with their hook names.
    pub fn install_scripts(&self) -> impl Iterator<Item = (&str, &str)> {
        LIFECYCLE_HOOKS
            .iter()
            .filter_map(|hook| self.scripts.get(*hook).map(|s| (*hook, s.as_str())))
    }
}

/// Collects string leaves of a `bin` or `exports` value (bounded: a manifest is data
/// from the package, and `exports` can nest).
fn collect_strings(value: &Value, out: &mut Vec<String>) {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        if out.len() > 256 {
            return;
        }
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Array(a) => stack.extend(a.iter()),
            Value::Object(o) => stack.extend(o.values()),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest() {
        let m = NpmManifest::parse(
            r#"{"name":"x","version":"1.0.0","main":"index.js","bin":{"x":"cli.js"},
               "exports":{".":{"require":"./cjs.js","import":"./esm.mjs"}},
               "scripts":{"postinstall":"node setup.js","test":"jest"},
               "dependencies":{"a":"^1"},"optionalDependencies":{"b":"2"},
               "repository":{"type":"git","url":"git+https://example.invalid/x.git"}}"#,
        )
        .expect("valid");
        assert_eq!(
            m.install_scripts().collect::<Vec<_>>(),
            vec![("postinstall", "node setup.js")]
        );
        assert_eq!(m.dependencies.len(), 2);
        assert!(m.entry_points.contains(&"index.js".to_owned()));
        assert!(m.entry_points.contains(&"cli.js".to_owned()));
        assert!(m.entry_points.contains(&"./esm.mjs".to_owned()));
        assert_eq!(m.repository, "git+https://example.invalid/x.git");
        assert!(NpmManifest::parse("[1,2]").is_none());
    }
}
