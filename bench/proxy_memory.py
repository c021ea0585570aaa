#!/usr/bin/env python3
"""The proxy's memory and first-request time on large artifacts (issues 27 and 28).

    python3 bench/proxy_memory.py [--customs BIN] [--big-mb 300] [--mid-mb 30] [--clients 8]
                                  [--code NPM.tgz] [--upstream-mbps N]

Builds two PyPI projects on loopback, each with one sdist (tar.gz) and one wheel of
incompressible data plus a little Python (`big`: --big-mb, `mid`: --mid-mb), serves them
from a small threaded upstream, and starts `customs proxy` in front of it (fresh cache and
store, no history). Then, for each artifact kind:

  1. the first request of `mid`'s file, timed, beside the same request to the upstream;
  2. --clients clients at once fetching `big`'s file through the proxy while it is not yet
     cached (one download, one scan, every client served when the verdict is in);
  3. the same clients again, served from the verified cache.

With --code, a real npm tarball full of code (for example the largest of the benign corpus)
is served as well, from a package document made here, and its first request through the
proxy is timed beside the upstream alone: the case where reading and analysing the code
while it downloads pays. --upstream-mbps slows the upstream's file answers to that many
megabytes a second, as a real index is slower than loopback (default: as fast as it goes).

After each step it reads the proxy's peak resident memory (VmHWM of /proc/PID/status,
which only grows: each figure is the peak so far) and checks every client received the
exact bytes. Nothing leaves the machine; every file is made here and removed at the end.
"""

import argparse
import base64
import hashlib
import http.server
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import urllib.request
import zipfile

CHUNK = 1 << 20


def random_blobs(total_mb):
    """Incompressible data, a megabyte at a time (so that gzip cannot shrink the file)."""
    for _ in range(total_mb):
        yield os.urandom(CHUNK)


