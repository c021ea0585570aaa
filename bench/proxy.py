#!/usr/bin/env python3
"""Latency of `customs proxy` on cached hits, side by side with Verdaccio (npm) and
devpi-server (PyPI), in one run against one loopback upstream served by this script.

    python3 bench/proxy.py [--seconds 8] [--big-mb 20]

Installs Verdaccio 5.33.0 (npm) and devpi-server/devpi-client (pip, a virtualenv) into
$CUSTOMS_BENCH_DIR/proxy-tools (default ~/.cache/customs-bench/proxy-tools), starts the
three proxies on loopback in front of the same upstream, warms each one, then drives each
with wrk (Debian's package, installed when missing) at 1, 50 and 200 connections for
cached metadata and a cached artifact, and prints p50/p99 latency, request rate and the
proxies' peak memory; and the first-request latency of a large artifact (which customs
downloads, checks and scans before serving). Nothing is fetched from the internet but
the tools themselves, from the configured registries.
"""
import argparse
import base64
import hashlib
import io
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from artifacts import tgz

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = os.path.join(os.environ.get("CUSTOMS_BENCH_DIR", os.path.expanduser("~/.cache/customs-bench")), "proxy-tools")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def install_tools():
    os.makedirs(TOOLS, exist_ok=True)
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=True, stdout=subprocess.DEVNULL)
    if not os.path.exists(os.path.join(TOOLS, "node_modules/.bin/verdaccio")):
        with open(os.path.join(TOOLS, "package.json"), "w") as f:
            # The mirrors here carry only the `latest` dist-tag; one of Verdaccio's
            # dependencies asks for node-fetch by another tag, so it is pinned.
            json.dump({"name": "bench-tools", "private": True,
                       "dependencies": {"verdaccio": "5.33.0"},
                       "overrides": {"node-fetch": "2.7.0"}}, f)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--ignore-scripts"],
                       cwd=TOOLS, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    venv = os.path.join(TOOLS, "devpi-venv")
    if not os.path.exists(os.path.join(venv, "bin/devpi-server")):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([os.path.join(venv, "bin/pip"), "install", "-q", "devpi-server", "devpi-client"], check=True)
    return venv


def wheel(name, version, files):
    buf = io.BytesIO()
    dist = f"{name}-{version}.dist-info"
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in files.items():
            z.writestr(n, d)
        z.writestr(f"{dist}/METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: bench\n")
        z.writestr(f"{dist}/WHEEL", "Wheel-Version: 1.0\nGenerator: bench\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        z.writestr(f"{dist}/RECORD", "")
    return buf.getvalue()


def code(n_lines, seed):
    rnd = random.Random(seed)
    return "".join(f"function f{i}(a, b) {{ return a * {rnd.randint(1, 999)} + b; }}\n" for i in range(n_lines)).encode()


class Upstream:
    def __init__(self, big_mb):
        self.routes = {}
        self.hits = 0
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        now = time.time()
        iso = lambda t: time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(t))
        rnd = random.Random(7)
        big_blob = bytes(rnd.getrandbits(8) for _ in range(big_mb << 20))
        for name, versions, extra in [("bench-lib", 20, None), ("bench-big", 1, big_blob)]:
            doc = {"name": name, "dist-tags": {}, "versions": {}, "time": {}}
            links = []
            for i in range(versions):
                v = f"1.{i}.0"
                files = {"index.js": code(400, i)}
                if extra:
                    files["data.bin"] = extra
                manifest = {"name": name, "version": v, "main": "index.js", "description": "bench",
                            "repository": "https://example.invalid/r"}
                files["package.json"] = json.dumps(manifest).encode()
                data = tgz(files)
                path = f"/npm/{name}/-/{name}-{v}.tgz"
                self.routes[path] = ("application/octet-stream", data)
                entry = dict(manifest, dist={"tarball": self.base + path,
                                             "integrity": "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode(),
                                             "shasum": hashlib.sha1(data).hexdigest()})
                doc["versions"][v] = entry
                doc["time"][v] = iso(now - 86400 * (400 - i))
                doc["dist-tags"]["latest"] = v
                py = name.replace("-", "_")
                whl_files = {f"{py}/__init__.py": code(400, i).replace(b"function", b"# def")}
                if extra:
                    whl_files[f"{py}/data.bin"] = extra
                whl = wheel(py, v, whl_files)
                fname = f"{py}-{v}-py3-none-any.whl"
                self.routes[f"/files/{fname}"] = ("application/octet-stream", whl)
                links.append(f'<a href="{self.base}/files/{fname}#sha256={hashlib.sha256(whl).hexdigest()}">{fname}</a><br>')
            doc["time"]["created"] = doc["time"]["1.0.0"]
            self.routes[f"/npm/{name}"] = ("application/json", json.dumps(doc).encode())
            page = f"<!DOCTYPE html><html><body><h1>Links for {name}</h1>{''.join(links)}</body></html>"
            self.routes[f"/simple/{name}/"] = ("text/html", page.encode())
        # devpi reads the index's project list first.
        root = "".join(f'<a href="/simple/{n}/">{n}</a><br>' for n in ("bench-lib", "bench-big"))
        self.routes["/simple/"] = ("text/html", f"<!DOCTYPE html><html><body>{root}</body></html>".encode())
        up = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def do_GET(self):
                up.hits += 1
                path = self.path.split("?")[0]
                if path.startswith("/simple/") and not path.endswith("/"):
                    path += "/"
                hit = up.routes.get(path)
                if hit is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                ct, body = hit
                self.send_response(200)
                self.send_header("Content-Type", ct)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", port), H)
        self.server.daemon_threads = True
        self.server.handle_error = lambda *a: None
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def get(url, accept=None):
    req = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    t0 = time.time()
    with urllib.request.urlopen(req, timeout=600) as r:
        body = r.read()
    return body, time.time() - t0


