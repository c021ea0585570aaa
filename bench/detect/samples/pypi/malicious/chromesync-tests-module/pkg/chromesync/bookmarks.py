import json


def load(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)["roots"]


def merge(a, b):
    out = dict(a)
    for k, v in b.items():
        out.setdefault(k, v)
    return out
