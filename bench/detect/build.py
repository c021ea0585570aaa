#!/usr/bin/env python3
"""Pack the detection development corpus into installable-looking artifacts.

    python3 bench/detect/build.py OUT [--samples DIR]

Reads every sample under DIR (default: bench/detect/samples next to this script):

    DIR/<pypi|npm>/<malicious|benign>/<id>/meta.toml
    DIR/<pypi|npm>/<malicious|benign>/<id>/pkg/...

checks meta.toml against the vocabulary of notes/CORPUS.md (unknown keys or words are an
error naming the sample, the field and the word), and writes one artifact per sample:

    OUT/<ecosystem>/<class>/<id>/<name>-<version>.tar.gz             pypi sdist
    OUT/<ecosystem>/<class>/<id>/<name>-<version>-py3-none-any.whl   pypi wheel
    OUT/<ecosystem>/<class>/<id>/<name>-<version>.tgz                npm tarball

plus OUT/index.json (one entry per sample: id, ecosystem, class, artifact, name, version,
kind, behaviour, entry, evasion, summary). Output is deterministic: members sorted, fixed
mtimes, owners and modes, gzip without a timestamp. Nothing in a sample is imported, built
or run; setup.py is only parsed (ast) to read literal metadata. Standard library only.
"""
import ast
import base64
import gzip
import hashlib
import io
import json
import os
import re
import sys
import tarfile
import tomllib
import zipfile

BEHAVIOURS = {
    "download-execute", "decode-execute", "credential-theft", "browser-theft", "wallet-theft",
    "discord-token", "recon-beacon", "dns-exfil", "reverse-shell", "persistence",
    "self-propagation", "destruction", "protestware", "cryptominer", "clipboard-hijack",
    "browser-payload", "dependency-confusion-probe", "system-tool-shadowing",
}
ENTRIES = {
    "setup.py", "build-backend", "pth", "sitecustomize", "init-import", "console-script",
    "npm-bin", "preinstall", "install", "postinstall", "prepare", "binding-gyp",
    "shell-script", "npmrc", "main-export", "browser-bundle",
}
EVASIONS = {
    "none", "base64", "hex", "xor", "zlib", "lzma", "bz2", "marshal", "rot13", "reversed",
    "charcode", "data-file", "string-building", "getattr-indirection", "importlib",
    "globalThis-lookup", "reflect-construct", "vm", "data-import", "codec-trick",
    "tmpfile-staging", "whitespace-padding", "minified-injection", "split-files",
    "test-named-module",
}
KINDS = {"pypi": {"sdist", "wheel"}, "npm": {"tgz"}}
REQUIRED = {"name": str, "version": str, "kind": str, "behaviour": list, "entry": list,
            "evasion": list, "summary": str}
OPTIONAL = {"modelled_on": str}
# 2020-02-02 00:00:00 UTC: after the zip epoch, fixed for every member.
MTIME = 1580601600
ZIP_DATE = (2020, 2, 2, 0, 0, 0)


class SampleError(Exception):
    pass


def load_meta(path, ecosystem, klass):
    try:
        with open(path, "rb") as fh:
            meta = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise SampleError(f"{path}: cannot read: {e}") from None
    for key in meta:
        if key not in REQUIRED and key not in OPTIONAL:
            raise SampleError(f"{path}: unknown key {key!r} (known: "
                              f"{', '.join(sorted({**REQUIRED, **OPTIONAL}))})")
    for key, typ in {**REQUIRED, **OPTIONAL}.items():
        if key not in meta:
            if key in REQUIRED:
                raise SampleError(f"{path}: missing key {key!r}")
            continue
        if not isinstance(meta[key], typ):
            raise SampleError(f"{path}: {key!r} must be a {typ.__name__}")
    for key, vocab in (("behaviour", BEHAVIOURS), ("entry", ENTRIES), ("evasion", EVASIONS)):
        for word in meta[key]:
            if word not in vocab:
                raise SampleError(f"{path}: unknown {key} {word!r} (known: {', '.join(sorted(vocab))})")
        if len(set(meta[key])) != len(meta[key]):
            raise SampleError(f"{path}: {key} lists a word twice")
    if meta["kind"] not in KINDS[ecosystem]:
        raise SampleError(f"{path}: kind {meta['kind']!r} is not one of "
                          f"{', '.join(sorted(KINDS[ecosystem]))} for {ecosystem}")
    if not meta["entry"]:
        raise SampleError(f"{path}: entry is empty")
    if klass == "malicious" and not meta["behaviour"]:
        raise SampleError(f"{path}: a malicious sample needs at least one behaviour")
    if "none" in meta["evasion"] and len(meta["evasion"]) > 1:
        raise SampleError(f"{path}: evasion 'none' cannot go with other words")
    if not re.fullmatch(r"[A-Za-z0-9@/._-]+", meta["name"]) or not re.fullmatch(r"[A-Za-z0-9.+!_-]+", meta["version"]):
        raise SampleError(f"{path}: name or version has characters a package cannot have")
    return meta


