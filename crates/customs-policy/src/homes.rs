//! Where a project keeps its policy, and how the places merge into one.
//!
//! Three homes, found by walking up from the working folder to the root, as ruff finds
//! its settings: `customs.toml` (or `.customs.toml`), a `[tool.customs]` table in
//! `pyproject.toml`, and a `"customs"` object in `package.json`. Every home found is a
//! layer; below them sit the user's `~/.config/customs/policy.toml` and the built-in
//! default. A setting is taken from the nearest layer that sets it: nearer folders win
//! over farther ones, and in one folder `customs.toml` wins over `.customs.toml`, over
//! `pyproject.toml`, over `package.json`. A setting replaces the same setting of the
//! layers below it whole (lists are not joined); the two tables `[install_scripts]`
//! and `[unreadable]` merge key by key.

use std::path::{Path, PathBuf};

use crate::{Policy, PolicyError, TEMPLATE};

/// One place that sets some of the policy.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    /// Where it is: a path, with `[tool.customs]` or `"customs"` for a section of a
    /// project file.
    pub origin: String,
    /// The file.
    pub path: PathBuf,
    /// What it sets.
    pub table: toml::Table,
}

/// One setting of the merged policy and the layer it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Setting {
    /// `fail_on`, or `install_scripts.allow` for a key of a merged table.
    pub key: String,
    /// Its value.
    pub value: toml::Value,
    /// The layer's origin (`built-in default` when no file sets it).
    pub origin: String,
}

/// The merged policy of a folder, with where each setting came from.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The layers found, nearest first (without the built-in default).
    pub layers: Vec<Layer>,
    /// Every setting, in key order.
    pub settings: Vec<Setting>,
    /// The policy they make.
    pub policy: Policy,
}

/// The built-in default's origin.
const DEFAULT: &str = "built-in default";
/// Tables merged key by key rather than replaced whole.
const MERGED_TABLES: [&str; 2] = ["install_scripts", "unreadable"];

/// `$XDG_CONFIG_HOME/customs/policy.toml`, else `~/.config/customs/policy.toml`.
#[must_use]
pub fn user_config() -> Option<PathBuf> {
    std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
        .map(|c| c.join("customs/policy.toml"))
}

fn error(path: &Path, message: impl Into<String>) -> PolicyError {
    PolicyError {
        path: path.to_owned(),
        message: message.into(),
    }
}

fn read(path: &Path) -> Result<String, PolicyError> {
    std::fs::read_to_string(path).map_err(|e| error(path, e.to_string()))
}

/// A policy file's layer, checked on its own so that an error names its line.
fn file_layer(path: &Path) -> Result<Layer, PolicyError> {
    let text = read(path)?;
    Policy::parse(&text, path)?;
    let table: toml::Table = toml::from_str(&text).map_err(|e| error(path, e.message()))?;
    Ok(Layer {
        origin: path.display().to_string(),
        path: path.to_owned(),
        table,
    })
}

/// `[tool.customs]` of a `pyproject.toml`; `None` when it has none.
fn pyproject_layer(path: &Path) -> Result<Option<Layer>, PolicyError> {
    let text = read(path)?;
    // A project file that never names customs is not read further: a pyproject.toml
    // that some other tool accepts and this parser would not must not stop customs.
    if !text.contains("customs") {
        return Ok(None);
    }
    let doc: toml::Table = toml::from_str(&text).map_err(|e| {
        error(
            path,
            format!(
                "not valid TOML, so its [tool.customs] cannot be read: {}",
                e.message()
            ),
        )
    })?;
    let Some(section) = doc.get("tool").and_then(|t| t.get("customs")) else {
        return Ok(None);
    };
    let origin = format!("{} [tool.customs]", path.display());
    let toml::Value::Table(table) = section.clone() else {
        return Err(error(path, "tool.customs must be a table"));
    };
    Policy::from_table(table.clone(), Path::new(&origin))?;
    Ok(Some(Layer {
        origin,
        path: path.to_owned(),
        table,
    }))
}

