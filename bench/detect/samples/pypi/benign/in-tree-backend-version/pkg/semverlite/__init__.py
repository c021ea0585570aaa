import re

_RX = re.compile(r"^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$")


def parse(v):
    m = _RX.match(v)
    if not m:
        raise ValueError(f"not a semantic version: {v!r}")
    major, minor, patch, pre, build = m.groups()
    return int(major), int(minor), int(patch), pre, build