def tree(pkg):
    """Every file under pkg as (relative posix path, bytes, executable), sorted."""
    out = []
    for root, dirs, files in os.walk(pkg):
        dirs.sort()
        for f in sorted(files):
            full = os.path.join(root, f)
            if os.path.islink(full):
                raise SampleError(f"{full}: symlinks are not packed")
            rel = os.path.relpath(full, pkg).replace(os.sep, "/")
            with open(full, "rb") as fh:
                data = fh.read()
            out.append((rel, data, os.access(full, os.X_OK) or rel.endswith((".sh", ".bash"))))
    if not out:
        raise SampleError(f"{pkg}: no files")
    return sorted(out)


def setup_py_metadata(source):
    """Literal keyword arguments of the setup(...) call, read with ast (never run)."""
    found = {}
    try:
        module = ast.parse(source)
    except SyntaxError:
        return found
    for node in ast.walk(module):
        if isinstance(node, ast.Call):
            fn = node.func
            name = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else ""
            if name != "setup":
                continue
            for kw in node.keywords:
                if kw.arg is None:
                    continue
                try:
                    found[kw.arg] = ast.literal_eval(kw.value)
                except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                    pass
    return found


def python_metadata(meta, files):
    """PKG-INFO / METADATA text from meta.toml and the sample's own declarations."""
    by_path = {p: d for p, d, _ in files}
    fields = {}
    if "pyproject.toml" in by_path:
        try:
            project = tomllib.loads(by_path["pyproject.toml"].decode()).get("project", {})
        except (UnicodeDecodeError, tomllib.TOMLDecodeError):
            project = {}
        fields["summary"] = project.get("description")
        urls = project.get("urls") or {}
        fields["url"] = next(iter(urls.values()), None) if isinstance(urls, dict) else None
        authors = project.get("authors") or []
        if authors and isinstance(authors[0], dict):
            fields["author"] = authors[0].get("name")
            fields["author_email"] = authors[0].get("email")
        fields["requires"] = project.get("dependencies") or []
        fields["license"] = project.get("license", {}).get("text") if isinstance(project.get("license"), dict) else project.get("license")
    if "setup.py" in by_path:
        sp = setup_py_metadata(by_path["setup.py"].decode("utf-8", "replace"))
        for key in ("description", "url", "author", "author_email", "license"):
            value = sp.get(key)
            if isinstance(value, str):
                fields["summary" if key == "description" else key] = value
        if isinstance(sp.get("install_requires"), (list, tuple)):
            fields["requires"] = list(sp["install_requires"])
    lines = ["Metadata-Version: 2.1", f"Name: {meta['name']}", f"Version: {meta['version']}"]
    if fields.get("summary"):
        lines.append(f"Summary: {fields['summary']}")
    if fields.get("url"):
        lines.append(f"Home-page: {fields['url']}")
    if fields.get("author"):
        lines.append(f"Author: {fields['author']}")
    if fields.get("author_email"):
        lines.append(f"Author-email: {fields['author_email']}")
    if fields.get("license"):
        lines.append(f"License: {fields['license']}")
    for req in fields.get("requires") or []:
        if isinstance(req, str):
            lines.append(f"Requires-Dist: {req}")
    readme = next((p for p in ("README.md", "README.rst", "README.txt", "README") if p in by_path), None)
    if readme and readme.endswith(".md"):
        lines.append("Description-Content-Type: text/markdown")
    text = "\n".join(lines) + "\n"
    if readme:
        text += "\n" + by_path[readme].decode("utf-8", "replace")
    return text.encode()


