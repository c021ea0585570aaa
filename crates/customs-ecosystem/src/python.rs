use customs_archive::Tree;
use serde::Deserialize;

/// Core metadata of a Python distribution (`PKG-INFO`, a wheel's `METADATA`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PythonMetadata {
    /// The path the metadata was read from.
    pub path: String,
    /// `Name`.
    pub name: String,
    /// `Version`.
    pub version: String,
    /// `Summary`.
    pub summary: String,
    /// `Home-page`.
    pub home_page: String,
    /// `Project-URL` values.
    pub project_urls: Vec<String>,
    /// `Author` and `Author-email`.
    pub author: String,
    /// `Requires-Dist` lines, as written.
    pub requires_dist: Vec<String>,
    /// Length of the long description (the body, or `Description`).
    pub description_len: usize,
}

impl PythonMetadata {
    /// Parses the email-header format of core metadata. Unknown fields are ignored;
    /// missing ones stay empty.
    #[must_use]
    pub fn parse(path: &str, text: &str) -> Self {
        let mut meta = Self {
            path: path.to_owned(),
            ..Self::default()
        };
        let (headers, body) = match text.find("\n\n") {
            Some(i) => (&text[..i], &text[i + 2..]),
            None => (text, ""),
        };
        let mut fields: Vec<(String, String)> = Vec::new();
        for line in headers.lines() {
            if line.starts_with([' ', '\t']) {
                if let Some((_, value)) = fields.last_mut() {
                    value.push('\n');
                    value.push_str(line.trim());
                }
            } else if let Some((key, value)) = line.split_once(':') {
                fields.push((key.trim().to_ascii_lowercase(), value.trim().to_owned()));
            }
        }
        for (key, value) in fields {
            match key.as_str() {
                "name" => meta.name = value,
                "version" => meta.version = value,
                "summary" => meta.summary = value,
                "home-page" => meta.home_page = value,
                "project-url" => meta.project_urls.push(value),
                "author" | "author-email" | "maintainer" | "maintainer-email" => {
                    if !meta.author.is_empty() {
                        meta.author.push_str(", ");
                    }
                    meta.author.push_str(&value);
                }
                "requires-dist" => meta.requires_dist.push(value),
                "description" => meta.description_len += value.trim().len(),
                _ => {}
            }
        }
        meta.description_len += body.trim().len();
        meta
    }

    /// The distribution names this package depends on (without versions or markers).
    #[must_use]
    pub fn dependency_names(&self) -> Vec<String> {
        self.requires_dist
            .iter()
            .filter_map(|req| {
                let end = req
                    .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
                    .unwrap_or(req.len());
                let name = req[..end].trim();
                (!name.is_empty()).then(|| name.to_owned())
            })
            .collect()
    }
}

/// Finds and parses the core metadata: a wheel's `*.dist-info/METADATA`, an egg's
/// `EGG-INFO/PKG-INFO`, or the sdist's top-level `PKG-INFO`.
pub(crate) fn find_metadata(tree: &Tree, root: &str) -> Option<PythonMetadata> {
    let candidates = tree.entries.iter().filter(|e| {
        let p = e.path.as_str();
        (p.ends_with(".dist-info/METADATA") && p.matches('/').count() == 1)
            || p == "EGG-INFO/PKG-INFO"
            || p == format!("{root}PKG-INFO")
    });
    candidates
        .filter_map(|e| e.text().map(|t| PythonMetadata::parse(&e.path, t)))
        .find(|m| !m.name.is_empty())
}

/// The parts of `pyproject.toml` that matter for safety.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PyProject {
    /// `[project] name`.
    pub name: Option<String>,
    /// `[project] version`.
    pub version: Option<String>,
    /// `[build-system] build-backend`.
    pub build_backend: Option<String>,
    /// `[build-system] backend-path`: folders of an in-tree build backend, which runs at
    /// install time.
    pub backend_path: Vec<String>,
    /// `[project] dependencies`.
    pub dependencies: Vec<String>,
    /// The commands `[project.scripts]` and `[project.gui-scripts]` install.
    pub scripts: Vec<String>,
    /// Build hooks of the package's own that the build backend runs: hatch's custom
    /// hooks (`[tool.hatch.build.hooks.custom]`, also per target, and the metadata hook;
    /// `hatch_build.py` unless `path` says otherwise) and PDM's (`pdm_build.py`, or
    /// `[tool.pdm.build] custom-hook`), as paths from the root.
    pub build_hooks: Vec<String>,
}

