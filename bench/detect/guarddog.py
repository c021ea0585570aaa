#!/usr/bin/env python3
"""Scan GuardDog's source-code rule test files with customs, each laid out as a package.

    python3 bench/detect/guarddog.py --guarddog DIR OUT [--layout init|module] [--show all|misses]

DIR is a GuardDog checkout, or any folder holding its tests/analyzer/sourcecode/ (kept
outside this repository: it is an evaluation input, never committed). OUT is a work folder
(emptied first) for the packages and the report. The customs binary is $CUSTOMS, else
target/debug/customs.

What is a test file (tests/analyzer/sourcecode/ of GuardDog):
- Python (*.py at the top level, except the pytest drivers test_*.py): one sdist each,
  `gdt-<stem>-0.1.0.tar.gz` holding a 3-line PKG-INFO (Metadata-Version, Name, Version) and
  the file as `gdt_<stem>/__init__.py` (--layout module: as `gdt_<stem>.py` beside PKG-INFO).
  A file that is a setup script (it imports `setup` from setuptools or distutils) goes in
  as `setup.py` instead, since that is what GuardDog's rule for it reads.
- JavaScript (*.js, *.mjs, *.cjs at the top level): one npm tarball each, with a minimal
  package.json (name `gdt-<stem>`, version 0.1.0, `main` the file) and the file as
  `index.js` (`index.mjs`, `index.cjs`).
- npm manifests (*.json at the top level): the file is the package.json of an npm tarball
  with nothing else in it.
- benign/: GuardDog's separate files of code that must not match; laid out the same way.
  They are the "benign files" of issue 23's target.
- Files in the semgrep test style carry `ruleid: RULE` and `ok: RULE` comments before the
  lines they are about. When a file has `ok:` marks, its benign remainder is scanned as one
  more benign case (`<file>#ok`): the file with every statement marked `ruleid:` removed
  (Python: the statement found with the ast module, replaced by `pass` to keep the
  indentation valid; JavaScript: the marked line and its continuation lines until the
  brackets balance). The whole file still counts as a malicious case. Files without `ok:`
  marks (all of GuardDog's YARA-era tests) are whole-file cases.
Other languages (Go, Ruby, Java) are not PyPI or npm and are skipped.

Prints one line per case: class, language, verdict, score, the file, then the rules that fired
(rule@context) and customs' notes (a file that does not parse is "not analysed"); then "flagged (suspicious or worse) N of M" per language for the malicious
files and the benign ones. Writes OUT/guarddog.tsv with the same rows. Nothing from the
test files is imported, built or run: they are only packed and read by customs.
"""
import argparse
import ast
import gzip
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile

FLAGGED = {"suspicious", "malicious"}
MTIME = 1580601600  # fixed, so the artifacts are deterministic
VERSION = "0.1.0"
JS_EXT = {".js": "index.js", ".mjs": "index.mjs", ".cjs": "index.cjs"}
MARK = re.compile(r"^\s*(?:#|//)\s*(ruleid|ok|todoruleid|todook)\s*:")
SETUP_IMPORT = re.compile(r"^\s*from\s+(setuptools|distutils\.core)\s+import\s+[^\n]*\bsetup\b", re.M)


def slug(stem):
    s = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return "gdt-" + s