def tar_bytes(members):
    """A gzip'd tar of (path, bytes, executable) with fixed metadata."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        dirs = set()
        for path, data, executable in members:
            parts = path.split("/")[:-1]
            for i in range(1, len(parts) + 1):
                d = "/".join(parts[:i])
                if d not in dirs:
                    dirs.add(d)
                    info = tarfile.TarInfo(d)
                    info.type, info.mode, info.mtime = tarfile.DIRTYPE, 0o755, MTIME
                    tar.addfile(info)
            info = tarfile.TarInfo(path)
            info.size, info.mtime = len(data), MTIME
            info.mode = 0o755 if executable else 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(data))
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="") as gz:
        gz.write(raw.getvalue())
    return out.getvalue()


def sdist(meta, files):
    base = f"{meta['name']}-{meta['version']}"
    members = list(files)
    if not any(p == "PKG-INFO" for p, _, _ in files):
        members.append(("PKG-INFO", python_metadata(meta, files), False))
    return f"{base}.tar.gz", tar_bytes(sorted((f"{base}/{p}", d, x) for p, d, x in members))


def record_hash(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def wheel(meta, files):
    dist = re.sub(r"[-_.]+", "_", meta["name"])
    info = f"{dist}-{meta['version']}.dist-info"
    members = []
    extra = {}
    for path, data, executable in files:
        # Files a sample may give for its dist-info; the build inputs stay out of a wheel.
        if path in ("METADATA", "entry_points.txt", "top_level.txt"):
            extra[path] = data
        elif path in ("setup.py", "setup.cfg", "pyproject.toml", "MANIFEST.in") or path.startswith("README"):
            continue
        else:
            members.append((path, data, executable))
    if "METADATA" not in extra:
        extra["METADATA"] = python_metadata(meta, files)
    extra["WHEEL"] = b"Wheel-Version: 1.0\nGenerator: customs-bench-detect\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    for name in sorted(extra):
        members.append((f"{info}/{name}", extra[name], False))
    record = [f"{p},{record_hash(d)},{len(d)}" for p, d, _ in sorted(members)]
    record.append(f"{info}/RECORD,,")
    members.append((f"{info}/RECORD", ("\n".join(record) + "\n").encode(), False))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path, data, executable in sorted(members):
            zi = zipfile.ZipInfo(path, ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = (0o100755 if executable else 0o100644) << 16
            zi.create_system = 3
            zf.writestr(zi, data)
    return f"{dist}-{meta['version']}-py3-none-any.whl", out.getvalue()


def npm_tgz(meta, files):
    if not any(p == "package.json" for p, _, _ in files):
        raise SampleError(f"{meta['name']}: an npm sample needs pkg/package.json")
    name = meta["name"].lstrip("@").replace("/", "-")
    return f"{name}-{meta['version']}.tgz", tar_bytes(sorted((f"package/{p}", d, x) for p, d, x in files))


def build(samples, out):
    index, errors = [], []
    for ecosystem in ("pypi", "npm"):
        for klass in ("malicious", "benign"):
            base = os.path.join(samples, ecosystem, klass)
            if not os.path.isdir(base):
                continue
            for sid in sorted(os.listdir(base)):
                folder = os.path.join(base, sid)
                if not os.path.isdir(folder):
                    continue
                try:
                    meta = load_meta(os.path.join(folder, "meta.toml"), ecosystem, klass)
                    pkg = os.path.join(folder, "pkg")
                    if not os.path.isdir(pkg):
                        raise SampleError(f"{folder}: no pkg/ folder")
                    files = tree(pkg)
                    packer = {"sdist": sdist, "wheel": wheel, "tgz": npm_tgz}[meta["kind"]]
                    fname, data = packer(meta, files)
                except SampleError as e:
                    errors.append(str(e))
                    continue
                dest = os.path.join(out, ecosystem, klass, sid)
                os.makedirs(dest, exist_ok=True)
                with open(os.path.join(dest, fname), "wb") as fh:
                    fh.write(data)
                index.append({"id": sid, "ecosystem": ecosystem, "class": klass,
                              "artifact": os.path.join(ecosystem, klass, sid, fname),
                              **{k: meta[k] for k in ("name", "version", "kind", "behaviour",
                                                      "entry", "evasion", "summary")}})
    return index, errors


def main(argv):
    args = argv[1:]
    samples = os.path.join(os.path.dirname(os.path.abspath(__file__)), "samples")
    if "--samples" in args:
        i = args.index("--samples")
        if i + 1 >= len(args):
            sys.exit("build.py: --samples needs a folder")
        samples = args[i + 1]
        del args[i:i + 2]
    if len(args) != 1 or args[0].startswith("-"):
        sys.exit(__doc__)
    out = args[0]
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    if os.path.abspath(out).startswith(repo + os.sep):
        sys.exit(f"build.py: refusing to write into the repository ({out})")
    if not os.path.isdir(samples):
        sys.exit(f"build.py: no samples folder at {samples}")
    index, errors = build(samples, out)
    if errors:
        for e in errors:
            print(f"build.py: {e}", file=sys.stderr)
        sys.exit(f"build.py: {len(errors)} sample(s) rejected, nothing indexed")
    with open(os.path.join(out, "index.json"), "w") as fh:
        json.dump(index, fh, indent=1, sort_keys=True)
    print(f"built {len(index)} artifacts into {out}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