#[derive(Deserialize)]
struct RawPyProject {
    project: Option<RawProject>,
    #[serde(rename = "build-system")]
    build_system: Option<RawBuildSystem>,
    tool: Option<toml::Table>,
}

/// The build hooks that `[tool]` configures (see [`PyProject::build_hooks`]).
fn build_hooks(tool: Option<&toml::Table>, backend: Option<&str>) -> Vec<String> {
    let mut hooks = Vec::new();
    let path_of = |custom: &toml::Value, default: &str| {
        custom
            .get("path")
            .and_then(toml::Value::as_str)
            .unwrap_or(default)
            .trim_start_matches("./")
            .to_owned()
    };
    let hatch = tool.and_then(|t| t.get("hatch"));
    let custom_in = |table: Option<&toml::Value>| {
        table
            .and_then(|t| t.get("hooks"))
            .and_then(|h| h.get("custom"))
            .cloned()
    };
    let build = hatch.and_then(|h| h.get("build"));
    let mut customs: Vec<toml::Value> = Vec::new();
    customs.extend(custom_in(build));
    customs.extend(custom_in(hatch.and_then(|h| h.get("metadata"))));
    if let Some(targets) = build
        .and_then(|b| b.get("targets"))
        .and_then(toml::Value::as_table)
    {
        customs.extend(targets.values().take(16).filter_map(|t| custom_in(Some(t))));
    }
    for custom in &customs {
        hooks.push(path_of(custom, "hatch_build.py"));
    }
    // PDM's backend runs `pdm_build.py` whenever it is there.
    if backend.is_some_and(|b| b.starts_with("pdm")) {
        let configured = tool
            .and_then(|t| t.get("pdm"))
            .and_then(|p| p.get("build"))
            .and_then(|b| b.get("custom-hook"))
            .and_then(toml::Value::as_str);
        hooks.push(
            configured
                .unwrap_or("pdm_build.py")
                .trim_start_matches("./")
                .to_owned(),
        );
    }
    hooks.sort();
    hooks.dedup();
    hooks
}

#[derive(Deserialize)]
struct RawProject {
    name: Option<String>,
    version: Option<String>,
    #[serde(default)]
    dependencies: Vec<String>,
    #[serde(default)]
    scripts: std::collections::BTreeMap<String, toml::Value>,
    #[serde(rename = "gui-scripts", default)]
    gui_scripts: std::collections::BTreeMap<String, toml::Value>,
}

#[derive(Deserialize)]
struct RawBuildSystem {
    #[serde(rename = "build-backend")]
    build_backend: Option<String>,
    #[serde(rename = "backend-path", default)]
    backend_path: Vec<String>,
}

