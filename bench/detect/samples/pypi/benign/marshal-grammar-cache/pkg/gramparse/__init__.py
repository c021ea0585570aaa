import hashlib
import marshal
import os

_CACHE = os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "gramparse")


def _parse(text):
    rules = {}
    for line in text.splitlines():
        if ":" in line and not line.lstrip().startswith("#"):
            name, alts = line.split(":", 1)
            rules[name.strip()] = tuple(tuple(a.split()) for a in alts.split("|"))
    return rules


def load_grammar(path):
    text = open(path).read()
    key = hashlib.sha1(text.encode()).hexdigest()
    cached = os.path.join(_CACHE, key + ".marshal")
    if os.path.exists(cached):
        with open(cached, "rb") as fh:
            return marshal.load(fh)
    rules = _parse(text)
    os.makedirs(_CACHE, exist_ok=True)
    with open(cached, "wb") as fh:
        marshal.dump(rules, fh)
    return rules
