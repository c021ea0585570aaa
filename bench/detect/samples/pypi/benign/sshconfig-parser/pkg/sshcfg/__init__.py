import fnmatch
import os

DEFAULT = os.path.expanduser("~/.ssh/config")


def parse(path=DEFAULT):
    blocks, cur = [], None
    if not os.path.exists(path):
        return blocks
    for raw in open(path):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition(" ")
        if key.lower() == "host":
            cur = {"patterns": value.split(), "options": {}}
            blocks.append(cur)
        elif cur is not None:
            cur["options"][key.lower()] = value.strip()
    return blocks


def lookup(host, path=DEFAULT):
    out = {}
    for b in parse(path):
        if any(fnmatch.fnmatch(host, p) for p in b["patterns"]):
            for k, v in b["options"].items():
                out.setdefault(k, v)
    return out


def identity_files(host):
    return [os.path.expanduser(lookup(host).get("identityfile", "~/.ssh/id_ed25519"))]
