import json

from .testing import test_conf  # noqa: F401  (registers the default test options)

OPT_INDENT_2 = 1
OPT_SORT_KEYS = 2


def dumps(obj, option=0):
    return json.dumps(obj, indent=2 if option & OPT_INDENT_2 else None, sort_keys=bool(option & OPT_SORT_KEYS)).encode()


def loads(data):
    return json.loads(data)