/// The `"customs"` object of a `package.json`; `None` when it has none.
fn package_json_layer(path: &Path) -> Result<Option<Layer>, PolicyError> {
    let text = read(path)?;
    if !text.contains("\"customs\"") {
        return Ok(None);
    }
    let doc: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        error(
            path,
            format!("not valid JSON, so its \"customs\" key cannot be read: {e}"),
        )
    })?;
    let Some(section) = doc.get("customs") else {
        return Ok(None);
    };
    let origin = format!("{} \"customs\"", path.display());
    let table = match json_to_toml(section, "customs") {
        Ok(toml::Value::Table(t)) => t,
        Ok(_) => return Err(error(path, "\"customs\" must be an object")),
        Err(m) => return Err(error(path, m)),
    };
    Policy::from_table(table.clone(), Path::new(&origin))?;
    Ok(Some(Layer {
        origin,
        path: path.to_owned(),
        table,
    }))
}

/// JSON as TOML: TOML has no null, so a null is an error naming where it is.
fn json_to_toml(v: &serde_json::Value, at: &str) -> Result<toml::Value, String> {
    Ok(match v {
        serde_json::Value::Null => return Err(format!("{at} is null, which no setting takes")),
        serde_json::Value::Bool(b) => toml::Value::Boolean(*b),
        serde_json::Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => toml::Value::Integer(i),
            (None, Some(f)) => toml::Value::Float(f),
            (None, None) => return Err(format!("{at} is a number out of range")),
        },
        serde_json::Value::String(s) => toml::Value::String(s.clone()),
        serde_json::Value::Array(items) => toml::Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| json_to_toml(item, &format!("{at}[{i}]")))
                .collect::<Result<_, _>>()?,
        ),
        serde_json::Value::Object(map) => toml::Value::Table(
            map.iter()
                .map(|(k, item)| Ok((k.clone(), json_to_toml(item, &format!("{at}.{k}"))?)))
                .collect::<Result<_, String>>()?,
        ),
    })
}

/// The layers one folder holds, strongest first.
fn folder_layers(dir: &Path) -> Result<Vec<Layer>, PolicyError> {
    let mut layers = Vec::new();
    for name in ["customs.toml", ".customs.toml"] {
        let p = dir.join(name);
        if p.is_file() {
            layers.push(file_layer(&p)?);
        }
    }
    let p = dir.join("pyproject.toml");
    if p.is_file() {
        layers.extend(pyproject_layer(&p)?);
    }
    let p = dir.join("package.json");
    if p.is_file() {
        layers.extend(package_json_layer(&p)?);
    }
    Ok(layers)
}

impl Resolved {
    /// The layers from `start` up to the root, then `user` (the user's policy file, when
    /// it exists), merged over the built-in default.
    ///
    /// # Errors
    /// When a layer cannot be read or parsed or holds an invalid setting (the error
    /// names the file), or the merge is invalid.
    pub fn discover(start: &Path, user: Option<&Path>) -> Result<Self, PolicyError> {
        // A file named without a folder (`audit pdm.lock`) lies in the working folder.
        let start = if start.as_os_str().is_empty() {
            Path::new(".")
        } else {
            start
        };
        let absolute = std::path::absolute(start).map_err(|e| error(start, e.to_string()))?;
        let mut layers = Vec::new();
        // The start folder's files are named as the user named the folder
        // (`./customs.toml`), the ones above it by their absolute path.
        for (i, dir) in absolute.ancestors().enumerate() {
            layers.extend(folder_layers(if i == 0 { start } else { dir })?);
        }
        if let Some(user) = user.filter(|u| u.is_file()) {
            layers.push(file_layer(user)?);
        }
        Self::merge(layers)
    }

    /// One policy file alone over the built-in default (`--policy FILE`).
    ///
    /// # Errors
    /// When the file cannot be read or parsed, or holds an invalid setting.
    pub fn from_file(path: &Path) -> Result<Self, PolicyError> {
        Self::merge(vec![file_layer(path)?])
    }