def make_sdist(path, name, mb):
    with tarfile.open(path, "w:gz", compresslevel=1) as tar:
        def add(member, data):
            info = tarfile.TarInfo(member)
            info.size = len(data)
            info.mtime = 0
            tar.addfile(info, io.BytesIO(data))

        root = f"{name}-1.0"
        add(f"{root}/PKG-INFO", f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\nSummary: large data\n".encode())
        add(f"{root}/setup.py", b"from setuptools import setup\nsetup(name='%s', version='1.0')\n" % name.encode())
        add(f"{root}/{name}/__init__.py", b"def answer():\n    return 42\n")
        for i, blob in enumerate(random_blobs(mb)):
            add(f"{root}/{name}/data/blob{i:04d}.bin", blob)


def make_wheel(path, name, mb):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as z:
        z.writestr(f"{name}/__init__.py", "def answer():\n    return 42\n")
        for i, blob in enumerate(random_blobs(mb)):
            z.writestr(f"{name}/data/blob{i:04d}.bin", blob)
        dist = f"{name}-1.0.dist-info"
        z.writestr(f"{dist}/METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\nSummary: large data\n")
        z.writestr(f"{dist}/WHEEL", "Wheel-Version: 1.0\nGenerator: bench\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        z.writestr(f"{dist}/RECORD", "")


def sha256_of(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(CHUNK), b""):
            h.update(block)
    return h.hexdigest()


class Upstream(http.server.BaseHTTPRequestHandler):
    files = {}  # file name -> (path, sha256)
    npm = {}  # package name -> (document bytes)
    mbps = 0.0  # 0: as fast as it goes

    def log_message(self, *args):
        pass

    def do_GET(self):
        parts = self.path.strip("/").split("/")
        if parts[0] == "simple" and len(parts) == 2:
            name = parts[1]
            links = "".join(
                f'<a href="/files/{f}#sha256={h}">{f}</a>\n'
                for f, (_, h) in sorted(self.files.items())
                if f.startswith(name + "-")
            )
            body = f"<!DOCTYPE html><html><body>\n{links}</body></html>\n".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif parts[0] == "npm" and len(parts) == 2 and parts[1] in self.npm:
            body = self.npm[parts[1]]
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif parts[0] == "files" and len(parts) == 2 and parts[1] in self.files:
            path, _ = self.files[parts[1]]
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(os.path.getsize(path)))
            self.end_headers()
            with open(path, "rb") as f:
                if not self.mbps:
                    shutil.copyfileobj(f, self.wfile, CHUNK)
                    return
                block = 64 << 10
                start = time.monotonic()
                sent = 0
                for data in iter(lambda: f.read(block), b""):
                    self.wfile.write(data)
                    sent += len(data)
                    ahead = sent / (self.mbps * CHUNK) - (time.monotonic() - start)
                    if ahead > 0:
                        time.sleep(ahead)
        else:
            self.send_error(404)


def npm_package(tgz, files, upstream):
    """Serves the npm tarball `tgz` under its own name and version: (name, file name)."""
    with tarfile.open(tgz, "r:gz") as tar:
        manifest = json.load(tar.extractfile("package/package.json"))
    name, version = manifest["name"], manifest["version"]
    fname = f"{name.replace('/', '-')}-{version}.tgz"
    path = os.path.join(files, fname)
    shutil.copyfile(tgz, path)
    Upstream.files[fname] = (path, sha256_of(path))
    with open(path, "rb") as f:
        sri = "sha512-" + base64.b64encode(hashlib.sha512(f.read()).digest()).decode()
    doc = {
        "name": name,
        "dist-tags": {"latest": version},
        "versions": {version: {"name": name, "version": version,
                               "dist": {"tarball": f"{upstream}/files/{fname}", "integrity": sri}}},
        "time": {version: "2024-01-01T00:00:00.000Z"},
    }
    Upstream.npm[name] = json.dumps(doc).encode()
    return name, fname


def peak_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def fetch(url):
    """(seconds, sha256) of one GET, read a megabyte at a time."""
    start = time.monotonic()
    h = hashlib.sha256()
    with urllib.request.urlopen(url, timeout=600) as r:
        for block in iter(lambda: r.read(CHUNK), b""):
            h.update(block)
    return time.monotonic() - start, h.hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--customs", default="target/release/customs")
    ap.add_argument("--big-mb", type=int, default=300)
    ap.add_argument("--mid-mb", type=int, default=30)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--code", help="an npm tarball of code, timed on its first request")
    ap.add_argument("--upstream-mbps", type=float, default=0.0)
    args = ap.parse_args()
    Upstream.mbps = args.upstream_mbps
    binary = os.path.abspath(args.customs)
    work = tempfile.mkdtemp(prefix="customs-proxy-memory-")
    proxy = None
    server = None
    try:
        files = os.path.join(work, "files")
        os.makedirs(files)
        made = {}
        for name, mb in (("mid", args.mid_mb), ("big", args.big_mb)):
            for kind, maker, fname in (
                ("sdist", make_sdist, f"{name}-1.0.tar.gz"),
                ("wheel", make_wheel, f"{name}-1.0-py3-none-any.whl"),
            ):
                path = os.path.join(files, fname)
                maker(path, name, mb)
                made[(name, kind)] = fname
                Upstream.files[fname] = (path, sha256_of(path))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Upstream)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        upstream = f"http://127.0.0.1:{server.server_address[1]}"
        code = None
        if args.code:
            code = npm_package(args.code, files, upstream)
        env = dict(os.environ, NO_COLOR="1")
        proxy = subprocess.Popen(
            [binary, "proxy", "--listen", "127.0.0.1:0",
             "--pypi-upstream", f"{upstream}/simple/", "--npm-upstream", f"{upstream}/npm/",
             "--cache-dir", os.path.join(work, "cache"), "--store", os.path.join(work, "store.db"),
             "--no-history"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
        address = proxy.stdout.readline().strip()
        base = address if address.startswith("http") else f"http://{address}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/-/health", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)
        print(f"customs {binary}; upstream {upstream}; proxy {base}; pid {proxy.pid}")
        print(f"| artifact | step | wall s | upstream alone s | peak RSS so far MB |")
        print(f"| --- | --- | ---: | ---: | ---: |")
        for kind in ("sdist", "wheel"):
            fname = made[("mid", kind)]
            direct, _ = fetch(f"{upstream}/files/{fname}")
            # The page first (as a client would), then the file.
            urllib.request.urlopen(f"{base}/pypi/simple/mid/", timeout=60).read()
            page = urllib.request.urlopen(f"{base}/pypi/simple/mid/", timeout=60).read().decode()
            href = next(l.split('"')[1] for l in page.splitlines() if fname in l and "href" in l)
            url = urllib.parse.urljoin(f"{base}/pypi/simple/mid/", href.split("#")[0])
            took, digest = fetch(url)
            assert digest == Upstream.files[fname][1], f"{fname}: other bytes served"
            print(f"| {fname} | first request | {took:.2f} | {direct:.2f} | {peak_mb(proxy.pid):.0f} |")
        if code:
            name, fname = code
            direct, _ = fetch(f"{upstream}/files/{fname}")
            doc = json.loads(urllib.request.urlopen(f"{base}/npm/{name}", timeout=60).read())
            url = next(iter(doc["versions"].values()))["dist"]["tarball"]
            took, digest = fetch(url)
            assert digest == Upstream.files[fname][1], f"{fname}: other bytes served"
            print(f"| {fname} (code) | first request | {took:.2f} | {direct:.2f} | {peak_mb(proxy.pid):.0f} |")
        for kind in ("sdist", "wheel"):
            fname = made[("big", kind)]
            page = urllib.request.urlopen(f"{base}/pypi/simple/big/", timeout=60).read().decode()
            href = next(l.split('"')[1] for l in page.splitlines() if fname in l and "href" in l)
            url = urllib.parse.urljoin(f"{base}/pypi/simple/big/", href.split("#")[0])
            for step in ("uncached", "cached"):
                results = [None] * args.clients

                def client(i):
                    results[i] = fetch(url)

                start = time.monotonic()
                threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
                took = time.monotonic() - start
                assert all(r and r[1] == Upstream.files[fname][1] for r in results), f"{fname}: other bytes served"
                print(f"| {fname} | {args.clients} clients, {step} | {took:.2f} | | {peak_mb(proxy.pid):.0f} |")
    finally:
        if proxy:
            proxy.terminate()
            proxy.wait(timeout=30)
        if server:
            server.shutdown()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
