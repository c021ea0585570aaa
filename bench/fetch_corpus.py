#!/usr/bin/env python3
"""Download the pinned benign corpus into DEST/pypi and DEST/npm.

    python3 bench/fetch_corpus.py DEST [--limit N]

Same pinned lists and same choice of files as ../shared/corpus/fetch_benign.py,
but the PyPI index may answer PEP 691 JSON or PEP 503 HTML (mirrors often serve
only HTML). Files are checked against the index's sha256. npm tarballs come from
`npm pack --ignore-scripts`. Nothing downloaded is built, installed or run.
"""
import hashlib, html.parser, json, os, subprocess, sys, tempfile, urllib.parse, urllib.request
from concurrent.futures import ThreadPoolExecutor

SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpus")
sys.path.insert(0, SHARED)
from fetch_benign import pick_files, pip_index_url  # noqa: E402  (facts of the corpus, reused)


class Links(html.parser.HTMLParser):
    def __init__(self, base):
        super().__init__()
        self.base, self.files = base, []

    def handle_starttag(self, tag, attrs):
        if tag != "a":
            return
        a = dict(attrs)
        url = urllib.parse.urljoin(self.base, a.get("href", ""))
        url, _, frag = url.partition("#")
        name = urllib.parse.unquote(url.rsplit("/", 1)[-1])
        algo, _, digest = frag.partition("=")
        self.files.append({"filename": name, "url": url, "hashes": {algo: digest},
                           "yanked": "data-yanked" in a})


def project_files(index, name):
    url = f"{index}/{name}/"
    req = urllib.request.Request(url, headers={
        "Accept": "application/vnd.pypi.simple.v1+json, text/html;q=0.1"})
    resp = urllib.request.urlopen(req, timeout=120)
    body = resp.read()
    if "json" in resp.headers.get("content-type", ""):
        return json.loads(body)["files"]
    p = Links(url)
    p.feed(body.decode("utf-8", "replace"))
    return p.files


def fetch(url, dest, sha256):
    if os.path.exists(dest) and hashlib.sha256(open(dest, "rb").read()).hexdigest() == sha256:
        return "kept"
    data = urllib.request.urlopen(url, timeout=300).read()
    got = hashlib.sha256(data).hexdigest()
    if got != sha256:
        raise RuntimeError(f"{dest}: sha256 {got} != index {sha256}")
    with open(dest + ".part", "wb") as fh:
        fh.write(data)
    os.replace(dest + ".part", dest)
    return "got"


def one_pypi(index, dest, line):
    name, version = line.split("==")
    out = []
    for f in filter(None, pick_files(project_files(index, name), version)):
        state = fetch(f["url"], os.path.join(dest, "pypi", f["filename"]), f["hashes"]["sha256"])
        out.append(f"pypi {f['filename']} {state}")
    return "\n".join(out) or f"pypi {line} NOTHING FOUND"


def one_npm(out, spec):
    with tempfile.TemporaryDirectory() as tmp:
        r = subprocess.run(["npm", "pack", spec, "--pack-destination", os.path.abspath(out),
                            "--silent", "--ignore-scripts"], cwd=tmp, capture_output=True, text=True)
    return f"npm {spec} {'got' if r.returncode == 0 else 'FAILED: ' + r.stderr.strip()[:200]}"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    dest = sys.argv[1]
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 10**9
    index = pip_index_url()
    os.makedirs(os.path.join(dest, "pypi"), exist_ok=True)
    os.makedirs(os.path.join(dest, "npm"), exist_ok=True)
    pypi_lines = open(os.path.join(SHARED, "benign-pypi.txt")).read().split()[:limit]
    npm_lines = open(os.path.join(SHARED, "benign-npm.txt")).read().split()[:limit]
    failed = 0
    with ThreadPoolExecutor(4) as ex:
        jobs = [ex.submit(one_pypi, index, dest, l) for l in pypi_lines]
        jobs += [ex.submit(one_npm, os.path.join(dest, "npm"), s) for s in npm_lines]
        for j in jobs:
            try:
                print(j.result(), flush=True)
            except Exception as e:  # report and go on: one bad file must not stop the rest
                failed += 1
                print(f"FAILED: {e}", flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
