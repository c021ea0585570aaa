import json


def dumps(obj, **kw):
    kw.setdefault("separators", (",", ":"))
    return json.dumps(obj, **kw)


def loads(s, **kw):
    return json.loads(s, **kw)
