import argparse
import getpass
import json
import os
import urllib.request

CONFIG = os.path.expanduser("~/.config/notecloud/config.json")


def _server():
    with open(CONFIG) as fh:
        return json.load(fh)["server"]


def login(user):
    password = getpass.getpass(f"password for {user}: ")
    req = urllib.request.Request(_server() + "/api/login", data=json.dumps({"user": user, "password": password}).encode(),
                                 headers={"Content-Type": "application/json"})
    token = json.load(urllib.request.urlopen(req, timeout=10))["token"]
    os.makedirs(os.path.dirname(CONFIG), exist_ok=True)
    with open(CONFIG + ".token", "w") as fh:
        fh.write(token)
    os.chmod(CONFIG + ".token", 0o600)


def main():
    ap = argparse.ArgumentParser(prog="notecloud")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("login").add_argument("user")
    args = ap.parse_args()
    if args.cmd == "login":
        login(args.user)
