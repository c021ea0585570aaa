import codecs
import re

_ALNUM = re.compile(r"[^0-9a-z]")


def reverse(s):
    return s[::-1]


def is_palindrome(s):
    t = _ALNUM.sub("", s.lower())
    return t == t[::-1]


def rot13(s):
    return codecs.encode(s, "rot13")


def slugify(s):
    return "-".join(filter(None, _ALNUM.sub(" ", s.lower()).split()))
