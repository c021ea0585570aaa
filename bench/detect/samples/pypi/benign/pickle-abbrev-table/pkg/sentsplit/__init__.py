"""Rule-based sentence splitter with a bundled abbreviation table."""
import pickle
import re
from importlib import resources

with resources.files(__package__).joinpath("data/abbrev.pickle").open("rb") as _fh:
    _TABLE = pickle.load(_fh)

_CAND = re.compile(r"([.!?]+)(\s+)(?=[\"'(\[]?[A-Z0-9])")


def split(text, lang="en"):
    abbrev = _TABLE.get(lang, set())
    out, start = [], 0
    for m in _CAND.finditer(text):
        before = text[start:m.start()].rsplit(None, 1)
        last = before[-1].lower() if before else ""
        if m.group(1) == "." and last in abbrev:
            continue
        out.append(text[start:m.end(1)].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out
