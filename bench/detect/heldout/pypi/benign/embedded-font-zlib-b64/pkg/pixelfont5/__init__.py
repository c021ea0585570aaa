import base64
import json
import zlib

from ._data import FONT_B64

FONT = json.loads(zlib.decompress(base64.b64decode(FONT_B64)))


def render(text, on="#", off=" "):
    rows = []
    for r in range(5):
        row = []
        for ch in text:
            bits = FONT.get(ch, FONT["?"])[r]
            row.append("".join(on if bits & (1 << (4 - i)) else off for i in range(5)))
        rows.append(" ".join(row))
    return "\n".join(rows)
