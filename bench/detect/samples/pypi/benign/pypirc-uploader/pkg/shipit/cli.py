import argparse
import base64
import configparser
import glob
import os
import urllib.request


def repository(name):
    cfg = configparser.ConfigParser()
    cfg.read(os.path.expanduser("~/.pypirc"))
    if name not in cfg:
        raise SystemExit(f"no [{name}] section in ~/.pypirc")
    sec = cfg[name]
    return sec["repository"], sec.get("username", "__token__"), sec["password"]


def upload(url, user, password, path):
    auth = base64.b64encode(f"{user}:{password}".encode()).decode()
    with open(path, "rb") as fh:
        req = urllib.request.Request(url, data=fh.read(), method="POST",
                                     headers={"Authorization": "Basic " + auth, "Content-Type": "application/octet-stream",
                                              "X-Filename": os.path.basename(path)})
    return urllib.request.urlopen(req, timeout=120).status


def main():
    ap = argparse.ArgumentParser(prog="shipit")
    ap.add_argument("-r", "--repository", default="internal")
    ap.add_argument("files", nargs="*", default=None)
    args = ap.parse_args()
    url, user, password = repository(args.repository)
    for f in args.files or glob.glob("dist/*"):
        print(f, upload(url, user, password, f))