def tar_bytes(members):
    """members: list of (path, bytes). A gzip'd tar with fixed metadata."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tf:
        for path, data in sorted(members):
            info = tarfile.TarInfo(path)
            info.size = len(data)
            info.mtime = MTIME
            info.mode = 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tf.addfile(info, io.BytesIO(data))
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as gz:
        gz.write(raw.getvalue())
    return out.getvalue()


def pack_python(name, text, layout):
    root = f"{name}-{VERSION}"
    pkg_info = f"Metadata-Version: 2.1\nName: {name}\nVersion: {VERSION}\n"
    module = name.replace("-", "_")
    if SETUP_IMPORT.search(text):
        where = "setup.py"
    elif layout == "module":
        where = f"{module}.py"
    else:
        where = f"{module}/__init__.py"
    members = [(f"{root}/PKG-INFO", pkg_info.encode()), (f"{root}/{where}", text.encode("utf-8"))]
    return f"{root}.tar.gz", tar_bytes(members), where


def pack_js(name, text, ext):
    main = JS_EXT[ext]
    manifest = {"name": name, "version": VERSION, "main": main}
    if ext == ".mjs":
        manifest["type"] = "module"
    members = [("package/package.json", (json.dumps(manifest, indent=2) + "\n").encode()),
               (f"package/{main}", text.encode("utf-8"))]
    return f"{name}-{VERSION}.tgz", tar_bytes(members), main


def pack_manifest(name, text):
    try:
        manifest = json.loads(text)
    except json.JSONDecodeError as e:
        raise ValueError(f"not JSON ({e})") from None
    if not isinstance(manifest, dict):
        raise ValueError("not a JSON object")
    # The artifact is named after this script's package name; the manifest keeps its own.
    return f"{name}-{VERSION}.tgz", tar_bytes([("package/package.json", text.encode("utf-8"))]), "package.json"


def marked_lines(lines):
    """[(kind, index of the line the mark is about)] for semgrep-style marks."""
    marks = []
    for i, line in enumerate(lines):
        m = MARK.match(line)
        if not m:
            continue
        j = i + 1
        while j < len(lines) and (not lines[j].strip() or MARK.match(lines[j])):
            j += 1
        if j < len(lines):
            marks.append((m.group(1), j))
    return marks


def py_statement_span(tree, lineno):
    """(first, last) 1-based lines of the innermost statement starting at lineno."""
    best = None
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and node.lineno == lineno:
            span = (node.lineno, node.end_lineno or node.lineno)
            if best is None or span[1] - span[0] < best[1] - best[0]:
                best = span
    return best


def js_statement_span(lines, start):
    """(first, last) 0-based lines: the line and its continuations until brackets balance."""
    depth = 0
    end = start
    for k in range(start, len(lines)):
        code = re.sub(r"//.*$", "", re.sub(r"(['\"`])(?:\\.|(?!\1).)*\1", "''", lines[k]))
        depth += sum(code.count(c) for c in "([{") - sum(code.count(c) for c in ")]}")
        end = k
        if depth <= 0:
            break
    return start, end


def ok_remainder(text, lang):
    """The file with every `ruleid:`-marked statement removed, or None without `ok:` marks."""
    lines = text.split("\n")
    marks = marked_lines(lines)
    if not any(kind in ("ok", "todook") for kind, _ in marks):
        return None
    drop = set()
    replace = {}
    tree = None
    if lang == "python":
        try:
            tree = ast.parse(text)
        except SyntaxError:
            tree = None
    for kind, j in marks:
        if kind not in ("ruleid", "todoruleid"):
            continue
        if lang == "python":
            span = py_statement_span(tree, j + 1) if tree is not None else None
            first, last = (span[0] - 1, span[1] - 1) if span else (j, j)
            indent = re.match(r"\s*", lines[first]).group(0)
            replace[first] = indent + "pass"
            drop.update(range(first + 1, last + 1))
        else:
            first, last = js_statement_span(lines, j)
            drop.update(range(first, last + 1))
    out = []
    for i, line in enumerate(lines):
        if i in replace:
            out.append(replace[i])
        elif i not in drop:
            out.append(line)
    return "\n".join(out)


def collect(src):
    """[(class, lang, relative file, text)] for every case under src."""
    cases = []
    for cls, folder in (("malicious", src), ("benign", os.path.join(src, "benign"))):
        if not os.path.isdir(folder):
            continue
        for fname in sorted(os.listdir(folder)):
            path = os.path.join(folder, fname)
            if not os.path.isfile(path):
                continue
            stem, ext = os.path.splitext(fname)
            rel = os.path.relpath(path, src)
            if ext == ".py" and not fname.startswith("test_"):
                lang = "python"
            elif ext in JS_EXT:
                lang = "javascript"
            elif ext == ".json":
                lang = "npm-manifest"
            else:
                continue
            try:
                text = open(path, encoding="utf-8").read()
            except UnicodeDecodeError as e:
                sys.exit(f"guarddog.py: {path} is not UTF-8 text ({e})")
            cases.append((cls, lang, rel, text))
            if cls == "malicious" and lang != "npm-manifest":
                rest = ok_remainder(text, lang)
                if rest is not None:
                    cases.append(("benign-ok-part", lang, rel + "#ok", rest))
    return cases


def build(cases, out, layout):
    index = []
    seen = set()
    for cls, lang, rel, text in cases:
        base = os.path.basename(rel).replace("#ok", ".ok")
        stem, ext = os.path.splitext(base.replace(".ok", ""))
        name = slug(("benign-" if cls == "benign" else "") + base.replace(".", "-"))
        if name in seen:
            sys.exit(f"guarddog.py: two cases map to the package name {name}")
        seen.add(name)
        try:
            if lang == "python":
                artifact, data, where = pack_python(name, text, layout)
            elif lang == "javascript":
                artifact, data, where = pack_js(name, text, ext)
            else:
                artifact, data, where = pack_manifest(name, text)
        except ValueError as e:
            sys.exit(f"guarddog.py: {rel}: {e}")
        with open(os.path.join(out, artifact), "wb") as fh:
            fh.write(data)
        era = "3.x" if re.match(r"(capability|threat)-", os.path.basename(rel)) else "older"
        index.append({"class": cls, "lang": lang, "file": rel, "artifact": artifact, "as": where, "era": era})
    return index


def scan(binary, out, index):
    report_path = os.path.join(out, "report.json")
    with open(report_path, "w") as fh:
        proc = subprocess.run([binary, "scan", "--format", "json", *[e["artifact"] for e in index]],
                              cwd=out, stdout=fh, stderr=subprocess.PIPE, text=True)
    if proc.returncode not in (0, 1, 2):
        sys.exit(f"guarddog.py: customs exited {proc.returncode}: {proc.stderr.strip()}")
    try:
        report = json.load(open(report_path))
    except json.JSONDecodeError as e:
        sys.exit(f"guarddog.py: customs wrote no JSON report ({e}): {proc.stderr.strip()}")
    by_target = {p["target"]: p for p in report.get("packages", [])}
    errors = {e["target"]: e["message"] for e in report.get("errors", [])}
    rows = []
    for e in index:
        p = by_target.get(e["artifact"])
        if p is None:
            rows.append({**e, "verdict": "error", "score": 0.0,
                         "rules": [errors.get(e["artifact"], "not in the report")]})
            continue
        rules = []
        for f in p.get("findings", []):
            tag = f"{f['rule']}@{f.get('context', '')}"
            if tag not in rules:
                rules.append(tag)
        notes = [n.get("message", "") for n in p.get("notes", [])]
        rows.append({**e, "verdict": p["verdict"], "score": float(p.get("score") or 0), "rules": rules,
                     "notes": notes})
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--guarddog", required=True, help="GuardDog checkout (holds tests/analyzer/sourcecode)")
    ap.add_argument("out", help="work folder for the packages and the report (emptied first)")
    ap.add_argument("--layout", choices=("init", "module"), default="init",
                    help="Python file as <pkg>/__init__.py (default) or as a top-level module")
    ap.add_argument("--show", choices=("all", "misses"), default="all",
                    help="print every case, or only the malicious ones not flagged and the benign ones flagged")
    args = ap.parse_args()

    src = os.path.join(args.guarddog, "tests", "analyzer", "sourcecode")
    if not os.path.isdir(src):
        src = args.guarddog if os.path.isdir(os.path.join(args.guarddog, "benign")) else None
    if src is None:
        sys.exit(f"guarddog.py: no tests/analyzer/sourcecode under {args.guarddog}")
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    binary = os.environ.get("CUSTOMS") or os.path.join(repo, "target", "debug", "customs")
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        sys.exit(f"guarddog.py: no customs binary at {binary} (build it, or set CUSTOMS)")
    out = os.path.abspath(args.out)
    if out == repo or out.startswith(repo + os.sep):
        sys.exit("guarddog.py: the work folder must be outside the repository")

    cases = collect(src)
    if not cases:
        sys.exit(f"guarddog.py: no Python, JavaScript or package.json test files in {src}")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    index = build(cases, out, args.layout)
    rows = scan(os.path.abspath(binary), out, index)

    with open(os.path.join(out, "guarddog.tsv"), "w") as fh:
        fh.write("class\tset\tlang\tfile\tverdict\tscore\trules\n")
        for r in rows:
            fh.write(f"{r['class']}\t{r['era']}\t{r['lang']}\t{r['file']}\t{r['verdict']}\t{r['score']:g}"
                     f"\t{' '.join(r['rules'])}\n")

    for r in rows:
        flagged = r["verdict"] in FLAGGED
        if args.show == "misses" and flagged == (r["class"] == "malicious"):
            continue
        mark = "" if flagged == (r["class"] == "malicious") else "  <--"
        print(f"{r['class']:15} {r['lang']:12} {r['verdict']:10} {r['score']:6.1f}  {r['file']}{mark}")
        if r["rules"]:
            print(f"{'':40}{' '.join(r['rules'])}")
        for note in r.get("notes", []):
            print(f"{'':40}note: {note}")
    print()
    groups = [(c, e, lang) for c in ("malicious", "benign", "benign-ok-part")
              for e in ("3.x", "older", "all") for lang in ("python", "javascript", "npm-manifest")]
    for cls, era, lang in groups:
        group = [r for r in rows if r["class"] == cls and r["lang"] == lang and era in ("all", r["era"])]
        if not group or (era == "all" and len({r["era"] for r in group}) < 2):
            continue
        n = sum(r["verdict"] in FLAGGED for r in group)
        m = sum(r["verdict"] == "malicious" for r in group)
        errs = sum(r["verdict"] == "error" for r in group)
        extra = f", {errs} not read" if errs else ""
        print(f"{cls:15} {era:6} {lang:12} flagged (suspicious or worse) {n} of {len(group)}"
              f" ({m} malicious{extra})")
    print(f"\nreport: {os.path.join(out, 'report.json')}  rows: {os.path.join(out, 'guarddog.tsv')}")


if __name__ == "__main__":
    main()
