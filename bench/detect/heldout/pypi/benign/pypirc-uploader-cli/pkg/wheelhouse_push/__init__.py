import argparse
import base64
import configparser
import os
import pathlib
import urllib.request


def credentials(repository):
    cp = configparser.ConfigParser()
    cp.read(os.path.expanduser("~/.pypirc"))
    if not cp.has_section(repository):
        raise SystemExit(f"no [{repository}] section in ~/.pypirc")
    sec = cp[repository]
    return sec["repository"], sec.get("username", "__token__"), sec.get("password") or os.environ.get("WHEELHOUSE_TOKEN", "")


def upload(path, url, user, password):
    data = pathlib.Path(path).read_bytes()
    auth = base64.b64encode(f"{user}:{password}".encode()).decode()
    req = urllib.request.Request(url.rstrip("/") + "/" + pathlib.Path(path).name, data=data, method="PUT",
                                 headers={"Authorization": "Basic " + auth})
    with urllib.request.urlopen(req, timeout=120) as resp:
        return resp.status


def main():
    ap = argparse.ArgumentParser(prog="wheelhouse-push")
    ap.add_argument("-r", "--repository", default="internal")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    url, user, password = credentials(args.repository)
    for f in args.files:
        print(f, upload(f, url, user, password))