    /// Merges layers given nearest first over the built-in default.
    ///
    /// # Errors
    /// When the merged settings are invalid.
    pub fn merge(layers: Vec<Layer>) -> Result<Self, PolicyError> {
        let default: toml::Table =
            toml::from_str(TEMPLATE).map_err(|e| error(Path::new(DEFAULT), e.message()))?;
        let mut merged = toml::Table::new();
        let mut origins: Vec<(String, String)> = Vec::new();
        let mut set = |key: String, origin: &str| match origins.iter_mut().find(|(k, _)| *k == key)
        {
            Some(entry) => entry.1 = origin.to_owned(),
            None => origins.push((key, origin.to_owned())),
        };
        let base = Layer {
            origin: DEFAULT.to_owned(),
            path: PathBuf::from(DEFAULT),
            table: default,
        };
        // Weakest first, so that each nearer layer overwrites.
        for layer in std::iter::once(&base).chain(layers.iter().rev()) {
            for (key, value) in &layer.table {
                match (MERGED_TABLES.contains(&key.as_str()), value) {
                    (true, toml::Value::Table(sub)) => {
                        let into = merged
                            .entry(key.clone())
                            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
                        if let toml::Value::Table(into) = into {
                            for (k, v) in sub {
                                into.insert(k.clone(), v.clone());
                                set(format!("{key}.{k}"), &layer.origin);
                            }
                        }
                    }
                    _ => {
                        merged.insert(key.clone(), value.clone());
                        set(key.clone(), &layer.origin);
                    }
                }
            }
        }
        let origin = if layers.is_empty() {
            DEFAULT.to_owned()
        } else {
            layers
                .iter()
                .map(|l| l.origin.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut policy = Policy::from_table(merged.clone(), Path::new(&origin))?;
        let origin_of = |key: &str| {
            origins
                .iter()
                .find(|(k, _)| k == key)
                .map_or(DEFAULT, |(_, o)| o.as_str())
                .to_owned()
        };
        // Each ignore names the layer that set it, not the whole list of layers.
        for rule in &mut policy.ignore {
            rule.by = match &rule.package {
                None => format!("ignore in {}", origin_of("ignore")),
                Some(name) => format!("[[package]] {name} in {}", origin_of("package")),
            };
        }
        let mut settings = Vec::new();
        for (key, value) in &merged {
            match value {
                toml::Value::Table(sub) if MERGED_TABLES.contains(&key.as_str()) => {
                    for (k, v) in sub {
                        let key = format!("{key}.{k}");
                        settings.push(Setting {
                            origin: origin_of(&key),
                            key,
                            value: v.clone(),
                        });
                    }
                }
                _ => settings.push(Setting {
                    key: key.clone(),
                    value: value.clone(),
                    origin: origin_of(key),
                }),
            }
        }
        Ok(Self {
            layers,
            settings,
            policy,
        })
    }

    /// The same policy without the layers that lie inside one of `folders` (the package
    /// folders a scan judges: a package must not configure its own judge), and those
    /// layers.
    ///
    /// # Errors
    /// When the remaining layers merge into an invalid policy.
    pub fn without_layers_inside(
        self,
        folders: &[PathBuf],
    ) -> Result<(Self, Vec<Layer>), PolicyError> {
        let folders: Vec<PathBuf> = folders
            .iter()
            .filter_map(|f| std::fs::canonicalize(f).ok())
            .collect();
        let inside = |l: &Layer| {
            std::fs::canonicalize(&l.path).is_ok_and(|p| folders.iter().any(|f| p.starts_with(f)))
        };
        if !self.layers.iter().any(inside) {
            return Ok((self, Vec::new()));
        }
        let (dropped, kept): (Vec<Layer>, Vec<Layer>) = self.layers.into_iter().partition(inside);
        Ok((Self::merge(kept)?, dropped))
    }

    /// The merged settings as TOML, each with a comment saying where it came from.
    #[must_use]
    pub fn render(&self) -> String {
        let mut out = String::from("# The merged policy; layers, strongest first:\n");
        for l in &self.layers {
            out.push_str(&format!("#   {}\n", l.origin));
        }
        out.push_str(&format!("#   {DEFAULT}\n"));
        // Top-level settings first: a key written after a `[table]` header would be
        // the table's.
        fn table_of(s: &Setting) -> Option<(&str, &str)> {
            s.key
                .split_once('.')
                .filter(|(t, _)| MERGED_TABLES.contains(t))
        }
        for s in self.settings.iter().filter(|s| table_of(s).is_none()) {
            out.push_str(&format!(
                "{} = {}  # {}\n",
                s.key,
                inline(&s.value),
                s.origin
            ));
        }
        for table in MERGED_TABLES {
            out.push_str(&format!("\n[{table}]\n"));
            for s in &self.settings {
                if let Some((t, key)) = table_of(s)
                    && t == table
                {
                    out.push_str(&format!("{key} = {}  # {}\n", inline(&s.value), s.origin));
                }
            }
        }
        out
    }
}

/// A value as inline TOML (strings as basic strings, tables inline).
fn inline(v: &toml::Value) -> String {
    let key = |k: &str| {
        if !k.is_empty()
            && k.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            k.to_owned()
        } else {
            inline(&toml::Value::String(k.to_owned()))
        }
    };
    match v {
        // JSON's string escapes are all TOML basic-string escapes.
        toml::Value::String(s) => serde_json::to_string(s).unwrap_or_else(|_| format!("{s:?}")),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => format!("{f:?}"),
        toml::Value::Boolean(b) => b.to_string(),
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::Array(items) => format!(
            "[{}]",
            items.iter().map(inline).collect::<Vec<_>>().join(", ")
        ),
        toml::Value::Table(t) => format!(
            "{{ {} }}",
            t.iter()
                .map(|(k, v)| format!("{} = {}", key(k), inline(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use customs_rules::VerdictLevel;

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join(name), text).unwrap();
    }

    fn origin_of<'a>(r: &'a Resolved, key: &str) -> &'a str {
        &r.settings.iter().find(|s| s.key == key).unwrap().origin
    }

    /// Nearest wins key by key; in one folder customs.toml beats pyproject.toml beats
    /// package.json; what no file sets is the default's.
    #[test]
    fn nearest_setting_wins_and_says_where_it_came_from() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let app = root.join("app");
        write(
            root,
            "pyproject.toml",
            "[project]\nname = \"x\"\n[tool.customs]\nfail_on = \"suspicious\"\nmin_release_age = \"7d\"\ndeny = [\"evil\"]\n",
        );
        write(
            &app,
            "package.json",
            r#"{"name":"app","customs":{"min_release_age":"2d","deny":["npm:bad"],"install_scripts":{"allow":false}}}"#,
        );
        write(&app, "customs.toml", "min_release_age = \"1d\"\n");
        let user = root.join("user.toml");
        write(
            root,
            "user.toml",
            "require_hashes = true\n[install_scripts]\npackages = [\"esbuild\"]\n",
        );

        let r = Resolved::discover(&app, Some(&user)).unwrap();
        let p = &r.policy;
        assert_eq!(p.min_release_age, 86_400, "customs.toml beats package.json");
        assert_eq!(
            p.deny,
            ["npm:bad"],
            "the nearer list replaces the farther one"
        );
        assert_eq!(
            p.fail_on,
            VerdictLevel::Suspicious,
            "from the parent folder"
        );
        assert!(p.require_hashes, "from the user's file");
        assert!(!p.install_scripts_allowed);
        assert_eq!(
            p.install_scripts_packages,
            ["esbuild"],
            "tables merge by key"
        );
        assert!(!p.require_provenance, "the default");

        assert!(origin_of(&r, "min_release_age").ends_with("app/customs.toml"));
        assert!(origin_of(&r, "deny").ends_with("app/package.json \"customs\""));
        assert!(origin_of(&r, "fail_on").ends_with("pyproject.toml [tool.customs]"));
        assert!(origin_of(&r, "install_scripts.allow").ends_with("package.json \"customs\""));
        assert_eq!(
            origin_of(&r, "install_scripts.packages"),
            user.display().to_string()
        );
        assert_eq!(origin_of(&r, "require_provenance"), DEFAULT);
        assert_eq!(r.layers.len(), 4);

        let shown = r.render();
        // What is shown is itself a valid policy with the same settings.
        assert_eq!(
            Policy::parse(&shown, Path::new("shown.toml")).map(|mut s| {
                s.origin = p.origin.clone();
                s.ignore.clone_from(&p.ignore);
                s
            }),
            Ok(p.clone())
        );
        assert!(shown.contains("fail_on = \"suspicious\"  # "), "{shown}");
        assert!(
            shown.contains("\n[install_scripts]\nallow = false  # "),
            "{shown}"
        );
    }

    #[test]
    fn a_folder_without_settings_gets_the_default() {
        let tmp = tempfile::tempdir().unwrap();
        write(
            tmp.path(),
            "pyproject.toml",
            "[project]\nname = \"customs-free\"\n",
        );
        write(tmp.path(), "package.json", r#"{"name":"customs"}"#);
        let r = Resolved::discover(tmp.path(), None).unwrap();
        // The working folder, as the parent of a bare file name gives it.
        assert!(Resolved::discover(Path::new(""), None).is_ok());
        assert!(r.layers.is_empty());
        let mut p = r.policy;
        p.origin = DEFAULT.to_owned();
        assert_eq!(p, Policy::default());
    }

    /// A bad setting anywhere is an error naming the file; so is a project file that
    /// mentions customs and cannot be parsed.
    #[test]
    fn bad_settings_name_their_file() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a");
        write(
            &dir,
            "package.json",
            r#"{"customs":{"fail_on":"sometimes"}}"#,
        );
        let e = Resolved::discover(&dir, None).unwrap_err();
        assert!(e.to_string().contains("package.json \"customs\""), "{e}");
        assert!(e.to_string().contains("sometimes"), "{e}");

        write(&dir, "package.json", r#"{"customs":{"deny":[null]}}"#);
        let e = Resolved::discover(&dir, None).unwrap_err();
        assert!(e.to_string().contains("customs.deny[0] is null"), "{e}");

        write(&dir, "package.json", r#"{"customs": "#);
        let e = Resolved::discover(&dir, None).unwrap_err();
        assert!(e.to_string().contains("not valid JSON"), "{e}");

        std::fs::remove_file(dir.join("package.json")).unwrap();
        write(
            &dir,
            "pyproject.toml",
            "[tool.customs]\nunknown_setting = 1\n",
        );
        let e = Resolved::discover(&dir, None).unwrap_err();
        assert!(e.to_string().contains("[tool.customs]"), "{e}");
        assert!(e.to_string().contains("unknown_setting"), "{e}");
    }

    /// A package folder's own package.json does not configure the scan of that folder.
    #[test]
    fn layers_inside_a_scanned_folder_are_left_out() {
        let tmp = tempfile::tempdir().unwrap();
        write(tmp.path(), "customs.toml", "fail_on = \"suspicious\"\n");
        let pkg = tmp.path().join("evil");
        write(
            &pkg,
            "package.json",
            r#"{"customs":{"ignore":["install-network"],"fail_on":"malicious"}}"#,
        );
        let r = Resolved::discover(&pkg, None).unwrap();
        assert_eq!(r.policy.ignore.len(), 1);
        let (r, dropped) = r.without_layers_inside(std::slice::from_ref(&pkg)).unwrap();
        assert_eq!(dropped.len(), 1);
        assert!(dropped[0].origin.contains("evil/package.json"));
        assert!(r.policy.ignore.is_empty());
        assert_eq!(r.policy.fail_on, VerdictLevel::Suspicious);
        let (same, none) = r
            .clone()
            .without_layers_inside(&[tmp.path().join("other")])
            .unwrap();
        assert!(none.is_empty());
        assert_eq!(same.layers.len(), 1);
    }

    /// An ignore says which layer set it.
    #[test]
    fn ignores_name_the_layer_that_set_them() {
        let tmp = tempfile::tempdir().unwrap();
        write(
            tmp.path(),
            "pyproject.toml",
            "[tool.customs]\nignore = [\"install-network\"]\n",
        );
        write(
            &tmp.path().join("sub"),
            "customs.toml",
            "fail_on = \"suspicious\"\n",
        );
        let r = Resolved::discover(&tmp.path().join("sub"), None).unwrap();
        assert_eq!(r.policy.ignore.len(), 1);
        assert!(
            r.policy.ignore[0]
                .by
                .ends_with("pyproject.toml [tool.customs]"),
            "{}",
            r.policy.ignore[0].by
        );
    }
}
