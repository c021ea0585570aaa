#!/usr/bin/env python3
"""Fetch the larger benign development set: popular packages ranked 1,001-1,500.

    python3 bench/detect/fetch_benign_dev.py DEST [--limit N] [--data DIR]

Reads popular-pypi.txt and popular-npm.txt (most downloaded first; --data, default
../shared/data beside the repository, or beside its worktrees' folder) and downloads, for each name ranked 1,001 to 1,500
(the first N of them with --limit), the latest release: for PyPI its sdist and one wheel
(pure, or CPython 3.11 manylinux x86_64) into DEST/pypi, for npm its tarball into DEST/npm.

PyPI files come through the index the installed pip uses (PIP_INDEX_URL overrides it),
read with the JSON simple API (PEP 691), and are checked against the index's sha256. The
latest release is the highest final version with at least one file that is not yanked.
npm tarballs come from `npm pack NAME --ignore-scripts`, which runs nothing from the
package and uses the user's npm configuration. Nothing downloaded is ever built, installed
or run; DEST must be outside the repository (the set is never committed). Files already
present are kept. Failures are listed and make the exit code 1.
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request

FIRST, LAST = 1001, 1500  # ranks, 1-based, inclusive
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def index_url():
    url = os.environ.get("PIP_INDEX_URL")
    if url:
        return url.rstrip("/")
    out = subprocess.run([sys.executable, "-c",
                          "from pip._internal.models.index import PyPI; print(PyPI.simple_url)"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip().rstrip("/")


def parse_version(text):
    """A sort key for a version, or None for pre-releases, dev releases and junk."""
    try:
        from pip._vendor.packaging.version import InvalidVersion, Version
    except ImportError:  # pip without its vendored packaging: final releases only, numerically
        m = re.fullmatch(r"v?(\d+(?:\.\d+)*)(?:\.post\d+)?", text)
        return tuple(int(x) for x in m[1].split(".")) if m else None
    try:
        v = Version(text)
    except InvalidVersion:
        return None
    return None if v.is_prerelease or v.is_devrelease else v


def file_version(filename):
    if filename.endswith(".whl"):
        parts = filename[:-4].split("-")
        return parts[1] if len(parts) >= 5 else None
    for ext in (".tar.gz", ".zip"):
        if filename.endswith(ext):
            stem = filename[: -len(ext)]
            return stem.rsplit("-", 1)[1] if "-" in stem else None
    return None


def latest_files(files):
    """The sdist and one wheel of the highest final version that has either."""
    by_version = {}
    for f in files:
        if f.get("yanked"):
            continue
        v = file_version(f["filename"])
        key = parse_version(v) if v else None
        if key is not None:
            by_version.setdefault(key, []).append(f)
    if not by_version:
        return None, []
    best = max(by_version)
    sdist = wheel = None
    for f in by_version[best]:
        name = f["filename"]
        if name.endswith((".tar.gz", ".zip")):
            sdist = sdist or f
        elif name.endswith(".whl"):
            tags = name[:-4].split("-")[-3:]
            if tags[1:] == ["none", "any"] or ("cp311" in tags[0] and "manylinux" in tags[2] and "x86_64" in tags[2]):
                wheel = wheel or f
    return best, [f for f in (sdist, wheel) if f]


def download(url, dest, sha256):
    if os.path.exists(dest):
        with open(dest, "rb") as fh:
            if hashlib.sha256(fh.read()).hexdigest() == sha256:
                return "kept"
    data = urllib.request.urlopen(url, timeout=120).read()
    got = hashlib.sha256(data).hexdigest()
    if got != sha256:
        raise RuntimeError(f"sha256 {got} is not the index's {sha256}")
    with open(dest + ".part", "wb") as fh:
        fh.write(data)
    os.replace(dest + ".part", dest)
    return "got"


def names(path, limit):
    with open(path) as fh:
        ranked = [line.strip() for line in fh if line.strip() and not line.startswith("#")]
    return ranked[FIRST - 1:LAST][:limit]


def pypi(dest, data, limit, failures):
    index = index_url()
    out = os.path.join(dest, "pypi")
    os.makedirs(out, exist_ok=True)
    for name in names(os.path.join(data, "popular-pypi.txt"), limit):
        try:
            req = urllib.request.Request(f"{index}/{name}/",
                                         headers={"Accept": "application/vnd.pypi.simple.v1+json"})
            files = json.load(urllib.request.urlopen(req, timeout=120))["files"]
            version, chosen = latest_files(files)
            if not chosen:
                raise RuntimeError("no final release with an sdist or a usable wheel")
            for f in chosen:
                if "sha256" not in f.get("hashes", {}):
                    raise RuntimeError(f"{f['filename']}: the index gives no sha256")
                if "/" in f["filename"] or f["filename"].startswith("."):
                    raise RuntimeError(f"{f['filename']!r}: not a plain file name")
                url = urllib.parse.urljoin(f"{index}/{name}/", f["url"])
                state = download(url, os.path.join(out, f["filename"]), f["hashes"]["sha256"])
                print(f"pypi {f['filename']} {state}", flush=True)
        except Exception as e:  # one package's failure must not stop the others
            failures.append(f"pypi {name}: {e}")
            print(f"pypi {name} FAILED: {e}", flush=True)


def npm(dest, data, limit, failures):
    out = os.path.abspath(os.path.join(dest, "npm"))
    os.makedirs(out, exist_ok=True)
    for name in names(os.path.join(data, "popular-npm.txt"), limit):
        with tempfile.TemporaryDirectory() as tmp:
            r = subprocess.run(["npm", "pack", f"{name}@latest", "--pack-destination", out,
                                "--silent", "--ignore-scripts"], cwd=tmp, capture_output=True, text=True)
        if r.returncode == 0:
            print(f"npm {name} {r.stdout.strip() or 'got'}", flush=True)
        else:
            failures.append(f"npm {name}: {r.stderr.strip()[:200]}")
            print(f"npm {name} FAILED: {r.stderr.strip()[:200]}", flush=True)


def main(argv):
    args = argv[1:]
    # ../shared/data beside the main checkout, or beside the folder of worktrees.
    limit = 10**9
    data = next((d for d in (os.path.join(os.path.dirname(REPO), "shared", "data"),
                             os.path.join(os.path.dirname(os.path.dirname(REPO)), "shared", "data"))
                 if os.path.isdir(d)), os.path.join(os.path.dirname(REPO), "shared", "data"))
    for flag in ("--limit", "--data"):
        if flag in args:
            i = args.index(flag)
            if i + 1 >= len(args):
                sys.exit(f"fetch_benign_dev.py: {flag} needs a value")
            value = args[i + 1]
            del args[i:i + 2]
            if flag == "--limit":
                if not value.isdigit():
                    sys.exit("fetch_benign_dev.py: --limit needs a number")
                limit = int(value)
            else:
                data = value
    if len(args) != 1 or args[0].startswith("-"):
        sys.exit(__doc__)
    dest = os.path.abspath(args[0])
    if dest == REPO or dest.startswith(REPO + os.sep):
        sys.exit(f"fetch_benign_dev.py: {dest} is inside the repository; the set is never committed")
    for f in ("popular-pypi.txt", "popular-npm.txt"):
        if not os.path.isfile(os.path.join(data, f)):
            sys.exit(f"fetch_benign_dev.py: no {f} in {data} (give --data DIR)")
    failures = []
    pypi(dest, data, limit, failures)
    npm(dest, data, limit, failures)
    if failures:
        print(f"{len(failures)} failed:", *failures, sep="\n  ", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv)
