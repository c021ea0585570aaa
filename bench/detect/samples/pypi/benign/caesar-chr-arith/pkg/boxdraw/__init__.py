BASE = 0x2500
LIGHT = {name: chr(BASE + off) for name, off in (("h", 0x00), ("v", 0x02), ("tl", 0x0C), ("tr", 0x10), ("bl", 0x14), ("br", 0x18))}
HEAVY = {name: chr(ord(ch) + 1) for name, ch in LIGHT.items()}
SHADES = "".join(chr(0x2591 + i) for i in range(3))


def box(text, style=LIGHT):
    w = len(text) + 2
    return "\n".join([style["tl"] + style["h"] * w + style["tr"], style["v"] + " " + text + " " + style["v"],
                      style["bl"] + style["h"] * w + style["br"]])


def caesar(s, k=3):
    return "".join(chr((ord(c) - 97 + k) % 26 + 97) if c.islower() else c for c in s)
