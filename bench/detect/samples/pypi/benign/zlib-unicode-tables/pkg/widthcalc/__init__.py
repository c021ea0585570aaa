import base64
import bisect
import json
import unicodedata
import zlib

_WIDE = json.loads(zlib.decompress(base64.b64decode("eJwtjtEVxTAIQlfpAP0QFVNn6en+azxi3pfciIT3zaDfV2au775eoC3vCx60YYkQRwDDErKj22K4ux6dW7M3S5SJHT3+TAv5ST/+ipXKr3RymLa0L+K/pz+2OVYd5u6jgX+fNQHwh+cHeM+JJoOnIyYUXWXnZSvV9HIkvu8H65Mzqg==")))
_STARTS = [r[0] for r in _WIDE]


def char_width(ch):
    cp = ord(ch)
    if unicodedata.combining(ch):
        return 0
    i = bisect.bisect_right(_STARTS, cp) - 1
    return 2 if i >= 0 and _WIDE[i][0] <= cp <= _WIDE[i][1] else 1


def width(text):
    return sum(char_width(c) for c in text)