impl PyProject {
    /// Parses `pyproject.toml`; `None` when it is not valid TOML of the expected shape.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let raw: RawPyProject = toml::from_str(text).ok()?;
        let (name, version, dependencies, scripts) = raw
            .project
            .map(|p| {
                let scripts = p.scripts.into_keys().chain(p.gui_scripts.into_keys());
                (p.name, p.version, p.dependencies, scripts.collect())
            })
            .unwrap_or_default();
        let (build_backend, backend_path) = raw
            .build_system
            .map(|b| (b.build_backend, b.backend_path))
            .unwrap_or_default();
        let build_hooks = build_hooks(raw.tool.as_ref(), build_backend.as_deref());
        Some(Self {
            name,
            version,
            build_backend,
            backend_path,
            dependencies,
            scripts,
            build_hooks,
        })
    }

    /// The module files an in-tree build backend may live in, and the package's own
    /// build hooks, relative to the root: what the build runs.
    #[must_use]
    pub fn backend_module_paths(&self) -> Vec<String> {
        let Some(backend) = &self.build_backend else {
            return self.build_hooks.clone();
        };
        let module = backend
            .split(':')
            .next()
            .unwrap_or(backend)
            .replace('.', "/");
        self.backend_path
            .iter()
            .flat_map(|dir| {
                let dir = dir.trim_start_matches("./").trim_end_matches('/');
                let base = if dir.is_empty() || dir == "." {
                    module.clone()
                } else {
                    format!("{dir}/{module}")
                };
                [format!("{base}.py"), format!("{base}/__init__.py")]
            })
            .chain(self.build_hooks.iter().cloned())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_metadata() {
        let m = PythonMetadata::parse(
            "x/PKG-INFO",
            "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nSummary: A demo\n\
             Requires-Dist: requests>=2; extra == 'x'\nRequires-Dist: idna\n\
             Project-URL: Source, https://example.invalid/demo\n\nLong text here\n",
        );
        assert_eq!(m.name, "demo");
        assert_eq!(m.version, "1.0");
        assert_eq!(m.summary, "A demo");
        assert_eq!(m.dependency_names(), vec!["requests", "idna"]);
        assert_eq!(m.description_len, "Long text here".len());
        assert_eq!(m.project_urls.len(), 1);
    }

    #[test]
    fn in_tree_backend() {
        let p = PyProject::parse(
            "[build-system]\nrequires=[]\nbuild-backend = \"backend:build\"\nbackend-path = [\"_build\"]\n",
        )
        .expect("valid");
        assert_eq!(
            p.backend_module_paths(),
            vec!["_build/backend.py", "_build/backend/__init__.py"]
        );
        assert!(PyProject::parse("not [ toml").is_none());
    }

    #[test]
    fn build_hooks_run_at_build_time() {
        // hatch: a custom hook, by default hatch_build.py; per target and for metadata too.
        let p = PyProject::parse(
            "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n[tool.hatch.build.hooks.custom]\n[tool.hatch.build.targets.wheel.hooks.custom]\npath = \"tools/wheel_hook.py\"\n",
        )
        .expect("valid");
        assert_eq!(
            p.backend_module_paths(),
            vec!["hatch_build.py", "tools/wheel_hook.py"]
        );
        // PDM runs pdm_build.py whenever it is there.
        let p = PyProject::parse(
            "[build-system]\nrequires = [\"pdm-backend\"]\nbuild-backend = \"pdm.backend\"\n",
        )
        .expect("valid");
        assert_eq!(p.backend_module_paths(), vec!["pdm_build.py"]);
        // Hatch without a custom hook runs nothing of the package's.
        let p = PyProject::parse(
            "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n[tool.hatch.build.targets.wheel]\npackages = [\"src/demo\"]\n",
        )
        .expect("valid");
        assert!(p.backend_module_paths().is_empty());
    }
}

/// The commands an `entry_points.txt` (or `setup.cfg`'s `[options.entry_points]`)
/// installs: the names of its `console_scripts` and `gui_scripts` entries, written
/// `name = module:function` one a line under a section header, or (setup.cfg) indented
/// under a `console_scripts =` key.
#[must_use]
pub fn console_scripts(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
            continue;
        }
        if trimmed.starts_with('[') {
            let section = trimmed.trim_matches(|c| c == '[' || c == ']').trim();
            inside = matches!(section, "console_scripts" | "gui_scripts");
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        if let Some((key, value)) = trimmed.split_once('=') {
            let key = key.trim();
            if !indented && matches!(key, "console_scripts" | "gui_scripts") {
                // setup.cfg: the entries follow, indented (or on this line).
                inside = true;
                if value.trim().is_empty() {
                    continue;
                }
                let (name, _) = value.split_once('=').unwrap_or(("", ""));
                if !name.trim().is_empty() {
                    out.push(name.trim().to_owned());
                }
                continue;
            }
            if inside && value.contains(':') && !key.is_empty() && !key.contains(' ') {
                out.push(key.to_owned());
            }
        } else if !indented {
            inside = false;
        }
    }
    out
}

#[cfg(test)]
mod scripts_tests {
    use super::console_scripts;

    #[test]
    fn entry_point_sections_and_setup_cfg() {
        let txt = "[console_scripts]\nls = evil.cli:main\nmytool=mytool.cli:run\n\n[pytest11]\nplug = p.x:y\n";
        assert_eq!(console_scripts(txt), ["ls", "mytool"]);
        let cfg = "[options.entry_points]\nconsole_scripts =\n    sudo = pkg.cli:main\n[metadata]\nname = x\n";
        assert_eq!(console_scripts(cfg), ["sudo"]);
    }
}