def wait_ready(url, proc, timeout=90):
    t0 = time.time()
    while time.time() - t0 < timeout:
        if proc.poll() is not None:
            sys.exit(f"{url}: the process exited")
        try:
            get(url)
            return
        except Exception:
            time.sleep(0.2)
    sys.exit(f"{url} did not start")


def peak_rss_mb(pid):
    # The process and its children (Verdaccio and devpi run under wrappers).
    total = 0
    pids = [pid]
    try:
        out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        pids += [int(p) for p in out]
    except Exception:
        pass
    for p in pids:
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmHWM"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total // 1024


def wrk(url, conns, seconds):
    out = subprocess.run(["wrk", "-t", str(min(2, conns)), "-c", str(conns), "-d", f"{seconds}s", "--latency", "--timeout", "30s", url],
                         capture_output=True, text=True).stdout

    def lat(label):
        m = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not m:
            return float("nan")
        v, u = float(m.group(1)), m.group(2)
        return v / 1000 if u == "us" else v * 1000 if u == "s" else v

    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return lat("50%"), lat("99%"), float(rps.group(1)) if rps else float("nan"), int(non2xx.group(1)) if non2xx else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=8)
    ap.add_argument("--big-mb", type=int, default=20)
    args = ap.parse_args()
    venv = install_tools()
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "customs"], cwd=ROOT, check=True)
    up = Upstream(args.big_mb)
    work = tempfile.mkdtemp(prefix="customs-proxy-bench-")
    procs = []
    try:
        # customs
        cport = free_port()
        customs = subprocess.Popen(
            [os.path.join(ROOT, "target/release/customs"), "proxy", "--listen", f"127.0.0.1:{cport}",
             "--pypi-upstream", up.base + "/simple", "--npm-upstream", up.base + "/npm/",
             "--store", os.path.join(work, "store.sqlite3"), "--cache-dir", os.path.join(work, "cache")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, HOME=work))
        procs.append(customs)
        cbase = f"http://127.0.0.1:{cport}"
        wait_ready(cbase + "/-/health", customs)
        # Verdaccio
        vport = free_port()
        conf = os.path.join(work, "verdaccio.yaml")
        with open(conf, "w") as f:
            f.write(f"storage: {work}/verdaccio-storage\nuplinks:\n  up:\n    url: {up.base}/npm/\n    maxage: 10m\n"
                    f"packages:\n  '**':\n    access: $all\n    proxy: up\nlisten: 127.0.0.1:{vport}\n"
                    f"log: {{ type: stdout, format: pretty, level: error }}\n")
        verdaccio = subprocess.Popen([os.path.join(TOOLS, "node_modules/.bin/verdaccio"), "--config", conf],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(verdaccio)
        vbase = f"http://127.0.0.1:{vport}"
        wait_ready(vbase + "/-/ping", verdaccio)
        # devpi-server, with a mirror index of the upstream
        dport = free_port()
        sdir = os.path.join(work, "devpi")
        subprocess.run([os.path.join(venv, "bin/devpi-init"), "--serverdir", sdir, "--no-root-pypi"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        devpi = subprocess.Popen([os.path.join(venv, "bin/devpi-server"), "--serverdir", sdir, "--host", "127.0.0.1",
                                  "--port", str(dport)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(devpi)
        dbase = f"http://127.0.0.1:{dport}"
        wait_ready(dbase + "/+api", devpi)
        client = [os.path.join(venv, "bin/devpi"), "--clientdir", os.path.join(work, "devpi-client")]
        for cmd in (["use", dbase], ["login", "root", "--password", ""],
                    ["index", "-c", "root/up", "type=mirror", f"mirror_url={up.base}/simple/"]):
            subprocess.run(client + cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        # First request of a large artifact (download, check, for customs scan too).
        first = {}
        _, first["customs npm"] = get(f"{cbase}/npm/bench-big/-/bench-big-1.0.0.tgz")
        _, first["Verdaccio"] = get(f"{vbase}/bench-big/-/bench-big-1.0.0.tgz")
        _, first["customs PyPI"] = get(f"{cbase}/pypi/files/bench-big/bench_big-1.0.0-py3-none-any.whl")
        page, _ = get(f"{dbase}/root/up/+simple/bench-big/")
        href = re.search(rb'href="([^"#]+bench_big-1\.0\.0-py3-none-any\.whl)', page).group(1).decode()
        _, first["devpi"] = get(urllib.parse.urljoin(f"{dbase}/root/up/+simple/bench-big/", href))

        # The cached targets, warmed once.
        page, _ = get(f"{dbase}/root/up/+simple/bench-lib/")
        href = re.search(rb'href="([^"#]+bench_lib-1\.19\.0-py3-none-any\.whl)', page).group(1).decode()
        targets = [
            ("npm", "metadata", "customs", customs, f"{cbase}/npm/bench-lib"),
            ("npm", "metadata", "Verdaccio", verdaccio, f"{vbase}/bench-lib"),
            ("npm", "artifact", "customs", customs, f"{cbase}/npm/bench-lib/-/bench-lib-1.19.0.tgz"),
            ("npm", "artifact", "Verdaccio", verdaccio, f"{vbase}/bench-lib/-/bench-lib-1.19.0.tgz"),
            ("PyPI", "metadata", "customs", customs, f"{cbase}/pypi/simple/bench-lib/"),
            ("PyPI", "metadata", "devpi", devpi, f"{dbase}/root/up/+simple/bench-lib/"),
            ("PyPI", "artifact", "customs", customs, f"{cbase}/pypi/files/bench-lib/bench_lib-1.19.0-py3-none-any.whl"),
            ("PyPI", "artifact", "devpi", devpi, urllib.parse.urljoin(f"{dbase}/root/up/+simple/bench-lib/", href)),
        ]
        for t in targets:
            get(t[4])
            get(t[4])
        print(f"machine: {os.cpu_count()} cores; wrk with 2 threads (1 for 1 connection), {args.seconds} s per cell, one loopback upstream; "
              f"customs {subprocess.run([os.path.join(ROOT, 'target/release/customs'), '--version'], capture_output=True, text=True).stdout.strip()}, "
              f"Verdaccio 5.33.0, devpi-server {subprocess.run([os.path.join(venv, 'bin/devpi-server'), '--version'], capture_output=True, text=True).stdout.strip()}")
        print()
        print("| ecosystem | request | proxy | conns | p50 ms | p99 ms | requests/s |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for eco, kind, name, proc, url in targets:
            for conns in (1, 50, 200):
                p50, p99, rps, bad = wrk(url, conns, args.seconds)
                note = f" ({bad} errors)" if bad else ""
                print(f"| {eco} | cached {kind} | {name} | {conns} | {p50:.2f} | {p99:.2f} | {rps:.0f}{note} |", flush=True)
        print()
        print(f"first request of a {args.big_mb} MB artifact (cold: download and check; customs also scans):")
        for k, v in first.items():
            print(f"  {k}: {v * 1000:.0f} ms")
        print("peak RSS after the load: " + ", ".join(
            f"{n} {peak_rss_mb(p.pid)} MB" for n, p in (("customs", customs), ("Verdaccio", verdaccio), ("devpi", devpi))))
    finally:
        for p in procs:
            p.terminate()
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        up.server.shutdown()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
